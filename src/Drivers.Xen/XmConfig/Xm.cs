namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>Short constructors for the settings the xm config sections emit.</summary>
internal static class Xm
{
    public static XmEntry String(string name, string text) => new(name, new XmString(text));

    public static XmEntry Integer(string name, long number) => new(name, new XmInteger(number));

    /// <summary>A 0/1 switch.</summary>
    public static XmEntry Flag(string name, bool on) => Integer(name, on ? 1 : 0);

    /// <summary>A list of strings; an empty list is left out, as the reference does.</summary>
    public static IEnumerable<XmEntry> Strings(string name, IReadOnlyList<string> items) =>
        items.Count == 0 ? [] : [new XmEntry(name, XmList.OfStrings(items))];
}
