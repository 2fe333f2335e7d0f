using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;controller&gt;</c> into the record of its type, with the attributes that type allows.</summary>
internal static class ControllerParser
{
    public static Controller? Parse(ElementReader element)
    {
        var type = element.RequiredEnum("type", ControllerXml.Type);
        var index = element.RequiredAttr("index") is null ? null : element.UInt("index");
        if (type is null) return null;
        var typeName = ControllerXml.Type.ToXml(type.Value);

        Controller controller = type.Value switch
        {
            ControllerType.Scsi => new ScsiController
            {
                Index = 0,
                Model = Model(element, typeName, ControllerXml.ScsiModel),
            },
            ControllerType.Usb => new UsbController
            {
                Index = 0,
                Model = Model(element, typeName, ControllerXml.UsbModel),
                MasterStartPort = element.Child("master") is { } master
                    ? master.RequiredAttr("startport") is null ? null : master.UInt("startport")
                    : null,
            },
            ControllerType.VirtioSerial => new VirtioSerialController
            {
                Index = 0,
                Ports = element.UInt("ports"),
                Vectors = element.UInt("vectors"),
            },
            ControllerType.Ide => new IdeController { Index = 0 },
            ControllerType.Fdc => new FdcController { Index = 0 },
            ControllerType.Sata => new SataController { Index = 0 },
            ControllerType.Ccid => new CcidController { Index = 0 },
            _ => throw new InvalidOperationException($"controller type {type} has no record"),
        };

        if (type is not (ControllerType.Scsi or ControllerType.Usb) && element.HasAttribute("model"))
            element.AttrError("model", DiagnosticCatalog.InvalidValue,
                $"a {typeName} controller takes no 'model'; models exist for scsi ({ControllerXml.ScsiModel.AllowedList}) " +
                $"and usb ({ControllerXml.UsbModel.AllowedList}) controllers");
        if (type != ControllerType.Usb && element.Child("master") is { } stray)
            stray.Error(DiagnosticCatalog.InvalidValue,
                $"<master> names the master of a USB companion controller; a {typeName} controller has none");

        controller = controller with
        {
            Index = index ?? 0,
            Address = CommonParsers.Address(element),
            Alias = CommonParsers.Alias(element),
            Location = element.Location,
        };
        return index is null ? null : controller;
    }

    /// <summary>The model attribute, checked against the models of this controller type.</summary>
    private static T? Model<T>(ElementReader element, string typeName, XmlEnum<T> models) where T : struct, Enum
    {
        var text = element.Attr("model");
        if (text is null) return null;
        if (models.TryParse(text, out var model)) return model;
        element.AttrError("model", DiagnosticCatalog.UnknownEnumValue,
            $"'{text}' is not a model of a {typeName} controller; allowed: {models.AllowedList}");
        return null;
    }
}
