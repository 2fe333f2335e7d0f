using System.Collections.Immutable;
using System.Text;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// <c>disk = [ "SOURCE,TARGET,MODE", ... ]</c>. SOURCE is <c>DRIVER:PATH</c> (<c>phy:</c>,
/// <c>file:</c>, <c>tap:FORMAT:</c>, <c>tap2:</c>...) or empty for a drive without a medium; TARGET
/// is the guest device, <c>:cdrom</c> for a CD-ROM, prefixed <c>ioemu:</c> for HVM guests of xend
/// 3.0.2; MODE is <c>r</c>, <c>w</c> or <c>w!</c> (shared). Floppies are not written, and for xend
/// 3.0.2 the CD-ROM at hdc goes in <c>cdrom</c> instead.
/// </summary>
internal static class XmDiskSection
{
    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx) =>
        Xm.Strings("disk", [.. Written(ctx).Select(disk => ctx.Xl ? XlSyntax.DiskSpec(disk, XlSyntax.DiskTarget(disk)) : Spec(ctx, disk))]);

    /// <summary>The disks the <c>disk</c> list holds: not floppies, nor xend 3.0.2's CD-ROM at hdc (see <see cref="XmOsSection"/>).</summary>
    public static IEnumerable<Disk> Written(XmConfigContext ctx) =>
        ctx.Domain.Devices.Disks.Where(disk =>
            !(ctx.Target.HvmCdromInImage && disk.Device == DiskDevice.Cdrom && disk.Target.Dev == "hdc")
            && disk.Device != DiskDevice.Floppy);

    /// <summary>Whether a disk can be written at all: neither transient nor of a type other than file or block.</summary>
    /// <summary>
    /// The image formats a tap disk may name: libvirt 0.10.2's list, which the xm config reader keeps
    /// (later formats such as vdi, ploop and luks are no blktap formats).
    /// </summary>
    private static readonly XmlEnum<DiskFormat> TapFormat = new(
        ("raw", DiskFormat.Raw), ("dir", DiskFormat.Dir), ("bochs", DiskFormat.Bochs), ("cloop", DiskFormat.Cloop),
        ("cow", DiskFormat.Cow), ("dmg", DiskFormat.Dmg), ("iso", DiskFormat.Iso), ("qcow", DiskFormat.Qcow),
        ("qcow2", DiskFormat.Qcow2), ("qed", DiskFormat.Qed), ("vmdk", DiskFormat.Vmdk), ("vpc", DiskFormat.Vpc),
        ("fat", DiskFormat.Fat), ("vhd", DiskFormat.Vhd), ("aio", DiskFormat.Aio));

    public static bool IsExpressible(Disk disk) => !disk.Transient && disk.Source is null or FileDiskSource or BlockDiskSource;

    /// <summary>The <c>SOURCE,TARGET,MODE</c> entry of an expressible disk.</summary>
    public static string Spec(XmConfigContext ctx, Disk disk)
    {
        if (!IsExpressible(disk)) throw new InvalidOperationException($"the validator lets no disk '{disk.Target.Dev}' of this kind through");
        var spec = new StringBuilder();
        if (XmOsSection.SourcePath(disk) is { } path)
        {
            if (disk.Driver?.Name is { } driver)
            {
                spec.Append(driver).Append(':');
                if (driver == "tap")
                    // blktap has no 'raw' driver: raw images go through its aio driver, as in the S-expression.
                    spec.Append(disk.Driver.Format is { } format and not DiskFormat.Raw ? DiskXml.Format.ToXml(format) : "aio").Append(':');
            }
            else spec.Append(disk.Source is BlockDiskSource ? "phy:" : "file:");
            spec.Append(path);
        }
        spec.Append(',');
        if (ctx.Hvm && ctx.Target.HvmDiskIoemuPrefix) spec.Append("ioemu:");
        spec.Append(disk.Target.Dev);
        if (disk.Device == DiskDevice.Cdrom) spec.Append(":cdrom");
        spec.Append(disk.ReadOnly ? ",r" : disk.Shareable ? ",!" : ",w");
        return spec.ToString();
    }

    public static ImmutableArray<Disk> Read(XmSettings settings, bool hvm, XenTarget target, XenConfigFormat format = XenConfigFormat.Xm)
    {
        var disks = ImmutableArray.CreateBuilder<Disk>();
        var specs = settings.StringList("disk") ?? [];
        for (var i = 0; i < specs.Count; i++)
        {
            var disk = format == XenConfigFormat.Xl
                ? ReadXlSpec(settings, specs[i], $"disk[{i}]", hvm)
                : ReadSpec(settings, specs[i], $"disk[{i}]", hvm);
            if (disk is null) continue;
            // libxl reads an image without a named format as raw.
            // (blktap's aio driver reads raw images too.)
            if (target.LibxlReadDefaults && disk.Driver is { Format: null or DiskFormat.Aio } driver) disk = disk with { Driver = driver with { Format = DiskFormat.Raw } };
            disks.Add(disk);
        }

        // Xend 3.0.2 kept the HVM CD-ROM apart.
        var cdrom = settings.String("cdrom");
        if (hvm && target.HvmCdromInImage && cdrom is not null)
            disks.Add(new Disk
            {
                Type = DiskType.File,
                Device = DiskDevice.Cdrom,
                Driver = new DiskDriver { Name = "file" },
                Source = new FileDiskSource { File = cdrom },
                Target = new DiskTarget { Dev = "hdc", Bus = DiskBus.Ide },
                ReadOnly = true,
            });
        return disks.ToImmutable();
    }

    private static Disk? ReadXlSpec(XmSettings settings, XmString item, string path, bool hvm)
    {
        var ignored = new List<string>();
        var parts = XlSyntax.ParseDisk(item.Text, ignored, out var error);
        if (parts is null)
        {
            settings.Invalid(item, path, $"disk \"{item.Text}\" {error}");
            return null;
        }
        foreach (var key in ignored)
            settings.Warn(item, path, $"disk key '{key}' is ignored; the keys read are target, format, vdev, access, backendtype, devtype");
        if (parts.Vdev is not { Length: > 0 } vdev)
        {
            settings.Invalid(item, path, $"disk \"{item.Text}\" names no guest device (vdev)");
            return null;
        }
        DiskFormat? format = null;
        if (parts.Format is { Length: > 0 } formatName)
        {
            if (DiskXml.Format.TryParse(formatName, out var parsed)) format = parsed;
            else
            {
                settings.Invalid(item, path, $"disk \"{item.Text}\" names the format '{formatName}'; allowed: {DiskXml.Format.AllowedList}");
                return null;
            }
        }
        var block = parts.BackendType == "phy";
        var rbd = parts.Target is { } rbdTarget ? XlSyntax.ParseRbd(rbdTarget) : null;
        var driver = parts.BackendType switch
        {
            "phy" => "phy",
            "tap" => "tap",
            _ => "qemu",
        };
        var cdrom = parts.DevType == "cdrom";
        return new Disk
        {
            Type = rbd is not null ? DiskType.Network : block ? DiskType.Block : DiskType.File,
            Device = cdrom ? DiskDevice.Cdrom : DiskDevice.Disk,
            Driver = new DiskDriver { Name = driver, Format = format },
            Source = (DiskSource?)rbd ?? (parts.Target is not { Length: > 0 } source ? null : block ? new BlockDiskSource { Dev = source } : new FileDiskSource { File = source }),
            Target = new DiskTarget { Dev = vdev, Bus = Bus(vdev, hvm) },
            // A CD-ROM is read-only whatever the access says.
            ReadOnly = cdrom || parts.Access is "r" or "ro",
            Shareable = parts.Access is "!",
        };
    }

    private static DiskBus Bus(string target, bool hvm) =>
        target.StartsWith("xvd", StringComparison.Ordinal) || !hvm ? DiskBus.Xen
        : target.StartsWith("sd", StringComparison.Ordinal) ? DiskBus.Scsi
        : DiskBus.Ide;

    private static Disk? ReadSpec(XmSettings settings, XmString item, string path, bool hvm)
    {
        var text = item.Text;
        Disk? Invalid(string why)
        {
            settings.Invalid(item, path, $"disk \"{text}\" {why}; a disk is \"DRIVER:SOURCE,TARGET[:cdrom],MODE\" (e.g. \"phy:/dev/vg/guest,xvda,w\")");
            return null;
        }

        var comma = text.IndexOf(',');
        if (comma < 0) return Invalid("has no target");
        string? source = comma == 0 ? null : text[..comma];
        var rest = text[(comma + 1)..];
        if (rest.StartsWith("ioemu:", StringComparison.Ordinal)) rest = rest[6..];
        comma = rest.IndexOf(',');
        if (comma < 0) return Invalid("has no mode");
        var target = rest[..comma];
        var mode = rest[(comma + 1)..];

        string? driver = null;
        DiskFormat? format = null;
        if (source is not null)
        {
            var colon = source.IndexOf(':');
            if (colon >= 0)
            {
                driver = source[..colon];
                source = source[(colon + 1)..];
            }
            if (driver == "tap")
            {
                colon = source.IndexOf(':');
                if (colon < 0) return Invalid("uses driver 'tap' without a format (tap:aio:PATH)");
                var formatName = source[..colon];
                if (!TapFormat.TryParse(formatName, out var parsed))
                    return Invalid($"names the tap format '{formatName}'; allowed: {TapFormat.AllowedList}");
                format = parsed;
                source = source[(colon + 1)..];
            }
        }
        // With no driver named (or no medium), the reference assumes a host block device.
        driver ??= "phy";
        var block = driver == "phy";

        var device = DiskDevice.Disk;
        var suffix = target.IndexOf(':');
        if (suffix >= 0)
        {
            if (target[suffix..] == ":cdrom") device = DiskDevice.Cdrom;
            target = target[..suffix];
        }
        if (target.Length == 0) return Invalid("has an empty target");
        var bus = target.StartsWith("xvd", StringComparison.Ordinal) || !hvm ? DiskBus.Xen
            : target.StartsWith("sd", StringComparison.Ordinal) ? DiskBus.Scsi
            : DiskBus.Ide;

        return new Disk
        {
            Type = block ? DiskType.Block : DiskType.File,
            Device = device,
            Driver = new DiskDriver { Name = driver, Format = format },
            Source = source is null ? null : block ? new BlockDiskSource { Dev = source } : new FileDiskSource { File = source },
            Target = new DiskTarget { Dev = target, Bus = bus },
            ReadOnly = mode is "r" or "ro",
            Shareable = mode is "w!" or "!",
        };
    }
}
