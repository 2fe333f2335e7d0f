using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads a <c>&lt;controller type='pci'&gt;</c>: its required model, the <c>&lt;model name&gt;</c>
/// of the emulated device, the <c>&lt;target&gt;</c> numbering and a root bus's <c>&lt;pcihole64&gt;</c>.
/// </summary>
internal static class PciControllerParser
{
    /// <summary>Null when the model is missing or unknown (already reported).</summary>
    public static PciController? Parse(ElementReader element, uint? index)
    {
        var model = element.RequiredAttr("model") is null ? null : ControllerParser.Model(element, "pci", PciControllerXml.Model);
        var modelName = element.SingleChild("model") is { } name
            ? name.RequiredAttr("name") is null ? null : name.Enum("name", PciControllerXml.ModelName)
            : null;
        var target = Target(element.SingleChild("target"));
        var hole = element.SingleChild("pcihole64");
        var pciHole64 = hole is null ? null : CommonParsers.MemoryElement(hole);
        if (model is null) return null;
        if (hole is not null && model is not (PciControllerModel.PciRoot or PciControllerModel.PcieRoot))
        {
            hole.Error(DiagnosticCatalog.InvalidValue,
                $"<pcihole64> sizes the 64-bit hole of a root bus (pci-root, pcie-root); a {PciControllerXml.Model.ToXml(model.Value)} has none");
            return null;
        }
        return new PciController
        {
            Index = index,
            Model = model.Value,
            ModelName = modelName,
            Target = target,
            PciHole64 = pciHole64,
        };
    }

    /// <summary><c>&lt;target chassisNr chassis port busNr index hotplug&gt;&lt;node&gt;N&lt;/node&gt;&lt;/target&gt;</c>.</summary>
    private static PciControllerTarget? Target(ElementReader? target)
    {
        if (target is null) return null;
        return new PciControllerTarget
        {
            ChassisNr = target.UInt("chassisNr", 255, allowHex: true),
            Chassis = target.UInt("chassis", 255, allowHex: true),
            Port = target.UInt("port", 255, allowHex: true),
            BusNr = target.UInt("busNr", 255, allowHex: true),
            Index = target.UInt("index", 255, allowHex: true),
            Hotplug = target.OnOff("hotplug"),
            Node = target.SingleChild("node") is { } node ? (uint?)node.UnsignedText(uint.MaxValue) : null,
            Location = target.Location,
        };
    }
}
