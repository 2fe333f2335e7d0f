using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Hostile;

/// <summary>
/// A domain's name reaches file names, command lines and terminals: names that would leave their
/// folder or forge output are refused at <c>&lt;name&gt;</c>, and no diagnostic prints a control character.
/// </summary>
public sealed class HostileNameTests
{
    [Theory]
    [InlineData("../../etc", "'/'")]
    [InlineData("a/b", "'/'")]
    [InlineData("..", "folder")]
    [InlineData(".", "folder")]
    [InlineData("vm\nrunning 1 spoofed", "U+000A")]
    [InlineData("vm\tx", "U+0009")]
    [InlineData("vm\u0085x", "U+0085")]
    public void A_name_that_would_escape_its_folder_or_forge_output_is_refused_at_the_name_element(string name, string reason)
    {
        // Character references keep the newline and tab from being read as layout. (C0 controls other
        // than tab and newline cannot be in an XML document at all: the loader refuses those itself.)
        var escaped = name.Replace("\n", "&#10;", StringComparison.Ordinal).Replace("\t", "&#9;", StringComparison.Ordinal);
        var result = DomainLoader.LoadText($"<domain type='qemu'>\n  <name>{escaped}</name>\n  <memory>1024</memory>\n</domain>", "hostile.xml");

        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Equal(2, error.Location.Line);
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain(error.Format(), c => char.IsControl(c));
    }

    [Theory]
    [InlineData("web-01")]
    [InlineData("fedora 40 (copy)")]
    [InlineData("gäst.example")]
    public void Ordinary_names_are_accepted(string name) =>
        Assert.NotNull(DomainLoader.LoadText($"<domain type='qemu'><name>{name}</name><memory>1024</memory></domain>").Domain);

    [Fact]
    public void A_diagnostic_prints_control_characters_of_its_message_and_file_name_as_escapes()
    {
        var diagnostic = new Diagnostic(DiagnosticCatalog.InvalidValue, Severity.Error, "value 'a\u001b[31mb\r\nc\u202ed'",
            new SourceLocation("evil\nfile.xml", 3, 4, "domain/name"));

        Assert.Equal("evil\\nfile.xml:3:4: error DL2006: domain/name: value 'a\\x1b[31mb\\r\\nc\\u202ed'", diagnostic.Format());
    }
}
