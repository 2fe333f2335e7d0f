using System.Text.Json;
using DomainLauncher.HostRuntime.Check;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>Matching expected devices against canned QMP answers (trimmed from QEMU 7.2's): no QEMU needed.</summary>
public sealed class InventoryMatchingTests
{
    private const string QueryBlock = """
        [
          {"device": "drive-virtio-disk0", "qdev": "/machine/peripheral/virtio-disk0/virtio-backend", "removable": false,
           "inserted": {"file": "/images/vda.qcow2", "ro": false, "drv": "qcow2"}},
          {"device": "drive-ide0-1-0", "qdev": "ide0-1-0", "removable": true, "tray_open": false},
          {"device": "drive-fdc0-0-0", "qdev": "/machine/peripheral-anon/device[0]", "removable": true,
           "inserted": {"file": "/images/floppy.img", "ro": true, "drv": "raw"}}
        ]
        """;

    private const string QueryPci = """
        [
          {"bus": 0, "devices": [
            {"bus": 0, "slot": 1, "function": 2, "class_info": {"class": 3075, "desc": "USB controller"},
             "id": {"vendor": 32902, "device": 28704}, "qdev_id": "usb"},
            {"bus": 0, "slot": 2, "function": 0, "class_info": {"class": 768, "desc": "VGA controller"},
             "id": {"vendor": 4115, "device": 184}, "qdev_id": ""},
            {"bus": 0, "slot": 3, "function": 0, "class_info": {"class": 512, "desc": "Ethernet controller"},
             "id": {"vendor": 6900, "device": 4096}, "qdev_id": "net0"},
            {"bus": 0, "slot": 5, "function": 0, "class_info": {"class": 256, "desc": "SCSI controller"},
             "id": {"vendor": 6900, "device": 4097}, "qdev_id": "virtio-disk0"},
            {"bus": 0, "slot": 9, "function": 0, "class_info": {"class": 1540, "desc": "PCI bridge"},
             "id": {"vendor": 6966, "device": 1}, "qdev_id": "bridge1",
             "pci_bridge": {"devices": [
               {"bus": 1, "slot": 1, "function": 0, "class_info": {"class": 255},
                "id": {"vendor": 6900, "device": 4098}, "qdev_id": "balloon0"}]}}
          ]}
        ]
        """;

    private const string QueryChardev = """
        [
          {"label": "charserial0", "filename": "pty:/dev/pts/3", "frontend-open": true},
          {"label": "charchannel0", "filename": "disconnected:unix:/run/agent.sock,server=on", "frontend-open": false}
        ]
        """;

    private const string Peripheral = """
        [
          {"name": "type", "type": "string"},
          {"name": "virtio-disk0", "type": "child<virtio-blk-pci>"},
          {"name": "ide0-1-0", "type": "child<ide-cd>"},
          {"name": "net0", "type": "child<virtio-net-pci>"},
          {"name": "serial0", "type": "child<isa-serial>"},
          {"name": "usb", "type": "child<piix3-usb-uhci>"},
          {"name": "balloon0", "type": "child<virtio-balloon-pci>"}
        ]
        """;

    private const string PeripheralAnon = """
        [{"name": "type", "type": "string"}, {"name": "device[0]", "type": "child<floppy>"}]
        """;

    private const string Unattached = """
        [{"name": "device[3]", "type": "child<cirrus-vga>"}, {"name": "device[4]", "type": "child<isa-pcspk>"},
         {"name": "sysbus", "type": "child<System>"}, {"name": "pc.ram", "type": "link<memory-region>"}]
        """;

    private static DeviceInventory Inventory(params (string Id, string Property, string Value)[] properties) =>
        QmpInventory.FromAnswers(QueryBlock, QueryPci, QueryChardev, Peripheral, PeripheralAnon, Unattached,
            properties.ToDictionary(p => new DeviceProperty(p.Id, p.Property), p => p.Value));

    private static readonly DeviceInventory Canned = Inventory(("net0", "mac", "52:54:00:12:34:56"), ("serial0", "chardev", "charserial0"));

    private static DeviceCheckRow MatchOne(ExpectedDevice device, DeviceInventory? inventory = null) =>
        Assert.Single(DeviceMatcher.Match([device], inventory ?? Canned));

    private static readonly ExpectedDevice VirtioDisk = new()
    {
        Kind = DeviceKind.Disk, Name = "disk vda (virtio, /images/vda.qcow2)", Id = "virtio-disk0", QemuType = "virtio-blk-pci",
        Pci = new PciSlot(0, 5, 0), Drive = "drive-virtio-disk0", Medium = MediumExpectation.Inserted, MediumFile = "/images/vda.qcow2",
    };

    private static readonly ExpectedDevice VirtioNic = new()
    {
        Kind = DeviceKind.Nic, Name = "interface user 52:54:00:12:34:56 (virtio)", Id = "net0", QemuType = "virtio-net-pci",
        Pci = new PciSlot(0, 3, 0), Mac = "52:54:00:12:34:56",
    };

    [Fact]
    public void Canned_answers_give_devices_by_id_anonymous_types_and_PCI_functions_behind_bridges()
    {
        Assert.Equal("virtio-blk-pci", Canned.Peripherals["virtio-disk0"]);
        Assert.DoesNotContain("type", Canned.Peripherals.Keys);
        Assert.Equal(["floppy", "cirrus-vga", "isa-pcspk", "System"], Canned.AnonymousTypes.ToArray());
        var balloon = Assert.Single(Canned.Pci, f => f.QdevId == "balloon0");
        Assert.Equal(new PciSlot(1, 1, 0), balloon.Slot);
        Assert.Null(Canned.Blocks.Single(b => b.Device == "drive-ide0-1-0").File);
        Assert.True(Canned.Chardevs.Single(c => c.Label == "charserial0").FrontendOpen);
    }

    [Fact]
    public void A_disk_with_its_type_slot_and_medium_is_found()
    {
        var row = MatchOne(VirtioDisk);

        Assert.True(row.Found, row.Detail);
        Assert.Contains("drive-virtio-disk0 holds /images/vda.qcow2", row.Detail);
    }

    [Fact]
    public void An_empty_cdrom_found_by_block_device_attached_by_id()
    {
        var cdrom = new ExpectedDevice
        {
            Kind = DeviceKind.Cdrom, Name = "cdrom hdc (ide, empty)", Id = "ide0-1-0", QemuType = "ide-cd",
            Drive = "drive-ide0-1-0", Medium = MediumExpectation.Empty,
        };

        Assert.True(MatchOne(cdrom).Found);
    }

    [Fact]
    public void A_medium_where_none_is_expected_is_reported_with_the_file_QEMU_holds()
    {
        var row = MatchOne(VirtioDisk with { Medium = MediumExpectation.Empty, MediumFile = null });

        Assert.False(row.Found);
        Assert.Equal("drive-virtio-disk0 holds /images/vda.qcow2, expected no medium", row.Detail);
    }

    [Fact]
    public void A_block_device_attached_to_another_device_is_missing()
    {
        var row = MatchOne(VirtioDisk with { Drive = "drive-ide0-1-0", Medium = MediumExpectation.NotChecked });

        Assert.False(row.Found);
        Assert.Equal("drive-ide0-1-0 is attached to ide0-1-0, not virtio-disk0", row.Detail);
    }

    [Fact]
    public void A_floppy_without_an_id_is_found_by_its_block_device()
    {
        var floppy = new ExpectedDevice
        {
            Kind = DeviceKind.Floppy, Name = "floppy fda", Drive = "drive-fdc0-0-0", Medium = MediumExpectation.Inserted, MediumFile = "/images/floppy.img",
        };

        Assert.True(MatchOne(floppy).Found);
    }

    [Fact]
    public void A_NIC_with_its_type_slot_and_MAC_is_found_whatever_the_MAC_s_case()
    {
        var row = MatchOne(VirtioNic with { Mac = "52:54:00:12:34:56".ToUpperInvariant() });

        Assert.True(row.Found, row.Detail);
    }

    [Fact]
    public void A_NIC_of_another_model_is_missing_naming_the_model_QEMU_has()
    {
        var row = MatchOne(VirtioNic with { QemuType = "e1000" });

        Assert.False(row.Found);
        Assert.Equal("net0 is virtio-net-pci, expected e1000", row.Detail);
    }

    [Fact]
    public void A_NIC_whose_MAC_differs_is_missing_with_the_MAC_seen()
    {
        var row = MatchOne(VirtioNic, Inventory(("net0", "mac", "52:54:00:00:00:01")));

        Assert.False(row.Found);
        Assert.Equal("MAC is 52:54:00:00:00:01, not 52:54:00:12:34:56", row.Detail);
    }

    [Fact]
    public void A_device_id_QEMU_does_not_have_is_missing()
    {
        var row = MatchOne(VirtioNic with { Id = "net1", Pci = null, Mac = null });

        Assert.False(row.Found);
        Assert.Equal("no device with id net1", row.Detail);
    }

    [Fact]
    public void A_slot_held_by_another_device_names_that_device_and_where_the_expected_one_is()
    {
        var row = MatchOne(VirtioNic with { Pci = new PciSlot(0, 5, 0) });

        Assert.False(row.Found);
        Assert.Contains("PCI 00:05.0 is virtio-disk0 (SCSI controller, 1af4:1001) (net0 is at 00:03.0)", row.Detail);
    }

    [Fact]
    public void A_device_behind_a_bridge_is_found_at_its_bus()
    {
        var balloon = new ExpectedDevice
        {
            Kind = DeviceKind.Memballoon, Name = "memballoon virtio", Id = "balloon0", QemuType = "virtio-balloon-pci", Pci = new PciSlot(1, 1, 0),
        };

        Assert.True(MatchOne(balloon).Found);
    }

    [Fact]
    public void Behind_a_bridge_the_plans_bus_index_is_no_guest_bus_number_so_the_device_is_found_by_id_at_its_slot()
    {
        // The plan puts the balloon on bus 3 (the bridge's controller index); the guest numbered that bus 1.
        var balloon = new ExpectedDevice
        {
            Kind = DeviceKind.Memballoon, Name = "memballoon virtio", Id = "balloon0", QemuType = "virtio-balloon-pci", Pci = new PciSlot(3, 1, 0),
        };

        Assert.True(MatchOne(balloon).Found);
        Assert.False(MatchOne(balloon with { Pci = new PciSlot(3, 2, 0) }).Found);
    }

    [Fact]
    public void Anonymous_devices_are_counted_so_a_second_card_of_one_type_is_missing()
    {
        var card = new ExpectedDevice
        {
            Kind = DeviceKind.Video, Name = "video cirrus (primary)", QemuType = "cirrus-vga", Pci = new PciSlot(0, 2, 0), PciClass = 0x0300,
        };

        var rows = DeviceMatcher.Match([card, card with { Pci = null, PciClass = null }], Canned);

        Assert.True(rows[0].Found, rows[0].Detail);
        Assert.False(rows[1].Found);
        Assert.Equal("no cirrus-vga in the machine", rows[1].Detail);
    }

    [Fact]
    public void A_PCI_function_of_another_class_is_missing()
    {
        var usb = new ExpectedDevice { Kind = DeviceKind.Controller, Name = "controller usb 0 (built in, -usb)", Pci = new PciSlot(0, 2, 0), PciClass = 0x0c03 };

        var row = MatchOne(usb);

        Assert.False(row.Found);
        Assert.Contains("not of class 0x0c03", row.Detail);
        Assert.True(MatchOne(usb with { Pci = null }).Found);
    }

    [Fact]
    public void A_serial_port_is_found_with_its_chardev_and_missing_when_linked_to_another()
    {
        var serial = new ExpectedDevice { Kind = DeviceKind.Serial, Name = "serial 0 (pty)", Id = "serial0", QemuType = "isa-serial", Chardev = "charserial0" };

        Assert.True(MatchOne(serial).Found);
        var relinked = MatchOne(serial, Inventory(("serial0", "chardev", "charchannel0")));
        Assert.False(relinked.Found);
        Assert.Equal("serial0 uses chardev charchannel0, not charserial0", relinked.Detail);
        var gone = MatchOne(serial with { Chardev = "charserial9" });
        Assert.StartsWith("no chardev charserial9", gone.Detail);
    }

    [Fact]
    public void Only_the_properties_of_devices_with_an_id_and_a_MAC_or_chardev_are_read()
    {
        var serial = new ExpectedDevice { Kind = DeviceKind.Serial, Name = "serial", Id = "serial0", Chardev = "charserial0" };
        var spapr = new ExpectedDevice { Kind = DeviceKind.Serial, Name = "spapr", QemuType = "spapr-vty", Chardev = "charserial1" };

        var reads = QmpInventory.PropertiesToRead([VirtioDisk, VirtioNic, serial, spapr]).ToList();

        Assert.Equal([new DeviceProperty("net0", "mac"), new DeviceProperty("serial0", "chardev")], reads);
    }

    [Fact]
    public void The_table_lists_substitutions_above_one_row_per_device_and_a_total()
    {
        var report = new DeviceCheckReport
        {
            Domain = "guest", Emulator = "/usr/bin/qemu-system-x86_64", Substitutions = ["disk vda: /images/vda.qcow2 -> scratch qcow2"],
            Rows = DeviceMatcher.Match([VirtioDisk, VirtioNic with { QemuType = "e1000" }], Canned),
            Timings = new CheckTimings(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.02)),
        };

        var lines = report.ToTable().Split('\n');

        Assert.Equal("domain guest on /usr/bin/qemu-system-x86_64", lines[0]);
        Assert.Equal("  disk vda: /images/vda.qcow2 -> scratch qcow2", lines[2]);
        Assert.StartsWith("KIND", lines[4]);
        Assert.Contains("found", lines[5]);
        Assert.Contains("MISSING", lines[6]);
        Assert.EndsWith("net0 is virtio-net-pci, expected e1000", lines[6]);
        Assert.StartsWith("1 found, 1 missing (start 0.50 s", lines[8]);
        Assert.False(report.AllFound);
    }

    [Fact]
    public void The_JSON_report_has_one_object_per_device_and_the_totals()
    {
        var report = new DeviceCheckReport
        {
            Domain = "guest", Emulator = "/usr/bin/qemu-system-x86_64",
            Rows = DeviceMatcher.Match([VirtioDisk, VirtioNic with { Id = "net7", Pci = null, Mac = null }], Canned),
        };

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;

        Assert.False(root.GetProperty("allFound").GetBoolean());
        Assert.Equal(1, root.GetProperty("missing").GetInt32());
        Assert.Equal(0, root.GetProperty("substitutions").GetArrayLength());
        var nic = root.GetProperty("devices")[1];
        Assert.Equal("interface", nic.GetProperty("kind").GetString());
        Assert.False(nic.GetProperty("found").GetBoolean());
        Assert.Equal("no device with id net7", nic.GetProperty("detail").GetString());
        Assert.Equal("virtio-net-pci id=net7", nic.GetProperty("expectation").GetString());
        Assert.False(root.TryGetProperty("timings", out _));
    }
}
