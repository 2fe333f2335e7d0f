using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests.Startup;

/// <summary>
/// The NativeAOT build lays out its machine code in the order of src/Cli/Startup/hot-methods.txt
/// (tools/hot-methods.sh writes the file).
/// </summary>
public sealed class HotMethodsTests
{
    private static readonly string[] Names = File.ReadAllLines(Path.Combine(Repository.Root, "src", "Cli", "Startup", "hot-methods.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .ToArray();

    [Fact]
    public void The_order_starts_with_the_runtime_start_then_the_tool_s_entry_and_lists_each_name_once()
    {
        Assert.True(Names.Length > 1000, $"{Names.Length} names: the order covers far less than the everyday commands run");
        // The runtime's first method (a section start and an exported alias may share its address).
        Assert.Contains(Names.Take(2), name => name.EndsWith("StartupCodeHelpers__InitializeModules", StringComparison.Ordinal));
        var main = Array.IndexOf(Names, "domainlauncher_Program___Main__");
        var translate = Array.FindIndex(Names, name => name.EndsWith("_QemuArgvSession__Translate", StringComparison.Ordinal));
        var launch = Array.FindIndex(Names, name => name.Contains("_Commands_LaunchCommand__", StringComparison.Ordinal));
        Assert.True(main >= 0 && main < translate && translate < launch, $"Main at {main}, to-native's translation at {translate}, launch at {launch}");
        Assert.Equal(Names.Length, Names.Distinct(StringComparer.Ordinal).Count());
    }
}
