using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;smartcard mode&gt;</c>: certificates and database, or a passthrough character source; device info.</summary>
internal static class SmartcardWriter
{
    public static XmlElement Write(Smartcard smartcard) =>
        Element("smartcard",
        [
            Attr("mode", smartcard.Mode, SmartcardModeXml.Table),
            .. Content(smartcard),
            .. DeviceInfoWriter.Write(smartcard.Address, smartcard.Alias),
        ]);

    private static IEnumerable<XmlNode?> Content(Smartcard smartcard) => smartcard switch
    {
        HostCertificatesSmartcard certificates =>
        [
            .. certificates.Certificates.Select(c => TextElement("certificate", c)),
            TextElement("database", certificates.Database),
        ],
        PassthroughSmartcard passthrough => CharSourceWriter.TypeAndSource(passthrough.Source),
        _ => [],
    };
}
