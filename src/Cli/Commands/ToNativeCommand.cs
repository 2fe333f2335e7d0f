using DomainLauncher.Cli.Batch;
using System.CommandLine;
using System.CommandLine.Parsing;
using DomainLauncher.Cli.Native;
using DomainLauncher.Cli.Output;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.HostRuntime.Native;
using DomainLauncher.Translator.Model;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher to-native FORMAT DOMAIN.xml</c>: prints the native configuration a domain
/// becomes, as <c>virsh domxml-to-native</c> does: <c>qemu-argv</c>, the QEMU command line, written
/// as one shell line, one option per line, or JSON; <c>xen-sxpr</c> and <c>xen-xm</c>, the xend
/// S-expression and the xm config file for a xend config version (see <see cref="XenToNative"/>).
/// Diagnostics go to standard error so standard output holds only the configuration.
/// </summary>
internal static class ToNativeCommand
{
    private const string QemuArgv = "qemu-argv";

    /// <summary>virsh's format names.</summary>
    private static readonly string[] KnownFormats = [QemuArgv, XenToNative.SexprFormat, XenToNative.XmFormat, XenToNative.XlFormat];

    /// <summary><see cref="KnownFormats"/> as the help lists them: a constant, made by the compiler, not at every start.</summary>
    private const string KnownFormatList = $"{QemuArgv}, {XenToNative.SexprFormat}, {XenToNative.XmFormat}, {XenToNative.XlFormat}";

    private static readonly string[] OutputFormats = ["shell", "lines", "json"];

    public static CliCommand Create()
    {
        var format = new Argument<string>("FORMAT")
        {
            Description = $"The native format: {KnownFormatList}.",
        };
        format.CompletionSources.Add(KnownFormats);
        format.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!KnownFormats.Contains(value, StringComparer.Ordinal))
                result.AddError($"'{value}' is not a known native format; known: {KnownFormatList}.");
        });
        var files = new Argument<string[]>("DOMAIN.xml")
        {
            CustomParser = WordsArgument.Parse,
            Description = "The domain XML documents ('-' is standard input), translated in one process, in the order given.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object per document, on one line each (JSON lines): file, ok, the configuration, diagnostics.",
        };
        var output = new Option<string>("--format")
        {
            Description = "How to print the command line: shell (one line), lines (one option per line), json.",
            DefaultValueFactory = _ => "shell",
            HelpName = "shell|lines|json",
        };
        output.AcceptOnlyFromAmong(OutputFormats);
        var caps = new Option<string>("--caps")
        {
            Description = "The emulator's capabilities, libvirt's names comma-separated (drive,device,netdev,...).",
            HelpName = "NAME,NAME,...",
        };
        var capsFile = new Option<string>("--caps-file")
        {
            Description = "A file of capability names, one per line or comma-separated; '#' starts a comment.",
            HelpName = "FILE",
        };
        var hostSettings = new Option<string>("--host-settings")
        {
            Description = "Host settings as JSON (qemu.conf-like settings, environment, host capabilities, CPU map).",
            HelpName = "FILE",
        };
        var migrateFrom = new Option<string>("--migrate-from")
        {
            Description = "Start waiting for an incoming migration (-incoming): stdio, tcp:HOST:PORT, unix:PATH, exec:CMD.",
            HelpName = "URI",
        };
        var accel = new Option<string>("--accel")
        {
            Description = "For emulators that take -accel: run under this accelerator. Without it a 'kvm' domain needs a usable /dev/kvm; --accel tcg runs it under TCG instead.",
            HelpName = "tcg|kvm",
        };
        accel.AcceptOnlyFromAmong([.. QemuAcceleratorNames.Table.Names]);
        var emulatorSource = EmulatorSource.ProfileOnly();
        var xendConfigVersion = XendConfigVersionOption.Create();
        var toolstack = XenToolstackOption.Create();
        var allowUnknown = AllowUnknownOption.Create();
        var command = new CliCommand(
            "to-native",
            "Print the native configuration of a domain: the QEMU command line (qemu-argv), the xend S-expression (xen-sxpr), the xm config file (xen-xm) or the xl config file (xen-xl).",
            () => $$"""
            The emulator is the domain's <emulator>. Its capabilities are the union of --caps and
            --caps-file; with neither, those of {{DefaultQemuCapabilities.Description}} (plus pci-multibus for x86):
            {{Wrap(DefaultQemuCapabilities.Base.ToString(), 70, "  ")}}
            --emulator-profile FILE (from 'domainlauncher probe --record FILE') instead gives the
            capabilities, machine types (pc becomes its versioned machine), default machine and CPU
            models of the recorded QEMU; the binary written stays the domain's <emulator>. It cannot be
            combined with --caps or --caps-file.

            Without --host-settings the host is a stock libvirt host (see README, "Host settings").
            As virsh domxml-to-native does, a VNC display with an automatic port gets port {{VncPorts.First}}.

            Output (standard output): the command line only. --format shell: one line, environment
            assignments first, words single-quoted where the shell needs it. --format lines: the same
            with each option and its value on a line of its own, ending in a backslash. --format json:
            {"environment": {"NAME": "value"}, "emulator": "PATH", "args": ["ARG", ...]}.
            Diagnostics (standard error): FILE:LINE:COL: error|warning CODE: ELEMENT-PATH: MESSAGE.
            An element or attribute this tool does not understand is refused (DL2010, DL2011; validate
            only warns, DL2007, DL2008): the guest would lack it. --allow-unknown leaves it out knowingly.
            xen-sxpr and xen-xm: the xend S-expression (one line) or the xm config file (one
            "name = value" line per setting) for the host's --xend-config-version (default
            {{XendConfigVersionOption.Default}}, the newest), as libvirt 0.10.2's xend driver writes them. A domain that config
            version cannot express is refused with the Xen driver's diagnostics (DL5xxx). xen-xl: the xl
            config file of today's Xen (libxl), as libvirt 9.0 writes it; no xend version applies.
            --toolstack names whose conversion is wanted: xend (Xen 3; the default for xen-sxpr and
            xen-xm) or libxl (Xen 4.5 and later; the only one for xen-xl). xen-xm --toolstack libxl is
            the xm config file libvirt 9.0's libxl driver writes for today's Xen (libxl's defaults, its
            setting names and order; no xend version applies). An emulator with the 'accel' capability gets
            -accel: tcg for a 'qemu' domain, kvm for a 'kvm' domain when /dev/kvm is usable here; without
            it the kvm domain is refused (DL4054) unless --accel tcg asks for TCG. --format, --caps,
            --caps-file, --emulator-profile, --host-settings, --migrate-from and --accel apply only to
            qemu-argv, --toolstack only to the Xen formats, --xend-config-version only to xen-sxpr and
            xen-xm for xend: given with another format (or toolstack) they are a usage error.
            Many documents: each is translated in turn, with the capabilities, profile and host
            settings read once. qemu-argv --format shell prints one line per document; lines and the
            Xen formats print the documents one after the other. --json prints one line per document,
            refused or not, in the order given: {"file": F, "ok": true|false, "commandLine":
            {"environment", "emulator", "args"}|null (qemu-argv) or "config": TEXT|null (Xen formats),
            "diagnostics": [{"severity", "code", "line", "column", "path", "message"}]}; diagnostics then
            go there, not to standard error. --json takes no --format other than json.
            Exit status: 0 printed, 1 an input was refused (domain, capability file, profile, host settings,
            or the emulator or xend version cannot run the domain), 2 wrong usage (including an
            unknown name in --caps or a xend config version other than 1 to 4), 70 internal error.
            """,
            [
                new("Print the command line of a bundled example", "domainlauncher to-native qemu-argv examples/headless-qemu.xml"),
                new("One option per line, for an emulator with only a few capabilities",
                    "domainlauncher to-native qemu-argv --format lines --caps drive,device,netdev,chardev guest.xml"),
                new("JSON for a program, with host settings and an incoming migration",
                    "domainlauncher to-native qemu-argv --format json --host-settings examples/host-settings.json --migrate-from tcp:0.0.0.0:4444 guest.xml"),
                new("Capabilities from a file", "domainlauncher to-native qemu-argv --caps-file examples/emulator-caps.txt examples/headless-qemu.xml"),
                new("The command line for the QEMU 7.2 that CI installs, from its recorded profile",
                    "domainlauncher to-native qemu-argv --emulator-profile profiles/qemu-7.2-x86_64.json examples/headless-qemu.xml"),
                new("The xend S-expression of a Xen guest, for the newest xend", "domainlauncher to-native xen-sxpr examples/xen-pv.xml"),
                new("The xm config file of a Xen guest, for a Xen 3.0.3 host", "domainlauncher to-native xen-xm --xend-config-version 2 examples/xen-pv.xml"),
                new("The xl config file of a Xen guest, for today's Xen", "domainlauncher to-native xen-xl examples/xen-pv.xml"),
                new("The xm config file of a Xen guest, for today's Xen (libvirt 9.0's libxl driver)",
                    "domainlauncher to-native xen-xm --toolstack libxl examples/xen-pv.xml"),
                new("A fleet's command lines as JSON lines, one per document",
                    "domainlauncher to-native qemu-argv --json --emulator-profile profiles/qemu-7.2-x86_64.json guests/*.xml"),
            ],
            (parse, context) => parse.GetRequiredValue(format) == QemuArgv
                ? Run(new Request(parse.GetRequiredValue(files), parse.GetRequiredValue(output), parse.GetValue(caps),
                        parse.GetValue(capsFile), parse.GetValue(hostSettings), parse.GetValue(migrateFrom), parse.GetValue(accel),
                        parse.GetValue(emulatorSource.Profile), parse.GetValue(allowUnknown), parse.GetValue(json)),
                    context)
                : RunXen(parse.GetRequiredValue(format), parse.GetRequiredValue(files), parse.GetRequiredValue(xendConfigVersion),
                    XenToolstackOption.Parse(parse.GetValue(toolstack)), parse.GetValue(allowUnknown), parse.GetValue(json), context))
        {
            format,
            files,
            json,
            output,
            caps,
            capsFile,
            hostSettings,
            migrateFrom,
            accel,
            xendConfigVersion,
            toolstack,
            allowUnknown,
        };
        emulatorSource.AddTo(command);
        Option[] qemuOnly = [output, caps, capsFile, hostSettings, migrateFrom, accel, emulatorSource.Profile];
        command.Validators.Add(result =>
        {
            var chosen = result.GetValue(format);
            if (chosen is null || !KnownFormats.Contains(chosen, StringComparer.Ordinal)) return;
            static bool Given(CommandResult result, Option option) => result.GetResult(option) is OptionResult { Implicit: false };
            if (Given(result, json) && Given(result, output) && result.GetValue(output) != "json")
                result.AddError($"--json prints JSON lines; it takes no --format {result.GetValue(output)}.");
            if (chosen == QemuArgv)
            {
                if (Given(result, xendConfigVersion))
                    result.AddError($"{xendConfigVersion.Name} applies only to the Xen formats ({XenToNative.SexprFormat}, {XenToNative.XmFormat}), not to {QemuArgv}.");
                if (Given(result, toolstack))
                    result.AddError($"{toolstack.Name} applies only to the Xen formats ({XenToNative.SexprFormat}, {XenToNative.XmFormat}, {XenToNative.XlFormat}), not to {QemuArgv}.");
                // Loops, not LINQ, in the validators: they run at every start of the command.
                if (Given(result, emulatorSource.Profile))
                    foreach (var option in new Option[] { caps, capsFile })
                        if (Given(result, option))
                            result.AddError($"{emulatorSource.Profile.Name} gives the capabilities; it cannot be combined with {option.Name}.");
                return;
            }
            foreach (var option in qemuOnly)
                if (Given(result, option))
                    result.AddError($"{option.Name} applies only to {QemuArgv}, not to {chosen}.");
            XenToolstackOption.Check(result, chosen, toolstack, xendConfigVersion);
        });
        return command;
    }

    private sealed record Request(
        IReadOnlyList<string> Files, string Output, string? Caps, string? CapsFile, string? HostSettings, string? MigrateFrom, string? Accel,
        string? EmulatorProfile, bool AllowUnknown, bool Json);

    private static int Run(Request request, CliContext context)
    {
        var (session, refusal) = NativeTranslation.Prepare(new QemuArgvRequest
        {
            DomainFile = request.Files[0],
            CapabilityNames = request.Caps,
            CapabilityFile = request.CapsFile,
            EmulatorProfileFile = request.EmulatorProfile,
            HostSettingsFile = request.HostSettings,
            MigrateFrom = request.MigrateFrom,
            Accelerator = request.Accel is { } name && QemuAcceleratorNames.Table.TryParse(name, out var chosen) ? chosen : null,
            AllowUnknown = request.AllowUnknown,
        }, context.Logging.CreateLogger("to-native"));
        if (session is null)
        {
            // What every document shares is wrong: no document is read.
            DiagnosticOutput.Print(refusal!.Diagnostics, context.Error);
            if (!refusal.UnknownCapabilityName) return ExitCodes.InvalidInput;
            context.Error.WriteLine("Run 'domainlauncher to-native --help' for usage.");
            return ExitCodes.Usage;
        }
        var exit = ExitCodes.Success;
        var boundary = new DocumentBoundaryCollection();
        using var closing = InputCloseBatch.Open();
        using var readAhead = InputReadAhead.Open(request.Files);
        using var lines = new DocumentJsonLines(context.Out);
        for (var i = 0; i < request.Files.Count; i++)
        {
            boundary.BetweenDocuments();
            var file = request.Files[i];
            var translation = session.Translate(file);
            var ok = translation.CommandLine is not null && !translation.Diagnostics.Any(d => d.IsError);
            if (!ok) exit = ExitCodes.InvalidInput;
            if (request.Json)
            {
                lines.WriteLine(file, translation.Diagnostics, ok, line =>
                {
                    line.WritePropertyName("commandLine");
                    if (ok) JsonCommandWriter.WriteTo(line, translation.CommandLine!);
                    else line.WriteNullValue();
                });
                continue;
            }
            DiagnosticOutput.Print(translation.Diagnostics, context.Error);
            if (!ok) continue;
            if (i > 0 && request.Output == "lines") context.Out.WriteLine();
            Write(translation.CommandLine!, request.Output, context.Out);
        }
        return exit;
    }

    private static void Write(Drivers.Qemu.Output.QemuCommandLine commandLine, string output, TextWriter writer)
    {
        switch (output)
        {
            case "shell":
                writer.WriteLine(ShellCommandWriter.Write(commandLine));
                break;
            case "lines":
                writer.Write(LinesCommandWriter.Write(commandLine));
                break;
            case "json":
                writer.WriteLine(JsonCommandWriter.Write(commandLine));
                break;
            default:
                throw new InvalidOperationException($"output format '{output}' passed the option's check but has no writer");
        }
    }

    private static int RunXen(string format, IReadOnlyList<string> files, int xendConfigVersion, XenToolstack? toolstack, bool allowUnknown, bool json,
        CliContext context)
    {
        var exit = ExitCodes.Success;
        var boundary = new DocumentBoundaryCollection();
        using var closing = InputCloseBatch.Open();
        using var readAhead = InputReadAhead.Open(files);
        using var lines = new DocumentJsonLines(context.Out);
        foreach (var file in files)
        {
            boundary.BetweenDocuments();
            if (!json)
            {
                exit = Math.Max(exit, XenToNative.Run(format, file, xendConfigVersion, toolstack, allowUnknown, context));
                continue;
            }
            var (text, diagnostics) = XenNativeTranslation.Translate(format, file, xendConfigVersion, allowUnknown, toolstack);
            var ok = text is not null && !diagnostics.Any(d => d.IsError);
            if (!ok) exit = ExitCodes.InvalidInput;
            lines.WriteLine(file, diagnostics, ok, line => line.WriteString("config", ok ? text : null));
        }
        return exit;
    }

    private static string Wrap(string commaList, int width, string indent)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var name in commaList.Split(','))
        {
            if (line.Length > 0 && line.Length + name.Length + 1 > width)
            {
                lines.Add(indent + line + ",");
                line = "";
            }
            line = line.Length == 0 ? name : line + "," + name;
        }
        if (line.Length > 0) lines.Add(indent + line);
        return string.Join("\n", lines);
    }
}
