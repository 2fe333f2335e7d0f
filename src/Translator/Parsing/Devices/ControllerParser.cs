using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;controller&gt;</c> into the record of its type, with the attributes and children
/// that type allows. The index stays null when the document leaves it out (the defaults stage
/// numbers the controller); nothing else is defaulted here.
/// </summary>
internal static class ControllerParser
{
    public static Controller? Parse(ElementReader element)
    {
        var type = element.RequiredEnum("type", ControllerXml.Type);
        var index = element.UInt("index");
        if (type is null) return null;
        var typeName = ControllerXml.Type.ToXml(type.Value);

        Controller? controller = type.Value switch
        {
            ControllerType.Scsi => new ScsiController { Index = index, Model = Model(element, typeName, ControllerXml.ScsiModel) },
            ControllerType.Usb => new UsbController
            {
                Index = index,
                Model = Model(element, typeName, ControllerXml.UsbModel),
                Ports = element.UInt("ports"),
                MasterStartPort = element.Child("master") is { } master
                    ? master.RequiredAttr("startport") is null ? null : master.UInt("startport")
                    : null,
            },
            ControllerType.VirtioSerial => new VirtioSerialController
            {
                Index = index,
                Model = Model(element, typeName, ControllerXml.VirtioSerialModel),
                Ports = element.UInt("ports"),
                Vectors = element.UInt("vectors"),
            },
            ControllerType.Ide => new IdeController { Index = index, Model = Model(element, typeName, ControllerXml.IdeModel) },
            ControllerType.Pci => PciControllerParser.Parse(element, index),
            ControllerType.Xenbus => new XenbusController
            {
                Index = index,
                MaxGrantFrames = element.UInt("maxGrantFrames"),
                MaxEventChannels = element.UInt("maxEventChannels"),
            },
            ControllerType.Fdc => new FdcController { Index = index },
            ControllerType.Sata => new SataController { Index = index },
            ControllerType.Ccid => new CcidController { Index = index },
            ControllerType.Isa => new IsaController { Index = index },
            _ => throw new InvalidOperationException($"controller type {type} has no record"),
        };

        RefuseForeign(element, type.Value, typeName);
        // Read even when the type's own part was refused, so that its children are checked too.
        var driver = Driver(element);
        var address = CommonParsers.Address(element);
        var alias = CommonParsers.Alias(element);
        var acpiIndex = CommonParsers.AcpiIndex(element);
        if (controller is null) return null;
        return controller with
        {
            Driver = driver,
            Address = address,
            Alias = alias,
            AcpiIndex = acpiIndex,
            Location = element.Location,
        };
    }

    /// <summary>
    /// Attributes and children that belong to other controller types: an error at the attribute,
    /// as the grammar ties each of them to its type.
    /// </summary>
    private static void RefuseForeign(ElementReader element, ControllerType type, string typeName)
    {
        if (type is not (ControllerType.Scsi or ControllerType.Usb or ControllerType.Ide or ControllerType.VirtioSerial or ControllerType.Pci)
            && element.HasAttribute("model"))
        {
            element.Attr("model");
            element.AttrError("model", DiagnosticCatalog.InvalidValue,
                $"a {typeName} controller takes no 'model'; models exist for scsi, usb, ide, virtio-serial and pci controllers");
        }
        if (type is not (ControllerType.Usb or ControllerType.VirtioSerial) && element.HasAttribute("ports"))
        {
            element.Attr("ports");
            element.AttrError("ports", DiagnosticCatalog.InvalidValue,
                $"'ports' is the port count of a usb or virtio-serial controller; a {typeName} controller has none");
        }
        if (type != ControllerType.VirtioSerial && element.HasAttribute("vectors"))
        {
            element.Attr("vectors");
            element.AttrError("vectors", DiagnosticCatalog.InvalidValue,
                $"'vectors' belongs to a virtio-serial controller; a {typeName} controller has none");
        }
        if (type != ControllerType.Xenbus)
        {
            foreach (var name in (ReadOnlySpan<string>)["maxGrantFrames", "maxEventChannels"])
            {
                if (!element.HasAttribute(name)) continue;
                element.Attr(name);
                element.AttrError(name, DiagnosticCatalog.InvalidValue,
                    $"'{name}' is a limit of the xenbus controller; a {typeName} controller has none");
            }
        }
        if (type != ControllerType.Usb && element.Child("master") is { } stray)
        {
            stray.ReadWhole();
            stray.Error(DiagnosticCatalog.InvalidValue,
                $"<master> names the master of a USB companion controller; a {typeName} controller has none");
        }
        if (type != ControllerType.Pci)
        {
            foreach (var name in (ReadOnlySpan<string>)["model", "target", "pcihole64"])
            {
                if (element.Child(name) is not { } pciOnly) continue;
                pciOnly.ReadWhole();
                pciOnly.Error(DiagnosticCatalog.InvalidValue,
                    $"<{name}> belongs to a pci controller; a {typeName} controller has none");
            }
        }
    }

    /// <summary><c>&lt;driver queues cmd_per_lun max_sectors ioeventfd iothread iommu ats packed page_per_vq/&gt;</c>.</summary>
    private static ControllerDriver? Driver(ElementReader element)
    {
        var driver = element.SingleChild("driver");
        if (driver is null) return null;
        return new ControllerDriver
        {
            Queues = driver.UInt("queues"),
            CmdPerLun = driver.UInt("cmd_per_lun"),
            MaxSectors = driver.UInt("max_sectors"),
            Ioeventfd = driver.OnOff("ioeventfd"),
            IoThread = driver.UInt("iothread"),
            Iommu = driver.OnOff("iommu"),
            Ats = driver.OnOff("ats"),
            Packed = driver.OnOff("packed"),
            PagePerVq = driver.OnOff("page_per_vq"),
            Location = driver.Location,
        };
    }

    /// <summary>The model attribute, checked against the models of this controller type.</summary>
    internal static T? Model<T>(ElementReader element, string typeName, XmlEnum<T> models) where T : struct, Enum
    {
        var text = element.Attr("model");
        if (text is null) return null;
        if (models.TryParse(text, out var model)) return model;
        element.AttrError("model", DiagnosticCatalog.UnknownEnumValue,
            $"'{text}' is not a model of a {typeName} controller; allowed: {models.AllowedList}");
        return null;
    }
}
