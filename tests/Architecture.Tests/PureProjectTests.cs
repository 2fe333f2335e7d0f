using System.Reflection;

namespace DomainLauncher.Architecture.Tests;

/// <summary>
/// Translation is a pure function of the domain, the emulator's description and the host's
/// description: the translator and the drivers touch no file, process, socket, clock or environment.
/// Everything that does lives in DomainLauncher.HostRuntime. These tests read the compiled
/// assemblies, so a use hidden in a method body is caught as surely as one in a signature.
/// </summary>
public sealed class PureProjectTests
{
    public static TheoryData<string> PureAssemblies => new()
    {
        typeof(Translator.Model.Domain).Assembly.GetName().Name!,
        typeof(Drivers.Qemu.QemuCommandBuilder).Assembly.GetName().Name!,
        typeof(Drivers.Xen.XenSexprBuilder).Assembly.GetName().Name!,
    };

    /// <summary>Types whose use means the machine is touched: files, processes, sockets, the environment, the clock.</summary>
    private static readonly string[] ForbiddenTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.IO.FileSystemInfo", "System.IO.FileSystemWatcher", "System.IO.DriveInfo",
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "System.Diagnostics.Stopwatch",
        "System.TimeProvider",
    ];

    /// <summary>
    /// <c>System.Environment</c> is judged by member: the compiler's own iterator and async state
    /// machines read <c>CurrentManagedThreadId</c>, which says nothing about the machine.
    /// </summary>
    private static readonly string[] AllowedEnvironmentMembers = ["System.Environment::get_CurrentManagedThreadId"];

    /// <summary>Namespaces no pure code may use at all.</summary>
    private static readonly string[] ForbiddenNamespaces = ["System.Net.Sockets.", "System.IO.Pipes.", "System.IO.MemoryMappedFiles."];

    /// <summary>Members that read the clock.</summary>
    private static readonly string[] ForbiddenMembers =
    [
        "System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTime::get_Today",
        "System.DateTimeOffset::get_Now", "System.DateTimeOffset::get_UtcNow",
    ];

    /// <summary>Libraries that start processes.</summary>
    private static readonly string[] ForbiddenAssemblies = ["CliWrap", "System.Diagnostics.Process"];

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void A_pure_assembly_names_no_file_process_socket_environment_or_clock_type(string assemblyName)
    {
        var references = AssemblyReferences.Of(Assembly.Load(assemblyName));
        var found = references.Types.Where(t => ForbiddenTypes.Contains(t) || ForbiddenNamespaces.Any(ns => t.StartsWith(ns, StringComparison.Ordinal)))
            .Concat(references.Members.Where(m => ForbiddenMembers.Contains(m)
                || m.StartsWith("System.Environment::", StringComparison.Ordinal) && !AllowedEnvironmentMembers.Contains(m)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(found.Count == 0, $"{assemblyName} uses {string.Join(", ", found)}");
    }

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void A_pure_assembly_references_no_process_library_and_no_host_project(string assemblyName)
    {
        var references = AssemblyReferences.Of(Assembly.Load(assemblyName));
        var found = references.Assemblies
            .Where(a => ForbiddenAssemblies.Contains(a) || a is "DomainLauncher.HostRuntime" or "DomainLauncher.Conformance" or "domainlauncher")
            .ToList();
        Assert.True(found.Count == 0, $"{assemblyName} references {string.Join(", ", found)}");
    }

    [Fact]
    public void The_rule_sees_what_the_host_runtime_uses()
    {
        // The host runtime is where files and processes belong: reading it must find them, or the
        // rule above could pass by reading nothing.
        var references = AssemblyReferences.Of(typeof(HostRuntime.Inputs.InputFiles).Assembly);
        Assert.Contains("System.IO.File", references.Types);
        Assert.Contains("System.Environment::GetEnvironmentVariable", references.Members);
        Assert.Contains("CliWrap", references.Assemblies);
    }
}
