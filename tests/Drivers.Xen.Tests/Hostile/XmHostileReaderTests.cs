using System.Text;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.Tests.Hostile;

/// <summary>
/// Issue 11, items 1 (stack overflow on nested lists), 7 (xm part: huge names, duplicate lines,
/// newlines), 11 (control characters and non-characters dropped from paths) and 12 (xm part:
/// diagnostics echoing escape bytes): hostile xm files are refused with located diagnostics.
/// </summary>
public sealed class XmHostileReaderTests
{
    private static readonly XenGuestDefaults Guests = new(new XenGuestArch("i686", "xenfv"), new XenGuestArch("i686", "xenpv"));

    private const string Good = "name = \"guest\"\nuuid = \"c7a5fdb0-cdaf-9455-926a-d65c16db1809\"\nmemory = 256\nbootloader = \"/usr/bin/pygrub\"\n";

    private static XmConfigReadResult Read(string text) => XmConfigReader.ReadText(text, "guest.cfg", XenTarget.For(XendConfigVersion.Xen3_0_4), Guests);

    [Fact]
    public void Item1_a_disk_value_nesting_17500_brackets_is_refused_at_the_first_bracket_over_the_limit()
    {
        var result = Read("disk = " + new string('[', 17_500) + "\n");

        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(XenXmDiagnostics.Limit, error.Code);
        Assert.Equal((1, 8 + 32), (error.Location.Line, error.Location.Column));
        Assert.Contains("nested more than 32 deep", error.Message);
    }

    [Fact]
    public void Lists_nested_to_the_limit_are_read()
    {
        var parsed = XmConfigParser.Parse("disk = " + new string('[', 32) + new string(']', 32) + "\n");
        Assert.NotNull(parsed.File);
    }

    [Fact]
    public void Item7_an_8_MB_unknown_setting_name_is_refused_as_too_long_without_a_suggestion()
    {
        var result = Read(Good + new string('k', 8 * 1024 * 1024) + " = 1\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(XenXmDiagnostics.Limit, error.Code);
        Assert.Equal((5, 1), (error.Location.Line, error.Location.Column));
        Assert.True(error.Format().Length < 400, "the message quotes the name cut short");
    }

    [Fact]
    public void Item7_a_64_character_unknown_name_still_gets_no_costly_suggestion_and_a_short_one_does()
    {
        Assert.Contains("did you mean 'memory'", Assert.Single(Read(Good + "memroy = 1\n").Diagnostics).Message);
        var error = Assert.Single(Read(Good + new string('m', 100) + " = 1\n").Diagnostics);
        Assert.Equal(XenXmDiagnostics.UnknownKey, error.Code);
        Assert.DoesNotContain("did you mean", error.Message);
    }

    [Fact]
    public void Item7_500000_duplicate_lines_are_refused_once_the_settings_limit_is_passed()
    {
        var text = new StringBuilder(Good);
        for (var i = 0; i < 500_000; i++) text.Append("memory = 256\n");

        var result = Read(text.ToString());

        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(XenXmDiagnostics.Limit, error.Code);
        Assert.Equal(XmLimits.MaxSettings + 1, error.Location.Line);
    }

    [Fact]
    public void Item7_8_million_newlines_are_read_as_an_empty_file()
    {
        var result = Read(new string('\n', 8_000_000));

        Assert.Null(result.Domain);
        Assert.Equal(XenXmDiagnostics.MissingKey, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void Item7_a_million_bad_lines_stop_after_the_error_limit()
    {
        var result = Read(new StringBuilder().Insert(0, "import os\n", 1_000_000).ToString());

        Assert.Equal(XmLimits.MaxSyntaxErrors + 1, result.Diagnostics.Count);
        Assert.Equal(XenXmDiagnostics.Limit, result.Diagnostics[^1].Code);
    }

    [Fact]
    public void A_string_over_the_length_limit_is_refused_where_it_starts()
    {
        var error = Assert.Single(Read(Good + "extra = \"" + new string('x', XmLimits.MaxStringLength + 1) + "\"\n").Diagnostics);
        Assert.Equal(XenXmDiagnostics.Limit, error.Code);
        Assert.Equal((5, 9), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("disk = [ \"phy:/dev/a\u0001b,hda,w\" ]", "disk[0]", "U+0001")]
    [InlineData("disk = [ \"phy:/dev/a\\x01b,hda,w\" ]", "disk[0]", "U+0001")]
    [InlineData("bootargs = \"a\\nimport os\"", "bootargs", "U+000A")]
    [InlineData("kernel = \"/boot/\u001b[31mvmlinuz\"", "kernel", "U+001B")]
    [InlineData("extra = \"\u0085\"", "extra", "U+0085")]
    [InlineData("root = \"\uFFFE\"", "root", "U+FFFE")]
    [InlineData("root = \"\\uffff\"", "root", "U+FFFF")]
    [InlineData("root = \"\\ud800\"", "root", "U+D800")]
    public void Item11_a_control_character_or_non_character_is_refused_at_its_value_not_dropped(string line, string path, string character)
    {
        var result = Read(Good + line + "\n");

        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(XenXmDiagnostics.ForbiddenCharacter, error.Code);
        Assert.Equal(path, error.Location.Path);
        Assert.Equal(5, error.Location.Line);
        Assert.Contains(character, error.Message);
    }

    [Fact]
    public void Item12_escape_bytes_in_a_file_give_diagnostics_whose_formatted_lines_hold_no_control_character()
    {
        var result = Read(Good + "kernel = \"\u001b]0;owned\u0007\u001b[2J\"\nramdisk = \u001b[31m\nmemory = \"12\u001b[0m\"\n");

        Assert.NotEmpty(result.Diagnostics);
        foreach (var diagnostic in result.Diagnostics)
            Assert.DoesNotContain(diagnostic.Format(), char.IsControl);
    }

    [Theory]
    [InlineData("\"\\x4\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\U00110000\"")]
    [InlineData("\"\\N{BULLET}\"")]
    public void A_truncated_or_unsupported_escape_is_a_located_syntax_error(string literal)
    {
        var error = Assert.Single(Read(Good + "extra = " + literal + "\n").Diagnostics);
        Assert.Equal(XenXmDiagnostics.Syntax, error.Code);
        Assert.Equal((5, 9), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("\"a\\\\b\"", "a\\b")]
    [InlineData("\"\\x41\\101\\u0042\\U00000043\"", "AABC")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"keep \\d\"", "keep \\d")]
    [InlineData("'''tri'ple'''", "tri'ple")]
    [InlineData("\"join\\\nlines\"", "joinlines")]
    public void Strings_are_read_as_python_reads_them(string literal, string value)
    {
        var parsed = XmConfigParser.Parse("k = " + literal + "\n");
        Assert.Equal(value, Assert.IsType<XmString>(Assert.Single(parsed.File!.Entries).Value).Text);
    }
}
