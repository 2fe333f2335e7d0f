using System.CommandLine;
using System.CommandLine.Parsing;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.HostRuntime.Native;

namespace DomainLauncher.Cli.Native;

/// <summary>
/// <c>--toolstack xend|libxl</c>, shared by the Xen formats of <c>to-native</c> and <c>from-native</c>:
/// whose conversion is wanted. <c>xend</c> (Xen 3) is libvirt 0.10.2's xend driver, for a
/// <c>--xend-config-version</c>; <c>libxl</c> (Xen 4.5 and later) is libvirt 9.0's libxl driver, which
/// knows no xend version. Without it, <c>xen-sxpr</c> and <c>xen-xm</c> are xend's (what those names
/// have always meant here) and <c>xen-xl</c> is libxl's. A pair that has no file (an xl file for xend,
/// an S-expression for libxl, a xend version for libxl) is a usage error, found before a file is read.
/// </summary>
internal static class XenToolstackOption
{
    public const string Name = "--toolstack";

    public const string Xend = "xend";
    public const string Libxl = "libxl";

    public static Option<string> Create()
    {
        var option = new Option<string>(Name)
        {
            Description = "The Xen toolstack the file is for: xend (Xen 3, as libvirt 0.10.2's xend driver converts; the default but for " +
                $"{XenNativeTranslation.XlFormat}) or libxl (Xen 4.5 and later, as libvirt 9.0's libxl driver converts; always for " +
                $"{XenNativeTranslation.XlFormat}, and for the xm files of today's Xen with {XenNativeTranslation.XmFormat}).",
            HelpName = "xend|libxl",
        };
        option.AcceptOnlyFromAmong(Xend, Libxl);
        return option;
    }

    /// <summary>The toolstack given, or null when the option was not (the format's default applies).</summary>
    public static XenToolstack? Parse(string? value) => value switch
    {
        Xend => XenToolstack.Xend,
        Libxl => XenToolstack.Libxl,
        _ => null,
    };

    /// <summary>
    /// The usage errors of a Xen <paramref name="format"/> with the toolstack and xend config version
    /// given: a toolstack without files in the format, or a xend version for libxl.
    /// </summary>
    public static void Check(CommandResult result, string format, Option<string> toolstack, Option<int> xendConfigVersion)
    {
        var given = result.GetResult(toolstack) is OptionResult { Implicit: false } ? Parse(result.GetValue(toolstack)) : null;
        var stack = given ?? XenNativeTranslation.DefaultToolstack(format);
        if (given is { } named && !XenNativeTranslation.Supports(format, named))
            result.AddError(named == XenToolstack.Libxl
                ? $"{Name} {Libxl} has no {format}: libxl (libvirt 9.0) writes {XenNativeTranslation.XmFormat} and {XenNativeTranslation.XlFormat} files."
                : $"{Name} {Xend} has no {format}: an xl file is libxl's; xend (libvirt 0.10.2) writes {XenNativeTranslation.SexprFormat} and {XenNativeTranslation.XmFormat}.");
        else if (stack == XenToolstack.Libxl && result.GetResult(xendConfigVersion) is OptionResult { Implicit: false })
            result.AddError($"{xendConfigVersion.Name} applies only to xend's files ({XenNativeTranslation.SexprFormat}, {XenNativeTranslation.XmFormat}), " +
                $"not to {format} for {Libxl}: libxl (libvirt 9.0) converts one way for every Xen from 4.5 on.");
    }
}
