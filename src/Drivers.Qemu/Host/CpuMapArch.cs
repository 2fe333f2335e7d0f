using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>The vendors, features and CPU models the CPU map defines for one architecture family (<c>x86</c>, <c>ppc64</c>).</summary>
public sealed record CpuMapArch(string Name)
{
    public ImmutableArray<CpuVendorDefinition> Vendors { get; init; } = [];

    public ImmutableArray<CpuFeatureDefinition> Features { get; init; } = [];

    public ImmutableArray<CpuModelDefinition> Models { get; init; } = [];

    public CpuModelDefinition? FindModel(string name) => Models.FirstOrDefault(m => m.Name == name);

    public CpuFeatureDefinition? FindFeature(string name) => Features.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// Every feature of a model, inherited ones included: the base model's first (recursively), then
    /// the model's own, each once. Null when the model is not defined.
    /// </summary>
    public ImmutableArray<string>? FeaturesOf(string model)
    {
        var chain = Lineage(model);
        if (chain is null) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var features = ImmutableArray.CreateBuilder<string>();
        for (var i = chain.Count - 1; i >= 0; i--)
            foreach (var feature in chain[i].Features)
                if (seen.Add(feature)) features.Add(feature);
        return features.ToImmutable();
    }

    /// <summary>The vendor of a model, inherited from its base models when it names none itself.</summary>
    public string? VendorOf(string model) => Lineage(model)?.Select(m => m.Vendor).FirstOrDefault(v => v is not null);

    // The model, its base, its base's base, ...; null when any is undefined. A cycle (which the
    // parser rejects) ends the walk rather than looping.
    private List<CpuModelDefinition>? Lineage(string model)
    {
        var chain = new List<CpuModelDefinition>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (string? name = model; name is not null && visited.Add(name);)
        {
            var definition = FindModel(name);
            if (definition is null) return null;
            chain.Add(definition);
            name = definition.BasedOn;
        }
        return chain;
    }
}
