using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig.Sections;
using DomainLauncher.Drivers.Xen.XmConfig.Validate;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>What building an xm config produced: the settings and their text, or null when refused, and every diagnostic.</summary>
public sealed record XmConfigBuildResult(XmConfigFile? File, string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// Turns a domain into an xm config file for a Xen host, as libvirt 0.10.2 did. The same shape as
/// <see cref="XenSexprBuilder"/>: validate (every refusal, located in the domain document; nothing
/// is built when any error is found), emit the settings section by section in the order fixed
/// here, then let the <see cref="XmConfigWriter"/> write the text.
/// </summary>
public static class XmConfigBuilder
{
    public static XmConfigBuildResult Build(Domain domain, XenTarget target)
    {
        var ctx = new XmConfigContext(domain, target);
        var diagnostics = new DiagnosticBag();
        XmConfigValidator.Validate(ctx, diagnostics);
        if (diagnostics.HasErrors) return new XmConfigBuildResult(null, null, diagnostics.ToList());

        var file = BuildFile(ctx);
        return new XmConfigBuildResult(file, XmConfigWriter.Write(file), diagnostics.ToList());
    }

    /// <summary>The order of the settings, top to bottom.</summary>
    private static XmConfigFile BuildFile(XmConfigContext ctx) => new(
    [
        .. XmIdentitySection.Emit(ctx),   // name, uuid, maxmem, memory, vcpus, vcpu_avail, cpus
        .. XmOsSection.Emit(ctx),         // builder, kernel, boot, pae...hpet, cdrom | bootloader...root
        .. XmClockSection.Emit(ctx),      // rtc_timeoffset, localtime
        .. XmLifecycleSection.Emit(ctx),  // on_poweroff, on_reboot, on_crash
        .. XmHvmDeviceSection.Emit(ctx),  // device_model, usb, usbdevice
        .. XmGraphicsSection.Emit(ctx),   // sdl/vnc... or vfb
        .. XmDiskSection.Emit(ctx),       // disk
        .. XmVifSection.Emit(ctx),        // vif
        .. XmPciSection.Emit(ctx),        // pci
        .. XmCharSection.Emit(ctx),       // parallel, serial
        .. XmSoundSection.Emit(ctx),      // soundhw
    ]);
}
