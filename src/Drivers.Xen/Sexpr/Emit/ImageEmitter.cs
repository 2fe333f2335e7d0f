using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// <c>(image (linux ...))</c> or <c>(image (hvm ...))</c> and the <c>(localtime N)</c> after it.
/// A guest booted by a host bootloader has no image, except to pass kernel arguments. The image
/// holds the kernel, ramdisk, root and args; the HVM settings; the device model; a forced HPET
/// setting; the framebuffer when it goes there; and from xend 3.1 the clock.
/// </summary>
internal static class ImageEmitter
{
    public static IEnumerable<SexprNode> Emit(XenSexprContext ctx)
    {
        var d = ctx.Domain;
        var clock = ClockPlan.For(d.Clock);
        List<SexprNode>? image = null;
        if (d.Bootloader is null)
        {
            image = [.. BootImage(ctx)];
        }
        else if (d.Os?.Cmdline is { } args)
        {
            // A bootloader picks the kernel, but the arguments still go to it through the image.
            image = [Sx.Quoted("args", args)];
        }

        if (ctx.Target.ClockInImage)
        {
            image ??= [];
            if (ctx.Hvm) image.Add(Sx.Number("rtc_timeoffset", clock.RtcTimeOffset));
            image.Add(Sx.Number("localtime", clock.LocalTime));
        }
        // The image kind follows the guest, except that a bootloader's kernel arguments always go
        // in a "linux" image, the only kind xend reads them from.
        var kind = ctx.Hvm && (d.Bootloader is null || d.Os?.Cmdline is null) ? "hvm" : "linux";
        if (image is not null) yield return Sx.List("image", Sx.List(kind, image));
        // Older xends read the clock here only; later ones still accept it here.
        yield return Sx.Number("localtime", clock.LocalTime);
    }

    private static IEnumerable<SexprNode> BootImage(XenSexprContext ctx)
    {
        var d = ctx.Domain;
        var os = d.Os;
        if (os?.Kernel is { } kernel) yield return Sx.Quoted("kernel", kernel);
        if (os?.Initrd is { } initrd) yield return Sx.Quoted("ramdisk", initrd);
        if (os?.Root is { } root) yield return Sx.Quoted("root", root);
        if (os?.Cmdline is { } cmdline) yield return Sx.Quoted("args", cmdline);

        if (ctx.Hvm)
            foreach (var node in HvmImageEmitter.Emit(ctx)) yield return node;

        if (d.Devices.Emulator is { } emulator && (ctx.Hvm || ctx.Target.PvDeviceModel))
            yield return Sx.Quoted("device_model", emulator);

        // Only a timer that says present or not overrides xend's own HPET default.
        if (d.Clock?.Timers.FirstOrDefault(t => t.Name == TimerName.Hpet && t.Present is not null) is { } hpet)
            yield return Sx.Number("hpet", hpet.Present == true ? 1 : 0);

        if (GraphicsEmitter.GoesInImage(ctx))
            foreach (var node in GraphicsEmitter.InImage(ctx)) yield return node;
    }
}
