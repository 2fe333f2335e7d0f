using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.Drivers.Qemu.Output;

/// <summary>A <c>NAME=value</c> assignment the QEMU process is started with.</summary>
public sealed record EnvironmentAssignment
{
    public EnvironmentAssignment(string name, string value)
    {
        // Names come from the driver or from validated settings; a bad one here is a bug.
        if (!EnvironmentVariable.IsValidName(name))
            throw new ArgumentException($"'{name}' is not a valid environment variable name", nameof(name));
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public string Value { get; }

    /// <summary>The assignment as one word, <c>NAME=value</c>.</summary>
    public string Word => Name + "=" + Value;
}
