using System.Text;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.Fuzz;

/// <summary>
/// The QMP client reading an emulator's answers: the input is everything the fake emulator says
/// (greeting, replies, events). The client connects, then runs commands until the stream is used
/// up. A protocol error, a refused command or a timeout is the documented outcome of bad answers.
/// </summary>
public sealed class QmpReaderTarget : FuzzTarget
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly string[] Commands = ["query-version", "query-machines", "query-commands", "quit"];

    public override string Name => "qmp";

    public override IReadOnlyList<byte[]> Seeds { get; } =
    [
        Lines(
            """{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "Debian 1:7.2+dfsg-7"}, "capabilities": ["oob"]}}""",
            """{"return": {}}""",
            """{"return": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "id": 2}""",
            """{"timestamp": {"seconds": 1700000000, "microseconds": 12}, "event": "RESUME"}""",
            """{"return": [{"hotpluggable-cpus": true, "name": "pc-i440fx-7.2", "is-default": true, "cpu-max": 255, "deprecated": false, "alias": "pc"}], "id": 3}""",
            """{"error": {"class": "CommandNotFound", "desc": "The command query-commands has not been found"}, "id": 4}""",
            """{"return": {}, "id": 5}"""),
        Lines(
            """{"QMP": {"version": {"qemu": {"micro": 1, "minor": 0, "major": 2}, "package": ""}, "capabilities": []}}""",
            """{"return": {}}""",
            """{"return": {"qemu": {"micro": 1, "minor": 0, "major": 2}, "package": ""}}""",
            """{"return": [{"name": "query-version"}, {"name": "quit"}]}"""),
    ];

    public override IReadOnlyList<(string Open, string Close)> NestingTokens { get; } = [("[", "]"), ("{\"a\":", "}"), ("\"", "\"")];

    public override void Run(byte[] input) => RunAsync(input).GetAwaiter().GetResult();

    private static async Task RunAsync(byte[] input)
    {
        var stream = new ReplayStream(input, pieceSize: 1 + input.Length % 997);
        try
        {
            await using var client = await QmpClient.ConnectAsync(stream, Timeout, CancellationToken.None).ConfigureAwait(false);
            foreach (var command in Commands)
                await client.ExecuteAsync(command, null, Timeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (QmpProtocolException) { }
        catch (QmpCommandException) { }
        catch (TimeoutException) { }
    }

    private static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
}
