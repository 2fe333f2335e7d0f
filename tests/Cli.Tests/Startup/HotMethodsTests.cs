using System.Reflection;
using DomainLauncher.Cli.Startup;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests.Startup;

/// <summary>
/// The NativeAOT build lays out its machine code in the order of src/Cli/Startup/hot-methods.txt, and
/// ImagePrefault maps the code up to the marker that ends it (tools/hot-methods.sh writes the file).
/// </summary>
public sealed class HotMethodsTests
{
    private static readonly string[] Names = File.ReadAllLines(Path.Combine(Repository.Root, "src", "Cli", "Startup", "hot-methods.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .ToArray();

    [Fact]
    public void The_order_ends_with_the_marker_that_ImagePrefault_takes_the_address_of()
    {
        var marker = typeof(ImagePrefault).GetMethod("EndOfHotCode", BindingFlags.NonPublic | BindingFlags.Static);
        Assert.NotNull(marker);
        // The compiler's name for it: the assembly, the namespace and type with '.' as '_', then "__" and the method.
        var mangled = "domainlauncher_" + typeof(ImagePrefault).FullName!.Replace('.', '_') + "__" + marker.Name;
        Assert.Equal(mangled, Names[^1]);
        Assert.Single(Names, name => name == mangled);
    }

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
