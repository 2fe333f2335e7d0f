using System.Collections.Immutable;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;vlan trunk='yes'&gt;&lt;tag id/&gt;...&lt;/vlan&gt;</c>: the VLAN tags of the NIC's
/// traffic (one tag, or several on a trunk).
/// </summary>
public sealed record Vlan
{
    /// <summary><c>trunk='yes|no'</c>, null when absent.</summary>
    public bool? Trunk { get; init; }

    /// <summary>The tag ids (0 to 4095), in document order; at least one.</summary>
    public ImmutableArray<uint> Tags { get; init; } = [];
}
