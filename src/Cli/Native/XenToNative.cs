using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Xen;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Native;

/// <summary>
/// The Xen formats of <c>to-native</c>: <c>xen-sxpr</c>, the S-expression xend creates a domain
/// from, and <c>xen-xm</c>, an xm config file, both for one xend config version. Unlike
/// <c>qemu-argv</c>, nothing decided at start time is filled in: an automatic VNC port stays
/// automatic (<c>vncunused</c>), as virsh prints it.
/// </summary>
internal static class XenToNative
{
    public const string SexprFormat = "xen-sxpr";
    public const string XmFormat = "xen-xm";

    public static int Run(string format, string file, int xendConfigVersion, CliContext context)
    {
        var log = context.Logging.CreateLogger("to-native");
        log.LogDebug("reading {File}", file);
        var loaded = DomainLoader.LoadFile(InputFiles.Disk, file);
        if (DiagnosticOutput.Print(loaded.Diagnostics, context.Error) || loaded.Domain is not { } domain) return ExitCodes.InvalidInput;

        log.LogDebug("writing {Format} for xend config version {Version}", format, xendConfigVersion);
        var diagnostics = new DiagnosticBag();
        var target = XenTarget.ForConfigVersion(xendConfigVersion, SourceLocation.OfFile(file), diagnostics);
        if (DiagnosticOutput.Print(diagnostics.Items, context.Error) || target is null) return ExitCodes.InvalidInput;
        string? text;
        switch (format)
        {
            case SexprFormat:
            {
                var built = XenSexprBuilder.Build(domain, target);
                if (DiagnosticOutput.Print(built.Diagnostics, context.Error)) return ExitCodes.InvalidInput;
                text = built.Text;
                break;
            }
            case XmFormat:
            {
                var built = XmConfigBuilder.Build(domain, target);
                if (DiagnosticOutput.Print(built.Diagnostics, context.Error)) return ExitCodes.InvalidInput;
                text = built.Text;
                break;
            }
            default:
                throw new InvalidOperationException($"native format '{format}' passed the argument's check but has no Xen writer");
        }
        if (text is null) throw new InvalidOperationException($"the {format} builder refused without an error diagnostic");
        context.Out.Write(text.EndsWith('\n') ? text : text + "\n");
        return ExitCodes.Success;
    }
}
