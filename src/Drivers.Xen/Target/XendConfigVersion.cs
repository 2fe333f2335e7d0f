namespace DomainLauncher.Drivers.Xen.Target;

/// <summary>
/// The xend config version of a Xen host (its <c>xend_config_format</c>): which S-expression
/// dialect xend accepts. The numbers are xend's own (1 to 4); the names say the Xen release.
/// </summary>
public enum XendConfigVersion
{
    /// <summary>Xen 3.0.2: HVM disks need an <c>ioemu:</c> prefix, the CD-ROM sits in the image.</summary>
    Xen3_0_2 = 1,

    /// <summary>Xen 3.0.3: VNC settings move from the command line into the image.</summary>
    Xen3_0_3 = 2,

    /// <summary>Xen 3.0.4: paravirtualized framebuffers become <c>(device (vfb ...))</c>.</summary>
    Xen3_0_4 = 3,

    /// <summary>Xen 3.1.0: the clock moves into the image; HVM guests get <c>rtc_timeoffset</c>.</summary>
    Xen3_1_0 = 4,
}
