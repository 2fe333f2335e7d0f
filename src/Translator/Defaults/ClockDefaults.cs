using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The guest clock libvirt assumes: UTC when the document has no clock or names no offset; a
/// variable clock starts at its basis (UTC unless given) with no adjustment unless given. A numeric
/// adjustment of a UTC or local-time clock stays as written: the QEMU driver builds it as such.
/// </summary>
internal static class ClockDefaults
{
    public static ClockConfig Apply(ClockConfig? clock)
    {
        if (clock is null) return new ClockConfig { Offset = ClockOffset.Utc };
        return clock.Offset switch
        {
            null => clock with { Offset = ClockOffset.Utc },
            ClockOffset.Variable => clock with { Adjustment = clock.Adjustment ?? 0, Basis = clock.Basis ?? ClockBasis.Utc },
            _ => clock,
        };
    }
}
