using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.Target;

/// <summary>
/// The Xen host a domain is translated for: its xend config version (the role QEMU capabilities
/// play for the QEMU driver) and the bridges of the host's virtual networks, which an interface of
/// <c>type='network'</c> is plugged into. The properties below are the only place that knows which
/// version changes what; the emitters ask them rather than compare version numbers.
/// </summary>
public sealed record XenTarget
{
    public const int MinConfigVersion = (int)XendConfigVersion.Xen3_0_2;
    public const int MaxConfigVersion = (int)XendConfigVersion.Xen3_1_0;

    public required XendConfigVersion ConfigVersion { get; init; }

    /// <summary>Virtual network name to the host bridge it uses (only active networks have one).</summary>
    public ImmutableDictionary<string, string> NetworkBridges { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>A target for a config version, without virtual networks.</summary>
    public static XenTarget For(XendConfigVersion version) =>
        Enum.IsDefined(version)
            ? new XenTarget { ConfigVersion = version }
            : throw new ArgumentOutOfRangeException(nameof(version), version, "not a xend config version");

    /// <summary>A target for a config version, or a DL5000 error when the number is not 1 to 4.</summary>
    public static XenTarget? ForConfigVersion(int version, SourceLocation where, DiagnosticBag diagnostics)
    {
        if (version is >= MinConfigVersion and <= MaxConfigVersion)
            return new XenTarget { ConfigVersion = (XendConfigVersion)version };
        diagnostics.Error(XenSexprDiagnostics.InvalidConfigVersion, where,
            $"xend config version {version} is not supported; allowed: {MinConfigVersion} to {MaxConfigVersion}");
        return null;
    }

    /// <summary>
    /// xend 3.0.2 reads an HVM guest's CD-ROM (hdc) apart from the other disks: from the image in
    /// the S-expression, from the <c>cdrom</c> setting in an xm config.
    /// </summary>
    public bool HvmCdromInImage => ConfigVersion == XendConfigVersion.Xen3_0_2;

    /// <summary>xend 3.0.2 names HVM disks <c>ioemu:DEV</c>; later ones <c>DEV:disk</c> or <c>DEV:cdrom</c> (<c>DEV</c> in an xm config).</summary>
    public bool HvmDiskIoemuPrefix => ConfigVersion == XendConfigVersion.Xen3_0_2;

    /// <summary>From xend 3.0.3 the image carries the VNC display, listen address, password and keymap.</summary>
    public bool VncSettingsInImage => ConfigVersion >= XendConfigVersion.Xen3_0_3;

    /// <summary>From xend 3.0.4 a paravirtualized guest's framebuffer is a vfb device plus a vkbd (a <c>vfb</c> list in an xm config).</summary>
    public bool PvFramebufferAsDevice => ConfigVersion >= XendConfigVersion.Xen3_0_4;

    /// <summary>From xend 3.0.4 a paravirtualized guest may name a device model too.</summary>
    public bool PvDeviceModel => ConfigVersion >= XendConfigVersion.Xen3_0_4;

    /// <summary>
    /// Up to xend 3.0.4 an emulated HVM NIC is marked <c>(type ioemu)</c>; later xends read that as
    /// "no paravirtualized driver" and it is left out.
    /// </summary>
    public bool HvmNicTypeIoemu => ConfigVersion <= XendConfigVersion.Xen3_0_4;

    /// <summary>From xend 3.0.4 an xm config has the HVM <c>hap</c> and <c>viridian</c> switches.</summary>
    public bool XmHvmHapViridian => ConfigVersion >= XendConfigVersion.Xen3_0_4;

    /// <summary>From xend 3.1.0 the clock is also set inside the image, with an RTC offset for HVM guests.</summary>
    public bool ClockInImage => ConfigVersion >= XendConfigVersion.Xen3_1_0;

    /// <summary>
    /// From xend 3.1.0 an HVM guest's clock keeps an offset from UTC or local time
    /// (<c>rtc_timeoffset</c>) instead of being reset at boot; older xends, and every paravirtualized
    /// guest, only know UTC or local time reset at boot.
    /// </summary>
    public bool HvmClockOffset => ConfigVersion >= XendConfigVersion.Xen3_1_0;

    /// <summary>
    /// From xend 3.1.0 an xm config describes an HVM guest's framebuffer as a <c>vfb</c> list too
    /// (the S-expression keeps it in the image).
    /// </summary>
    public bool XmHvmFramebufferAsVfb => ConfigVersion >= XendConfigVersion.Xen3_1_0;
}
