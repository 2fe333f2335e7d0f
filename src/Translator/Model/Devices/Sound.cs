using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>Placeholder: filled in by the device-family work.</summary>
public sealed record Sound
{
    public SourceLocation Location { get; init; }
}
