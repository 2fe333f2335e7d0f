using System.Globalization;
using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;redirdev bus type&gt;</c> and <c>&lt;redirfilter&gt;</c>.</summary>
internal static class RedirectedDeviceWriter
{
    /// <summary>The bus is always written (usb, the only one).</summary>
    public static XmlElement Write(RedirectedDevice redirdev) =>
        Element("redirdev",
        [
            Attr("bus", redirdev.Bus, RedirectedDeviceBusXml.Table),
            .. CharSourceWriter.TypeAndSource(redirdev.Source),
            .. DeviceInfoWriter.Write(redirdev.Address, redirdev.Alias, redirdev.BootOrder),
        ]);

    /// <summary>Each rule's criteria as held: -1 for any, hexadecimal ids, MAJOR.MINOR versions (the post-parse stage makes an absent one any).</summary>
    public static XmlElement Filter(RedirectionFilter filter) =>
        Element("redirfilter",
        [
            .. filter.Rules.Select(rule => Element("usbdev",
                Attr("class", Match(rule.Class, v => Hexadecimal(v, 2))),
                Attr("vendor", Match(rule.Vendor, v => Hexadecimal(v, 4))),
                Attr("product", Match(rule.Product, v => Hexadecimal(v, 4))),
                Attr("version", Match(rule.Version, v => $"{v.Major}.{v.Minor}")),
                YesNo("allow", rule.Allow))),
        ]);

    private static string? Match<T>(UsbMatch<T>? match, Func<T, string> format) where T : struct =>
        match is not { } given ? null : given.Value is { } value ? format(value) : "-1";

    private static string Hexadecimal(ulong value, int digits) =>
        "0x" + value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
