using DomainLauncher.HostRuntime.Tests.Launching;
using System.Diagnostics;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Tests.Probing;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>Live checks: domains whose host resources are real, started paused under TCG, inventoried over QMP.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InventoryLiveTests(ProbedQemuFixture qemu) : IClassFixture<ProbedQemuFixture>, IDisposable
{
    private readonly InventoryScratchHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<string> EveryKindDomainAsync()
    {
        var vda = await _host.ImageAsync("vda.qcow2", "qcow2");
        var hda = await _host.ImageAsync("hda.img", "raw");
        var sda = await _host.ImageAsync("sda.img", "raw");
        var sata = await _host.ImageAsync("sata.qcow2", "qcow2");
        var port = _host.PeerPort;
        return $"""
            <domain type='qemu'>
              <name>check-every-kind</name>
              <memory unit='KiB'>131072</memory>
              <vcpu>1</vcpu>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices>
                <emulator>{QemuBinaryFactAttribute.Path}</emulator>
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{vda}'/><target dev='vda' bus='virtio'/></disk>
                <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='{hda}'/><target dev='hda' bus='ide'/></disk>
                <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>
                <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='{sda}'/><target dev='sda' bus='scsi'/></disk>
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{sata}'/><target dev='sdb' bus='sata'/></disk>
                <controller type='sata' index='0'/>
                <controller type='usb' index='0' model='piix3-uhci'/>
                <interface type='user'><mac address='52:54:00:12:34:01'/><model type='virtio'/></interface>
                <interface type='user'><mac address='52:54:00:12:34:02'/><model type='e1000'/></interface>
                <serial type='pty'><target port='0'/></serial>
                <serial type='file'><source path='{_host.PathOf("serial1.log")}'/><target port='1'/></serial>
                <parallel type='unix'><source mode='bind' path='{_host.PathOf("parallel.sock")}'/><target port='0'/></parallel>
                <console type='pty'><target type='serial' port='0'/></console>
                <console type='pty'><target type='virtio' port='1'/></console>
                <channel type='unix'><source mode='bind' path='{_host.PathOf("agent.sock")}'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                <input type='tablet' bus='usb'/>
                <input type='mouse' bus='usb'/>
                <hub type='usb'/>
                <redirdev bus='usb' type='tcp'><source mode='connect' host='127.0.0.1' service='{port}'/></redirdev>
                <graphics type='vnc' socket='{_host.PathOf("vnc.sock")}'/>
                <video><model type='cirrus'/></video>
                <sound model='ich6'/>
                <sound model='es1370'/>
                <sound model='ac97'/>
                <sound model='sb16'/>
                <watchdog model='i6300esb' action='reset'/>
                <memballoon model='virtio'/>
                <filesystem type='mount' accessmode='mapped'><source dir='{_host.Folder}'/><target dir='share'/></filesystem>
                <smartcard mode='passthrough' type='tcp'><source mode='connect' host='127.0.0.1' service='{port}'/><protocol type='raw'/></smartcard>
              </devices>
            </domain>
            """;
    }

    private Task<DomainCheckOutcome> CheckAsync(string xml) => CheckAsync(xml, InventoryScratchHost.Emulator(qemu.Result));

    /// <summary>Checks on the resources the domain names (no substitution): these tests create them for real.</summary>
    private static async Task<DomainCheckOutcome> CheckAsync(string xml, EmulatorDescription emulator, bool substitute = false)
    {
        var outcome = await DomainCheck.RunAsync(new DomainCheckRequest
        {
            Domain = InventoryScratchHost.Parse(xml),
            SubstituteHostBackends = substitute,
            Emulator = emulator,
            DomainFile = "inline.xml",
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);
        if (outcome.ProcessId is { } pid) Assert.False(EmulatorProbeTests.ProcessExists(pid), $"QEMU {pid} is still running");
        return outcome;
    }

    [QemuBinaryFact]
    public async Task Every_device_kind_of_a_domain_is_found_in_the_started_emulator()
    {
        var outcome = await CheckAsync(await EveryKindDomainAsync());

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        var report = outcome.Report!;
        Assert.True(report.AllFound, report.ToTable());
        var kinds = report.Rows.Select(r => r.Expected.Kind).ToHashSet();
        foreach (var kind in new[]
                 {
                     DeviceKind.Disk, DeviceKind.Cdrom, DeviceKind.Nic, DeviceKind.Serial, DeviceKind.Parallel, DeviceKind.Console,
                     DeviceKind.Channel, DeviceKind.Controller, DeviceKind.Video, DeviceKind.Sound, DeviceKind.Watchdog,
                     DeviceKind.Memballoon, DeviceKind.Input, DeviceKind.Hub, DeviceKind.Redirdev, DeviceKind.Filesystem, DeviceKind.Smartcard,
                 })
            Assert.Contains(kind, kinds);
    }

    private static string Minimal(string name, string devices, string machine = "pc") => $"""
        <domain type='qemu'>
          <name>{name}</name>
          <memory unit='KiB'>131072</memory>
          <vcpu>1</vcpu>
          <os><type arch='x86_64' machine='{machine}'>hvm</type></os>
          <devices>
            <emulator>{QemuBinaryFactAttribute.Path}</emulator>
            {devices}
          </devices>
        </domain>
        """;

    [QemuBinaryFact]
    public async Task USB_companions_built_in_USB_virtio_SCSI_a_second_video_card_and_an_ISA_watchdog_are_found()
    {
        var disk = await _host.ImageAsync("lun.qcow2", "qcow2");
        var outcome = await CheckAsync(Minimal("check-second", $"""
            <controller type='usb' index='0' model='ich9-ehci1'/>
            <controller type='usb' index='0' model='ich9-uhci1'/>
            <controller type='usb' index='0' model='ich9-uhci2'/>
            <controller type='usb' index='0' model='ich9-uhci3'/>
            <controller type='scsi' index='0' model='virtio-scsi'/>
            <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{disk}'/><target dev='sda' bus='scsi'/></disk>
            <disk type='file' device='cdrom'><target dev='sdb' bus='scsi'/><readonly/></disk>
            <interface type='user'><mac address='52:54:00:aa:bb:cc'/><model type='rtl8139'/></interface>
            <input type='tablet' bus='usb'/>
            <video><model type='vga'/></video>
            <video><model type='qxl'/></video>
            <watchdog model='ib700' action='poweroff'/>
            <memballoon model='none'/>
            """));

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        var report = outcome.Report!;
        Assert.True(report.AllFound, report.ToTable());
        Assert.Equal(3, report.Rows.Count(r => r.Expected.Kind == DeviceKind.Controller && r.Expected.Id is null));
        Assert.DoesNotContain(report.Rows, r => r.Expected.Kind == DeviceKind.Memballoon);
        Assert.Equal(2, report.Rows.Count(r => r.Expected.Kind == DeviceKind.Video));
    }

    [QemuBinaryFact]
    public async Task Without_a_USB_controller_the_guest_gets_the_machines_default_one_and_it_is_found()
    {
        var outcome = await CheckAsync(Minimal("check-builtin-usb", "<input type='tablet' bus='usb'/>"));

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        Assert.True(outcome.Report!.AllFound, outcome.Report.ToTable());
        // On a modern emulator the machine's default USB controller is a device of its own (libvirt 9's
        // piix3-usb-uhci at 00:01.2), found by its id like any other.
        var usb = Assert.Single(outcome.Report.Rows, r => r.Expected.Kind == DeviceKind.Controller);
        Assert.True(usb.Expected.Id is not null || usb.Expected.PciClass == 0x0c03, outcome.Report.ToTable());
    }

    [QemuBinaryFact]
    public async Task A_primary_card_made_by_vga_is_found_without_an_id_at_its_planned_slot()
    {
        var described = ProbeCapabilityRules.Describe(qemu.Result);
        var emulator = described with
        {
            // The primary card through -vga, as for an emulator without device-video-primary.
            Capabilities = described.Capabilities.Without(QemuCapability.DeviceVideoPrimary),
        };
        var outcome = await CheckAsync(Minimal("check-vga", $"""
            <graphics type='vnc' socket='{_host.PathOf("vnc.sock")}'/>
            <video><model type='cirrus'/></video>
            """), emulator);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        Assert.Contains("-vga", outcome.CommandLine!.Args);
        var video = Assert.Single(outcome.Report!.Rows, r => r.Expected.Kind == DeviceKind.Video);
        Assert.True(video.Found, outcome.Report.ToTable());
        Assert.Null(video.Expected.Id);
        Assert.Equal(new PciSlot(0, 2, 0), video.Expected.Pci);
    }

    [QemuBinaryFact]
    public async Task A_MAC_that_differs_in_the_inventory_reports_the_NIC_missing_with_the_MAC_seen()
    {
        var outcome = await CheckAsync(Minimal("check-mac",
            "<interface type='user'><mac address='52:54:00:12:34:56'/><model type='virtio'/></interface>"));
        Assert.True(outcome.Report!.AllFound, outcome.Report.ToTable());
        var inventory = outcome.Inventory!;
        var nic = Assert.Single(outcome.Expected, e => e.Kind == DeviceKind.Nic);
        var changed = inventory with
        {
            Properties = inventory.Properties.SetItem(new DeviceProperty(nic.Id!, "mac"), "52:54:00:65:43:21"),
        };

        var row = Assert.Single(DeviceMatcher.Match([nic], changed));

        Assert.False(row.Found);
        Assert.Contains("MAC is 52:54:00:65:43:21, not 52:54:00:12:34:56", row.Detail);
    }

    [QemuBinaryFact]
    public async Task A_wrong_expectation_for_a_running_device_is_reported_missing_with_what_QEMU_has()
    {
        var image = await _host.ImageAsync("vda.qcow2", "qcow2");
        var outcome = await CheckAsync(Minimal("check-wrong",
            $"<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{image}'/><target dev='vda' bus='virtio'/></disk>"));
        var disk = Assert.Single(outcome.Expected, e => e.Kind == DeviceKind.Disk);
        var wrong = disk with { QemuType = "virtio-scsi-pci", Pci = disk.Pci! with { Slot = 0x1f }, MediumFile = "/elsewhere.qcow2" };

        var row = Assert.Single(DeviceMatcher.Match([wrong], outcome.Inventory!));

        Assert.False(row.Found);
        Assert.Contains("virtio-disk0 is virtio-blk-pci, expected virtio-scsi-pci", row.Detail);
        Assert.Contains($"nothing at PCI 00:1f.0 (virtio-disk0 is at {disk.Pci})", row.Detail);
        Assert.Contains($"holds {image}, not /elsewhere.qcow2", row.Detail);
    }

    [QemuBinaryFact]
    public async Task A_missing_disk_image_fails_the_start_with_QEMU_s_words_and_leaves_no_process()
    {
        var missing = _host.PathOf("absent.qcow2");
        var clock = Stopwatch.StartNew();
        var outcome = await CheckAsync(Minimal("check-absent",
            $"<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{missing}'/><target dev='vda' bus='virtio'/></disk>"));

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Diagnostics, d => d.IsError);
        // QEMU opens QMP before the disks, so it exits before or after we connect: either way its words are quoted.
        Assert.Equal(ProbeDiagnostics.EmulatorExited, error.Code);
        Assert.Contains("it said: qemu-system-x86_64: ", error.Message);
        Assert.NotNull(outcome.ProcessId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.False(Directory.Exists(CheckFolder(outcome)), "the check's temporary folder is left behind");
    }

    [QemuBinaryFact]
    public async Task With_substitution_a_missing_image_and_a_host_bridge_are_stood_in_for_and_every_device_is_found()
    {
        var missing = _host.PathOf("absent.qcow2");
        var outcome = await CheckAsync(Minimal("check-stand-ins",
            $"<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{missing}'/><target dev='vda' bus='virtio'/></disk>" +
            "<interface type='bridge'><mac address='52:54:00:12:34:56'/><source bridge='br-absent'/><model type='e1000'/></interface>"),
            InventoryScratchHost.Emulator(qemu.Result), substitute: true);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        var report = outcome.Report!;
        Assert.True(report.AllFound, report.ToTable());
        Assert.Contains(report.Substitutions, s => s.Contains(missing, StringComparison.Ordinal));
        Assert.Contains(report.Substitutions, s => s.Contains("br-absent", StringComparison.Ordinal));
        Assert.Contains(report.Rows, r => r.Expected.Kind == DeviceKind.Nic && r.Found);
        Assert.False(File.Exists(missing), "the domain's own image path is never created");
    }

    [StorageDaemonFact]
    public async Task With_substitution_a_vhost_user_disk_is_served_by_qemu_storage_daemon_and_found_without_a_block_node()
    {
        var xml = Minimal("check-vhost-user-blk",
                "<disk type='vhostuser' device='disk'><driver name='qemu' type='raw'/><source type='unix' path='/nonexistent/vhost.sock'/><target dev='vda' bus='virtio'/></disk>")
            .Replace("<vcpu>", "<memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking><vcpu>", StringComparison.Ordinal);

        var outcome = await CheckAsync(xml, InventoryScratchHost.Emulator(qemu.Result), substitute: true);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
        Assert.True(outcome.Report!.AllFound, outcome.Report.ToTable());
        var disk = Assert.Single(outcome.Report.Rows, r => r.Expected.Kind == DeviceKind.Disk);
        Assert.Equal("vhost-user-blk-pci", disk.Expected.QemuType);
        Assert.Contains(outcome.Report.Substitutions, s => s.Contains("qemu-storage-daemon", StringComparison.Ordinal));
        Assert.False(Directory.Exists(CheckFolder(outcome)), "the check's temporary folder is left behind");
    }

    [QemuBinaryFact]
    public async Task The_substitutions_given_are_reported_above_the_table()
    {
        var outcome = await DomainCheck.RunAsync(new DomainCheckRequest
        {
            Domain = InventoryScratchHost.Parse(Minimal("check-substituted", "<serial type='pty'><target port='0'/></serial>")),
            SubstituteHostBackends = false,
            Substitutions = ["serial 0: /dev/ttyS9 -> pty"],
            Emulator = InventoryScratchHost.Emulator(qemu.Result),
        }, CancellationToken.None);

        Assert.True(outcome.Report!.AllFound, outcome.Report.ToTable());
        Assert.Equal(["serial 0: /dev/ttyS9 -> pty"], outcome.Report.Substitutions.ToArray());
        Assert.Contains("substitutions:\n  serial 0: /dev/ttyS9 -> pty\n", outcome.Report.ToTable());
        Assert.False(EmulatorProbeTests.ProcessExists(outcome.ProcessId!.Value));
    }

    [QemuBinaryFact]
    public async Task A_check_cancelled_while_QEMU_starts_or_answers_leaves_no_process_and_no_folder()
    {
        foreach (var after in new[] { 50, 300, 700 })
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(after));
            var outcome = await DomainCheck.RunAsync(new DomainCheckRequest
            {
                Domain = InventoryScratchHost.Parse(Minimal("check-cancelled", "<serial type='pty'><target port='0'/></serial>")),
                Emulator = InventoryScratchHost.Emulator(qemu.Result),
            }, cancel.Token);

            if (outcome.ProcessId is { } pid) Assert.False(EmulatorProbeTests.ProcessExists(pid), $"QEMU {pid} outlived a check cancelled after {after} ms");
            if (outcome.CommandLine is not null) Assert.False(Directory.Exists(CheckFolder(outcome)));
            if (!outcome.Succeeded)
                Assert.Contains(outcome.Diagnostics, d => d.Code == ProbeDiagnostics.ProbeCancelled || d.Code == CheckDiagnostics.CheckCancelled);
        }
    }

    /// <summary>The check's own temporary folder: where the command line puts the monitor socket.</summary>
    private static string CheckFolder(DomainCheckOutcome outcome)
    {
        var option = outcome.CommandLine!.Args.Single(a => a.StartsWith("socket,id=charmonitor,path=", StringComparison.Ordinal));
        var path = option["socket,id=charmonitor,path=".Length..].Split(',')[0];
        return Path.GetDirectoryName(path)!;
    }
}
