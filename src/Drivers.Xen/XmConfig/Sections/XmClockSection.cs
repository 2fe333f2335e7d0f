using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The guest clock: <c>localtime</c> (0 or 1) and, for HVM guests from xend 3.1.0, the
/// <c>rtc_timeoffset</c> in seconds. Before 3.1.0 (and always for PV guests) the offset is fixed:
/// UTC or local time, reset at boot. The <c>hpet</c> timer is an HVM switch (see <see cref="XmOsSection"/>).
/// </summary>
internal static class XmClockSection
{
    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx)
    {
        var clock = ctx.Domain.Clock;
        var offset = clock?.Offset ?? ClockOffset.Utc;
        if (!KeepsOffset(ctx))
        {
            yield return Xm.Flag("localtime", offset switch
            {
                ClockOffset.Utc => false,
                ClockOffset.Localtime => true,
                _ => throw new InvalidOperationException($"the validator lets no clock offset {offset} through without rtc_timeoffset"),
            });
            yield break;
        }
        var (localtime, adjustment) = offset switch
        {
            ClockOffset.Variable => (clock!.Basis == ClockBasis.Localtime, clock.Adjustment ?? 0),
            ClockOffset.Utc => (false, 0L),
            ClockOffset.Localtime => (true, 0L),
            _ => throw new InvalidOperationException($"the validator lets no clock offset {offset} through"),
        };
        yield return Xm.Integer("rtc_timeoffset", adjustment);
        yield return Xm.Flag("localtime", localtime);
    }

    /// <summary>Whether the guest's clock is written with an offset (<c>rtc_timeoffset</c>): HVM guests from xend 3.1.0.</summary>
    public static bool KeepsOffset(XmConfigContext ctx) => ctx.Hvm && ctx.Target.HvmClockOffset;

    public static ClockConfig? Read(XmSettings settings, bool hvm, XenTarget target)
    {
        var localtime = settings.Flag("localtime", false);
        if (localtime is null) return null;
        ClockConfig clock;
        if (hvm && target.HvmClockOffset)
        {
            var offset = settings.Integer("rtc_timeoffset", 0);
            if (offset is null) return null;
            clock = new ClockConfig
            {
                Offset = ClockOffset.Variable,
                // The reference keeps the low 32 bits of the offset.
                Adjustment = unchecked((int)offset.Value),
                Basis = localtime.Value ? ClockBasis.Localtime : ClockBasis.Utc,
            };
        }
        else
            clock = new ClockConfig { Offset = localtime.Value ? ClockOffset.Localtime : ClockOffset.Utc, AdjustmentReset = true };

        if (hvm && settings.Flag("hpet") is { } hpet)
            clock = clock with { Timers = [new ClockTimer { Name = TimerName.Hpet, Present = hpet }] };
        return clock;
    }
}
