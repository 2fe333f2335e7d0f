using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.Tests.XmConfig;

/// <summary>Malformed config files are located errors, never executed and never a crash.</summary>
public sealed class XmConfigBadInputTests
{
    private static readonly XenGuestDefaults Guests = new(new XenGuestArch("i686", "xenfv"), new XenGuestArch("i686", "xenpv"));

    private const string Good = """
        name = "guest"
        uuid = "c7a5fdb0-cdaf-9455-926a-d65c16db1809"
        memory = 256
        bootloader = "/usr/bin/pygrub"
        """;

    private static XmConfigReadResult Read(string text, int version = 2) => XmConfigReader.ReadText(text, "guest.cfg", XenTarget.For((XendConfigVersion)version), Guests);

    private static Diagnostic SingleError(XmConfigReadResult result)
    {
        Assert.Null(result.Domain);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void A_good_config_reads()
    {
        var result = Read(Good);
        Assert.NotNull(result.Domain);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_python_import_is_a_syntax_error_on_its_line_and_is_not_run()
    {
        var error = SingleError(Read(Good + "\nimport os\n"));
        Assert.Equal(XenXmDiagnostics.Syntax, error.Code);
        Assert.Equal(5, error.Location.Line);
        Assert.Equal(8, error.Location.Column);
        Assert.Contains("expected '=' after 'import'", error.Message);
        Assert.StartsWith("guest.cfg:5:8: error DL5050:", error.Format());
    }

    [Fact]
    public void A_python_expression_as_a_value_is_not_evaluated()
    {
        var error = SingleError(Read(Good + "\nkernel = os.path.join('/boot', 'vmlinuz')\n"));
        Assert.Equal(XenXmDiagnostics.Syntax, error.Code);
        Assert.Equal((5, 10), (error.Location.Line, error.Location.Column));
        Assert.Contains("must be a quoted string, an integer or a [ list ]; found 'os'", error.Message);
    }

    [Fact]
    public void Arithmetic_after_a_value_is_an_error_at_the_operator()
    {
        var error = SingleError(Read(Good.Replace("memory = 256", "memory = 128 * 2")));
        Assert.Equal(XenXmDiagnostics.Syntax, error.Code);
        Assert.Equal((3, 14), (error.Location.Line, error.Location.Column));
        Assert.Contains("expected the end of the line after the value of 'memory', found '*'", error.Message);
    }

    [Fact]
    public void A_python_function_call_statement_is_an_error()
    {
        var error = SingleError(Read("os.system('rm -rf /')\n" + Good));
        Assert.Equal(XenXmDiagnostics.Syntax, error.Code);
        Assert.Equal((1, 3), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void An_unclosed_list_is_reported_at_its_opening_bracket()
    {
        var error = SingleError(Read(Good + "\ndisk = [ \"phy:/dev/sda,xvda,w\",\n"));
        Assert.Equal(XenXmDiagnostics.Syntax, error.Code);
        Assert.Equal((5, 8), (error.Location.Line, error.Location.Column));
        Assert.Contains("unbalanced '['", error.Message);
        Assert.Contains("'disk'", error.Message);
    }

    [Fact]
    public void A_stray_closing_bracket_is_an_error()
    {
        var error = SingleError(Read(Good + "\n]\n"));
        Assert.Equal((5, 1), (error.Location.Line, error.Location.Column));
        Assert.Contains("unexpected ']'", error.Message);
    }

    [Fact]
    public void A_list_item_without_a_comma_is_an_error_at_the_item()
    {
        var error = SingleError(Read(Good + "\nvif = [ \"mac=00:16:3e:00:00:01\" \"bridge=br0\" ]\n"));
        Assert.Equal((5, 33), (error.Location.Line, error.Location.Column));
        Assert.Contains("expected ',' or ']'", error.Message);
    }

    [Fact]
    public void An_unterminated_string_is_an_error_at_its_quote()
    {
        var error = SingleError(Read(Good + "\nkernel = \"/boot/vmlinuz\n"));
        Assert.Equal((5, 10), (error.Location.Line, error.Location.Column));
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Every_bad_line_is_reported()
    {
        var result = Read("import os\n" + Good + "\nx = y\nif True:\n");
        Assert.Null(result.Domain);
        Assert.Equal([1, 6, 7], result.Diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void An_unknown_setting_is_an_error_naming_a_close_known_one()
    {
        var error = SingleError(Read(Good + "\nmemroy = 512\n"));
        Assert.Equal(XenXmDiagnostics.UnknownKey, error.Code);
        Assert.Equal((5, 1), (error.Location.Line, error.Location.Column));
        Assert.Equal("memroy", error.Location.Path);
        Assert.Contains("'memroy' is not an xm config setting", error.Message);
        Assert.Contains("did you mean 'memory'?", error.Message);
    }

    [Fact]
    public void A_setting_given_twice_is_an_error_naming_the_first_line()
    {
        var error = SingleError(Read(Good + "\nmemory = 512\n"));
        Assert.Equal(XenXmDiagnostics.DuplicateKey, error.Code);
        Assert.Contains("first set on line 3", error.Message);
    }

    [Fact]
    public void A_list_where_a_string_is_needed_is_a_wrong_type_error_at_the_value()
    {
        var error = SingleError(Read(Good.Replace("\"guest\"", "[ \"guest\" ]")));
        Assert.Equal(XenXmDiagnostics.WrongType, error.Code);
        Assert.Equal((1, 8), (error.Location.Line, error.Location.Column));
        Assert.Equal("'name' must be a string, not a list", error.Message);
    }

    [Fact]
    public void A_string_that_is_not_a_number_where_one_is_needed_is_an_error()
    {
        var error = SingleError(Read(Good.Replace("memory = 256", "memory = \"lots\"")));
        Assert.Equal(XenXmDiagnostics.InvalidValue, error.Code);
        Assert.Contains("'memory' must be a whole number; \"lots\" is not one", error.Message);
    }

    [Fact]
    public void A_number_written_as_a_string_is_accepted_as_the_reference_does()
    {
        var result = Read(Good.Replace("memory = 256", "memory = \"256\""));
        Assert.Equal(256UL * 1024, result.Domain!.CurrentMemory!.Value.Kibibytes);
    }

    [Fact]
    public void A_string_where_a_list_is_needed_is_a_wrong_type_error()
    {
        var error = SingleError(Read(Good + "\ndisk = \"phy:/dev/sda,xvda,w\"\n"));
        Assert.Equal(XenXmDiagnostics.WrongType, error.Code);
        Assert.Equal("'disk' must be a [ list ] of strings, not a string", error.Message);
    }

    [Fact]
    public void A_number_inside_a_string_list_is_a_wrong_type_error_at_the_item()
    {
        var error = SingleError(Read(Good + "\nvif = [ \"mac=00:16:3e:00:00:01,bridge=br0\", 7 ]\n"));
        Assert.Equal(XenXmDiagnostics.WrongType, error.Code);
        Assert.Equal("vif[1]", error.Location.Path);
        Assert.Equal((5, 45), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_missing_name_is_an_error()
    {
        var error = SingleError(Read(Good.Replace("name = \"guest\"", "")));
        Assert.Equal(XenXmDiagnostics.MissingKey, error.Code);
        Assert.Contains("no 'name'", error.Message);
    }

    [Fact]
    public void An_hvm_config_without_its_loader_is_an_error()
    {
        var error = SingleError(Read(Good + "\nbuilder = \"hvm\"\n"));
        Assert.Equal(XenXmDiagnostics.MissingKey, error.Code);
        Assert.Contains("'kernel'", error.Message);
    }

    [Theory]
    [InlineData("uuid = \"not-a-uuid\"", "is not a UUID")]
    [InlineData("on_crash = \"explode\"", "allowed: destroy, restart, preserve, rename-restart, coredump-destroy, coredump-restart")]
    [InlineData("vif = [ \"mac=zz:16:3e:00:00:01,bridge=br0\" ]", "is not a MAC address")]
    [InlineData("disk = [ \"phy:/dev/sda\" ]", "has no target")]
    [InlineData("disk = [ \"tap:vdi:/x.img,xvda,w\" ]", "names the tap format 'vdi'")]
    [InlineData("pci = [ \"0000:00:1b\" ]", "is not DDDD:BB:SS.F")]
    [InlineData("cpus = \"3-1\"", "must be a CPU set")]
    [InlineData("vcpus = 0", "must be from 1 to 64")]
    public void Malformed_values_are_located_errors(string line, string expected)
    {
        var text = Good.Replace("uuid = \"c7a5fdb0-cdaf-9455-926a-d65c16db1809\"\n", "") + "\n" + line + "\n";
        var error = SingleError(Read(text));
        Assert.Equal(XenXmDiagnostics.InvalidValue, error.Code);
        Assert.Equal(4, error.Location.Line);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("serial = \"bogus:1\"", "unknown type 'bogus'")]
    [InlineData("serial = [ \"pty\", \"tcp:nohostport\" ]", "needs HOST:PORT")]
    [InlineData("soundhw = \"sb16,beeper\"", "allowed: sb16, es1370, pcspk, ac97, ich6, or all")]
    public void Malformed_hvm_device_values_are_located_errors(string line, string expected)
    {
        var text = Good + "\nbuilder = \"hvm\"\nkernel = \"/usr/lib/xen/boot/hvmloader\"\n" + line + "\n";
        var error = SingleError(Read(text));
        Assert.Equal(XenXmDiagnostics.InvalidValue, error.Code);
        Assert.Equal(7, error.Location.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Binary_junk_is_reported_not_thrown()
    {
        var result = Read("\u0000\u0001\u00ff = ]]][[[ \"\"\" ");
        Assert.Null(result.Domain);
        Assert.All(result.Diagnostics, d => Assert.Equal(XenXmDiagnostics.Syntax, d.Code));
        Assert.NotEmpty(result.Diagnostics);
    }

    [Fact]
    public void Comments_semicolons_trailing_commas_and_multi_line_lists_are_data()
    {
        var text = """
            # a comment
            name = "guest" ; memory = 256   # trailing comment
            uuid = 'c7a5fdb0-cdaf-9455-926a-d65c16db1809'
            bootloader = "/usr/bin/pygrub"
            disk = [
                "phy:/dev/sda,xvda,w",   # first
                "file:/x.img,xvdb,r",
            ]
            """;
        var result = Read(text);
        Assert.True(result.Domain is not null, string.Join("\n", result.Diagnostics));
        Assert.Equal(2, result.Domain.Devices.Disks.Length);
    }
}
