using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// Disks as -blockdev node graphs on an emulator with the blockdev capability: each image a protocol and a
/// format node, backing chains, encryption and login secrets, filters, empty drives; the same domain on an
/// emulator without blockdev keeps its -drive line.
/// </summary>
public sealed class BlockdevTests
{
    private static readonly QemuCapability[] Common =
    [
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.NoUserConfig, QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.DriveFormat, QemuCapability.IdeCd,
        QemuCapability.ScsiCd, QemuCapability.BootIndex, QemuCapability.DriveAio, QemuCapability.DriveIotune, QemuCapability.DriveCacheV2,
        QemuCapability.Accel, QemuCapability.Audiodev, QemuCapability.ExplicitBooleans, QemuCapability.DeviceFloppy,
        QemuCapability.MemoryBackendRam, QemuCapability.DeviceGeometry, QemuCapability.TlsCredsX509,
    ];

    private static readonly QemuCapabilitySet WithBlockdev = QemuCapabilitySet.Of([.. Common, QemuCapability.Blockdev]);

    private static readonly QemuCapabilitySet WithoutBlockdev = QemuCapabilitySet.Of(Common);

    private static QemuBuildResult Build(string devices, QemuCapabilitySet caps, HostSettings? host = null, string machine = "pc")
    {
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>
              <os><type arch='x86_64' machine='{machine}'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
            {devices}
              </devices>
            </domain>
            """, "blockdev.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64",
            Arch = "x86_64",
            Capabilities = caps,
            Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2"), new MachineType("q35", "pc-q35-7.2"), new MachineType("pc-q35-7.2")],
        };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, host ?? HostSettings.Default, new QemuBuildOptions { Accelerator = QemuAccelerator.Tcg });
    }

    private static IReadOnlyList<string> Words(string devices, HostSettings? host = null, string machine = "pc")
    {
        var result = Build(devices, WithBlockdev, host, machine);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    /// <summary>The values of every occurrence of an option, in order.</summary>
    /// <summary>The -blockdev nodes, parsed, by node name.</summary>
    private static Dictionary<string, JsonElement> Nodes(IReadOnlyList<string> words) =>
        ArgvAssert.Values(words, "-blockdev").Select(v => JsonDocument.Parse(v).RootElement.Clone())
            .ToDictionary(n => n.GetProperty("node-name").GetString()!);

    [Fact]
    public void A_file_disk_is_a_protocol_node_and_a_format_node_that_the_device_takes()
    {
        var words = Words("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/images/a.qcow2'/><target dev='vda' bus='virtio'/></disk>");

        Assert.Empty(ArgvAssert.Values(words, "-drive"));
        var nodes = Nodes(words);
        var format = Assert.Single(nodes.Values, n => n.GetProperty("driver").GetString() == "qcow2");
        var storage = nodes[format.GetProperty("file").GetString()!];
        Assert.Equal("file", storage.GetProperty("driver").GetString());
        Assert.Equal("/images/a.qcow2", storage.GetProperty("filename").GetString());
        Assert.False(format.GetProperty("read-only").GetBoolean());
        var device = Assert.Single(ArgvAssert.Values(words, "-device"), d => d.StartsWith("virtio-blk-pci,", StringComparison.Ordinal));
        Assert.Contains($",drive={format.GetProperty("node-name").GetString()},id=virtio-disk0", device);
    }

    [Fact]
    public void The_same_disk_without_blockdev_keeps_its_drive()
    {
        var result = Build("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/images/a.qcow2'/><target dev='vda' bus='virtio'/></disk>", WithoutBlockdev);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(ArgvAssert.Values(result.CommandLine!.Words, "-blockdev"));
        Assert.Contains("file=/images/a.qcow2,if=none,id=drive-virtio-disk0,format=qcow2", ArgvAssert.Values(result.CommandLine.Words, "-drive"));
    }

    [Fact]
    public void A_backing_chain_links_read_only_layers_and_an_ended_chain_says_null()
    {
        var words = Words("""
            <disk type='file'><driver name='qemu' type='qcow2'/><source file='/top.qcow2'/>
              <backingStore type='file'><format type='qcow2'/><source file='/middle.qcow2'/>
                <backingStore type='block'><format type='raw'/><source dev='/dev/base'/><backingStore/></backingStore>
              </backingStore>
              <target dev='vda' bus='virtio'/></disk>
            """);

        var nodes = Nodes(words);
        var top = nodes.Values.Single(n => n.TryGetProperty("file", out var f) && nodes[f.GetString()!].GetProperty("filename").GetString() == "/top.qcow2");
        var middle = nodes[top.GetProperty("backing").GetString()!];
        Assert.True(middle.GetProperty("read-only").GetBoolean());
        Assert.Equal("/middle.qcow2", nodes[middle.GetProperty("file").GetString()!].GetProperty("filename").GetString());
        var bottom = nodes[middle.GetProperty("backing").GetString()!];
        Assert.Equal("raw", bottom.GetProperty("driver").GetString());
        Assert.Equal("host_device", nodes[bottom.GetProperty("file").GetString()!].GetProperty("driver").GetString());
        // raw has no backing option at all; the chain's end is a raw image, so nothing more is written.
        Assert.False(bottom.TryGetProperty("backing", out _));
        // Each node comes after the nodes it names.
        var order = ArgvAssert.Values(words, "-blockdev").Select(v => JsonDocument.Parse(v).RootElement.GetProperty("node-name").GetString()).ToList();
        Assert.True(order.IndexOf(bottom.GetProperty("node-name").GetString()) < order.IndexOf(middle.GetProperty("node-name").GetString()));
        Assert.True(order.IndexOf(middle.GetProperty("node-name").GetString()) < order.IndexOf(top.GetProperty("node-name").GetString()));
    }

    [Fact]
    public void A_qcow2_chain_ended_in_the_document_has_a_null_backing()
    {
        var words = Words("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/a.qcow2'/><backingStore/><target dev='vda' bus='virtio'/></disk>");

        var format = Nodes(words).Values.Single(n => n.GetProperty("driver").GetString() == "qcow2");
        Assert.Equal(JsonValueKind.Null, format.GetProperty("backing").ValueKind);
    }

    [Fact]
    public void A_luks_passphrase_the_host_holds_is_a_base64_secret_the_luks_node_names()
    {
        var host = HostSettings.Default with { Secrets = [new HostSecret(SecretUsageType.Volume, "/v.img", "p,w")] };
        var words = Words("<disk type='file'><driver name='qemu' type='raw'/><source file='/v.img'><encryption format='luks'><secret type='passphrase' usage='/v.img'/></encryption></source><target dev='vda' bus='virtio'/></disk>", host);

        var format = Nodes(words).Values.Single(n => n.GetProperty("driver").GetString() == "luks");
        var secretId = format.GetProperty("key-secret").GetString();
        ArgvAssert.Contains(words, "-object", $"secret,id={secretId},data={Convert.ToBase64String("p,w"u8)},format=base64");
    }

    [Fact]
    public void A_passphrase_named_by_uuid_is_read_from_the_host_secret_folder()
    {
        var words = Words("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/e.qcow2'/><encryption format='luks'><secret type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/></encryption><target dev='vda' bus='virtio'/></disk>");

        var format = Nodes(words).Values.Single(n => n.GetProperty("driver").GetString() == "qcow2");
        var encrypt = format.GetProperty("encrypt");
        Assert.Equal("luks", encrypt.GetProperty("format").GetString());
        ArgvAssert.Contains(words, "-object",
            $"secret,id={encrypt.GetProperty("key-secret").GetString()},file=/var/lib/libvirt/qemu/secrets/0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f,format=raw");
    }

    [Fact]
    public void Disks_of_one_throttle_group_share_one_group_object()
    {
        const string tune = "<iotune><total_bytes_sec>5000</total_bytes_sec><group_name>g1</group_name></iotune>";
        var words = Words($"""
            <disk type='file'><source file='/a.img'/><target dev='vda' bus='virtio'/>{tune}</disk>
            <disk type='file'><source file='/b.img'/><target dev='vdb' bus='virtio'/>{tune}</disk>
            """);

        var group = Assert.Single(ArgvAssert.Values(words, "-object"), o => o.StartsWith("throttle-group,", StringComparison.Ordinal));
        Assert.EndsWith(",x-bps-total=5000", group);
        var groupId = group.Split(',')[1]["id=".Length..];
        var filters = Nodes(words).Values.Where(n => n.GetProperty("driver").GetString() == "throttle").ToList();
        Assert.Equal(2, filters.Count);
        Assert.All(filters, f => Assert.Equal(groupId, f.GetProperty("throttle-group").GetString()));
        // The device takes the filter, which reads the format node.
        Assert.Contains(ArgvAssert.Values(words, "-device"), d => d.Contains($"drive={filters[0].GetProperty("node-name").GetString()},", StringComparison.Ordinal));
    }

    [Fact]
    public void Copy_on_read_is_a_filter_above_the_image()
    {
        var words = Words("<disk type='file'><driver name='qemu' type='raw' copy_on_read='on' cache='writethrough'/><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>");

        var filter = Nodes(words).Values.Single(n => n.GetProperty("driver").GetString() == "copy-on-read");
        var device = Assert.Single(ArgvAssert.Values(words, "-device"), d => d.StartsWith("virtio-blk-pci,", StringComparison.Ordinal));
        Assert.Contains($"drive={filter.GetProperty("node-name").GetString()},", device);
        Assert.Contains(",write-cache=off", device);
    }

    [Fact]
    public void An_empty_cdrom_is_a_front_end_without_a_drive()
    {
        var words = Words("<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>");

        Assert.Empty(ArgvAssert.Values(words, "-blockdev"));
        Assert.Contains("ide-cd,bus=ide.1,unit=0,id=ide0-1-0", ArgvAssert.Values(words, "-device"));
    }

    [Fact]
    public void A_network_disk_with_an_ipv6_nbd_server_is_a_json_socket_address()
    {
        var words = Words("<disk type='network'><driver name='qemu' type='raw'/><source protocol='nbd' name='exp'><host name='::1' port='6000'/></source><target dev='vda' bus='virtio'/></disk>");

        var nbd = Nodes(words).Values.Single(n => n.GetProperty("driver").GetString() == "nbd");
        Assert.Equal("::1", nbd.GetProperty("server").GetProperty("host").GetString());
        Assert.Equal("6000", nbd.GetProperty("server").GetProperty("port").GetString());
        Assert.Equal("exp", nbd.GetProperty("export").GetString());
    }

    [Fact]
    public void A_quote_in_a_file_name_stays_inside_its_json_string()
    {
        var words = Words("<disk type='file'><source file='/a\",&quot;b.img'/><target dev='vda' bus='virtio'/></disk>");

        Assert.Contains(Nodes(words).Values, n => n.GetProperty("driver").GetString() == "file" && n.GetProperty("filename").GetString() == "/a\",\"b.img");
    }

    [Fact]
    public void A_floppy_on_q35_gets_a_controller_device_carrying_its_boot_index()
    {
        var words = Words("<disk type='file' device='floppy'><source file='/f.img'/><target dev='fda' bus='fdc'/><boot order='1'/></disk>", machine: "q35");

        ArgvAssert.Contains(words, "-device", "isa-fdc,bootindexA=1");
        Assert.Contains(ArgvAssert.Values(words, "-device"), d => d.StartsWith("floppy,unit=0,drive=", StringComparison.Ordinal));
        Assert.DoesNotContain(words, w => w.StartsWith("isa-fdc.bootindexA", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shareable_disk_is_opened_share_rw_and_written_through_no_host_cache_unless_its_cache_mode_is_given()
    {
        var words = Words("""
            <disk type='file'><driver name='qemu' type='raw'/><source file='/shared.img'/><target dev='vda' bus='virtio'/><shareable/></disk>
            <disk type='file'><driver name='qemu' type='raw' cache='writeback'/><source file='/given.img'/><target dev='vdb' bus='virtio'/><shareable/></disk>
            <disk type='file' device='cdrom'><driver name='qemu' type='qcow2'/><source file='/ro.qcow2'/><target dev='hdc' bus='ide'/><readonly/><shareable/></disk>
            """);

        var devices = ArgvAssert.Values(words, "-device");
        var nodes = Nodes(words).Values.ToList();
        JsonElement Storage(string file) => nodes.Single(n => n.TryGetProperty("filename", out var f) && f.GetString() == file);
        Assert.Equal("""{"direct":true,"no-flush":false}""", Storage("/shared.img").GetProperty("cache").GetRawText());
        Assert.Equal("""{"direct":false,"no-flush":false}""", Storage("/given.img").GetProperty("cache").GetRawText());
        Assert.False(Storage("/ro.qcow2").TryGetProperty("cache", out _));
        Assert.Equal(2, devices.Count(d => d.StartsWith("virtio-blk-pci,", StringComparison.Ordinal) && d.EndsWith(",write-cache=on,share-rw=on", StringComparison.Ordinal)));
        Assert.Single(devices, d => d.StartsWith("ide-cd,", StringComparison.Ordinal) && d.EndsWith(",share-rw=on", StringComparison.Ordinal) && !d.Contains("write-cache", StringComparison.Ordinal));
    }

    [Fact]
    public void A_writable_shareable_disk_of_a_format_other_than_raw_is_refused_at_its_driver()
    {
        var result = Build("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/a.qcow2'/><target dev='vda' bus='virtio'/><shareable/></disk>", WithBlockdev);

        var error = Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.SharedImageFormat);
        Assert.Equal("domain/devices/disk/driver", error.Location.Path);
        Assert.StartsWith("disk vda is <shareable/> and writable, and two guests writing one qcow2 image at once", error.Message);
        Assert.True(Build("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/a.qcow2'/><target dev='vda' bus='virtio'/><readonly/><shareable/></disk>", WithBlockdev).Succeeded);
    }

    [Fact]
    public void A_pool_volume_is_refused_at_its_source()
    {
        var result = Build("<disk type='volume'><source pool='p' volume='v'/><target dev='vda' bus='virtio'/></disk>", WithBlockdev);

        var error = Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.PoolVolumeUnresolvable);
        Assert.Equal("domain/devices/disk/source", error.Location.Path);
    }

    [Fact]
    public void A_backing_chain_is_still_refused_without_blockdev()
    {
        var result = Build("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/a.qcow2'/><backingStore type='file'><format type='raw'/><source file='/b.img'/></backingStore><target dev='vda' bus='virtio'/></disk>", WithoutBlockdev);

        Assert.Contains(result.Diagnostics, d => d.Code == QemuDiagnostics.NotTranslated && d.Location.Path == "domain/devices/disk/backingStore");
    }

    private static string Lun(string dev, string target, string reservations) =>
        $"<disk type='block' device='lun'><driver name='qemu' type='raw'/><source dev='{dev}'>{reservations}</source><target dev='{target}' bus='scsi'/></disk>";

    [Fact]
    public void Managed_reservations_share_one_pr_helper_at_the_launchers_socket_and_unmanaged_ones_name_their_own()
    {
        var host = HostSettings.Default with { StateDirectory = "/run/dl" };
        var result = Build("<controller type='scsi' model='virtio-scsi'/>"
            + Lun("/dev/sdb", "sda", "<reservations managed='yes'/>")
            + Lun("/dev/sdc", "sdb", "<reservations managed='yes'/>")
            + Lun("/dev/sdd", "sdc", "<reservations managed='no'><source type='unix' path='/run/pr.sock' mode='client'/></reservations>"),
            QemuCapabilitySet.Of([.. Common, QemuCapability.Blockdev, QemuCapability.PrManagerHelper, QemuCapability.ScsiBlock, QemuCapability.VirtioScsiPci]), host);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var words = result.CommandLine!.Words;

        var objects = ArgvAssert.Values(words, "-object").Where(o => o.StartsWith("pr-manager-helper", StringComparison.Ordinal)).ToList();
        Assert.Equal(["pr-manager-helper,id=pr-helper0,path=/run/dl/pr-helper/g.sock", "pr-manager-helper,id=node3-storage-pr-manager,path=/run/pr.sock"], objects);
        var managers = Nodes(words).Values.Where(n => n.TryGetProperty("pr-manager", out _))
            .Select(n => (n.GetProperty("filename").GetString(), n.GetProperty("pr-manager").GetString())).ToList();
        Assert.Equal([("/dev/sdb", "pr-helper0"), ("/dev/sdc", "pr-helper0"), ("/dev/sdd", "node3-storage-pr-manager")], managers);
        Assert.Equal("/run/dl/pr-helper/g.sock", Assert.Single(result.Plan!.Disks, d => d.BlockGraph?.ManagedPrHelperSocket is not null).BlockGraph!.ManagedPrHelperSocket);
    }

    [Theory]
    [InlineData("<reservations managed='yes'/>", false, "no pr-manager-helper object")]
    [InlineData("<reservations managed='no'/>", true, "names no <source")]
    public void Reservations_qemu_cannot_be_given_are_refused_at_them(string reservations, bool withHelperObject, string expected)
    {
        QemuCapability[] extra = withHelperObject
            ? [QemuCapability.Blockdev, QemuCapability.VirtioScsiPci, QemuCapability.ScsiBlock, QemuCapability.PrManagerHelper]
            : [QemuCapability.Blockdev, QemuCapability.VirtioScsiPci, QemuCapability.ScsiBlock];
        var result = Build("<controller type='scsi' model='virtio-scsi'/>" + Lun("/dev/sdb", "sda", reservations), QemuCapabilitySet.Of([.. Common, .. extra]));

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("reservations", error.Location.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transient_disk_reads_its_image_read_only_and_writes_to_an_overlay_the_launcher_makes()
    {
        var result = Build("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/images/a.qcow2'/><target dev='vda' bus='virtio'/><transient shareBacking='yes'/></disk>",
            WithBlockdev, HostSettings.Default with { StateDirectory = "/run/dl" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var nodes = Nodes(result.CommandLine!.Words);

        var overlay = Assert.Single(result.Plan!.Disks).BlockGraph!.TransientOverlay!;
        Assert.Equal("/run/dl/transient/g-virtio-disk0.qcow2", overlay.Path);
        Assert.Equal("/images/a.qcow2", overlay.BaseImage);
        Assert.True(nodes[overlay.BaseNode].GetProperty("read-only").GetBoolean());
        Assert.Equal(overlay.BaseNode, nodes[overlay.OverlayNode].GetProperty("backing").GetString());
        Assert.Equal(overlay.Path, nodes[nodes[overlay.OverlayNode].GetProperty("file").GetString()!].GetProperty("filename").GetString());
        Assert.Contains(ArgvAssert.Values(result.CommandLine.Words, "-device"), d => d.Contains($"drive={overlay.OverlayNode},", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<disk type='network'><driver name='qemu' type='raw'/><source protocol='nbd' name='e'><host name='h'/></source><target dev='vda' bus='virtio'/><transient/></disk>", true, "a local image")]
    [InlineData("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/a.qcow2'/><target dev='vda' bus='virtio'/><transient/><readonly/></disk>", true, "read-only")]
    [InlineData("<disk type='file'><driver name='qemu' type='qcow2'/><source file='/a.qcow2'/><target dev='vda' bus='virtio'/><transient/></disk>", false, "needs -blockdev")]
    public void A_transient_disk_no_overlay_can_be_made_for_is_refused_at_the_disk(string disk, bool blockdev, string expected)
    {
        var result = Build(disk, blockdev ? WithBlockdev : WithoutBlockdev);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(QemuDiagnostics.TransientWithoutOverlay, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
