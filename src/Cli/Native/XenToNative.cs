using DomainLauncher.HostRuntime.Native;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Native;

/// <summary><c>to-native xen-sxpr|xen-xm</c>: translates through <see cref="XenNativeTranslation"/> and prints.</summary>
internal static class XenToNative
{
    public const string SexprFormat = XenNativeTranslation.SexprFormat;
    public const string XmFormat = XenNativeTranslation.XmFormat;
    public const string XlFormat = XenNativeTranslation.XlFormat;

    public static int Run(string format, string file, int xendConfigVersion, bool allowUnknown, CliContext context)
    {
        context.Logging.CreateLogger("to-native").LogDebug("writing {Format} of {File} for xend config version {Version}", format, file, xendConfigVersion);
        var (text, diagnostics) = XenNativeTranslation.Translate(format, file, xendConfigVersion, allowUnknown);
        if (DiagnosticOutput.Print(diagnostics, context.Error) || text is null) return ExitCodes.InvalidInput;
        context.Out.Write(text);
        return ExitCodes.Success;
    }
}
