using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// One firmware description file of QEMU's firmware interop format (<c>docs/interop/firmware.json</c>,
/// installed in <c>/usr/share/qemu/firmware</c>): the image a guest boots and the (QEMU) archs and
/// machine-type patterns it suits. Read by <see cref="FirmwareDescriptorReader"/>.
/// </summary>
public sealed record FirmwareDescriptor
{
    /// <summary>The description file, for messages.</summary>
    public required string Source { get; init; }

    /// <summary>The image QEMU executes: the flash executable, or the memory-mapped file.</summary>
    public required string Executable { get; init; }

    /// <summary>Whether <see cref="Executable"/> exists on this host (checked when the host is read, so tests can vary it).</summary>
    public bool ExecutableExists { get; init; }

    public ImmutableArray<FirmwareTarget> Targets { get; init; } = [];

    /// <summary>True when the image fits <paramref name="qemuArch"/> and the machine <paramref name="machine"/>.</summary>
    public bool Fits(string qemuArch, string machine) =>
        Targets.Any(t => t.Architecture == qemuArch && t.Machines.Any(pattern => GlobMatches(pattern, machine)));

    /// <summary>The descriptors' machine patterns are shell globs (<c>pc-q35-*</c>): <c>*</c>, <c>?</c>, literal otherwise.</summary>
    internal static bool GlobMatches(string pattern, string name) => Drivers.Qemu.Host.MachineGlob.Matches(pattern, name);
}
