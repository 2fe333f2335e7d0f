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
}
