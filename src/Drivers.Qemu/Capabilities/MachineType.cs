namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// A machine type an emulator offers (<c>-M name</c>). An alias such as <c>pc</c> names the
/// versioned machine it stands for in <see cref="Canonical"/> (<c>pc-0.11</c>).
/// </summary>
public sealed record MachineType(string Name, string? Canonical = null)
{
    public int? MaxCpus { get; init; }

    /// <summary>The name to give QEMU: the canonical machine for an alias, else the name itself.</summary>
    public string Resolved => Canonical ?? Name;
}
