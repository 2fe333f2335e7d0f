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
/// Turns a domain into an xm or xl config file for a Xen host, as libvirt 0.10.2 (xend) or libvirt 9
/// (libxl) did, as the target says. The same shape as
/// <see cref="XenSexprBuilder"/>: validate (every refusal, located in the domain document; nothing
/// is built when any error is found), emit the settings section by section in the order fixed
/// here, then let the <see cref="XmConfigWriter"/> write the text.
/// </summary>
public static class XmConfigBuilder
{
    public static XmConfigBuildResult Build(Domain domain, XenTarget target, XenConfigFormat format = XenConfigFormat.Xm)
    {
        var ctx = new XmConfigContext(domain, target, format);
        var diagnostics = new DiagnosticBag();
        XmConfigValidator.Validate(ctx, diagnostics);
        if (diagnostics.HasErrors) return new XmConfigBuildResult(null, null, diagnostics.ToList());

        var file = new XmConfigFile(ctx.Target.XmCommonSettingsFirst ? [.. LibxlOrder(ctx)] : [.. XendOrder(ctx)]);
        return new XmConfigBuildResult(file, XmConfigWriter.Write(file), diagnostics.ToList());
    }

    /// <summary>The order of the settings for xend (libvirt 0.10.2), top to bottom.</summary>
    private static IEnumerable<XmEntry> XendOrder(XmConfigContext ctx) =>
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
    ];

    /// <summary>
    /// The order of the settings for libxl (libvirt 9), xm and xl alike: what every guest shares,
    /// then how it boots, then (xl) the CPU, NUMA and Xen bus limits, the disks and the devices only
    /// xl describes.
    /// </summary>
    private static IEnumerable<XmEntry> LibxlOrder(XmConfigContext ctx) =>
    [
        .. XmIdentitySection.Emit(ctx),   // name, uuid, maxmem, memory, maxvcpus, vcpus, cpus
        .. XmFeatureSection.Emit(ctx),    // pae, acpi, apic, hap, viridian, tsc_mode, hpet | e820_host, passthrough
        .. XmClockSection.Emit(ctx),      // rtc_timeoffset, localtime
        .. XmLifecycleSection.Emit(ctx),  // on_poweroff, on_reboot, on_crash
        .. XmHvmDeviceSection.EmitEmulator(ctx), // device_model_override
        .. XmGraphicsSection.Emit(ctx),   // sdl/vnc... or vfb
        .. XmVifSection.Emit(ctx),        // vif
        .. XmPciSection.Emit(ctx),        // pci
        .. XmCharSection.Emit(ctx),       // parallel, serial
        .. XmSoundSection.Emit(ctx),      // soundhw
        .. (ctx.Xl ? XlOsSection.Emit(ctx) : XmOsSection.Emit(ctx)), // builder|type, bios, kernel..., boot | bootloader...
        .. XlDomainSection.EmitCpu(ctx),      // xl: nestedhvm, cpuid
        .. XlDomainSection.EmitVnuma(ctx),    // xl: vnuma
        .. XlDomainSection.EmitXenbusLimits(ctx), // xl: max_grant_frames, max_event_channels
        .. XmDiskSection.Emit(ctx),       // disk
        .. XlDeviceSection.EmitSpice(ctx),    // xl: sdl, vnc, spice...
        .. XmHvmDeviceSection.EmitUsbInput(ctx), // usb, usbdevice
        .. XlDeviceSection.EmitUsb(ctx),      // xl: usbctrl, usbdev
        .. XlDeviceSection.EmitChannels(ctx), // xl: channel
    ];
}
