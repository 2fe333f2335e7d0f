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
            }
            : null;

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
        var address = CommonParsers.Address(filesystem);
        var alias = CommonParsers.Alias(filesystem);
        return source is null || targetDir is null
            ? null
            : new Filesystem
            {
                Type = type,
                AccessMode = accessMode,
                Driver = driver,
                Source = source,
                TargetDir = targetDir,
                ReadOnly = readOnly,
                Address = address,
                Alias = alias,
                Location = filesystem.Location,
            };
    }

    private static FilesystemSource? Source(ElementReader source, FilesystemType type) => type switch
    {
        FilesystemType.Mount => source.RequiredAttr("dir") is { } dir ? new MountFilesystemSource(dir) : null,
        FilesystemType.Bind => source.RequiredAttr("dir") is { } dir ? new BindFilesystemSource(dir) : null,
        FilesystemType.Template => source.RequiredAttr("name") is { } name ? new TemplateFilesystemSource(name) : null,
        FilesystemType.File => source.RequiredAttr("file") is { } file ? new FileFilesystemSource(file) : null,
        FilesystemType.Block => source.RequiredAttr("dev") is { } dev ? new BlockFilesystemSource(dev) : null,
        FilesystemType.Ram => RamUsage(source) is { } usage ? new RamFilesystemSource(usage) : null,
        _ => null,
    };

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
