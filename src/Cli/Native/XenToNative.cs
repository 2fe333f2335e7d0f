using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.HostRuntime.Native;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Native;

/// <summary><c>to-native xen-sxpr|xen-xm|xen-xl</c>: translates through <see cref="XenNativeTranslation"/> and prints.</summary>
internal static class XenToNative
{
    public const string SexprFormat = XenNativeTranslation.SexprFormat;
    public const string XmFormat = XenNativeTranslation.XmFormat;
    public const string XlFormat = XenNativeTranslation.XlFormat;

    // toolstack: the one --toolstack names, or null for the format's default.
    public static int Run(string format, string file, int xendConfigVersion, XenToolstack? toolstack, bool allowUnknown, CliContext context)
    {
        var stack = toolstack ?? XenNativeTranslation.DefaultToolstack(format);
        var log = context.Logging.CreateLogger("to-native");
        if (stack == XenToolstack.Libxl) log.LogDebug("writing {Format} of {File} for libxl", format, file);
        else log.LogDebug("writing {Format} of {File} for xend config version {Version}", format, file, xendConfigVersion);
        var (text, diagnostics) = XenNativeTranslation.Translate(format, file, xendConfigVersion, allowUnknown, stack);
        if (DiagnosticOutput.Print(diagnostics, context.Error) || text is null) return ExitCodes.InvalidInput;
        context.Out.Write(text);
        return ExitCodes.Success;
    }
}
