using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Plan;

/// <summary>
/// The plan names the QEMU type of every device family the emitters write, and the capability
/// decisions the emitters used to make themselves (media=cdrom, the -global type of a -vga qxl card);
/// each planned type is the word after <c>-device</c> (or before <c>.</c> in <c>-global</c>) on the command line.
/// </summary>
public sealed class PlannedDeviceTypeTests
{
    private static readonly HostSettings Host = HostSettings.Default with
    {
        Monitor = new MonitorSettings { Path = "/run/mon" },
        Environment = new ProcessEnvironment { Set = [new("PATH", "/bin")] },
    };

    private static readonly QemuCapability[] Modern =
    [
        QemuCapability.Device, QemuCapability.Drive, QemuCapability.Chardev, QemuCapability.Fsdev, QemuCapability.UsbHub,
        QemuCapability.UsbRedir, QemuCapability.CcidEmulated, QemuCapability.CcidPassthru, QemuCapability.PciDevice,
        QemuCapability.Spice, QemuCapability.BootIndex, QemuCapability.UsbRedirBootindex, QemuCapability.Piix3UsbUhci,
    ];

    private static QemuBuildResult Build(string devices, params QemuCapability[] caps)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu", Arch = "x86_64", Capabilities = QemuCapabilitySet.Of(caps),
        };
        var result = QemuCommandBuilder.Build(parsed.Domain!, emulator, Host);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>The value after each occurrence of an option (<c>-device</c>, <c>-drive</c>, <c>-global</c>).</summary>
    private static ImmutableArray<string> Values(QemuBuildResult result, string option)
    {
        var args = result.CommandLine!.Args;
        return [.. args.Select((arg, i) => (arg, i)).Where(x => x.arg == option && x.i + 1 < args.Length).Select(x => args[x.i + 1])];
    }

    /// <summary>The device types on the command line, in order: the word after each <c>-device</c>.</summary>
    private static ImmutableArray<string> DeviceTypes(QemuBuildResult result) =>
        [.. Values(result, "-device").Select(value => value.Split(',')[0])];

    /// <summary>The <c>-device</c> value with this id.</summary>
    private static string DeviceWithId(QemuBuildResult result, string id) =>
        Assert.Single(Values(result, "-device"), value => value.Split(',').Contains("id=" + id));

    private static string TypeOf(string deviceValue) => deviceValue.Split(',')[0];

    [Fact]
    public void Hubs_and_redirected_devices_carry_the_type_alias_and_boot_index_of_their_device()
    {
        var result = Build("""
            <controller type='usb' index='0' model='piix3-uhci'/>
            <hub type='usb'/>
            <hub type='usb'><alias name='myhub'/><address type='usb' bus='0' port='1'/></hub>
            <redirdev bus='usb' type='spicevmc'><boot order='1'/></redirdev>
            <redirdev bus='usb' type='tcp'><source mode='connect' host='localhost' service='4000'/></redirdev>
            <graphics type='spice'/>
            """, Modern);
        var plan = result.Plan!;

        Assert.Equal(["hub0", "myhub"], plan.Hubs.Select(h => h.Alias));
        foreach (var hub in plan.Hubs) Assert.Equal(hub.QemuType, TypeOf(DeviceWithId(result, hub.Alias)));
        Assert.Contains("bus=usb.0,port=1", DeviceWithId(result, "myhub"));

        Assert.Equal(["redir0", "redir1"], plan.RedirectedDevices.Select(r => r.Alias));
        Assert.Equal([1u, null], plan.RedirectedDevices.Select(r => r.BootIndex));
        foreach (var redir in plan.RedirectedDevices)
        {
            var device = DeviceWithId(result, redir.Alias);
            Assert.Equal(redir.QemuType, TypeOf(device));
            Assert.Contains("chardev=" + redir.CharAlias, device);
            Assert.Contains(Values(result, "-chardev"), chardev => chardev.Contains("id=" + redir.CharAlias, StringComparison.Ordinal));
        }
        Assert.Contains("bootindex=1", DeviceWithId(result, "redir0"));
        Assert.DoesNotContain("bootindex", DeviceWithId(result, "redir1"));
    }

    [Theory]
    [InlineData("<smartcard mode='host'/>", false)]
    [InlineData("<smartcard mode='host-certificates'><certificate>a</certificate><certificate>b</certificate><certificate>c</certificate></smartcard>", false)]
    [InlineData("<smartcard mode='passthrough' type='tcp'><source mode='connect' host='127.0.0.1' service='2001'/><protocol type='raw'/></smartcard>", true)]
    public void A_smartcard_carries_its_type_bus_and_chardev(string smartcard, bool hasChardev)
    {
        var result = Build("<controller type='ccid' index='0'/>" + smartcard, Modern);
        var card = result.Plan!.Smartcard!;
        var device = DeviceWithId(result, card.Alias);
        Assert.Equal("smartcard0", card.Alias);
        Assert.Equal(card.QemuType, TypeOf(device));
        Assert.Contains("bus=" + card.Bus, device);
        Assert.Equal(hasChardev, card.CharAlias is not null);
        if (card.CharAlias is { } chardev) Assert.Contains("chardev=" + chardev, device);
        else Assert.DoesNotContain("chardev=", device);
    }

    [Fact]
    public void A_domain_without_a_smartcard_plans_none()
    {
        Assert.Null(Build("", Modern).Plan!.Smartcard);
    }

    [Fact]
    public void Filesystems_and_host_devices_carry_the_type_on_their_device()
    {
        var result = Build("""
            <filesystem type='mount' accessmode='mapped'><source dir='/export'/><target dir='share'/></filesystem>
            <hostdev mode='subsystem' type='usb'><source><address bus='14' device='6'/></source></hostdev>
            <hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev>
            """, Modern);
        var plan = result.Plan!;
        var fs = Assert.Single(plan.Filesystems);
        var fsDevice = DeviceWithId(result, fs.Alias);
        Assert.Equal(fs.QemuType, TypeOf(fsDevice));
        Assert.Contains("fsdev=" + fs.FsdevId, fsDevice);
        Assert.Contains(Values(result, "-fsdev"), fsdev => fsdev.Contains("id=" + fs.FsdevId, StringComparison.Ordinal));

        Assert.Equal(2, plan.HostDevices.Length);
        foreach (var host in plan.HostDevices) Assert.Equal(host.QemuType, TypeOf(DeviceWithId(result, host.Alias)));
        Assert.NotEqual(plan.HostDevices[0].QemuType, plan.HostDevices[1].QemuType);
    }

    [Fact]
    public void Every_device_on_the_command_line_is_a_type_the_plan_names()
    {
        var result = Build("""
            <disk type='file' device='disk'><source file='/d.img'/><target dev='hda' bus='ide'/></disk>
            <controller type='usb' index='0' model='piix3-uhci'/>
            <controller type='ccid' index='0'/>
            <filesystem type='mount'><source dir='/export'/><target dir='share'/></filesystem>
            <hub type='usb'/>
            <redirdev bus='usb' type='spicevmc'/>
            <smartcard mode='host'/>
            <hostdev mode='subsystem' type='usb'><source><address bus='14' device='6'/></source></hostdev>
            <input type='tablet' bus='usb'/>
            <graphics type='spice'/>
            """, [.. Modern, QemuCapability.IdeCd]);
        var plan = result.Plan!;
        var planned = plan.Disks.Select(d => d.QemuType)
            .Concat(plan.Controllers.Select(c => c.QemuType))
            .Concat(plan.Filesystems.Select(f => f.QemuType))
            .Concat(plan.Hubs.Select(h => h.QemuType))
            .Concat(plan.RedirectedDevices.Select(r => r.QemuType))
            .Append(plan.Smartcard?.QemuType)
            .Concat(plan.HostDevices.Select(h => h.QemuType))
            .Concat(plan.Inputs.Select(i => i.QemuType))
            .Concat(plan.Videos.Select(v => v.QemuType))
            .Append(plan.Balloon?.QemuType)
            .OfType<string>()
            .ToHashSet();
        Assert.All(DeviceTypes(result), type => Assert.Contains(type, planned));
    }

    [Theory]
    [InlineData("ide", "hdc", false, true)]
    [InlineData("ide", "hdc", true, false)]
    [InlineData("scsi", "sda", true, false)]
    [InlineData("sata", "sda", true, true)]
    public void A_cdrom_says_media_cdrom_on_its_drive_only_when_its_front_end_does_not(string bus, string dev, bool cdTypes, bool mediaCdrom)
    {
        var controller = bus == "sata" ? "<controller type='sata' index='0'/>" : "";
        QemuCapability[] caps = cdTypes ? [.. Modern, QemuCapability.IdeCd, QemuCapability.ScsiCd, QemuCapability.Ich9Ahci] : [.. Modern, QemuCapability.Ich9Ahci];
        var result = Build($"{controller}<disk type='file' device='cdrom'><source file='/i.iso'/><target dev='{dev}' bus='{bus}'/></disk>", caps);
        var disk = Assert.Single(result.Plan!.Disks);
        Assert.Equal(mediaCdrom, disk.MediaCdrom);
        var drive = Assert.Single(Values(result, "-drive"));
        Assert.Equal(mediaCdrom, drive.Split(',').Contains("media=cdrom"));
        Assert.Equal(disk.QemuType, TypeOf(DeviceWithId(result, disk.Alias)));
    }

    [Fact]
    public void A_cdrom_without_device_always_says_media_cdrom()
    {
        var result = Build("<disk type='file' device='cdrom'><source file='/i.iso'/><target dev='hdc' bus='ide'/></disk>",
            QemuCapability.Drive, QemuCapability.IdeCd);
        Assert.True(Assert.Single(result.Plan!.Disks).MediaCdrom);
        Assert.Contains("media=cdrom", Assert.Single(Values(result, "-drive")).Split(','));
    }

    [Fact]
    public void A_floppy_without_a_floppy_device_is_placed_on_the_controller_the_plan_names()
    {
        var result = Build("<disk type='file' device='floppy'><source file='/f.img'/><target dev='fdb' bus='fdc'/></disk>", Modern);
        var disk = Assert.Single(result.Plan!.Disks);
        Assert.Null(disk.QemuType);
        Assert.Equal([$"{disk.GlobalController}.driveB={disk.DriveId}"], Values(result, "-global").Where(g => g.Contains(".drive", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_primary_qxl_card_given_by_vga_takes_its_sizes_as_globals_of_the_type_it_becomes(bool qxlVga)
    {
        QemuCapability[] caps = [.. Modern, QemuCapability.Vga, QemuCapability.VgaQxl, .. qxlVga ? new[] { QemuCapability.DeviceQxlVga } : []];
        var result = Build("<graphics type='spice'/><video><model type='qxl' vram='32768'/></video>", caps);
        var video = Assert.Single(result.Plan!.Videos);
        Assert.Equal(QemuVideoSyntax.VgaOption, result.Plan.VideoSyntax);
        Assert.True(video.SizesAsGlobals);
        Assert.Equal(qxlVga ? "qxl-vga" : "qxl", video.BuiltInType);
        Assert.Equal([$"{video.BuiltInType}.ram_size=67108864", $"{video.BuiltInType}.vram_size=33554432"], Values(result, "-global").ToArray());
    }

    [Fact]
    public void A_primary_card_given_by_vga_without_device_takes_no_globals()
    {
        var result = Build("<graphics type='spice'/><video><model type='qxl' vram='32768'/></video>",
            QemuCapability.Vga, QemuCapability.VgaQxl, QemuCapability.Spice);
        var video = Assert.Single(result.Plan!.Videos);
        Assert.False(video.SizesAsGlobals);
        Assert.Empty(Values(result, "-global"));
    }

    [Fact]
    public void The_pc_speaker_is_planned_as_the_machine_s_own_device_without_a_device_option()
    {
        var result = Build("<sound model='pcspk'/>", Modern);
        var sound = Assert.Single(result.Plan!.Sounds);
        Assert.Null(sound.QemuType);
        Assert.NotNull(sound.BuiltInType);
        Assert.DoesNotContain(sound.BuiltInType!, DeviceTypes(result));
    }
}
