using DomainLauncher.HostRuntime.Inputs;
using System.Collections.Frozen;
using DomainLauncher.ArgvGolden.Tests.Harness;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Parsing;
using Xunit.Abstractions;

namespace DomainLauncher.ArgvGolden.Tests;

/// <summary>
/// Our own domains (cases/qemu/NAME.xml), each built against the fixed golden host with the
/// capability set this class names for it, and the result baselined: NAME.args (one option and its
/// value per line, as <see cref="LinesCommandWriter"/> writes it) or NAME.err (the refusal, one
/// diagnostic per line). Regenerate with DL_REGENERATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class QemuGoldenTests(ITestOutputHelper output)
{
    private static readonly GoldenSuite Suite = new("qemu", ".xml", ".args", ".err");

    // ---- Capability profiles, in libvirt's names.

    /// <summary>A QEMU 0.9-era binary: no -drive, so disks are -hda/-cdrom/-fda and NICs -net.</summary>
    private static readonly string[] Qemu09 = ["vnc-colon", "no-reboot"];

    /// <summary>A QEMU 0.10/0.11-era binary: -drive with formats and cache modes, but no -device, -chardev or -netdev.</summary>
    private static readonly string[] Qemu010 =
    [
        "vnc-colon", "no-reboot", "drive", "drive-boot", "name", "uuid", "vnet-hdr", "migrate-qemu-tcp",
        "migrate-qemu-exec", "drive-cache-v2", "drive-format", "vga", "0.10",
    ];

    /// <summary>
    /// A QEMU 1.x binary: -device, -chardev, -netdev, JSON monitor, boot indexes and the rest, but
    /// without the ide-cd/scsi-cd devices (so IDE disks are ide-drive); disk-device-ide-cd-hd adds them.
    /// </summary>
    private static readonly string[] Qemu1x =
    [
        "vnc-colon", "no-reboot", "drive", "name", "uuid", "vnet-hdr", "migrate-qemu-tcp", "migrate-qemu-exec",
        "drive-cache-v2", "drive-format", "vga", "0.10", "pci-device", "mem-path", "drive-serial", "migrate-qemu-unix",
        "chardev", "monitor-json", "balloon", "device", "sdl", "smp-topology", "netdev", "rtc", "vhost-net",
        "no-hpet", "no-kvm-pit", "nodefconfig", "boot-menu", "fsdev", "name-process", "drive-readonly",
        "smbios-type", "vga-qxl", "spice", "vga-none", "migrate-qemu-fd", "boot-index", "hda-duplex", "drive-aio",
        "pci-multibus", "pci-bootindex", "ccid-emulated", "ccid-passthru", "chardev-spicevmc", "device-spicevmc",
        "virtio-tx-alg", "device-qxl-vga", "pci-multifunction", "virtio-blk-pci.ioeventfd", "sga",
        "virtio-blk-pci.event_idx", "virtio-net-pci.event_idx", "cache-directsync", "piix3-usb-uhci",
        "piix4-usb-uhci", "usb-ehci", "ich9-usb-ehci1", "vt82c686b-usb-uhci", "pci-ohci", "usb-redir", "usb-hub",
        "no-shutdown", "cache-unsafe", "rombar", "ich9-ahci", "no-acpi", "fsdev-readonly", "virtio-blk-pci.scsi",
        "blk-sg-io", "drive-copy-on-read", "cpu-host", "fsdev-writeout", "drive-iotune", "system_wakeup",
        "scsi-disk.channel", "scsi-block", "no-user-config", "virtio-scsi-pci", "lsi",
    ];

    private static string[] With(string[] profile, params string[] extra) => [.. profile, .. extra];

    private static string[] Without(string[] profile, params string[] missing) => [.. profile.Except(missing)];

    /// <summary>The capability set each case is built with. A case missing here is a failure.</summary>
    private static readonly FrozenDictionary<string, string[]> CapabilitiesByCase = new Dictionary<string, string[]>
    {
        ["disk-legacy-hda-cdrom"] = Qemu09,
        ["disk-legacy-floppy-block"] = Qemu09,
        ["disk-drive-ide-cache"] = Qemu010,
        ["disk-drive-virtio-boot"] = With(Qemu010, "kvm"),
        ["disk-device-virtio-error-io"] = Qemu1x,
        ["disk-device-ide-cdrom-empty"] = Qemu1x,
        ["disk-device-scsi-controller"] = Qemu1x,
        ["disk-device-floppy-and-usb"] = Qemu1x,
        ["disk-device-ide-cd-hd"] = With(Qemu1x, "ide-cd", "scsi-cd"),
        ["disk-network-nbd"] = Qemu1x,
        ["disk-network-gluster"] = Qemu1x,
        ["disk-network-rbd-auth"] = Qemu1x,
        ["disk-network-sheepdog"] = Qemu1x,
        ["disk-iotune-limits"] = Qemu1x,
        ["controller-usb-ehci-companions"] = Qemu1x,
        ["controller-virtio-serial-ports"] = Qemu1x,
        ["filesystem-9p-shares"] = Qemu1x,
        ["net-legacy-user-vlan"] = Qemu010,
        ["net-legacy-tap-script"] = Qemu010,
        ["net-legacy-socket-mcast"] = Qemu010,
        ["net-netdev-user-virtio"] = Qemu1x,
        ["net-netdev-ethernet-vhost"] = Qemu1x,
        ["net-netdev-socket-listen-connect"] = Qemu1x,
        ["net-network-default"] = Qemu1x,
        ["net-bridge-tap"] = Qemu1x,
        ["net-direct-macvtap"] = Qemu1x,
        ["serial-legacy-pty-file"] = Qemu010,
        ["serial-legacy-tcp-udp"] = Qemu010,
        ["serial-chardev-tcp-udp"] = Qemu1x,
        ["serial-chardev-unix-pipe-dev"] = Qemu1x,
        ["serial-chardev-null-vc-stdio"] = Qemu1x,
        ["console-serial-pty"] = Qemu1x,
        ["console-virtio"] = Qemu1x,
        ["channel-guestfwd"] = Qemu1x,
        ["channel-spicevmc"] = Qemu1x,
        ["input-usb-tablet-mouse"] = Qemu1x,
        ["input-legacy-usbdevice"] = Qemu010,
        ["graphics-vnc-listen-password"] = Qemu1x,
        ["graphics-vnc-autoport-legacy"] = Qemu09,
        ["graphics-vnc-unix-socket"] = Qemu1x,
        ["graphics-sdl-fullscreen"] = Qemu1x,
        ["graphics-spice-qxl"] = Qemu1x,
        ["graphics-none-nographic"] = Qemu1x,
        ["video-cirrus-vga"] = Qemu1x,
        ["sound-ich6-ac97"] = Qemu1x,
        ["watchdog-i6300esb"] = Qemu1x,
        ["memballoon-virtio-address"] = Qemu1x,
        ["memballoon-none"] = Qemu1x,
        ["hostdev-usb"] = Qemu1x,
        ["hostdev-pci"] = Qemu1x,
        ["smartcard-host"] = Qemu1x,
        ["redirdev-spicevmc"] = Qemu1x,
        ["hub-usb"] = Qemu1x,
        ["cpu-custom-features"] = Qemu1x,
        ["cpu-topology-smp"] = Qemu1x,
        ["numa-two-cells"] = Qemu1x,
        ["clock-localtime-timers"] = Qemu1x,
        ["clock-utc-adjustment"] = Qemu1x,
        ["smbios-sysinfo"] = Qemu1x,
        ["boot-order-menu"] = Qemu1x,
        ["bootindex-per-device"] = Qemu1x,
        ["kernel-direct-boot"] = Qemu1x,
        ["lifecycle-no-reboot"] = Qemu1x,
        ["lifecycle-legacy-no-reboot"] = Qemu09,
        ["seclabel-static-selinux"] = Qemu1x,
        ["qemu-commandline-passthrough"] = Qemu1x,
        ["migration-incoming-tcp"] = Qemu1x,
        ["migration-incoming-stdio"] = Qemu1x,
        ["kvm-hugepages-acceleration"] = With(Qemu1x, "kvm"),
        ["refuse-hugepages-without-mem-path"] = Qemu010,
        ["refuse-kvm-without-kvm"] = Qemu010,
        ["refuse-vcpu-current-without-topology"] = Qemu010,
        ["refuse-reboot-timeout"] = Qemu010,
        ["refuse-pm-suspend"] = Qemu010,
        ["refuse-bios-useserial"] = Qemu010,
        ["refuse-dump-core"] = Qemu010,
        ["refuse-iotune-without-drive-iotune"] = Without(Qemu1x, "drive-iotune"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What the caller knows beside the domain, for the cases that need more than the default.</summary>
    private static readonly FrozenDictionary<string, QemuBuildOptions> OptionsByCase = new Dictionary<string, QemuBuildOptions>
    {
        ["migration-incoming-tcp"] = new() { MigrateFrom = "tcp:0.0.0.0:49152" },
        ["migration-incoming-stdio"] = new() { MigrateFrom = "stdio", MigrateFd = 17 },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Cases that must be refused (the emulator lacks what the XML needs): they have a .err file, never .args.</summary>
    private static readonly FrozenSet<string> Refusals = new[]
    {
        "refuse-hugepages-without-mem-path", "refuse-kvm-without-kvm", "refuse-vcpu-current-without-topology",
        "refuse-reboot-timeout", "refuse-pm-suspend", "refuse-bios-useserial", "refuse-dump-core",
        "refuse-iotune-without-drive-iotune",
        // A host-opened tap (network, bridge, direct) cannot be written on a command line alone.
        "net-bridge-tap", "net-direct-macvtap", "net-network-default",
        // SPICE TLS is off on the golden host; a USB device known only by vendor/product needs the host to find it.
        "graphics-spice-qxl", "hostdev-usb",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Cases whose device family the builder refuses today ("not supported by this builder yet")
    /// while others implement it. They are skipped, never baselined; after merging a family, the
    /// lead removes its cases here, regenerates and reviews their .args.
    /// </summary>
    private static readonly FrozenSet<string> PendingFamilies = new string[]
    {
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Cases where the builder's output is not what libvirt 0.10.2 runs. Their expected file, when
    /// present, holds libvirt's command line written by hand (never the builder's output); they are
    /// skipped until the builder is fixed, and a test fails once one of them matches, so that it
    /// leaves this list. Without an expected file the right outcome needs a decision first.
    /// </summary>
    private static readonly FrozenDictionary<string, string> KnownBuilderBugs = new Dictionary<string, string>
    {
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string KnownBugReason = "known builder bug: see KnownBuilderBugs in QemuGoldenTests.cs";

    private const string PendingReason = "pending: builder family not merged yet";

    private const string NotYetMarker = "not supported by this builder yet";

    public static TheoryData<string> ReadyCases() =>
        [.. Suite.CaseNames.Where(n => !PendingFamilies.Contains(n) && !KnownBuilderBugs.ContainsKey(n))];

    public static TheoryData<string> KnownBugCases() => [.. Suite.CaseNames.Where(KnownBuilderBugs.ContainsKey)];

    public static TheoryData<string> PendingCases() => [.. Suite.CaseNames.Where(PendingFamilies.Contains)];

    [Theory]
    [MemberData(nameof(ReadyCases))]
    [MemberData(nameof(PendingCases), Skip = PendingReason)]
    [MemberData(nameof(KnownBugCases), Skip = KnownBugReason)]
    public void Command_line_or_refusal_matches_the_golden_file(string name)
    {
        var (commandLine, errors) = Build(name);
        if (errors is not null && errors.Contains(NotYetMarker, StringComparison.Ordinal))
            Assert.Fail($"{name} is refused because its family is not built yet; add it to {nameof(PendingFamilies)} "
                + $"instead of baselining the refusal:\n{errors}");

        var argsPath = Suite.Output(name, ".args");
        var errPath = Suite.Output(name, ".err");
        var refusal = Refusals.Contains(name);
        if (GoldenFile.Regenerating)
            File.Delete(refusal ? argsPath : errPath);
        if (refusal)
        {
            Assert.True(errors is not null, $"{name} should be refused but built:\n{(commandLine is null ? "" : LinesCommandWriter.Write(commandLine))}");
            var failure = GoldenFile.Compare(errPath, errors);
            Assert.True(failure is null, failure);
        }
        else
        {
            Assert.True(commandLine is not null, $"{name} should build but was refused:\n{errors}");
            var failure = GoldenFile.Compare(argsPath, LinesCommandWriter.Write(commandLine));
            Assert.True(failure is null, failure);
        }
    }

    [Fact]
    public void Every_case_names_its_capability_set_and_every_named_case_exists()
    {
        var names = Suite.CaseNames.ToHashSet(StringComparer.Ordinal);
        string[] unnamed = [.. names.Where(n => !CapabilitiesByCase.ContainsKey(n)).Order(StringComparer.Ordinal)];
        Assert.True(unnamed.Length == 0, "cases without a capability set: " + string.Join(", ", unnamed));
        string[] strangers = [.. CapabilitiesByCase.Keys.Concat(OptionsByCase.Keys).Concat(Refusals).Concat(PendingFamilies).Concat(KnownBuilderBugs.Keys)
            .Where(n => !names.Contains(n)).Distinct().Order(StringComparer.Ordinal)];
        Assert.True(strangers.Length == 0, "named cases without an XML file: " + string.Join(", ", strangers));
    }

    [Fact]
    public void Every_file_in_the_qemu_folder_belongs_to_a_case() =>
        Assert.Empty(Suite.UnusedFiles());

    [Fact]
    public void There_are_at_least_45_cases_of_which_at_least_6_are_refusals()
    {
        Assert.True(Suite.CaseNames.Count >= 45, $"{Suite.CaseNames.Count} cases");
        Assert.True(Refusals.Count >= 6, $"{Refusals.Count} refusals");
    }

    [Fact]
    public void Pending_cases_have_no_baseline_and_those_that_build_now_are_reported()
    {
        // A pending case must not carry a baseline: its expected output is written only once its
        // family is merged and the output reviewed.
        string[] baselined = [.. PendingFamilies.Where(n => File.Exists(Suite.Output(n, ".args")) || File.Exists(Suite.Output(n, ".err")))];
        Assert.True(baselined.Length == 0, "pending cases with a baseline: " + string.Join(", ", baselined));
        foreach (var name in PendingFamilies.Order(StringComparer.Ordinal))
        {
            var (_, errors) = Build(name);
            output.WriteLine(errors is null || !errors.Contains(NotYetMarker, StringComparison.Ordinal)
                ? $"builds  {name}: not refused as not built yet; review its output, then remove it from {nameof(PendingFamilies)} and regenerate"
                : $"pending {name}");
        }
    }

    [Fact]
    public void Known_builder_bugs_still_differ_from_libvirt_and_are_reported()
    {
        var fixedNow = new List<string>();
        foreach (var (name, bug) in KnownBuilderBugs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (commandLine, errors) = Build(name);
            var expectedPath = Suite.Output(name, Refusals.Contains(name) ? ".err" : ".args");
            var actual = commandLine is null ? errors! : LinesCommandWriter.Write(commandLine);
            var matches = File.Exists(expectedPath) && GoldenFile.Compare(expectedPath, actual, regenerate: false) is null;
            output.WriteLine($"{(matches ? "FIXED" : "bug  ")} {name}: {bug}");
            if (matches) fixedNow.Add(name);
        }
        Assert.True(fixedNow.Count == 0, "now built as libvirt does; remove from KnownBuilderBugs: " + string.Join(", ", fixedNow));
    }

    /// <summary>The command line, or the refusal's diagnostics (one formatted line each, paths relative).</summary>
    private static (QemuCommandLine? CommandLine, string? Errors) Build(string name)
    {
        var input = Suite.Input(name);
        var relative = Path.GetRelativePath(RepositoryPaths.Root, input);
        string Format(IEnumerable<Translator.Diagnostics.Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.Format().Replace(input, relative, StringComparison.Ordinal)));

        var parsed = DomainLoader.LoadFile(InputFiles.Disk, input);
        Assert.False(parsed.HasErrors, $"{name}.xml does not load:\n{Format(parsed.Diagnostics)}");
        // The one warning a golden input may carry: raw <qemu:commandline> words make it tainted.
        Assert.Empty(parsed.Diagnostics.Where(d => d.Code != Translator.Diagnostics.DiagnosticCatalog.Tainted).Select(d => d.Format()));
        var domain = parsed.Domain!;
        Assert.True(CapabilitiesByCase.TryGetValue(name, out var capabilities), $"{name} has no capability set in {nameof(CapabilitiesByCase)}");
        var emulator = QemuGoldenHost.Emulator(domain.Devices.Emulator ?? "/usr/bin/qemu-system-x86_64", capabilities);
        var result = QemuCommandBuilder.Build(domain, emulator, QemuGoldenHost.Settings, OptionsByCase.GetValueOrDefault(name));
        return result.CommandLine is { } commandLine ? (commandLine, null) : (null, Format(result.Diagnostics));
    }
}
