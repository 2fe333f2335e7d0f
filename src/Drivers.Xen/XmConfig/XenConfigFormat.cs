namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// The config file dialect written or read: an xm file (xend's <c>xm create</c>, also read by
/// libxl) or an xl file (libxl's <c>xl create</c>). Both are the same <c>name = value</c> syntax
/// and value tree; xl names some settings differently and describes disks, NICs, USB and channels
/// with more keys (see <see cref="XlSyntax"/>).
/// </summary>
public enum XenConfigFormat
{
    Xm,
    Xl,
}
