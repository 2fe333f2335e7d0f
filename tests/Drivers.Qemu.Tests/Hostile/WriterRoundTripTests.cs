using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Tests.Hostile;

/// <summary>
/// Issue 11, "one rule per output syntax": every QEMU-side writer gives back, through a reader of its
/// syntax, exactly the value it was given (seeded random strings of <c>, : ' " \ =</c>, spaces, newlines,
/// tabs, control characters and non-ASCII).
/// </summary>
public sealed class WriterRoundTripTests
{
    private const int Rounds = 5000;

    [Fact]
    public void QemuOpts_values_read_back_exactly()
    {
        var random = new Random(11_4);
        for (var i = 0; i < Rounds; i++)
        {
            var value = HostileReaders.HostileString(random);
            var other = HostileReaders.HostileString(random);
            var text = new QemuOpts("virtio-blk-pci").Add("serial", value).Add("drive", other).ToString();

            Assert.Equal([("virtio-blk-pci", null), ("serial", value), ("drive", other)], HostileReaders.QemuOptions(text));
        }
    }

    [Fact]
    public void ShellQuoting_words_split_back_exactly()
    {
        var random = new Random(11_5);
        for (var i = 0; i < Rounds; i++)
        {
            var word = HostileReaders.HostileString(random);
            var other = HostileReaders.HostileString(random);
            var split = ShellWords.Split(ShellQuoting.Quote(word) + " " + ShellQuoting.Quote(other));

            Assert.True(split.Succeeded, split.Error);
            HostileReaders.SameWords([word, other], split.Words);
        }
    }

    [Fact]
    public void The_json_command_reads_back_exactly()
    {
        var random = new Random(11_6);
        for (var i = 0; i < Rounds; i++)
        {
            var arg = HostileReaders.HostileString(random);
            var value = HostileReaders.HostileString(random);
            var commandLine = new QemuCommandLine([new EnvironmentAssignment("V", value)], "/usr/bin/qemu", ["-name", arg]);

            using var json = JsonDocument.Parse(JsonCommandWriter.Write(commandLine, indented: i % 2 == 0));
            var root = json.RootElement;
            Assert.Equal(value, root.GetProperty("environment").GetProperty("V").GetString());
            HostileReaders.SameWords(["-name", arg], [.. root.GetProperty("args").EnumerateArray().Select(a => a.GetString())]);
        }
    }

    [Fact]
    public void Colon_protocol_values_read_back_exactly()
    {
        var random = new Random(11_7);
        for (var i = 0; i < Rounds; i++)
        {
            var value = HostileReaders.HostileString(random);
            Assert.Equal(["rbd", value, ""], HostileReaders.ColonFields("rbd:" + ColonProtocol.Escape(value) + ":"));
        }
    }

    /// <summary>
    /// The lines format is one shell command continued over lines: a POSIX shell (/bin/sh) reads it
    /// back into exactly the assignment, the emulator and the arguments. (A shell word cannot hold
    /// NUL and the test passes text through UTF-8, so those two are left out of the values.)
    /// </summary>
    [Fact]
    public void The_lines_command_reads_back_through_a_posix_shell_exactly()
    {
        if (!File.Exists("/bin/sh")) return;
        var random = new Random(11_8);
        var cases = new List<(string Value, string[] Args)>();
        var script = new System.Text.StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            var value = Printable(HostileReaders.HostileString(random));
            string[] args = ["-name", Printable(HostileReaders.HostileString(random)), "-S", Printable(HostileReaders.HostileString(random)), "-x"];
            cases.Add((value, args));
            var text = LinesCommandWriter.Write(new QemuCommandLine([new EnvironmentAssignment("V", value)], "/usr/bin/qemu", [.. args]));
            // Each command's words, NUL-separated, then an end marker.
            script.Append("set -- ").Append(text.TrimEnd('\n')).Append("\nfor w do printf '%s\\0' \"$w\"; done; printf 'END\\0'\n");
        }
        var shell = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        shell.Environment["LC_ALL"] = "C.UTF-8";
        using var process = System.Diagnostics.Process.Start(shell)!;
        process.StandardInput.Write(script.ToString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var commands = output.Split("END\0", StringSplitOptions.None);
        for (var i = 0; i < cases.Count; i++)
        {
            var words = commands[i].Split('\0')[..^1];
            HostileReaders.SameWords(["V=" + cases[i].Value, "/usr/bin/qemu", .. cases[i].Args], words);
        }
    }

    private static string Printable(string text) => text.Replace("\0", "", StringComparison.Ordinal);
}
