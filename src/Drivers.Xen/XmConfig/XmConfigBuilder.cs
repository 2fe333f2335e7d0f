using DomainLauncher.Drivers.Xen.XmConfig.Sections;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>What building an xm config produced: the settings and their text, or null when refused, and every diagnostic.</summary>
public sealed record XmConfigBuildResult(XmConfigFile? File, string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// Turns a domain into an xm config file for a host of a given xend config version, as libvirt
/// 0.10.2 did. This function fixes the order of the settings and calls one emitter per section;
/// the <see cref="XmConfigWriter"/> owns the text. Nothing is returned when the domain cannot be
/// expressed: every reason is reported, located in the domain document.
/// </summary>
public static class XmConfigBuilder
{
    public static XmConfigBuildResult Build(Domain domain, int xendConfigVersion)
    {
        var context = new XmBuildContext(domain, xendConfigVersion);
        if (!Check(context)) return Result(context);

        XmIdentitySection.Emit(context);   // name, uuid, maxmem, memory, vcpus, vcpu_avail, cpus
        XmOsSection.Emit(context);         // builder, kernel, boot, pae...hpet, cdrom | bootloader...extra
        XmClockSection.Emit(context);      // rtc_timeoffset, localtime
        XmLifecycleSection.Emit(context);  // on_poweroff, on_reboot, on_crash
        XmHvmDeviceSection.Emit(context);  // device_model, usb, usbdevice
        XmGraphicsSection.Emit(context);   // sdl/vnc... or vfb
        XmDiskSection.Emit(context);       // disk
        XmVifSection.Emit(context);        // vif
        XmPciSection.Emit(context);        // pci
        XmCharSection.Emit(context);       // parallel, serial
        XmSoundSection.Emit(context);      // soundhw
        return Result(context);
    }

    private static bool Check(XmBuildContext context)
    {
        var domain = context.Domain;
        if (!XendConfigVersion.IsKnown(context.Version))
            context.Refuse(domain.Location, $"xend config version {context.Version} is not one this driver knows; allowed: 1 to 4");
        if (domain.Type != DomainType.Xen)
            context.Refuse(domain.Location, $"<domain type='{DomainTypeXml.Table.ToXml(domain.Type)}'> cannot be written as an xm config; it needs type='xen'");
        if (domain.Os is not { } os)
            context.Diagnostics.Error(XenXmDiagnostics.MissingValue, domain.Location, "the domain has no <os><type>; an xm config needs to know if it is hvm or xen");
        else if (os.Type is not (OsType.Hvm or OsType.Linux or OsType.Xen))
            context.Refuse(os.Location, $"<os><type>{OsTypeXml.Table.ToXml(os.Type)}</type> cannot be expressed in an xm config; allowed: hvm, linux, xen");
        return !context.Diagnostics.HasErrors;
    }

    private static XmConfigBuildResult Result(XmBuildContext context)
    {
        if (context.Diagnostics.HasErrors) return new XmConfigBuildResult(null, null, context.Diagnostics.ToList());
        var file = context.File;
        return new XmConfigBuildResult(file, XmConfigWriter.Write(file), context.Diagnostics.ToList());
    }
}
