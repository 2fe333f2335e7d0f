using System.Diagnostics;
using System.Security;
using System.Text;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Hostile;

/// <summary>
/// Issue 11, item 3: xm output ran code when read as Python (a name ending in <c>\</c> and a
/// bootloader holding a newline and <c>import os; os.system(...)</c>), a value ending in <c>\</c>
/// was a syntax error and <c>\x41</c> was misread. Every string the xm writer writes is a Python
/// literal that reads back as exactly that string, by our reader and by <c>ast.literal_eval</c>;
/// a domain whose values an xm file cannot carry is refused with a located diagnostic.
/// </summary>
public sealed class XmWriterRoundTripTests
{
    private static readonly XenGuestDefaults Guests = new(new XenGuestArch("i686", "xenfv"), new XenGuestArch("i686", "xenpv"));
    private static readonly XenTarget Target = XenTarget.For(XendConfigVersion.Xen3_0_4);

    private static Domain Pv(string name = "g", string bootloader = "/usr/bin/pygrub") => DomainParser.ParseText($"""
        <domain type='xen'>
          <name>{SecurityElement.Escape(name)}</name>
          <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
          <memory>262144</memory>
          <bootloader>{SecurityElement.Escape(bootloader).Replace("\n", "&#10;", StringComparison.Ordinal)}</bootloader>
          <bootloader_args>-q</bootloader_args>
          <os><type>linux</type></os>
          <devices>
            <disk type='file' device='disk'><source file='/srv/a.img'/><target dev='xvda'/></disk>
          </devices>
        </domain>
        """).Domain!;

    private static Domain With(Domain domain, string name, string bootloader, string args, string path) => domain with
    {
        Name = name,
        Bootloader = bootloader,
        BootloaderArgs = args,
        Devices = domain.Devices with { Disks = [domain.Devices.Disks[0] with { Source = new FileDiskSource { File = path } }] },
    };

    private static XmConfigReadResult ReadBack(string text) => XmConfigReader.ReadText(text, "written.cfg", Target, Guests);

    [Fact]
    public void A_name_ending_in_a_backslash_reads_back_and_a_bootloader_with_a_newline_is_refused_at_its_element()
    {
        var named = XmConfigBuilder.Build(Pv(name: @"evil\"), Target);
        Assert.Contains("name = \"evil\\\\\"\n", named.Text);
        Assert.Equal(@"evil\", ReadBack(named.Text!).Domain!.Name);

        var refused = XmConfigBuilder.Build(Pv(bootloader: "/usr/bin/pygrub\nimport os; os.system('touch /tmp/owned')"), Target);
        Assert.Null(refused.Text);
        var error = Assert.Single(refused.Diagnostics);
        Assert.Equal(XenXmDiagnostics.ForbiddenCharacter, error.Code);
        Assert.True(error.Location.Line > 0, error.Format());
    }

    [Theory]
    [InlineData(@"C:\x41")]
    [InlineData(@"ends in \")]
    [InlineData(@"\""\'")]
    public void Backslashes_are_escaped_so_python_escapes_are_not_misread(string bootloader)
    {
        var text = XmConfigBuilder.Build(Pv(bootloader: bootloader), Target).Text!;
        Assert.Equal(bootloader, ReadBack(text).Domain!.Bootloader);
    }

    [Fact]
    public void Random_names_bootloaders_and_paths_read_back_unchanged_or_are_refused_with_located_diagnostics()
    {
        var domain = Pv();
        // Most values are printable so that most domains are written; one in eight may hold anything.
        var any = HostileStrings.Generate(seed: 3, count: 4 * 2000).ToArray();
        var printable = HostileStrings.Generate(seed: 4, count: 4 * 2000, printable: true).ToArray();
        var choice = new Random(5);
        var values = any.Select((text, i) => choice.Next(8) == 0 ? text : printable[i]).ToArray();
        int written = 0, refused = 0;
        for (var i = 0; i < values.Length; i += 4)
        {
            var (name, bootloader, args, path) = (values[i], values[i + 1], values[i + 2], values[i + 3]);
            var built = XmConfigBuilder.Build(With(domain, name, bootloader, args, path), Target);
            if (built.Text is null)
            {
                refused++;
                Assert.Contains(built.Diagnostics, d => d.IsError);
                Assert.All(built.Diagnostics, d => Assert.True(d.Location.Line > 0 && d.Code.Id.StartsWith("DL", StringComparison.Ordinal), d.Format()));
                continue;
            }
            written++;
            var read = ReadBack(built.Text);
            Assert.True(read.Domain is not null, built.Text + "\n" + string.Join("\n", read.Diagnostics.Select(d => d.Format())));
            Assert.Equal(name, read.Domain.Name);
            Assert.Equal(bootloader, read.Domain.Bootloader);
            Assert.Equal(args, read.Domain.BootloaderArgs);
            Assert.Equal(path, Assert.IsType<FileDiskSource>(read.Domain.Devices.Disks[0].Source).File);
        }
        Assert.True(written > 100 && refused > 100, $"written {written}, refused {refused}: both outcomes are exercised");
    }

    [Fact]
    public void Random_strings_are_written_as_literals_our_reader_gives_back_exactly()
    {
        foreach (var text in HostileStrings.Generate(seed: 5, count: 5000))
        {
            var parsed = XmConfigParser.Parse("k = " + XmConfigWriter.Quote(text) + "\nl = [ " + XmConfigWriter.Quote(text) + ", 1 ]\n");
            Assert.True(parsed.File is not null, string.Join("\n", parsed.Diagnostics.Select(d => d.Format())));
            Assert.Equal(text, Assert.IsType<XmString>(parsed.File.Entries[0].Value).Text);
            Assert.Equal(text, Assert.IsType<XmString>(Assert.IsType<XmList>(parsed.File.Entries[1].Value).Items[0]).Text);
        }
    }

    [Python3Fact]
    public void Random_strings_are_written_as_literals_python_ast_literal_eval_gives_back_exactly()
    {
        var texts = HostileStrings.Generate(seed: 7, count: 3000).ToArray();
        var input = new StringBuilder();
        foreach (var text in texts)
        {
            var literal = XmConfigWriter.Quote(text);
            Assert.DoesNotContain('\n', literal);
            input.Append(literal).Append('\n');
        }
        const string Script = """
            import ast, sys
            for line in sys.stdin.buffer.read().decode('utf-8').split('\n')[:-1]:
                value = ast.literal_eval(line)
                assert type(value) is str, line
                print(' '.join(str(ord(c)) for c in value))
            """;
        var output = RunPython(Script, input.ToString());

        var lines = output.Split('\n');
        Assert.Equal(texts.Length + 1, lines.Length);
        for (var i = 0; i < texts.Length; i++)
            Assert.True(string.Join(' ', HostileStrings.CodePoints(texts[i])) == lines[i], $"{XmConfigWriter.Quote(texts[i])} read by python as {lines[i]}");
    }

    [Python3Fact]
    public void A_written_file_is_only_assignments_of_literals_when_python_reads_it()
    {
        var text = XmConfigBuilder.Build(Pv(name: @"evil\", bootloader: @"/x\"";import os;os.system('id')#"), Target).Text!;
        const string Script = """
            import ast, sys
            tree = ast.parse(sys.stdin.buffer.read().decode('utf-8'))
            for statement in tree.body:
                assert isinstance(statement, ast.Assign) and len(statement.targets) == 1, ast.dump(statement)
                print(statement.targets[0].id, repr(ast.literal_eval(statement.value)))
            """;
        var output = RunPython(Script, text);
        Assert.Contains("name 'evil\\\\'\n", output);
        Assert.Contains("bootloader '/x\\\\\";import os;os.system(\\'id\\')#'\n", output);
    }

    private static string RunPython(string script, string input)
    {
        var start = new ProcessStartInfo(Python3FactAttribute.Path!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var python = Process.Start(start)!;
        using (var stdin = new StreamWriter(python.StandardInput.BaseStream, new UTF8Encoding(false))) stdin.Write(input);
        var error = python.StandardError.ReadToEndAsync();
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error.Result);
        return output;
    }
}
