using System.Globalization;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// Typed, located access to the settings of a parsed xm config file for the readers. Numbers and
/// flags may be written as integers or as strings of digits, as the reference accepts; any other
/// kind is a located <see cref="XenXmDiagnostics.WrongType"/> error naming the setting.
/// </summary>
internal sealed class XmSettings(XmConfigFile file, DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public XmEntry? Entry(string name) => file.Find(name);

    public bool Has(string name) => file.Find(name) is not null;

    /// <summary>The string value of a setting; null when absent or (after an error) of another kind.</summary>
    public string? String(string name)
    {
        if (Entry(name) is not { } entry) return null;
        if (entry.Value is XmString s) return s.Text;
        WrongType(entry, "a string");
        return null;
    }

    /// <summary>A whole number (an integer, or a string that is one); <paramref name="absent"/> when not given.</summary>
    public long? Integer(string name, long? absent = null)
    {
        if (Entry(name) is not { } entry) return absent;
        switch (entry.Value)
        {
            case XmInteger i:
                return i.Number;
            case XmString s when long.TryParse(s.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                return n;
            case XmString s:
                Invalid(entry.Value, name, $"'{name}' must be a whole number; \"{s.Text}\" is not one");
                return null;
            default:
                WrongType(entry, "an integer");
                return null;
        }
    }

    /// <summary>A 0/1 switch: an integer (non-zero is on) or the string "1" (anything else is off).</summary>
    public bool? Flag(string name, bool? absent = null)
    {
        if (Entry(name) is not { } entry) return absent;
        switch (entry.Value)
        {
            case XmInteger i:
                return i.Number != 0;
            case XmString s:
                return s.Text == "1";
            default:
                WrongType(entry, "0 or 1");
                return null;
        }
    }

    /// <summary>The strings of a list setting; null when absent or not a list of strings (reported).</summary>
    public IReadOnlyList<XmString>? StringList(string name)
    {
        if (Entry(name) is not { } entry) return null;
        if (entry.Value is not XmList list)
        {
            WrongType(entry, "a [ list ] of strings");
            return null;
        }
        var strings = new List<XmString>();
        var ok = true;
        for (var i = 0; i < list.Items.Length; i++)
        {
            if (list.Items[i] is XmString s) strings.Add(s);
            else
            {
                Diagnostics.Error(XenXmDiagnostics.WrongType, list.Items[i].Location.WithPath($"{name}[{i}]"),
                    $"every item of '{name}' must be a string; item {i + 1} is {list.Items[i].KindName}");
                ok = false;
            }
        }
        return ok ? strings : null;
    }

    public void Invalid(XmValue at, string path, string message) =>
        Diagnostics.Error(XenXmDiagnostics.InvalidValue, at.Location.WithPath(path), message);

    public void Warn(XmValue at, string path, string message) =>
        Diagnostics.Warning(XenXmDiagnostics.InvalidValue, at.Location.WithPath(path), message);

    private void WrongType(XmEntry entry, string expected) =>
        Diagnostics.Error(XenXmDiagnostics.WrongType, entry.Value.Location.WithPath(entry.Name),
            $"'{entry.Name}' must be {expected}, not {entry.Value.KindName}");
}
