using System.Globalization;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;redirfilter&gt;</c> and its <c>&lt;usbdev&gt;</c> rules.</summary>
internal static class RedirectionFilterParser
{
    private const string AnyValue = "-1";

    public static RedirectionFilter? Parse(ElementReader element) => new()
    {
        Rules = element.ChildrenParsed("usbdev", Rule),
        Location = element.Location,
    };

    private static UsbRedirectionRule? Rule(ElementReader usbdev)
    {
        var usbClass = Match(usbdev, "class", byte.MaxValue, v => (byte)v);
        var vendor = Match(usbdev, "vendor", ushort.MaxValue, v => (ushort)v);
        var product = Match(usbdev, "product", ushort.MaxValue, v => (ushort)v);
        var version = Version(usbdev);
        var allow = usbdev.RequiredAttr("allow") is null ? null : usbdev.YesNo("allow");
        return allow is null
            ? null
            : new UsbRedirectionRule
            {
                Class = usbClass,
                Vendor = vendor,
                Product = product,
                Version = version,
                Allow = allow.Value,
                Location = usbdev.Location,
            };
    }

    /// <summary>A number (decimal or 0x-hexadecimal) up to <paramref name="max"/>, or -1 for any.</summary>
    private static UsbMatch<T>? Match<T>(ElementReader usbdev, string name, ulong max, Func<ulong, T> convert)
        where T : struct
    {
        var text = usbdev.Attr(name);
        if (text is null) return null;
        if (text == AnyValue) return UsbMatch<T>.Any;
        var value = usbdev.Unsigned(name, max, allowHex: true);
        return value is null ? null : new UsbMatch<T>(convert(value.Value));
    }

    private static UsbMatch<UsbVersion>? Version(ElementReader usbdev)
    {
        var text = usbdev.Attr("version");
        if (text is null) return null;
        if (text == AnyValue) return UsbMatch<UsbVersion>.Any;
        var parts = text.Split('.');
        if (parts.Length == 2 && parts.All(p => p.Length is 1 or 2 && p.All(char.IsAsciiDigit)))
        {
            var major = byte.Parse(parts[0], CultureInfo.InvariantCulture);
            var minor = byte.Parse(parts[1], CultureInfo.InvariantCulture);
            // One minor digit is tenths: 1.1 means 1.10.
            if (parts[1].Length == 1) minor *= 10;
            return new UsbMatch<UsbVersion>(new UsbVersion(major, minor));
        }
        usbdev.AttrError("version", DiagnosticCatalog.InvalidValue,
            $"'{text}' is not a USB version; expected MAJOR.MINOR with one or two digits each (e.g. 2.0 or 1.10), or -1 for any");
        return null;
    }
}
