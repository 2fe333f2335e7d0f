using System.Security;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.ArgvGolden.Tests;

/// <summary>
/// Awkward text in the domain (disk paths, the domain name, character device paths holding ',',
/// blanks, quotes, '=', newlines or a leading '-') must stay inside the one word it belongs to:
/// commas are doubled inside key=value option values, nothing turns into an extra option, and the
/// shell and lines writers' text splits back into exactly the same words.
/// </summary>
public sealed class EscapingTests
{
    private static readonly string[] Legacy = ["drive", "name"];

    private static readonly string[] Modern = ["drive", "device", "chardev", "name"];

    /// <summary>Builds a one-vCPU domain named <paramref name="name"/> with the given devices.</summary>
    private static QemuCommandLine Build(string name, string devices, string[] capabilities)
    {
        var xml = $"""
            <domain type='qemu'>
              <name>{SecurityElement.Escape(name)}</name>
              <memory unit='KiB'>262144</memory>
              <vcpu>1</vcpu>
              <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices>
            </domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Format())));
        var emulator = QemuGoldenHost.Emulator("/usr/bin/qemu-system-x86_64", capabilities);
        var result = QemuCommandBuilder.Build(parsed.Domain!, emulator, QemuGoldenHost.Settings,
            new QemuBuildOptions { AssignPciAddresses = false });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return result.CommandLine!;
    }

    // A newline in an attribute must be a character reference, or XML turns it into a blank.
    private static string Attr(string value) => SecurityElement.Escape(value)!.Replace("\n", "&#10;", StringComparison.Ordinal);

    private static string Disk(string path, string target = "vda", string bus = "virtio") =>
        $"<disk type='file' device='disk'><source file='{Attr(path)}'/><target dev='{target}' bus='{bus}'/></disk>";

    private static string FileSerial(string path) =>
        $"<serial type='file'><source path='{Attr(path)}'/><target port='0'/></serial>";

    /// <summary>The word after the first occurrence of <paramref name="option"/> whose value starts with <paramref name="prefix"/>.</summary>
    private static string ValueOf(QemuCommandLine commandLine, string option, string prefix = "")
    {
        var args = commandLine.Args;
        for (var i = 0; i + 1 < args.Length; i++)
            if (args[i] == option && args[i + 1].StartsWith(prefix, StringComparison.Ordinal)) return args[i + 1];
        throw new Xunit.Sdk.XunitException($"no {option} {prefix}... in the words:\n  {string.Join("\n  ", args)}");
    }

    /// <summary>
    /// The awkward value added no option and removed none: the words are those of the same domain
    /// with a plain value, word for word, except the ones that hold the value.
    /// </summary>
    private static void AssertSameShapeAs(QemuCommandLine plain, QemuCommandLine awkward)
    {
        Assert.Equal(plain.Words.Length, awkward.Words.Length);
        string[] plainOptions = [.. plain.Args.Where(w => w.StartsWith('-'))];
        string[] awkwardOptions = [.. awkward.Args.Where((w, i) => w.StartsWith('-') && plain.Args[i].StartsWith('-'))];
        Assert.Equal(plainOptions, awkwardOptions);
    }

    private static void AssertWritersSplitBack(QemuCommandLine commandLine)
    {
        foreach (var text in new[] { ShellCommandWriter.Write(commandLine), LinesCommandWriter.Write(commandLine) })
        {
            var split = ShellWords.Split(text);
            Assert.True(split.Succeeded, split.Error);
            Assert.True(commandLine.Words.SequenceEqual(split.Words),
                $"the text does not split back into the words:\n{text}\nsplits into:\n{string.Join("\n", split.Words.Select(w => $"[{w}]"))}");
        }
    }

    [Theory]
    [InlineData("/srv/images/a,b.img", "/srv/images/a,,b.img")]
    [InlineData("/srv/images/a,,b.img", "/srv/images/a,,,,b.img")]
    [InlineData("/srv/images/trailing,", "/srv/images/trailing,,")]
    [InlineData("/srv/vm images/it's \"quoted\".img", "/srv/vm images/it's \"quoted\".img")]
    [InlineData("/srv/images/if=ide,index=3.img", "/srv/images/if=ide,,index=3.img")]
    [InlineData("/srv/images/two\nlines.img", "/srv/images/two\nlines.img")]
    [InlineData("-hda.img", "-hda.img")]
    public void Comma_in_disk_path_is_doubled_and_the_path_stays_inside_its_drive_word(string path, string escaped)
    {
        var commandLine = Build("escape-disk", Disk(path), Modern);
        Assert.Equal($"file={escaped},if=none,id=drive-virtio-disk0", ValueOf(commandLine, "-drive"));
        AssertSameShapeAs(Build("escape-disk", Disk("/srv/images/plain.img"), Modern), commandLine);
        AssertWritersSplitBack(commandLine);
    }

    [Fact]
    public void Legacy_disk_path_with_a_leading_dash_is_the_value_of_hda_not_an_option()
    {
        var commandLine = Build("escape-legacy", Disk("-snapshot", "hda", "ide"), []);
        var args = commandLine.Args;
        var at = args.IndexOf("-hda");
        Assert.Equal("-snapshot", args[at + 1]);
        Assert.Equal(1, args.Count(a => a == "-snapshot"));
        AssertWritersSplitBack(commandLine);
    }

    [Fact]
    public void Legacy_drive_path_with_commas_and_blanks_is_doubled_inside_its_drive_word()
    {
        var commandLine = Build("escape-legacy-drive", Disk("/srv/old vm/a,if=floppy", "hda", "ide"), Legacy);
        Assert.Equal("file=/srv/old vm/a,,if=floppy,if=ide,bus=0,unit=0", ValueOf(commandLine, "-drive"));
        AssertWritersSplitBack(commandLine);
    }

    [Theory]
    [InlineData("web front")]
    [InlineData("it's-a-\"guest\"")]
    [InlineData("-daemonize")]
    [InlineData("key=value")]
    public void Domain_name_stays_one_word_after_name_and_in_the_monitor_path(string name)
    {
        var commandLine = Build(name, "", Modern);
        Assert.Equal(name, ValueOf(commandLine, "-name"));
        AssertSameShapeAs(Build("plain", "", Modern), commandLine);
        Assert.Equal($"socket,id=charmonitor,path=/var/lib/libvirt/qemu/{name}.monitor,server,nowait", ValueOf(commandLine, "-chardev", "socket,id=charmonitor"));
        AssertWritersSplitBack(commandLine);
    }

    [Fact]
    public void Comma_in_domain_name_is_doubled_in_the_monitor_path()
    {
        var commandLine = Build("web,front", "", Modern);
        Assert.Equal("socket,id=charmonitor,path=/var/lib/libvirt/qemu/web,,front.monitor,server,nowait",
            ValueOf(commandLine, "-chardev", "socket,id=charmonitor"));
        AssertWritersSplitBack(commandLine);
    }

    [Fact]
    public void Comma_in_domain_name_is_doubled_after_name()
    {
        var commandLine = Build("web,process=evil", "", Modern);
        Assert.Equal("web,,process=evil", ValueOf(commandLine, "-name"));
    }

    [Theory]
    [InlineData("/var/log/guest,serial.log", "/var/log/guest,,serial.log")]
    [InlineData("/var/log/my guest/it's.log", "/var/log/my guest/it's.log")]
    [InlineData("/var/log/a=b,path=/etc/passwd", "/var/log/a=b,,path=/etc/passwd")]
    [InlineData("/var/log/two\nlines.log", "/var/log/two\nlines.log")]
    public void Chardev_file_path_is_doubled_inside_its_chardev_word(string path, string escaped)
    {
        var commandLine = Build("escape-chardev", FileSerial(path), Modern);
        AssertSameShapeAs(Build("escape-chardev", FileSerial("/var/log/plain.log"), Modern), commandLine);
        Assert.Equal($"file,id=charserial0,path={escaped}", ValueOf(commandLine, "-chardev", "file,"));
        Assert.Equal("isa-serial,chardev=charserial0,id=serial0", ValueOf(commandLine, "-device", "isa-serial"));
        AssertWritersSplitBack(commandLine);
    }

    [Fact]
    public void Chardev_unix_socket_path_with_commas_and_blanks_is_one_word()
    {
        var serial = "<serial type='unix'><source mode='bind' path='/run/vm sockets/a,server,nowait'/><target port='0'/></serial>";
        var commandLine = Build("escape-unix", serial, Modern);
        Assert.Equal("socket,id=charserial0,path=/run/vm sockets/a,,server,,nowait,server,nowait", ValueOf(commandLine, "-chardev", "socket,id=charserial0"));
        AssertWritersSplitBack(commandLine);
    }

    [Fact]
    public void Legacy_serial_file_path_stays_one_word()
    {
        var commandLine = Build("escape-legacy-serial", FileSerial("/var/log/old guest's serial.log"), Legacy);
        Assert.Equal("file:/var/log/old guest's serial.log", ValueOf(commandLine, "-serial"));
        AssertWritersSplitBack(commandLine);
    }

    [Fact]
    public void A_backslash_before_a_newline_inside_a_value_survives_the_writers()
    {
        // Inside single quotes a backslash-newline is two literal characters, not a line continuation.
        var commandLine = Build("escape-backslash", Disk("/srv/images/odd\\\nname.img"), Modern);
        Assert.Equal("file=/srv/images/odd\\\nname.img,if=none,id=drive-virtio-disk0", ValueOf(commandLine, "-drive"));
        AssertWritersSplitBack(commandLine);
    }
}
