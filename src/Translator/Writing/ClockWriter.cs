using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes <c>&lt;clock&gt;</c> and its timers.</summary>
internal static class ClockWriter
{
    /// <summary>
    /// The clock as the model holds it (the post-parse stage gives every guest one, UTC unless
    /// said otherwise).
    /// </summary>
    public static XmlElement? Write(ClockConfig? clock)
    {
        if (clock is null) return null;
        var offset = clock.Offset;
        XmlNode?[] offsetAttributes = offset switch
        {
            ClockOffset.Utc or ClockOffset.Localtime =>
            [
                Attr("offset", offset, ClockXml.Offset),
                clock.AdjustmentReset ? Attr("adjustment", "reset") : Attr("adjustment", clock.Adjustment),
            ],
            ClockOffset.Variable =>
            [
                Attr("offset", offset, ClockXml.Offset),
                Attr("adjustment", clock.Adjustment),
                Attr("basis", clock.Basis, ClockXml.Basis),
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
