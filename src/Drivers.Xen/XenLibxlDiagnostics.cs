using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen;

/// <summary>
/// The diagnostic codes of libvirt 9's libxl conversions (DL5100-DL5199): xl config files and the
/// xlconfig and xmconfig-libxl conformance suites.
/// </summary>
public static class XenLibxlDiagnostics
{
    /// <summary>A libxl conformance suite manifest could not be read.</summary>
    public static readonly DiagnosticCode InvalidManifest = new("DL5100", "invalid libxl config suite manifest");

    /// <summary>
    /// A warning: the xl file is written, but its vnuma nodes do not add up to its <c>maxmem</c>,
    /// and xl refuses to start such a guest.
    /// </summary>
    public static readonly DiagnosticCode VnumaSizeMismatch = new("DL5101", "vnuma sizes do not add up to maxmem");
}
