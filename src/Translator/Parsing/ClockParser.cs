using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;clock&gt;</c> and its timers.</summary>
internal static class ClockParser
{
    public static ClockConfig? Parse(ElementReader domain)
    {
        var clock = domain.Child("clock");
        if (clock is null) return null;
        var offset = clock.Enum("offset", ClockXml.Offset);
        // The 2008 documents spelled the offset 'sync' (utc or localtime only); it means the same.
        var sync = clock.Enum("sync", ClockXml.Basis);
        if (offset is null && sync is not null)
            offset = sync == ClockBasis.Localtime ? ClockOffset.Localtime : ClockOffset.Utc;
        var adjustmentText = clock.HasAttribute("adjustment") ? clock.Attr("adjustment") : null;
        var reset = adjustmentText == "reset";
        long? adjustment = adjustmentText is null || reset ? null : clock.Integer("adjustment");
        var timezone = clock.Attr("timezone");
        if (offset == ClockOffset.Timezone && timezone is null)
            clock.Error(DiagnosticCatalog.MissingAttribute, "offset 'timezone' needs a 'timezone' attribute");
        var start = clock.Unsigned("start");
        if (offset == ClockOffset.Absolute && start is null && !clock.HasAttribute("start"))
            clock.Error(DiagnosticCatalog.MissingAttribute, "offset 'absolute' needs a 'start' attribute (seconds since the epoch)");
        return new ClockConfig
        {
            Offset = offset,
            Adjustment = adjustment,
            AdjustmentReset = reset,
            Timezone = timezone,
            Basis = clock.Enum("basis", ClockXml.Basis),
            Start = start,
            Timers = clock.ChildrenParsed("timer", Timer),
            Location = clock.Location,
        };
    }

    private static ClockTimer? Timer(ElementReader timer)
    {
        var name = timer.RequiredEnum("name", ClockXml.Name);
        var catchup = timer.Child("catchup");
        var result = new ClockTimer
        {
            Name = name ?? TimerName.Platform,
            Present = timer.YesNo("present"),
            Track = timer.Enum("track", ClockXml.Track),
            TickPolicy = timer.Enum("tickpolicy", ClockXml.TickPolicy),
            Frequency = timer.Unsigned("frequency"),
            Mode = timer.Enum("mode", ClockXml.Mode),
            Catchup = catchup is null ? null
                : new TimerCatchup(catchup.Unsigned("threshold"), catchup.Unsigned("slew"), catchup.Unsigned("limit")),
            Location = timer.Location,
        };
        return name is null ? null : result;
    }
}
