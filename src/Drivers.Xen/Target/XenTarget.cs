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
    public const int MinConfigVersion = 1;
    public const int MaxConfigVersion = 4;

    public required XendConfigVersion ConfigVersion { get; init; }

    /// <summary>Virtual network name to the host bridge it uses (only active networks have one).</summary>
    public ImmutableDictionary<string, string> NetworkBridges { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>A target for a config version, or a DL5000 error when the number is not 1 to 4.</summary>
    public static XenTarget? ForConfigVersion(int version, SourceLocation where, DiagnosticBag diagnostics)
    {
        if (version is >= MinConfigVersion and <= MaxConfigVersion)
            return new XenTarget { ConfigVersion = (XendConfigVersion)version };
        diagnostics.Error(XenSexprDiagnostics.InvalidConfigVersion, where,
            $"xend config version {version} is not supported; allowed: {MinConfigVersion} to {MaxConfigVersion}");
        return null;
    }

    /// <summary>xend 3.0.2 reads an HVM guest's CD-ROM (hdc) from the image, not from a vbd.</summary>
    public bool HvmCdromInImage => ConfigVersion == XendConfigVersion.Xen3_0_2;

    /// <summary>xend 3.0.2 names HVM disks <c>ioemu:DEV</c>; later ones <c>DEV:disk</c> or <c>DEV:cdrom</c>.</summary>
    public bool HvmDiskIoemuPrefix => ConfigVersion == XendConfigVersion.Xen3_0_2;

    /// <summary>From xend 3.0.3 the image carries the VNC display, listen address, password and keymap.</summary>
    public bool VncSettingsInImage => ConfigVersion >= XendConfigVersion.Xen3_0_3;

    /// <summary>From xend 3.0.4 a paravirtualized guest's framebuffer is a vfb device plus a vkbd.</summary>
    public bool PvFramebufferAsDevice => ConfigVersion >= XendConfigVersion.Xen3_0_4;

    /// <summary>From xend 3.0.4 a paravirtualized guest may name a device model too.</summary>
    public bool PvDeviceModel => ConfigVersion >= XendConfigVersion.Xen3_0_4;

    /// <summary>
    /// Up to xend 3.0.4 an emulated HVM NIC is marked <c>(type ioemu)</c>; later xends read that as
    /// "no paravirtualized driver" and it is left out.
    /// </summary>
    public bool HvmNicTypeIoemu => ConfigVersion <= XendConfigVersion.Xen3_0_4;

    /// <summary>From xend 3.1.0 the clock is also set inside the image, with an RTC offset for HVM guests.</summary>
    public bool ClockInImage => ConfigVersion >= XendConfigVersion.Xen3_1_0;
}
