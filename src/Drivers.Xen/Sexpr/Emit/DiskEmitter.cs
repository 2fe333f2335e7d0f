using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// One <c>(device (vbd|tap|tap2 (dev ...)(uname ...)(mode ...)))</c> per disk. HVM floppies live in
/// the image instead, and so does the CD-ROM for xend 3.0.2. The uname is
/// <c>DRIVER:PATH</c> for a named driver (<c>tap:FORMAT:PATH</c> for blktap, raw images as
/// <c>aio</c>), else <c>file:</c> for files and <c>phy:</c> for block devices.
/// </summary>
internal static class DiskEmitter
{
    private const string IoemuPrefix = "ioemu:";

    public static IEnumerable<SexprNode> Emit(XenSexprContext ctx)
    {
        foreach (var disk in ctx.Domain.Devices.Disks)
            if (Device(ctx, disk) is { } device) yield return device;
    }

    /// <summary>The guest device name; the Xen-era <c>ioemu:</c> prefix of a target is not part of it.</summary>
    public static string TargetDev(Disk disk) =>
        disk.Target.Dev.StartsWith(IoemuPrefix, StringComparison.Ordinal) ? disk.Target.Dev[IoemuPrefix.Length..] : disk.Target.Dev;

    /// <summary>The host path of a file or block disk; null for an empty drive (an empty path counts as none).</summary>
    public static string? SourcePath(Disk disk) => disk.Source switch
    {
        FileDiskSource { File: { Length: > 0 } file } => file,
        BlockDiskSource { Dev: { Length: > 0 } dev } => dev,
        _ => null,
    };

    private static SexprList? Device(XenSexprContext ctx, Disk disk)
    {
        if (ctx.Hvm && disk.Device == DiskDevice.Floppy) return null;
        if (ctx.Hvm && disk.Device == DiskDevice.Cdrom && ctx.Target.HvmCdromInImage) return null;

        var driver = disk.Driver?.Name;
        var kind = driver is "tap" or "tap2" ? driver : "vbd";
        List<SexprNode> items = [Sx.Quoted("dev", GuestDev(ctx, disk))];
        if (SourcePath(disk) is { } path) items.Add(Sx.Quoted("uname", Uname(disk, driver, path)));
        items.Add(Sx.Quoted("mode", disk.ReadOnly ? "r" : disk.Shareable ? "w!" : "w"));
        return Sx.List("device", Sx.List(kind, items));
    }

    private static string GuestDev(XenSexprContext ctx, Disk disk)
    {
        var dev = TargetDev(disk);
        var cdrom = disk.Device == DiskDevice.Cdrom;
        if (ctx.Hvm)
            return ctx.Target.HvmDiskIoemuPrefix ? IoemuPrefix + dev : dev + (cdrom ? ":cdrom" : ":disk");
        return cdrom ? dev + ":cdrom" : dev;
    }

    private static string Uname(Disk disk, string? driver, string path)
    {
        if (driver is "tap" or "tap2")
        {
            var format = disk.Driver?.Format is { } f and not DiskFormat.Raw ? DiskXml.Format.ToXml(f) : "aio";
            return $"{driver}:{format}:{path}";
        }
        if (driver is not null) return $"{driver}:{path}";
        return disk.Source is BlockDiskSource
            ? "phy:" + (path.StartsWith('/') ? path : "/dev/" + path)
            : "file:" + path;
    }
}
