using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>One <c>name = value</c> setting, located at its name.</summary>
public sealed record XmEntry(string Name, XmValue Value)
{
    public SourceLocation Location { get; init; }
}

/// <summary>An xm config file: its settings in file order (the order the writer keeps).</summary>
public sealed record XmConfigFile(ImmutableArray<XmEntry> Entries)
{
    /// <summary>The first setting of that name, or null.</summary>
    public XmEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}
