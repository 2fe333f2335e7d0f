using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>Controllers, USB addressing, hubs, redirection, smartcards, host devices and pseries spapr-vio.</summary>
public sealed class ControllerAndUsbTests
{
    private static readonly HostSettings Host = HostSettings.Default with
    {
        Monitor = new MonitorSettings { Path = "/run/mon" },
        Environment = new ProcessEnvironment { Set = [new("PATH", "/bin")] },
    };

    private static readonly QemuCapability[] Modern = [QemuCapability.Device, QemuCapability.Drive, QemuCapability.Chardev];

    private static QemuBuildResult Run(string devices, string machine, QemuCapability[] caps)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='i686' machine='{machine}'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu</emulator>{devices}<memballoon model='none'/></devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu", Arch = "i686", Capabilities = QemuCapabilitySet.Of(caps) };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, Host);
    }

    private static IReadOnlyList<string> Build(string devices, params QemuCapability[] extra) => BuildOn("pc", devices, extra);

    private static IReadOnlyList<string> BuildOn(string machine, string devices, params QemuCapability[] extra)
    {
        var result = Run(devices, machine, [.. Modern, .. extra]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    private static Diagnostic Refused(string devices, string code, params QemuCapability[] extra)
    {
        var result = Run(devices, "pc", [.. Modern, .. extra]);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.Code.Id == code);
    }

    [Fact]
    public void Inputs_that_name_no_bus_are_on_libvirts_a_tablet_on_usb_a_mouse_and_a_keyboard_on_ps2()
    {
        // The tablet was left out of the command line: only an input that named its bus was placed.
        var argv = Build("<input type='tablet'/><input type='mouse'/><input type='keyboard'/>");

        Assert.Single(argv, w => w.StartsWith("usb-tablet,id=input0", StringComparison.Ordinal));
        Assert.DoesNotContain(argv, w => w.StartsWith("usb-mouse", StringComparison.Ordinal) || w.StartsWith("usb-kbd", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scsi_disk_without_a_declared_controller_gets_libvirts_implicit_lsi_controller()
    {
        var argv = Build("<disk type='file' device='disk'><source file='/s.img'/><target dev='sda' bus='scsi'/></disk>");
        ArgvAssert.Contains(argv,
            "-boot", "c",
            "-device", "lsi,id=scsi0,bus=pci.0,addr=0x3",
            "-drive", "file=/s.img,if=none,id=drive-scsi0-0-0");
    }

    [Fact]
    public void Controllers_are_emitted_usb_then_scsi_then_sata_while_slots_follow_the_xml_order()
    {
        var argv = Build(
            "<controller type='sata' index='0'/><controller type='scsi' index='0' model='virtio-scsi'/>"
            + "<controller type='usb' index='0' model='piix3-uhci'/>",
            QemuCapability.Ich9Ahci, QemuCapability.VirtioScsiPci, QemuCapability.Piix3UsbUhci);
        ArgvAssert.Contains(argv,
            "-device", "piix3-usb-uhci,id=usb,bus=pci.0,addr=0x1.0x2",
            "-device", "virtio-scsi-pci,id=scsi0,bus=pci.0,addr=0x4",
            "-device", "ahci,id=ahci0,bus=pci.0,addr=0x3");
        Assert.DoesNotContain(argv, w => w.StartsWith("-usb", StringComparison.Ordinal));
    }

    [Fact]
    public void Ich9_companions_share_their_masters_slot_and_take_default_first_ports()
    {
        var argv = Build(
            "<controller type='usb' index='0' model='ich9-uhci2'/><controller type='usb' index='0' model='ich9-ehci1'/>"
            + "<controller type='usb' index='0' model='ich9-uhci1'/>",
            QemuCapability.Ich9UsbEhci1);
        ArgvAssert.Contains(argv,
            "-device", "ich9-usb-uhci2,masterbus=usb.0,firstport=2,bus=pci.0,addr=0x3.0x1",
            "-device", "ich9-usb-ehci1,id=usb,bus=pci.0,addr=0x3.0x7",
            "-device", "ich9-usb-uhci1,masterbus=usb.0,firstport=0,bus=pci.0,multifunction=on,addr=0x3");
    }

    [Fact]
    public void A_user_alias_names_the_usb_bus_its_companions_and_devices_attach_to()
    {
        var argv = Build(
            "<controller type='usb' index='0' model='ich9-ehci1'><alias name='ua-myUSB'/></controller>"
            + "<controller type='usb' index='0' model='ich9-uhci1'><alias name='ua-companion'/></controller>"
            + "<input type='tablet' bus='usb'><address type='usb' bus='0' port='2'/></input>",
            QemuCapability.Ich9UsbEhci1);

        ArgvAssert.Contains(argv, "-device", "ich9-usb-ehci1,id=ua-myUSB,bus=pci.0,addr=0x3.0x7");
        Assert.Contains(argv, w => w.StartsWith("ich9-usb-uhci1,masterbus=ua-myUSB.0,", StringComparison.Ordinal));
        Assert.Contains(argv, w => w.StartsWith("usb-tablet,", StringComparison.Ordinal) && w.Contains("bus=ua-myUSB.0,port=2", StringComparison.Ordinal));
    }

    [Fact]
    public void Usb_controllers_are_ordered_by_index_keeping_the_xml_order_within_an_index()
    {
        var argv = Build(
            "<controller type='usb' index='1' model='pci-ohci'/><controller type='usb' index='0' model='nec-xhci'/>",
            QemuCapability.PciOhci, QemuCapability.NecUsbXhci);
        ArgvAssert.Contains(argv, "-device", "nec-usb-xhci,id=usb,bus=pci.0,addr=0x3", "-device", "pci-ohci,id=usb1,bus=pci.0,addr=0x4");
    }

    [Fact]
    public void A_usb_controller_with_model_none_drops_usb_yet_still_takes_a_pci_slot()
    {
        var argv = Build("<controller type='usb' index='0' model='none'/><interface type='user'><model type='e1000'/></interface>");
        Assert.DoesNotContain(argv, w => w.StartsWith("-usb", StringComparison.Ordinal));
        ArgvAssert.Contains(argv, "e1000,vlan=0,id=net0,bus=pci.0,addr=0x3");
    }

    [Fact]
    public void A_usb_controller_without_a_model_uses_the_builtin_one_when_qemu_lacks_piix3_usb_uhci()
    {
        var argv = Build("<controller type='usb' index='0'/>");
        ArgvAssert.Contains(argv, "-usb");
        ArgvAssert.DoesNotContain(argv, "piix3-usb-uhci");
    }

    [Fact]
    public void Two_usb_controllers_left_to_the_builtin_one_are_refused()
    {
        var d = Refused("<controller type='usb' index='0'/><controller type='usb' index='1'/>", "DL4061");
        Assert.Contains("more than one USB controller", d.Message);
    }

    [Fact]
    public void A_scsi_model_qemu_has_no_device_for_is_refused_naming_the_supported_models()
    {
        var d = Refused("<controller type='scsi' index='0' model='buslogic'/>", "DL4060");
        Assert.Contains("'buslogic'", d.Message);
        Assert.Contains("lsilogic, virtio-scsi, ibmvscsi", d.Message);
    }

    [Fact]
    public void Virtio_scsi_and_sata_need_their_capabilities()
    {
        var d = Refused("<controller type='scsi' index='0' model='virtio-scsi'/>", "DL4050");
        Assert.Contains("virtio-scsi-pci", d.Message);
        Assert.Contains("'ich9-ahci'", Refused("<controller type='sata' index='0'/>", "DL4050").Message);
    }

    [Fact]
    public void Usb_devices_and_hubs_are_placed_on_their_bus_and_port_path()
    {
        var argv = Build(
            "<controller type='usb' index='0'/><hub type='usb'><address type='usb' bus='0' port='1'/></hub>"
            + "<input type='mouse' bus='usb'><address type='usb' bus='0' port='1.2'/></input>",
            QemuCapability.UsbHub);
        ArgvAssert.Contains(argv,
            "-usb",
            "-device", "usb-hub,id=hub0,bus=usb.0,port=1",
            "-device", "usb-mouse,id=input0,bus=usb.0,port=1.2");
    }

    [Fact]
    public void Pseries_virtual_scsi_and_serial_ports_take_spapr_vio_registers_past_those_given()
    {
        var argv = BuildOn("pseries",
            "<controller type='scsi' index='0'/><controller type='scsi' index='1'><address type='spapr-vio' reg='0x2000'/></controller>"
            + "<serial type='pty'><address type='spapr-vio' reg='0x30000000'/></serial><serial type='pty'/>");
        ArgvAssert.Contains(argv, "-device", "spapr-vscsi,id=scsi0,reg=0x3000", "-device", "spapr-vscsi,id=scsi1,reg=0x2000");
        ArgvAssert.Contains(argv, "-device", "spapr-vty,chardev=charserial0,reg=0x30000000");
        ArgvAssert.Contains(argv, "-device", "spapr-vty,chardev=charserial1,reg=0x30001000");
    }

    [Fact]
    public void A_pseries_scsi_disk_gets_an_implicit_virtual_scsi_controller_addressed_by_target_and_lun()
    {
        var argv = BuildOn("pseries", "<disk type='file' device='disk'><source file='/s.img'/><target dev='sda' bus='scsi'/></disk>");
        ArgvAssert.Contains(argv, "-device", "spapr-vscsi,id=scsi0,reg=0x2000", "-drive", "file=/s.img,if=none,id=drive-scsi0-0-0-0");
        ArgvAssert.Contains(argv, "-device", "scsi-disk,bus=scsi0.0,channel=0,scsi-id=0,lun=0,drive=drive-scsi0-0-0-0,id=scsi0-0-0-0");
    }

    [Fact]
    public void Two_devices_given_the_same_spapr_vio_register_are_refused()
    {
        var d = Refused(
            "<controller type='scsi' index='0'><address type='spapr-vio' reg='0x4000'/></controller>"
            + "<serial type='pty'><address type='spapr-vio' reg='0x4000'/></serial>", "DL4062");
        Assert.Contains("0x4000", d.Message);
    }

    [Fact]
    public void Usb_and_pci_host_devices_pass_through_with_address_boot_index_and_rom()
    {
        var argv = Build(
            "<hostdev mode='subsystem' type='usb'><source><address bus='14' device='6'/></source><address type='usb' bus='0' port='2'/></hostdev>"
            + "<hostdev mode='subsystem' type='pci'><source><address domain='0' bus='0x06' slot='0x12' function='0x5'/></source>"
            + "<boot order='1'/><rom bar='off' file='/r.bin'/></hostdev>",
            QemuCapability.Rombar, QemuCapability.BootIndex);
        ArgvAssert.Contains(argv, "-device", "usb-host,hostbus=14,hostaddr=6,id=hostdev0,bus=usb.0,port=2");
        ArgvAssert.Contains(argv, "-device", "pci-assign,host=06:12.5,id=hostdev1,bootindex=1,bus=pci.0,addr=0x3,rombar=0,romfile=/r.bin");
    }

    [Fact]
    public void Without_device_host_devices_use_the_legacy_options()
    {
        var result = Run(
            "<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0xbeef'/></source></hostdev>"
            + "<hostdev mode='subsystem' type='pci'><source><address bus='0x06' slot='0x12' function='0x5'/></source></hostdev>",
            "pc", [QemuCapability.PciDevice]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var argv = result.CommandLine!.Words;
        ArgvAssert.Contains(argv, "-usbdevice", "host:1234:beef", "-pcidevice", "host=06:12.5");
    }

    [Fact]
    public void A_usb_host_device_named_only_by_vendor_and_product_is_refused_with_device()
    {
        Refused("<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0xbeef'/></source></hostdev>", "DL4063");
    }

    [Fact]
    public void A_hostdev_interface_is_passed_through_in_the_interfaces_slot_and_not_as_a_nic()
    {
        var argv = Build(
            "<interface type='hostdev'><mac address='00:11:22:33:44:55'/><source><address type='pci' domain='0' bus='0x03' slot='0x07' function='0x1'/></source></interface>"
            + "<interface type='user'><model type='e1000'/></interface>");
        ArgvAssert.Contains(argv, "e1000,vlan=1,id=net1,bus=pci.0,addr=0x4");
        ArgvAssert.Contains(argv, "-device", "pci-assign,host=03:07.1,id=hostdev0,bus=pci.0,addr=0x3");
    }

    [Fact]
    public void Smartcards_sit_on_an_implicit_ccid_controller()
    {
        var argv = Build("<smartcard mode='host-certificates'><certificate>a,b</certificate><certificate>c</certificate><certificate>d</certificate></smartcard>",
            QemuCapability.CcidEmulated);
        ArgvAssert.Contains(argv, "-device", "usb-ccid,id=ccid0");
        ArgvAssert.Contains(argv,
            "-device", "ccid-card-emulated,backend=certificates,cert1=a,,b,cert2=c,cert3=d,database=/etc/pki/nssdb,id=smartcard0,bus=ccid0.0");
    }

    [Fact]
    public void A_second_smartcard_is_refused()
    {
        Refused("<smartcard mode='host'/><smartcard mode='host'/>", "DL4065", QemuCapability.CcidEmulated);
    }

    [Fact]
    public void Redirected_usb_devices_carry_the_domains_filter_in_upper_case_hex_with_bcd_versions()
    {
        var argv = Build(
            "<redirdev bus='usb' type='tcp'><source mode='connect' host='h' service='4000'/><address type='usb' bus='0' port='3'/></redirdev>"
            + "<redirfilter><usbdev class='0x08' vendor='0x15E1' product='0x2007' version='1.10' allow='yes'/><usbdev allow='no'/></redirfilter>",
            QemuCapability.UsbRedir, QemuCapability.UsbRedirFilter);
        ArgvAssert.Contains(argv,
            "-chardev", "socket,id=charredir0,host=h,port=4000",
            "-device", "usb-redir,chardev=charredir0,id=redir0,filter=0x08:0x15E1:0x2007:0x0110:1|-1:-1:-1:-1:0,bus=usb.0,port=3");
    }

    [Fact]
    public void A_redirection_filter_needs_the_emulators_filter_support()
    {
        var d = Refused(
            "<redirdev bus='usb' type='spicevmc'/><redirfilter><usbdev allow='no'/></redirfilter>", "DL4050", QemuCapability.UsbRedir);
        Assert.Contains("usb-redir.filter", d.Message);
    }
}
