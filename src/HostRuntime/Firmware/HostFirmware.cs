using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.CapabilitiesXml;

namespace DomainLauncher.HostRuntime.Firmware;

/// <summary>
/// Reads this host's QEMU firmware description files (<c>docs/interop/firmware.json</c>; the system
/// folders in priority order, masking by file name as <see cref="FirmwareDescriptorReader"/> does) into
/// the driver's <see cref="FirmwareDescription"/> records, which reach the pure driver through
/// <see cref="HostSettings.Firmware"/>. Files that are not JSON or describe no image are skipped.
/// </summary>
public static class HostFirmware
{
    /// <summary>The host settings with this host's firmware descriptions (unless they already carry some).</summary>
    public static HostSettings With(HostSettings host) =>
        host.Firmware.IsEmpty ? host with { Firmware = Read(FirmwareDescriptorReader.SystemFolders) } : host;

    /// <summary>
    /// Whether a command line for <paramref name="domain"/> depends on the host's firmware descriptions: <c>&lt;os firmware&gt;</c>
    /// chooses among them, and a flash loader's variable store is made from the template its description names. A caller may
    /// skip reading them otherwise.
    /// </summary>
    public static bool NeededBy(Translator.Model.Domain domain) =>
        domain.Os is { } os && (os.Firmware is not null || os.LoaderSettings?.Type == Translator.Model.LoaderType.Pflash);

    public static ImmutableArray<FirmwareDescription> Read(IEnumerable<string> folders) =>
        [.. FirmwareDescriptorReader.ReadTexts(folders).Select(f => Parse(f.Text, f.File)).OfType<FirmwareDescription>()];

    /// <summary>One description file's text; null when it is not JSON or names no flash or memory image.</summary>
    public static FirmwareDescription? Parse(string json, string source)
    {
        FirmwareFileJson? file;
        try { file = JsonSerializer.Deserialize(json, FirmwareJsonContext.Default.FirmwareFileJson); }
        catch (JsonException) { return null; }
        if (file?.Mapping is not { } mapping) return null;
        FirmwareMapping? read = mapping.Device switch
        {
            "flash" when mapping.Executable?.Filename is { Length: > 0 } code => new FirmwareMapping
            {
                Device = FirmwareDevice.Flash,
                Mode = mapping.Mode switch { "combined" => FirmwareFlashMode.Combined, "stateless" => FirmwareFlashMode.Stateless, _ => FirmwareFlashMode.Split },
                Executable = new FirmwareFile(code, mapping.Executable.Format ?? "raw"),
                NvramTemplate = mapping.NvramTemplate?.Filename is { Length: > 0 } template
                    ? new FirmwareFile(template, mapping.NvramTemplate.Format ?? "raw")
                    : null,
            },
            "memory" when mapping.Filename is { Length: > 0 } image => new FirmwareMapping
            {
                Device = FirmwareDevice.Memory,
                Executable = new FirmwareFile(image, mapping.Format ?? "raw"),
            },
            _ => null, // kernel-type firmware is a -kernel image, not a loader
        };
        if (read is null) return null;
        return new FirmwareDescription
        {
            Source = source,
            Interfaces = [.. file.InterfaceTypes ?? []],
            Mapping = read,
            Targets = [.. (file.Targets ?? []).Where(t => t.Architecture is not null)
                .Select(t => new FirmwareDescriptionTarget(t.Architecture!, [.. t.Machines ?? []]))],
            Features = [.. file.Features ?? []],
        };
    }
}
