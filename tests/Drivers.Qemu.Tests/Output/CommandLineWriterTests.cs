using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Output;

namespace DomainLauncher.Drivers.Qemu.Tests.Output;

public sealed class CommandLineWriterTests
{
    private static readonly QemuCommandLine Sample = new(
        [new("LC_ALL", "C"), new("BAR", ""), new("SPACE", "a b")],
        "/usr/bin/qemu",
        ["-S", "-M", "pc", "-name", "it's", "-no-acpi", "-smbios", "type=0,version=6FET82WW (3.12 )", "-usb"]);

    [Fact]
    public void Shell_writer_puts_assignments_first_and_quotes_only_values()
    {
        Assert.Equal(
            "LC_ALL=C BAR='' SPACE='a b' /usr/bin/qemu -S -M pc -name 'it'\\''s' -no-acpi -smbios 'type=0,version=6FET82WW (3.12 )' -usb",
            ShellCommandWriter.Write(Sample));
    }

    [Fact]
    public void Shell_writer_output_splits_back_to_the_same_words()
    {
        Assert.Equal(Sample.Words, ShellWords.Split(ShellCommandWriter.Write(Sample)).Words.AsEnumerable());
    }

    [Fact]
    public void Lines_writer_puts_each_option_and_its_value_on_one_continued_line()
    {
        var expected = """
            LC_ALL=C \
            BAR='' \
            SPACE='a b' \
            /usr/bin/qemu \
            -S \
            -M pc \
            -name 'it'\''s' \
            -no-acpi \
            -smbios 'type=0,version=6FET82WW (3.12 )' \
            -usb

            """.Replace("\r\n", "\n");
        Assert.Equal(expected, LinesCommandWriter.Write(Sample));
        Assert.Equal(Sample.Words, ShellWords.Split(LinesCommandWriter.Write(Sample)).Words.AsEnumerable());
    }

    [Fact]
    public void Json_writer_gives_environment_object_emulator_and_args()
    {
        using var json = JsonDocument.Parse(JsonCommandWriter.Write(Sample));
        var root = json.RootElement;
        Assert.Equal(["LC_ALL", "BAR", "SPACE"], root.GetProperty("environment").EnumerateObject().Select(p => p.Name));
        Assert.Equal("a b", root.GetProperty("environment").GetProperty("SPACE").GetString());
        Assert.Equal("/usr/bin/qemu", root.GetProperty("emulator").GetString());
        Assert.Equal(Sample.Args, root.GetProperty("args").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void Json_writer_keeps_plus_signs_and_quotes_readable()
    {
        var text = JsonCommandWriter.Write(new QemuCommandLine([], "/q", ["key=AQC+/x", "it's"]), indented: false);
        Assert.Equal("{\"environment\":{},\"emulator\":\"/q\",\"args\":[\"key=AQC+/x\",\"it's\"]}", text);
    }

    [Fact]
    public void Words_read_back_into_environment_emulator_and_args()
    {
        var commandLine = QemuCommandLine.FromWords(["A=1", "B=", "/usr/bin/kvm", "-m", "X=1"])!;
        Assert.Equal(["A", "B"], commandLine.Environment.Select(e => e.Name));
        Assert.Equal("/usr/bin/kvm", commandLine.Emulator);
        Assert.Equal(["-m", "X=1"], commandLine.Args.AsEnumerable());
        Assert.Null(QemuCommandLine.FromWords(["A=1"]));
    }

    [Fact]
    public void Command_lines_with_the_same_words_are_equal()
    {
        var copy = QemuCommandLine.FromWords(Sample.Words)!;
        Assert.Equal(Sample, copy);
        Assert.Equal(Sample.GetHashCode(), copy.GetHashCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1A")]
    [InlineData("A-B")]
    [InlineData("A=B")]
    public void Invalid_environment_name_is_a_bug_and_throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new EnvironmentAssignment(name, "v"));
    }
}
