namespace DomainLauncher.Drivers.Xen.Target;

/// <summary>
/// The Xen toolstack a translation is for, which fixes the release of the reference conversions:
/// xend (Xen 3, libvirt 0.10.2's xend driver, with a xend config version) or libxl (Xen 4.5 and
/// later, libvirt 9's libxl driver).
/// </summary>
public enum XenToolstack
{
    Xend,
    Libxl,
}
