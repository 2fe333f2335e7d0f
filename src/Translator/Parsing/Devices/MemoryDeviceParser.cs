using System.Globalization;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads a <c>&lt;memory model&gt;</c> device: source, target, address and alias.</summary>
internal static class MemoryDeviceParser
{
    public static MemoryDevice? Parse(ElementReader memory)
    {
        var model = memory.RequiredEnum("model", MemoryDeviceXml.Model);
        var targetElement = memory.SingleChild("target");
        if (targetElement is null) memory.Error(DiagnosticCatalog.MissingElement, "missing required element <target>");
        var target = targetElement is null ? null : Target(targetElement);
        var address = memory.SingleChild("address");
        var device = new MemoryDevice
        {
            Model = model ?? MemoryDeviceModel.Dimm,
            Access = memory.Enum("access", NumaCellXml.MemAccess),
            Discard = memory.YesNo("discard"),
            Uuid = Uuid(memory.SingleChild("uuid")),
            Source = memory.SingleChild("source") is { } source ? Source(source) : null,
            Target = target ?? new MemoryDeviceTarget(),
            Address = address is null ? null : CommonParsers.AddressOf(address),
            Alias = CommonParsers.Alias(memory),
            Location = memory.Location,
        };
        return model is null || target is null ? null : device;
    }

    private static MemoryDeviceSource Source(ElementReader source) => new()
    {
        PageSize = Size(source, "pagesize"),
        NodeMask = source.ChildTrimmedText("nodemask"),
        Path = source.ChildTrimmedText("path"),
        AlignSize = Size(source, "alignsize"),
        Pmem = source.Child("pmem") is not null,
    };

    private static MemoryDeviceTarget Target(ElementReader target)
    {
        var size = Size(target, "size");
        if (target.Child("size") is null) target.Error(DiagnosticCatalog.MissingElement, "missing required element <size>");
        var node = target.Child("node")?.UnsignedText(uint.MaxValue);
        var label = target.Child("label");
        return new MemoryDeviceTarget
        {
            Size = size,
            Node = (uint?)node,
            Block = Size(target, "block"),
            Requested = Size(target, "requested"),
            Current = Size(target, "current"),
            LabelSize = label is null ? null : Size(label, "size"),
            Readonly = target.Child("readonly") is not null,
        };
    }

    private static MemorySize? Size(ElementReader parent, string name) =>
        parent.Child(name) is { } element ? CommonParsers.MemoryElement(element) : null;

    private static Guid? Uuid(ElementReader? uuid)
    {
        if (uuid is null) return null;
        var text = uuid.Text.Trim();
        if (Guid.TryParseExact(text, "D", out var value) || Guid.TryParseExact(text, "N", out value)) return value;
        uuid.Error(DiagnosticCatalog.InvalidValue, $"'{text}' is not a UUID");
        return null;
    }
}
