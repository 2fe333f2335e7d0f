using DomainLauncher.Drivers.Xen;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// The Xen formats of <c>to-native</c> and <c>from-native</c>: <c>xen-sxpr</c>, the S-expression xend
/// creates a domain from, and <c>xen-xm</c>, an xm config file, both for one xend config version
/// (libvirt 0.10.2's xend driver); <c>xen-xm</c> for the libxl toolstack instead (libvirt 9's libxl
/// driver, which knows no xend version), and <c>xen-xl</c>, an xl config file, only for libxl.
/// Unlike <c>qemu-argv</c>, nothing decided at start time is filled in: an automatic VNC port stays
/// automatic (<c>vncunused</c>), as virsh prints it. Both directions convert: what a document states
/// is kept (<see cref="DefaultsSettings.Conversion"/>). Reads the files; the writers are pure.
/// </summary>
public static class XenNativeTranslation
{
    public const string SexprFormat = "xen-sxpr";
    public const string XmFormat = "xen-xm";

    /// <summary>An xl config file, as libvirt 9's libxl driver writes and reads it (no xend version applies).</summary>
    public const string XlFormat = "xen-xl";

    /// <summary>
    /// The toolstack a format is written and read for when none is named: xend for <c>xen-sxpr</c>
    /// and <c>xen-xm</c> (what those names meant before libxl), libxl for <c>xen-xl</c>.
    /// </summary>
    public static XenToolstack DefaultToolstack(string format) => format == XlFormat ? XenToolstack.Libxl : XenToolstack.Xend;

    /// <summary>Whether <paramref name="toolstack"/> has a file in <paramref name="format"/>: xend has no xl files, libxl no S-expressions.</summary>
    public static bool Supports(string format, XenToolstack toolstack) => format switch
    {
        SexprFormat => toolstack == XenToolstack.Xend,
        XlFormat => toolstack == XenToolstack.Libxl,
        _ => true,
    };

    /// <summary>
    /// The configuration text (ending in a newline), or null with the refusals; warnings come with
    /// either. <paramref name="toolstack"/> says whose conversion: xend's for
    /// <paramref name="xendConfigVersion"/>, or libxl's (no xend version applies); by default
    /// <see cref="DefaultToolstack"/>.
    /// </summary>
    public static (string? Text, IReadOnlyList<Diagnostic> Diagnostics) Translate(string format, string domainFile, int xendConfigVersion, bool allowUnknown = false,
        XenToolstack? toolstack = null)
    {
        var stack = toolstack ?? DefaultToolstack(format);
        if (!Supports(format, stack)) throw new ArgumentException($"the {stack} toolstack has no {format} files", nameof(toolstack));
        var loaded = UnknownContent.ForUse(DomainLoader.LoadFile(InputFiles.Disk, domainFile, defaults: DefaultsSettings.Conversion), allowUnknown);
        if (loaded.HasErrors || loaded.Domain is not { } domain) return (null, loaded.Diagnostics);

        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(loaded.Diagnostics);
        var target = stack == XenToolstack.Libxl ? XenTarget.Libxl : XenTarget.ForConfigVersion(xendConfigVersion, SourceLocation.OfFile(domainFile), diagnostics);
        if (diagnostics.HasErrors || target is null) return (null, diagnostics.ToList());
        var (text, built) = format switch
        {
            SexprFormat => XenSexprBuilder.Build(domain, target) is var sexpr ? (sexpr.Text, sexpr.Diagnostics) : default,
            XmFormat => XmConfigBuilder.Build(domain, target) is var xm ? (xm.Text, xm.Diagnostics) : default,
            XlFormat => XmConfigBuilder.Build(domain, target, XenConfigFormat.Xl) is var xl ? (xl.Text, xl.Diagnostics) : default,
            _ => throw new ArgumentException($"'{format}' is not a Xen native format", nameof(format)),
        };
        diagnostics.AddRange(built);
        if (diagnostics.HasErrors) return (null, diagnostics.ToList());
        if (text is null) throw new InvalidOperationException($"the {format} builder refused without an error diagnostic");
        return (text.EndsWith('\n') ? text : text + "\n", diagnostics.ToList());
    }

    /// <summary>
    /// <c>from-native xen-xm</c>: the domain XML of an xm config file (read as data, never evaluated)
    /// for one xend config version, or as libvirt 9's libxl driver reads it (<paramref name="toolstack"/>
    /// libxl: no xend version applies), with the guests a host capabilities file offers (else
    /// <see cref="DefaultXenGuests"/>); null with the refusals, among them a value the XML cannot carry.
    /// </summary>
    public static (string? Xml, IReadOnlyList<Diagnostic> Diagnostics) FromXm(string configFile, int xendConfigVersion, string? hostCapabilitiesFile,
        XenToolstack toolstack = XenToolstack.Xend) =>
        FromConfig(configFile, XenConfigFormat.Xm, toolstack, xendConfigVersion, hostCapabilitiesFile);

    /// <summary><c>from-native xen-xl</c>: the domain XML of an xl config file, as libvirt 9's libxl driver reads it.</summary>
    public static (string? Xml, IReadOnlyList<Diagnostic> Diagnostics) FromXl(string configFile, string? hostCapabilitiesFile) =>
        FromConfig(configFile, XenConfigFormat.Xl, XenToolstack.Libxl, XenTarget.MaxConfigVersion, hostCapabilitiesFile);

    private static (string? Xml, IReadOnlyList<Diagnostic> Diagnostics) FromConfig(string configFile, XenConfigFormat format, XenToolstack toolstack,
        int xendConfigVersion, string? hostCapabilitiesFile)
    {
        var guests = DefaultXenGuests.Guests;
        if (hostCapabilitiesFile is not null)
        {
            var loaded = XenHostCapabilities.LoadFile(hostCapabilitiesFile);
            if (loaded.Diagnostics.Any(d => d.IsError) || loaded.Guests is null) return (null, loaded.Diagnostics);
            guests = loaded.Guests;
        }
        var (text, error) = NativeConfigFile.Read(configFile);
        if (error is not null || text is null) return (null, error is null ? [] : [error]);
        var diagnostics = new DiagnosticBag();
        var target = toolstack == XenToolstack.Libxl ? XenTarget.Libxl : XenTarget.ForConfigVersion(xendConfigVersion, SourceLocation.OfFile(configFile), diagnostics);
        if (diagnostics.HasErrors || target is null) return (null, diagnostics.ToList());
        var read = XmConfigReader.ReadText(text, configFile, target, guests, format);
        diagnostics.AddRange(read.Diagnostics);
        if (diagnostics.HasErrors || read.Domain is not { } domain) return (null, diagnostics.ToList());
        // What the reader built goes through the post-parse stage, as a parsed document does.
        var written = Translator.Writing.DomainXmlWriter.TryWrite(DomainDefaults.Apply(domain, DefaultsSettings.Conversion), configFile);
        diagnostics.AddRange(written.Diagnostics);
        return (diagnostics.HasErrors ? null : written.Text, diagnostics.ToList());
    }
}
