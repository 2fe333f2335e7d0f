using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Support;

/// <summary>
/// Wraps device elements in a minimal domain document and parses it, for the device parser tests.
/// Two layouts, so that line numbers asserted by the tests stay stable: with a &lt;memory&gt; line
/// the devices start on line 5, without it on line 4.
/// </summary>
public static class DeviceDocument
{
    public static DomainParseResult Parse(string devices, string type = "qemu") => DomainParser.ParseText(
        $"<domain type='{type}'>\n<name>guest</name>\n<memory>1024</memory>\n<devices>\n" + devices + "\n</devices>\n</domain>");

    public static DomainParseResult ParseWithoutMemory(string devices) =>
        DomainParser.ParseText("<domain type='qemu'>\n<name>t</name>\n<devices>\n" + devices + "\n</devices>\n</domain>");

    /// <summary>The one error of a refused document, checked to carry <paramref name="code"/>.</summary>
    public static Diagnostic SingleError(DomainParseResult result, DiagnosticCode code)
    {
        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        return error;
    }

    /// <summary>The one diagnostic of an accepted document, checked to be a warning with <paramref name="code"/>.</summary>
    public static Diagnostic SingleWarning(DomainParseResult result, DiagnosticCode code)
    {
        Assert.NotNull(result.Domain);
        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(code, warning.Code);
        return warning;
    }
}
