using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;filesystem&gt;</c>: its source (by type), driver, target and flags.</summary>
internal static class FilesystemParser
{
    public static Filesystem? Parse(ElementReader filesystem)
    {
        var type = filesystem.Enum("type", FilesystemXml.Type);
        var typeUnreadable = filesystem.HasAttribute("type") && type is null;
        var accessMode = filesystem.Enum("accessmode", FilesystemXml.AccessMode);
        var driver = filesystem.Child("driver") is { } d
            ? new FilesystemDriver
            {
                Type = d.Enum("type", FilesystemXml.DriverType),
                Format = d.Enum("format", DiskXml.Format),
                WritePolicy = d.Enum("wrpolicy", FilesystemXml.WritePolicy),
                Queue = d.UInt("queue"),
                Virtio = VirtioOptionsParser.Options(d),
            }
            : null;
        var model = filesystem.Enum("model", DiskXml.VirtioModel);
        var multiDevs = filesystem.Enum("multidevs", FilesystemXml.MultiDevs);
        var fileMode = CreateMode(filesystem, "fmode");
        var directoryMode = CreateMode(filesystem, "dmode");
        var binary = filesystem.SingleChild("binary") is { } b ? Binary(b) : null;

        FilesystemSource? source = null;
        var sourceElement = filesystem.Child("source");
        if (sourceElement is null)
            filesystem.Error(DiagnosticCatalog.MissingElement, "missing required element <source>");
        else if (!typeUnreadable)
            source = Source(sourceElement, type ?? FilesystemType.Mount);

        string? targetDir = null;
        var target = filesystem.Child("target");
        if (target is null)
            filesystem.Error(DiagnosticCatalog.MissingElement, "missing required element <target>");
        else
            targetDir = target.RequiredAttr("dir");

        var readOnly = filesystem.Child("readonly") is not null;
        var bootOrder = CommonParsers.BootOrder(filesystem);
        var acpiIndex = filesystem.SingleChild("acpi")?.UInt("index");
        var hardLimit = filesystem.SingleChild("space_hard_limit") is { } hard ? ScaledBytes(hard) : null;
        var softLimit = filesystem.SingleChild("space_soft_limit") is { } soft ? ScaledBytes(soft) : null;
        var address = CommonParsers.Address(filesystem);
        var alias = CommonParsers.Alias(filesystem);
        return source is null || targetDir is null
            ? null
            : new Filesystem
            {
                Type = type,
                AccessMode = accessMode,
                Model = model,
                MultiDevs = multiDevs,
                FileMode = fileMode,
                DirectoryMode = directoryMode,
                Driver = driver,
                Binary = binary,
                Source = source,
                TargetDir = targetDir,
                ReadOnly = readOnly,
                BootOrder = bootOrder,
                AcpiIndex = acpiIndex,
                SpaceHardLimitBytes = hardLimit,
                SpaceSoftLimitBytes = softLimit,
                Address = address,
                Alias = alias,
                Location = filesystem.Location,
            };
    }

    private static FilesystemSource? Source(ElementReader source, FilesystemType type) => type switch
    {
        FilesystemType.Mount => MountSource(source),
        FilesystemType.Bind => source.RequiredAttr("dir") is { } dir ? new BindFilesystemSource(dir) : null,
        FilesystemType.Template => source.RequiredAttr("name") is { } name ? new TemplateFilesystemSource(name) : null,
        FilesystemType.File => source.RequiredAttr("file") is { } file ? new FileFilesystemSource(file) : null,
        FilesystemType.Block => source.RequiredAttr("dev") is { } dev ? new BlockFilesystemSource(dev) : null,
        FilesystemType.Ram => RamUsage(source) is { } usage ? new RamFilesystemSource(usage) : null,
        _ => null,
    };

    /// <summary>A mount exports a directory, or names the socket of a virtiofsd started elsewhere.</summary>
    private static FilesystemSource? MountSource(ElementReader source)
    {
        var dir = source.Attr("dir");
        var socket = source.Attr("socket");
        if (dir is not null && socket is not null)
            source.AttrError("socket", DiagnosticCatalog.InconsistentValue, "a mount source takes a 'dir' or a 'socket', not both");
        if (dir is null && socket is null)
            source.Error(DiagnosticCatalog.MissingAttribute, "missing required attribute 'dir' (or 'socket')");
        return dir is not null ? new MountFilesystemSource(dir) : socket is not null ? new SocketMountFilesystemSource(socket) : null;
    }

    /// <summary>A file or directory creation mode: up to three octal digits, optionally after a 0.</summary>
    private static uint? CreateMode(ElementReader filesystem, string name)
    {
        var text = filesystem.Attr(name);
        if (text is null) return null;
        var digits = text.Length == 4 && text[0] == '0' ? text[1..] : text;
        if (digits.Length is >= 1 and <= 3 && digits.All(c => c is >= '0' and <= '7'))
            return digits.Aggregate(0u, (value, c) => value * 8 + (uint)(c - '0'));
        filesystem.AttrError(name, DiagnosticCatalog.InvalidValue, $"'{text}' is not a creation mode; expected up to three octal digits, e.g. 0644");
        return null;
    }

    private static VirtiofsBinary Binary(ElementReader binary)
    {
        var @lock = binary.SingleChild("lock");
        return new VirtiofsBinary
        {
            Path = binary.Attr("path"),
            Xattr = binary.OnOff("xattr"),
            CacheMode = binary.SingleChild("cache")?.Enum("mode", FilesystemXml.CacheMode),
            SandboxMode = binary.SingleChild("sandbox")?.Enum("mode", FilesystemXml.SandboxMode),
            LockPosix = @lock?.OnOff("posix"),
            LockFlock = @lock?.OnOff("flock"),
            ThreadPoolSize = binary.SingleChild("thread_pool")?.Integer("size"),
            Location = binary.Location,
        };
    }

    /// <summary>A scaled size element (<c>unit</c> defaults to bytes), in bytes.</summary>
    private static ulong? ScaledBytes(ElementReader element)
    {
        var unit = element.Attr("unit") ?? "bytes";
        if (!MemoryUnit.TryGetBytes(unit, out var perUnit))
        {
            element.AttrError("unit", DiagnosticCatalog.UnknownEnumValue,
                $"'{unit}' is not a size unit; allowed: {string.Join(", ", MemoryUnit.Names)}");
            return null;
        }
        var value = element.UnsignedText();
        if (value is null) return null;
        if (value.Value <= ulong.MaxValue / perUnit) return value.Value * perUnit;
        element.Error(DiagnosticCatalog.NumberOutOfRange, $"{value} {unit} is too large; at most 16 EiB can be expressed");
        return null;
    }

    /// <summary><c>usage</c> with its <c>units</c> (KiB when absent).</summary>
    private static MemorySize? RamUsage(ElementReader source)
    {
        var unitText = source.Attr("units") ?? "KiB";
        var value = source.RequiredAttr("usage") is null ? null : source.Unsigned("usage");
        if (!MemoryUnit.TryGetBytes(unitText, out var bytesPerUnit))
        {
            source.AttrError("units", DiagnosticCatalog.UnknownEnumValue,
                $"'{unitText}' is not a memory unit; allowed: {string.Join(", ", MemoryUnit.Names)}");
            return null;
        }
        if (value is null) return null;
        var size = MemoryUnit.ToSize(value.Value, bytesPerUnit);
        if (size is null)
            source.AttrError("usage", DiagnosticCatalog.NumberOutOfRange,
                $"{value} {unitText} is too large; at most 16 EiB can be expressed");
        return size;
    }
}
