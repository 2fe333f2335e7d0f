using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Conformance;

/// <summary>How one conformance case came out.</summary>
public enum ConformanceStatus
{
    /// <summary>The product did what the case expects: the expected output, or a refusal where one is expected.</summary>
    Pass,

    /// <summary>The product built something other than expected, or refused when it should not (or the reverse).</summary>
    Fail,

    /// <summary>The case could not be run: its input is missing or the product crashed (a bug).</summary>
    Error,

    /// <summary>The product's output was recorded but not compared, because the expected output was withheld.</summary>
    Unscored,
}

public static class ConformanceStatusNames
{
    public static readonly XmlEnum<ConformanceStatus> Table = new(
        ("pass", ConformanceStatus.Pass), ("fail", ConformanceStatus.Fail),
        ("error", ConformanceStatus.Error), ("unscored", ConformanceStatus.Unscored));
}
