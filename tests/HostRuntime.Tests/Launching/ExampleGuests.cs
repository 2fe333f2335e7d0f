using CliWrap;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Xml;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// The bundled launchable examples (examples/guests/*.xml) made runnable in a private folder: every
/// host path under the examples' documented folder moves into <see cref="HostFolder"/>, and each disk
/// image the domain names is created there with qemu-img (an empty image of the domain's format), as
/// examples/guests/README.md tells a user to do.
/// </summary>
public sealed class ExampleGuests : IDisposable
{
    public const string DocumentedFolder = "/var/tmp/domainlauncher-examples";

    private ExampleGuests(string folder) => HostFolder = folder;

    public string HostFolder { get; }

    public static string ExamplesFolder => Path.Combine(SharedCorpus.RepositoryRoot, "examples", "guests");

    public static IEnumerable<string> Names =>
        Directory.GetFiles(ExamplesFolder, "*.xml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> All() => [.. Names];

    public static ExampleGuests Create() => new(Directory.CreateTempSubdirectory("dl-guests-").FullName);

    /// <summary>The example's domain with its host paths in <see cref="HostFolder"/> and its disk images created.</summary>
    public async Task<Domain> LoadAsync(string name, string? renamed = null)
    {
        var text = File.ReadAllText(Path.Combine(ExamplesFolder, name + ".xml")).Replace(DocumentedFolder, HostFolder, StringComparison.Ordinal);
        var parsed = DomainLoader.LoadText(text, name + ".xml");
        var domain = parsed.Domain ?? throw new InvalidOperationException($"{name}: " + string.Join("; ", parsed.Diagnostics));
        foreach (var disk in domain.Devices.Disks)
            if (disk.Source is FileDiskSource { File: { } file } && !File.Exists(file))
                await CreateImageAsync(file, disk.Driver?.Format is { } format ? DiskXml.Format.ToXml(format) : "raw");
        return renamed is null ? domain : domain with { Name = renamed };
    }

    public static async Task CreateImageAsync(string path, string format)
    {
        var result = await Cli.Wrap("qemu-img").WithArguments(["create", "-q", "-f", format, path, "16M"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        if (result.ExitCode != 0) throw new InvalidOperationException($"qemu-img could not create {path} ({format})");
    }

    public void Dispose()
    {
        try { Directory.Delete(HostFolder, recursive: true); } catch (IOException) { }
    }
}
