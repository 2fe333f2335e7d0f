using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;maxMemory slots unit&gt;N&lt;/maxMemory&gt;</c>: the memory hotplug ceiling and its slot count.</summary>
public sealed record MaxMemory(MemorySize Size, uint? Slots)
{
    public SourceLocation Location { get; init; }
}
