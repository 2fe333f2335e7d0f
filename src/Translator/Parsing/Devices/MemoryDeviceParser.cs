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
        var dimm = address is not null && address.Attr("type") == "dimm" ? Dimm(address) : null;
        var device = new MemoryDevice
        {
            Model = model ?? MemoryDeviceModel.Dimm,
            Access = memory.Enum("access", NumaCellXml.MemAccess),
            Discard = memory.YesNo("discard"),
            Uuid = Uuid(memory.SingleChild("uuid")),
            Source = memory.SingleChild("source") is { } source ? Source(source) : null,
            Target = target ?? new MemoryDeviceTarget(),
            DimmAddress = dimm,
            Address = address is not null && dimm is null && address.Attr("type") != "dimm" ? CommonParsers.AddressOf(address) : null,
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

    /// <summary><c>&lt;address type='dimm' slot base/&gt;</c>; base is hexadecimal (0x optional, as the grammar's hexuint).</summary>
    private static DimmAddress? Dimm(ElementReader address)
    {
        var slot = address.UInt("slot", allowHex: true);
        ulong? baseAddress = null;
        if (address.Attr("base") is { } text)
        {
            var digits = text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text;
            if (digits.Length > 0 && digits.All(char.IsAsciiHexDigit)
                && ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
                baseAddress = value;
            else
                address.AttrError("base", DiagnosticCatalog.InvalidNumber, $"'{text}' is not a hexadecimal address");
        }
        return new DimmAddress(slot, baseAddress);
    }

    private static Guid? Uuid(ElementReader? uuid)
    {
        if (uuid is null) return null;
        var text = uuid.Text.Trim();
        if (Guid.TryParseExact(text, "D", out var value) || Guid.TryParseExact(text, "N", out value)) return value;
        uuid.Error(DiagnosticCatalog.InvalidValue, $"'{text}' is not a UUID");
        return null;
    }
}
