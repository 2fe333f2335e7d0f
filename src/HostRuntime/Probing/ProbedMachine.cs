
namespace DomainLauncher.HostRuntime.Probing;

/// <summary>A machine type as <c>query-machines</c> reports it: <c>pc-i440fx-7.2</c> with alias <c>pc</c>.</summary>
public sealed record ProbedMachine(string Name)
{
    /// <summary>The short name that stands for this versioned machine (<c>pc</c>, <c>q35</c>), if any.</summary>
    public string? Alias { get; init; }

    public bool IsDefault { get; init; }

    public int? MaxCpus { get; init; }

    public bool Deprecated { get; init; }
}
