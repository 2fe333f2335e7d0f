using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// One firmware image the host offers, as a QEMU firmware description file
/// (<c>docs/interop/firmware.json</c>, read by the host runtime) states it: the interfaces it gives the
/// guest, how it is mapped into the guest, the archs and machines it suits and its features. The host
/// runtime hands these to the driver in priority order (the description files' name order); the
/// driver picks from them for <c>&lt;os firmware='efi|bios'&gt;</c> without touching the files.
/// </summary>
public sealed record FirmwareDescription
{
    /// <summary>The description file, for messages.</summary>
    public required string Source { get; init; }

    /// <summary>The spec's <c>interface-types</c>: <c>uefi</c>, <c>bios</c>, <c>openfirmware</c>...</summary>
    public ImmutableArray<string> Interfaces { get; init; } = [];

    public required FirmwareMapping Mapping { get; init; }

    public ImmutableArray<FirmwareDescriptionTarget> Targets { get; init; } = [];

    /// <summary>The spec's <c>features</c>: <c>secure-boot</c>, <c>enrolled-keys</c>, <c>requires-smm</c>...</summary>
    public ImmutableArray<string> Features { get; init; } = [];

    public bool Has(string feature) => Features.Contains(feature, StringComparer.Ordinal);
}

/// <summary>How the firmware reaches the guest: as flash drives (<see cref="FirmwareDevice.Flash"/>) or a memory-mapped image (<c>-bios</c>).</summary>
public enum FirmwareDevice { Flash, Memory }

/// <summary>
/// A flash firmware's layout (the spec's <c>mode</c>): code and variables in two flash drives (split), one
/// writable drive holding both (combined), or the code alone with no variable store at all (stateless).
/// </summary>
public enum FirmwareFlashMode { Split, Combined, Stateless }

/// <summary>The spec's <c>mapping</c>: the image QEMU executes and (split flash) the template of the variable store.</summary>
public sealed record FirmwareMapping
{
    public required FirmwareDevice Device { get; init; }

    public FirmwareFlashMode Mode { get; init; } = FirmwareFlashMode.Split;

    /// <summary>The flash executable, or the memory-mapped image.</summary>
    public required FirmwareFile Executable { get; init; }

    /// <summary>The variable store's template of a split flash firmware; null otherwise.</summary>
    public FirmwareFile? NvramTemplate { get; init; }
}

/// <summary>A file of a firmware mapping and its block format (<c>raw</c>, <c>qcow2</c>).</summary>
public sealed record FirmwareFile(string Path, string Format = "raw");

/// <summary>A <c>targets</c> entry: a QEMU arch name (<c>x86_64</c>) and machine-type globs (<c>pc-q35-*</c>).</summary>
public sealed record FirmwareDescriptionTarget(string Architecture, ImmutableArray<string> Machines);
