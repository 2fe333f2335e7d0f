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

    /// <summary>
    /// Which toolstack's conversions are wanted: xend's, as libvirt 0.10.2 wrote them for
    /// <see cref="ConfigVersion"/>, or libxl's, as libvirt 9 writes and reads xm and xl files.
    /// </summary>
    public XenToolstack Toolstack { get; init; } = XenToolstack.Xend;

    /// <summary>
    /// A Xen host of today: the libxl toolstack (Xen 4.5 and later), whose xm and xl conversions
    /// know no xend version; they build on what xend 3.1.0 (config version 4) took.
    /// </summary>
    public static XenTarget Libxl { get; } = new() { ConfigVersion = XendConfigVersion.Xen3_1_0, Toolstack = XenToolstack.Libxl };

    private bool IsLibxl => Toolstack == XenToolstack.Libxl;

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
    /// libxl's config files put the settings every guest shares first (identity, features,
    /// clock, lifecycle, emulator, framebuffer, NICs, PCI, serial and parallel ports, sound), then
    /// how the guest boots and its disks; xend's put the boot settings right after the vCPUs.
    /// </summary>
    public bool XmCommonSettingsFirst => IsLibxl;

    /// <summary>libxl names the emulator <c>device_model_override</c> (for every guest); xend <c>device_model</c> (HVM only).</summary>
    public string XmDeviceModelSetting => IsLibxl ? "device_model_override" : "device_model";

    /// <summary>
    /// libxl writes the vCPU count as <c>maxvcpus</c> (when more can be plugged) and <c>vcpus</c> (those
    /// online at start); xend as <c>vcpus</c> (the maximum) and the bit mask <c>vcpu_avail</c>.
    /// </summary>
    public bool XmMaxVcpus => IsLibxl;

    /// <summary>
    /// libxl writes <c>hap</c> only when the domain turns it off (it is on by default) and reads a
    /// config without <c>hap</c>, <c>viridian</c>, <c>pae</c>... with libxl's defaults; xend wrote
    /// every switch.
    /// </summary>
    public bool XmHapOnlyWhenOff => IsLibxl;

    /// <summary>
    /// libxl writes an HVM clock reset at boot (<c>adjustment='reset'</c>) as an offset of 0 from UTC
    /// or local time; xend 3.1.0 refused it (its HVM clock keeps its offset).
    /// </summary>
    public bool XmHvmClockResetAsZeroOffset => IsLibxl;

    /// <summary>libxl writes the script a bridged NIC names (or none); xend always named its bridge script.</summary>
    public bool XmVifScriptAsGiven => IsLibxl;

    /// <summary>
    /// What libvirt 9's libxl driver fills when it reads a config: the xenbus controller, the disk
    /// controllers and drive addresses, a keyboard next to the mouse, the video card, the Xen memory
    /// balloon, a loader for HVM guests. xend's reader filled none of them.
    /// </summary>
    public bool LibxlReadDefaults => IsLibxl;
}
