namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>A machine type listed for a guest (<c>&lt;machine canonical='pc-0.11' maxCpus='255'&gt;pc&lt;/machine&gt;</c>).</summary>
public sealed record GuestMachine(string Name)
{
    /// <summary>The machine this name is an alias of, when it is one.</summary>
    public string? Canonical { get; init; }

    public uint? MaxCpus { get; init; }

    /// <summary>QEMU marks the machine type deprecated (<c>deprecated='yes'</c>).</summary>
    public bool Deprecated { get; init; }
}
