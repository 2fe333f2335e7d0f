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

    /// <summary>The examples that need no helper process: every host can launch them once QEMU is installed.</summary>
    public static TheoryData<string> All() => [.. Names.Where(n => Needs(n) == HelperNeed.None)];

    /// <summary>The examples with an emulated TPM (swtpm started by the launcher).</summary>
    public static TheoryData<string> WithTpm() => [.. NamesNeeding(HelperNeed.Swtpm)];

    /// <summary>The examples with a virtiofs share (virtiofsd started by the launcher).</summary>
    public static TheoryData<string> WithVirtiofs() => [.. NamesNeeding(HelperNeed.Virtiofsd)];

    public static IEnumerable<string> NamesNeeding(HelperNeed helper) => Names.Where(n => Needs(n).HasFlag(helper));

    [Flags]
    public enum HelperNeed { None = 0, Swtpm = 1, Virtiofsd = 2 }

    /// <summary>Which helper processes the example's devices need, read from its document.</summary>
    public static HelperNeed Needs(string name)
    {
        var domain = DomainLoader.LoadFile(HostRuntime.Inputs.InputFiles.Disk, Path.Combine(ExamplesFolder, name + ".xml")).Domain;
        var need = HelperNeed.None;
        if (domain is null) return need;
        if (domain.Devices.Tpms.Any(t => t.Backend is EmulatorTpmBackend)) need |= HelperNeed.Swtpm;
        if (domain.Devices.Filesystems.Any(f => f.Driver?.Type == FilesystemDriverType.Virtiofs && f.Source is MountFilesystemSource)) need |= HelperNeed.Virtiofsd;
        return need;
    }

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
        // A shared folder the example names is made empty, as the README tells a user to make it.
        foreach (var fs in domain.Devices.Filesystems)
            if (fs.Source is MountFilesystemSource { Dir: { } folder } && folder.StartsWith(HostFolder, StringComparison.Ordinal))
                Directory.CreateDirectory(folder);
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
