using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes <c>&lt;clock&gt;</c> and its timers.</summary>
internal static class ClockWriter
{
    /// <summary>
    /// The reference always writes a clock (utc when the document has none). A numeric adjustment
    /// of a utc or localtime clock is the reference's variable clock on that basis.
    /// </summary>
    public static XmlElement Write(ClockConfig? clock)
    {
        if (clock is null) return Element("clock", Attr("offset", ClockOffset.Utc, ClockXml.Offset));
        var offset = clock.Offset ?? ClockOffset.Utc;
        XmlNode?[] offsetAttributes = offset switch
        {
            ClockOffset.Utc or ClockOffset.Localtime when clock.Adjustment is { } adjustment =>
            [
                Attr("offset", ClockOffset.Variable, ClockXml.Offset),
                Attr("adjustment", adjustment),
                Attr("basis", offset == ClockOffset.Localtime ? ClockBasis.Localtime : ClockBasis.Utc, ClockXml.Basis),
            ],
            ClockOffset.Utc or ClockOffset.Localtime =>
            [
                Attr("offset", offset, ClockXml.Offset),
                clock.AdjustmentReset ? Attr("adjustment", "reset") : null,
            ],
            ClockOffset.Variable =>
            [
                Attr("offset", offset, ClockXml.Offset),
                Attr("adjustment", clock.Adjustment ?? 0),
                Attr("basis", clock.Basis ?? ClockBasis.Utc, ClockXml.Basis),
            ],
            ClockOffset.Absolute =>
            [
                Attr("offset", offset, ClockXml.Offset),
                Attr("start", clock.Start),
            ],
            _ =>
            [
                Attr("offset", offset, ClockXml.Offset),
                Attr("timezone", clock.Timezone),
            ],
        };
        return Element("clock", [.. offsetAttributes, .. clock.Timers.Select(Timer)]);
    }

    private static XmlElement Timer(ClockTimer timer) =>
        Element("timer",
            Attr("name", timer.Name, ClockXml.Name),
            YesNo("present", timer.Present),
            Attr("tickpolicy", timer.TickPolicy, ClockXml.TickPolicy),
            Attr("track", timer.Track, ClockXml.Track),
            Attr("frequency", timer.Frequency),
            Attr("mode", timer.Mode, ClockXml.Mode),
            timer.Catchup is { } c
                ? UnlessEmpty(Element("catchup", Attr("threshold", c.Threshold), Attr("slew", c.Slew), Attr("limit", c.Limit)))
                : null);
}
