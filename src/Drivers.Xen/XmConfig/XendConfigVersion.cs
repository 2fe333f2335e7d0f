namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// The xend config versions (the <c>xend_config_format</c> a host reports) and the thresholds at
/// which the xm config format changed.
/// </summary>
public static class XendConfigVersion
{
    /// <summary>Xen 3.0.2: HVM CD-ROM in <c>cdrom</c>, <c>ioemu:</c> disk prefixes.</summary>
    public const int Xen302 = 1;

    /// <summary>Xen 3.0.3.</summary>
    public const int Xen303 = 2;

    /// <summary>Xen 3.0.4: <c>hap</c>/<c>viridian</c>; paravirt framebuffers in a <c>vfb</c> list.</summary>
    public const int Xen304 = 3;

    /// <summary>Xen 3.1.0: HVM clocks as <c>rtc_timeoffset</c>; HVM framebuffers in a <c>vfb</c> list.</summary>
    public const int Xen310 = 4;

    /// <summary>From this version on a paravirt guest's framebuffer is a <c>vfb</c> list.</summary>
    public const int MinPvfbNewConfig = Xen304;

    /// <summary>Up to this version an HVM NIC without a model is marked <c>type=ioemu</c>.</summary>
    public const int MaxNetTypeIoemu = Xen304;

    public static bool IsKnown(int version) => version is >= Xen302 and <= Xen310;
}
