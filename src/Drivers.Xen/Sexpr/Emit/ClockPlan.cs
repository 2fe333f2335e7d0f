using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// The guest clock as xend knows it: <c>localtime</c> (1 when the guest clock follows the host's
/// local time, 0 for UTC) and, for HVM guests on xend 3.1 and later, <c>rtc_timeoffset</c> (seconds
/// added to that basis). Offsets other than utc and localtime were refused by the validator unless
/// this is an HVM guest on xend 3.1 or later, where <c>variable</c> is allowed.
/// </summary>
internal sealed record ClockPlan(int LocalTime, long RtcTimeOffset)
{
    public static ClockPlan For(ClockConfig? clock) => (clock?.Offset ?? ClockOffset.Utc) switch
    {
        ClockOffset.Utc => new ClockPlan(0, 0),
        ClockOffset.Localtime => new ClockPlan(1, 0),
        ClockOffset.Variable => new ClockPlan(clock!.Basis == ClockBasis.Localtime ? 1 : 0, clock.Adjustment ?? 0),
        var other => throw new InvalidOperationException($"the validator lets no clock offset {other} through"),
    };
}
