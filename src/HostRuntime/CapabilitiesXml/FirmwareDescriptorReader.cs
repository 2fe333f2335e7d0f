using System.Collections.Immutable;
using System.Text.Json;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// Reads QEMU firmware description files the way QEMU's interop document asks consumers to: the
/// folders in priority order (<c>/etc/qemu/firmware</c> over <c>/usr/share/qemu/firmware</c>), a file
/// name in a higher folder hiding the same name below (an empty file hides without replacing), and
/// the survivors taken in file-name order, so the distribution's numeric prefixes rank them.
/// </summary>
public static class FirmwareDescriptorReader
{
    /// <summary>The system folders, highest priority first.</summary>
    public static readonly ImmutableArray<string> SystemFolders = ["/etc/qemu/firmware", "/usr/share/qemu/firmware"];

    /// <summary>The descriptors of <paramref name="folders"/>; files that cannot be read or parsed are skipped.</summary>
    public static ImmutableArray<FirmwareDescriptor> ReadFolders(IEnumerable<string> folders)
    {
        var result = ImmutableArray.CreateBuilder<FirmwareDescriptor>();
        foreach (var (file, text) in ReadTexts(folders))
            if (Parse(text, file) is { } descriptor)
                result.Add(descriptor with { ExecutableExists = File.Exists(descriptor.Executable) });
        return result.ToImmutable();
    }

    /// <summary>
    /// The description files of <paramref name="folders"/> that survive masking, in priority (file name)
    /// order, with their text; files that cannot be read, and empty ones (which only mask), are left out.
    /// </summary>
    internal static IEnumerable<(string File, string Text)> ReadTexts(IEnumerable<string> folders)
    {
        var chosen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
                chosen.TryAdd(System.IO.Path.GetFileName(file), file);
        }
        foreach (var file in chosen.Values)
        {
            string text;
            try { text = File.ReadAllText(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (string.IsNullOrWhiteSpace(text)) continue; // masks the same name in lower folders
            yield return (file, text);
        }
    }

    /// <summary>One description file's text; null when it is not JSON or names no image.</summary>
    public static FirmwareDescriptor? Parse(string json, string source)
    {
        FirmwareFileJson? file;
        try { file = JsonSerializer.Deserialize(json, FirmwareJsonContext.Default.FirmwareFileJson); }
        catch (JsonException) { return null; }
        // A flash device runs its executable; a memory-mapped image is the file itself; kernel-type
        // firmware (a -kernel image) is no loader.
        var executable = file?.Mapping?.Device switch
        {
            "flash" => file.Mapping.Executable?.Filename,
            "memory" => file.Mapping.Filename,
            _ => null,
        };
        if (file is null || string.IsNullOrEmpty(executable)) return null;
        return new FirmwareDescriptor
        {
            Source = source,
            Executable = executable,
            Targets = [.. (file.Targets ?? []).Where(t => t.Architecture is not null)
                .Select(t => new FirmwareTarget(t.Architecture!, [.. t.Machines ?? []]))],
        };
    }
}
