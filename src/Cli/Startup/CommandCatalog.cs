using DomainLauncher.Cli.Commands;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Startup;

/// <summary>
/// Every subcommand, by name, in the order help lists them. Add new commands here. Aliases are
/// virsh's names where the meaning is the same (<c>domxml-to-native</c> is <c>to-native</c>).
/// </summary>
internal static class CommandCatalog
{
    public static readonly CommandEntry[] All =
    [
        new("validate", [], ValidateCommand.Create, BuffersOutput: true, Translates: true),
        new("to-native", ["domxml-to-native"], ToNativeCommand.Create, BuffersOutput: true, Translates: true),
        new("from-native", ["domxml-from-native"], FromNativeCommand.Create, BuffersOutput: true, Translates: true),
        new("conformance", [], ConformanceCommand.Create, BuffersOutput: true, Translates: true),
        new("probe", [], ProbeCommand.Create),
        new("capabilities", [], CapabilitiesCommand.Create),
        new("domcapabilities", [], DomCapabilitiesCommand.Create),
        new("check", [], CheckCommand.Create, Translates: true),
        new("launch", ["create"], LaunchCommand.Create, Translates: true),
        new("list", [], ListCommand.Create),
        new("status", ["domstate"], StatusCommand.Create),
        new("suspend", [], SuspendCommand.Create),
        new("resume", [], ResumeCommand.Create),
        new("shutdown", [], ShutdownCommand.Create),
        new("destroy", [], DestroyCommand.Create),
        new("dumpxml", [], DumpXmlCommand.Create),
        new("vncdisplay", [], VncDisplayCommand.Create),
        new("console", [], ConsoleCommand.Create),
        new("qemu-monitor-command", [], QemuMonitorCommand.Create),
        new("completion", [], CompletionCommand.Create, BuffersOutput: true),
    ];

    /// <summary>The entry of the command this command line runs; null for none (<c>--version</c>, <c>--help</c>) or an unknown word.</summary>
    public static CommandEntry? EntryFor(string[] args) => CliApplication.CommandWord(args) is { } word ? Find(word.Value) : null;

    public static CommandEntry? Find(string word)
    {
        // A loop, not LINQ: every command's start-up runs it, twice (see Program).
        foreach (var entry in All)
            if (entry.IsNamed(word)) return entry;
        return null;
    }

    /// <summary>Command names (and aliases) close to a mistyped one.</summary>
    public static IReadOnlyList<string> Closest(string word) =>
        NameSuggestions.Closest(word, All.SelectMany(e => e.Aliases.Prepend(e.Name)));
}
