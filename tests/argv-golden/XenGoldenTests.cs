using DomainLauncher.HostRuntime.Inputs;
using System.Collections.Frozen;
using DomainLauncher.ArgvGolden.Tests.Harness;
using DomainLauncher.Drivers.Xen;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using Xunit.Abstractions;

namespace DomainLauncher.ArgvGolden.Tests;

/// <summary>
/// Our own Xen domains (cases/xen/NAME.xml), each built for the xend config version this class
/// names for it, in both forms a Xen host takes: NAME.sexpr (the xend S-expression, on one line, as
/// <see cref="XenSexprBuilder"/> writes it) and NAME.cfg (the xm config file, as
/// <see cref="XmConfigBuilder"/> writes it). A form that must be refused has no file of its own; its
/// diagnostics go to NAME.err, one per line, each prefixed with the form ("sexpr: " or "cfg: ").
/// Regenerate with DL_REGENERATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class XenGoldenTests(ITestOutputHelper output)
{
    private static readonly GoldenSuite Suite = new("xen", ".xml", ".sexpr", ".cfg", ".err");

    /// <summary>The two outputs built from one domain.</summary>
    [Flags]
    private enum XenForm
    {
        None = 0,
        Sexpr = 1,
        Cfg = 2,
        Both = Sexpr | Cfg,
    }

    // xend's config versions (xend_config_format), by the Xen release that introduced them.
    private const int Xen302 = 1;
    private const int Xen303 = 2;
    private const int Xen304 = 3;
    private const int Xen310 = 4;

    /// <summary>The xend config version each case is built for. A case missing here is a failure.</summary>
    private static readonly FrozenDictionary<string, int> ConfigVersionByCase = new Dictionary<string, int>
    {
        ["pv-kernel-initrd-root"] = Xen304,
        ["pv-pygrub-bootargs"] = Xen304,
        ["pv-bootloader-cmdline-localtime"] = Xen310,
        ["pv-disk-driver-forms"] = Xen304,
        ["pv-routed-and-bridged-ip"] = Xen303,
        ["pv-vnc-in-image-v1"] = Xen302,
        ["pv-vnc-in-image-v2"] = Xen303,
        ["pv-vfb-sdl-v3"] = Xen304,
        ["pv-vfb-vnc-autoport-v4"] = Xen310,
        ["pci-passthrough-two-functions"] = Xen304,
        ["hvm-boot-order-features"] = Xen310,
        ["hvm-clock-variable-nohpet"] = Xen310,
        ["hvm-clock-utc-offset"] = Xen310,
        ["hvm-legacy-cdrom-floppy-vnc"] = Xen302,
        ["hvm-new-cdrom-floppy-vnc"] = Xen303,
        ["hvm-empty-cdrom-v3"] = Xen304,
        ["hvm-nic-models-v3"] = Xen304,
        ["hvm-nic-models-v4"] = Xen310,
        ["hvm-serial-pty-dev-file-parallel-pipe"] = Xen304,
        ["hvm-serial-tcp-server-telnet-client"] = Xen310,
        ["hvm-serial-udp-unix-server"] = Xen303,
        ["hvm-serial-vc-parallel-stdio"] = Xen302,
        ["hvm-serial-unix-client-parallel-file"] = Xen310,
        ["hvm-serial-null-parallel-dev"] = Xen304,
        ["hvm-sound-usb-mouse"] = Xen304,
        ["hvm-sdl-display-xauth"] = Xen303,
        ["hvm-vnc-vfb-list"] = Xen310,
        ["hvm-console-only-serial"] = Xen304,
        ["two-framebuffers-hvm"] = Xen304,
        ["pv-tap-raw-format"] = Xen304,
        ["escape-quotes-backslashes"] = Xen304,
        ["escape-hvm-serial-paths"] = Xen304,
        ["refuse-managed-pci"] = Xen304,
        ["refuse-virtual-network"] = Xen304,
        ["refuse-spice-graphics"] = Xen304,
        ["refuse-variable-clock-old-xend"] = Xen303,
        ["refuse-clock-reset-new-xend"] = Xen310,
        ["refuse-timezone-clock-pv"] = Xen310,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Cases (some of) whose forms must be refused: they have a .err file and no file for that form.</summary>
    private static readonly FrozenDictionary<string, XenForm> Refusals = new Dictionary<string, XenForm>
    {
        // xend cannot pass through a device it should detach from the host itself; the xm writer of
        // the reference never looked at managed, so the config is still written.
        ["refuse-managed-pci"] = XenForm.Sexpr,
        // A virtual network's bridge is known only to a running host (none in the target here).
        ["refuse-virtual-network"] = XenForm.Both,
        ["refuse-spice-graphics"] = XenForm.Both,
        // rtc_timeoffset exists from xend 3.1 only.
        ["refuse-variable-clock-old-xend"] = XenForm.Both,
        // From xend 3.1 an HVM clock keeps its offset; a reset at boot cannot be asked for.
        ["refuse-clock-reset-new-xend"] = XenForm.Both,
        ["refuse-timezone-clock-pv"] = XenForm.Both,
        // xend describes one framebuffer: the S-expression leaves both out (with a warning, as the
        // reference leaves them out silently); the xm config refuses where the reference left them out.
        ["two-framebuffers-hvm"] = XenForm.Cfg,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Cases where the builder's output is not what libvirt 0.10.2 writes. Their expected files hold
    /// the reference's output written by hand (never the builder's); they are skipped until the
    /// builder is fixed, and a test fails once one of them matches, so that it leaves this list.
    /// </summary>
    private static readonly FrozenDictionary<string, string> KnownBuilderBugs = new Dictionary<string, string>
    {
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Cases whose xm config does not read back to itself, and why: the reader keeps the
    /// reference's reading of some settings, which loses what the writer put there.
    /// </summary>
    private static readonly FrozenDictionary<string, string> RoundTripExceptions = new Dictionary<string, string>
    {
        // The reference reads only the first letter of 'boot', once per letter ("dcn" reads as "ddd").
        ["hvm-boot-order-features"] = "boot = \"dcn\" reads back as cdrom three times",
        ["hvm-legacy-cdrom-floppy-vnc"] = "boot = \"ad\" reads back as floppy twice",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The default guests of the host a config is read on (the xmconfig corpus host's kind).</summary>
    private static readonly XenGuestDefaults Guests = new(new XenGuestArch("x86_64", "xenfv"), new XenGuestArch("x86_64", "xenpv"));

    private const string KnownBugReason = "known builder bug: see KnownBuilderBugs in XenGoldenTests.cs";

    public static TheoryData<string> ReadyCases() => [.. Suite.CaseNames.Where(n => !KnownBuilderBugs.ContainsKey(n))];

    public static TheoryData<string> KnownBugCases() => [.. Suite.CaseNames.Where(KnownBuilderBugs.ContainsKey)];

    public static TheoryData<string> RoundTripCases() =>
        [.. Suite.CaseNames.Where(n => !RefusedForms(n).HasFlag(XenForm.Cfg) && !RoundTripExceptions.ContainsKey(n) && !KnownBuilderBugs.ContainsKey(n))];

    [Theory]
    [MemberData(nameof(ReadyCases))]
    [MemberData(nameof(KnownBugCases), Skip = KnownBugReason)]
    public void Sexpr_and_xm_config_or_refusal_match_the_golden_files(string name)
    {
        var built = Build(name);
        var refused = RefusedForms(name);
        if (GoldenFile.Regenerating)
        {
            if (refused.HasFlag(XenForm.Sexpr)) File.Delete(Suite.Output(name, ".sexpr"));
            if (refused.HasFlag(XenForm.Cfg)) File.Delete(Suite.Output(name, ".cfg"));
            if (refused == XenForm.None) File.Delete(Suite.Output(name, ".err"));
        }

        var failures = new List<string>();
        Check(XenForm.Sexpr, ".sexpr", built.Sexpr, built.SexprErrors);
        Check(XenForm.Cfg, ".cfg", built.Cfg, built.CfgErrors);
        if (refused != XenForm.None)
        {
            var failure = GoldenFile.Compare(Suite.Output(name, ".err"), ErrText(built, refused));
            if (failure is not null) failures.Add(failure);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        void Check(XenForm form, string extension, string? text, string? errors)
        {
            if (refused.HasFlag(form))
            {
                if (text is not null) failures.Add($"{name}: the {form} form should be refused but built:\n{text}");
                return;
            }
            if (text is null)
            {
                failures.Add($"{name}: the {form} form should build but was refused:\n{errors}");
                return;
            }
            if (GoldenFile.Compare(Suite.Output(name, extension), text) is { } failure) failures.Add(failure);
        }
    }

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void Our_xm_config_reads_back_and_writes_the_same_text(string name)
    {
        var version = ConfigVersionByCase[name];
        var cfgPath = Suite.Output(name, ".cfg");
        var text = File.ReadAllText(cfgPath).Replace("\r\n", "\n");
        var target = XenTarget.For((XendConfigVersion)version);
        var read = XmConfigReader.ReadText(text, Path.GetFileName(cfgPath), target, Guests);
        Assert.True(read.Domain is not null, $"{name}.cfg does not read:\n{string.Join("\n", read.Diagnostics.Select(d => d.Format()))}");
        Assert.Empty(read.Diagnostics.Select(d => d.Format()));
        var rebuilt = XmConfigBuilder.Build(read.Domain, target);
        Assert.True(rebuilt.Text is not null, $"{name}: the domain read from the config is refused:\n{string.Join("\n", rebuilt.Diagnostics.Select(d => d.Format()))}");
        Assert.Equal(text, rebuilt.Text);
    }

    [Fact]
    public void Every_case_names_its_config_version_and_every_named_case_exists()
    {
        var names = Suite.CaseNames.ToHashSet(StringComparer.Ordinal);
        string[] unnamed = [.. names.Where(n => !ConfigVersionByCase.ContainsKey(n)).Order(StringComparer.Ordinal)];
        Assert.True(unnamed.Length == 0, "cases without a config version: " + string.Join(", ", unnamed));
        string[] strangers = [.. ConfigVersionByCase.Keys.Concat(Refusals.Keys).Concat(KnownBuilderBugs.Keys).Concat(RoundTripExceptions.Keys)
            .Where(n => !names.Contains(n)).Distinct().Order(StringComparer.Ordinal)];
        Assert.True(strangers.Length == 0, "named cases without an XML file: " + string.Join(", ", strangers));
        Assert.All(ConfigVersionByCase, p => Assert.InRange(p.Value, XenTarget.MinConfigVersion, XenTarget.MaxConfigVersion));
    }

    [Fact]
    public void Every_config_version_has_cases_of_both_guest_kinds()
    {
        var kinds = Suite.CaseNames
            .Select(n => (Version: ConfigVersionByCase.GetValueOrDefault(n), Hvm: Load(n).Os?.Type == OsType.Hvm))
            .ToHashSet();
        for (var version = XenTarget.MinConfigVersion; version <= XenTarget.MaxConfigVersion; version++)
        {
            Assert.Contains((version, true), kinds);
            Assert.Contains((version, false), kinds);
        }
    }

    [Fact]
    public void Every_file_in_the_xen_folder_belongs_to_a_case() =>
        Assert.Empty(Suite.UnusedFiles());

    [Fact]
    public void There_are_at_least_18_cases_of_which_at_least_5_are_refusals()
    {
        Assert.True(Suite.CaseNames.Count >= 18, $"{Suite.CaseNames.Count} cases");
        Assert.True(Refusals.Count >= 5, $"{Refusals.Count} refusals");
    }

    [Fact]
    public void Known_builder_bugs_still_differ_from_libvirt_and_are_reported()
    {
        var fixedNow = new List<string>();
        foreach (var (name, bug) in KnownBuilderBugs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var built = Build(name);
            var refused = RefusedForms(name);
            var outputs = new List<(string Extension, string? Actual)>();
            if (!refused.HasFlag(XenForm.Sexpr)) outputs.Add((".sexpr", built.Sexpr));
            if (!refused.HasFlag(XenForm.Cfg)) outputs.Add((".cfg", built.Cfg));
            if (refused != XenForm.None) outputs.Add((".err", ErrText(built, refused)));
            var matches = outputs.All(o => o.Actual is not null && File.Exists(Suite.Output(name, o.Extension))
                && GoldenFile.Compare(Suite.Output(name, o.Extension), o.Actual, regenerate: false) is null);
            output.WriteLine($"{(matches ? "FIXED" : "bug  ")} {name}: {bug}");
            if (matches) fixedNow.Add(name);
        }
        Assert.True(fixedNow.Count == 0, "now built as libvirt does; remove from KnownBuilderBugs: " + string.Join(", ", fixedNow));
    }

    private static XenForm RefusedForms(string name) => Refusals.GetValueOrDefault(name, XenForm.None);

    /// <summary>The diagnostics of each refused form, prefixed with the form; warnings of a built form are not included.</summary>
    private static string ErrText(Built built, XenForm refused)
    {
        var lines = new List<string>();
        if (refused.HasFlag(XenForm.Sexpr) && built.SexprErrors is { } sexpr) lines.AddRange(sexpr.Split('\n').Select(l => "sexpr: " + l));
        if (refused.HasFlag(XenForm.Cfg) && built.CfgErrors is { } cfg) lines.AddRange(cfg.Split('\n').Select(l => "cfg: " + l));
        return string.Join("\n", lines);
    }

    private sealed record Built(string? Sexpr, string? SexprErrors, string? Cfg, string? CfgErrors);

    private static Domain Load(string name)
    {
        var input = Suite.Input(name);
        var parsed = DomainLoader.LoadFile(InputFiles.Disk, input);
        Assert.False(parsed.HasErrors, $"{name}.xml does not load:\n{Format(input, parsed.Diagnostics)}");
        Assert.Empty(parsed.Diagnostics.Select(d => d.Format()));
        return parsed.Domain!;
    }

    /// <summary>Both forms, each as text or as its diagnostics (one formatted line each, paths relative).</summary>
    private static Built Build(string name)
    {
        var input = Suite.Input(name);
        var domain = Load(name);
        Assert.True(ConfigVersionByCase.TryGetValue(name, out var version), $"{name} has no config version in {nameof(ConfigVersionByCase)}");

        var targetDiagnostics = new DiagnosticBag();
        var target = XenTarget.ForConfigVersion(version, domain.Location, targetDiagnostics);
        Assert.True(target is not null, Format(input, targetDiagnostics.ToList()));
        var sexpr = XenSexprBuilder.Build(domain, target);
        var cfg = XmConfigBuilder.Build(domain, target);
        return new Built(
            sexpr.Text, sexpr.Text is null ? Format(input, sexpr.Diagnostics) : null,
            cfg.Text, cfg.Text is null ? Format(input, cfg.Diagnostics) : null);
    }

    private static string Format(string input, IEnumerable<Diagnostic> diagnostics)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.Root, input);
        return string.Join("\n", diagnostics.Select(d => d.Format().Replace(input, relative, StringComparison.Ordinal)));
    }
}
