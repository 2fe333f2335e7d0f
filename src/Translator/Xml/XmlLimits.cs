namespace DomainLauncher.Translator.Xml;

/// <summary>
/// Bounds on what the loader accepts. Real domain documents are a few kilobytes and a handful of
/// levels deep; the defaults leave ample room while keeping hostile input cheap to refuse.
/// </summary>
public sealed record XmlLimits
{
    public static readonly XmlLimits Default = new();

    /// <summary>Largest document, in bytes (and characters).</summary>
    public long MaxBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest element nesting.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most elements in one document.</summary>
    public int MaxElements { get; init; } = 200_000;
}
