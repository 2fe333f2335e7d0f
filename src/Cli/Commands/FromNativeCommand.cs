using DomainLauncher.Cli.Batch;
using System.CommandLine;
using System.CommandLine.Parsing;
using DomainLauncher.Cli.Native;
using DomainLauncher.Cli.Output;
using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.HostRuntime.Native;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher from-native xen-xm|xen-xl CONFIG.cfg</c>: reads a native configuration and prints the
/// domain XML it corresponds to, as <c>virsh domxml-from-native</c> does. The formats are
/// <c>xen-xm</c>, an xm config file (xend's, or libxl's with <c>--toolstack libxl</c>), and
/// <c>xen-xl</c>, an xl config file, read as data (never run as Python); every problem is a located
/// diagnostic on standard error, and standard output holds only the domain XML.
/// </summary>
internal static class FromNativeCommand
{
    private const string XenXm = "xen-xm";
    private const string XenXl = XenNativeTranslation.XlFormat;

    private static readonly string[] KnownFormats = [XenXm, XenXl];

    public static CliCommand Create()
    {
        var format = new Argument<string>("FORMAT")
        {
            Description = $"The native format: {string.Join(", ", KnownFormats)}.",
        };
        format.CompletionSources.Add(KnownFormats);
        format.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!KnownFormats.Contains(value, StringComparer.Ordinal))
                result.AddError($"'{value}' is not a native format this command reads; known: {string.Join(", ", KnownFormats)}.");
        });
        var files = new Argument<string[]>("CONFIG")
        {
            CustomParser = WordsArgument.Parse,
            Description = "The native configuration files (xm config files for xen-xm, xl config files for xen-xl); '-' is standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object per file, on one line each (JSON lines): file, ok, xml, diagnostics.",
        };
        var xendConfigVersion = XendConfigVersionOption.Create();
        var toolstack = XenToolstackOption.Create();
        var hostCapabilities = new Option<string>("--host-capabilities")
        {
            Description = "The host's capabilities XML (libvirt's <capabilities> format): the architecture and machine " +
                "a config without them runs as. Default: " + DefaultXenGuests.Description + ".",
            HelpName = "FILE",
        };
        var command = new CliCommand(
            "from-native",
            "Print the domain XML of a native configuration: an xm config file (xen-xm) or an xl config file (xen-xl).",
            $$"""
            The file is read as data, never run: a sequence of "name = value" settings (newlines or
            ';' between them, '#' comments), each value a quoted string, an integer or a [ list ].
            Python code, an unbalanced bracket, an unknown setting or a value of the wrong type is
            an error at its line and column. An xm config is read for the host's
            --xend-config-version (default {{XendConfigVersionOption.Default}}, the newest), as libvirt 0.10.2's xend driver
            reads it; with --toolstack libxl, as libvirt 9.0's libxl driver reads the xm config of
            today's Xen (libxl's defaults filled in; no xend version applies). An xl config is always
            read as libxl's. A config without an architecture gets the host's default guest: from
            --host-capabilities, else {{DefaultXenGuests.Description}}.

            Output (standard output): the domain XML, in libvirt's canonical form (of each file in turn).
            --json: one line per file instead, {"file": F, "ok": true|false, "xml": "<domain ...>"|null,
            "diagnostics": [{"severity", "code", "line", "column", "path", "message"}]}.
            Diagnostics (standard error): FILE:LINE:COL: error CODE: MESSAGE, e.g.
              guest.cfg:3:14: error DL5050: expected the end of the line after the value of 'memory', ...
              guest.cfg:7:1: error DL5051: memroy: 'memroy' is not an xm config setting this reader knows; did you mean 'memory'?
            Exit status: 0 printed, 1 the file was refused (missing, a directory, not UTF-8,
            or not a valid xm config), 2 wrong usage (including a xend config version other
            than 1 to 4, or one given for libxl), 70 internal error.
            """,
            [
                new("Print the domain XML of the bundled xm config", "domainlauncher from-native xen-xm examples/xen-hvm.cfg"),
                new("Read a config written for a Xen 3.0.2 host", "domainlauncher from-native xen-xm --xend-config-version 1 guest.cfg"),
                new("Take the default architecture from the host's capabilities",
                    "domainlauncher from-native xen-xm --host-capabilities capabilities.xml guest.cfg > guest.xml"),
                new("Round trip: back to an xm config", "domainlauncher from-native xen-xm examples/xen-hvm.cfg > guest.xml && domainlauncher to-native xen-xm guest.xml"),
                new("The domain XML of an xl config file of today's Xen", "domainlauncher from-native xen-xl guest.cfg"),
                new("The domain XML of an xm config file of today's Xen (libvirt 9.0's libxl driver)",
                    "domainlauncher from-native xen-xm --toolstack libxl guest.cfg"),
            ],
            (parse, context) =>
            {
                var chosen = parse.GetRequiredValue(format);
                var stack = XenToolstackOption.Parse(parse.GetValue(toolstack)) ?? XenNativeTranslation.DefaultToolstack(chosen);
                return Run(parse.GetRequiredValue(files), chosen == XenXl, stack, parse.GetRequiredValue(xendConfigVersion),
                    parse.GetValue(hostCapabilities), parse.GetValue(json), context);
            })
        {
            format,
            files,
            json,
            xendConfigVersion,
            toolstack,
            hostCapabilities,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(format) is { } chosen && KnownFormats.Contains(chosen, StringComparer.Ordinal))
                XenToolstackOption.Check(result, chosen, toolstack, xendConfigVersion);
        });
        return command;
    }

    /// <summary>
    /// Each file to domain XML: an xl config file (<c>xen-xl</c>) read as libvirt 9's libxl driver reads it, or an xm config
    /// file for the xend config version, or for libxl.
    /// </summary>
    private static int Run(IReadOnlyList<string> files, bool xl, XenToolstack toolstack, int xendConfigVersion, string? hostCapabilities, bool json,
        CliContext context)
    {
        var log = context.Logging.CreateLogger("from-native");
        var exit = ExitCodes.Success;
        var boundary = new DocumentBoundaryCollection();
        using var closing = InputCloseBatch.Open();
        using var readAhead = InputReadAhead.Open(files);
        using var lines = new DocumentJsonLines(context.Out);
        foreach (var file in files)
        {
            boundary.BetweenDocuments();
            if (xl) log.LogDebug("reading xl config {File}", file);
            else if (toolstack == XenToolstack.Libxl) log.LogDebug("reading xm config {File} for libxl", file);
            else log.LogDebug("reading {File} for xend config version {Version}", file, xendConfigVersion);
            var (xml, diagnostics) = xl
                ? XenNativeTranslation.FromXl(file, hostCapabilities)
                : XenNativeTranslation.FromXm(file, xendConfigVersion, hostCapabilities, toolstack);
            var ok = xml is not null && !diagnostics.Any(d => d.IsError);
            if (!ok) exit = ExitCodes.InvalidInput;
            if (json)
            {
                lines.WriteLine(file, diagnostics, ok, line => line.WriteString("xml", ok ? xml : null));
                continue;
            }
            DiagnosticOutput.Print(diagnostics, context.Error);
            if (ok) context.Out.Write(xml);
        }
        return exit;
    }
}
