using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>What a qemuxml2argv case expects of the product.</summary>
public enum QemuxmlExpectation
{
    /// <summary>The build succeeds and produces the case's <c>.args</c> command line.</summary>
    Args,

    /// <summary>Building the command line is refused (the emulator lacks something the XML needs).</summary>
    Failure,

    /// <summary>Address assignment or validation is refused.</summary>
    Error,

    /// <summary>The XML is rejected when parsed.</summary>
    ParseError,
}

public static class QemuxmlExpectationNames
{
    public static readonly XmlEnum<QemuxmlExpectation> Table = new(
        ("args", QemuxmlExpectation.Args), ("failure", QemuxmlExpectation.Failure),
        ("error", QemuxmlExpectation.Error), ("parse-error", QemuxmlExpectation.ParseError));
}
