using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The guest clock: <c>localtime</c> (0 or 1) and, for HVM guests from xend 3.1.0, the
/// <c>rtc_timeoffset</c> in seconds. Before 3.1.0 (and always for PV guests) the offset is fixed:
/// UTC or local time, reset at boot. The <c>hpet</c> timer is an HVM switch (see <see cref="XmOsSection"/>).
/// </summary>
internal static class XmClockSection
{
    public static void Emit(XmBuildContext context)
    {
        var clock = context.Domain.Clock;
        var offset = clock?.Offset ?? ClockOffset.Utc;
        var at = clock?.Location ?? context.Domain.Location;
        var offsetName = ClockXml.Offset.ToXml(offset);
        bool localtime;
        if (context.Version < XendConfigVersion.Xen310 || !context.Hvm)
        {
            if (offset is not (ClockOffset.Utc or ClockOffset.Localtime))
            {
                context.Refuse(at, $"clock offset='{offsetName}' cannot be expressed in an xm config for "
                    + (context.Hvm ? $"xend config version {context.Version}" : "a paravirtualized guest") + "; allowed: utc, localtime");
                return;
            }
            localtime = offset == ClockOffset.Localtime;
        }
        else
        {
            long adjustment;
            switch (offset)
            {
                case ClockOffset.Variable:
                    localtime = clock!.Basis == ClockBasis.Localtime;
                    adjustment = clock.Adjustment ?? 0;
                    break;
                case ClockOffset.Utc or ClockOffset.Localtime when clock?.AdjustmentReset == true:
                    context.Refuse(at, $"clock adjustment='reset' cannot be expressed in an xm config for xend config version {context.Version}"
                        + "; HVM guests keep their clock offset (use offset='variable')");
                    return;
                case ClockOffset.Utc or ClockOffset.Localtime:
                    localtime = offset == ClockOffset.Localtime;
                    adjustment = 0;
                    break;
                default:
                    context.Refuse(at, $"clock offset='{offsetName}' cannot be expressed in an xm config; allowed: utc, localtime, variable");
                    return;
            }
            if (adjustment is < int.MinValue or > int.MaxValue)
            {
                context.Refuse(at, $"clock adjustment='{adjustment}' does not fit 'rtc_timeoffset'");
                return;
            }
            context.Set("rtc_timeoffset", adjustment);
        }
        context.Set("localtime", localtime);
    }

    public static ClockConfig? Read(XmSettings settings, bool hvm, int version)
    {
        var localtime = settings.Flag("localtime", false);
        if (localtime is null) return null;
        ClockConfig clock;
        if (hvm && version >= XendConfigVersion.Xen310)
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
