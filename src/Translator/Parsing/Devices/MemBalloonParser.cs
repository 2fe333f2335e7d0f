using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;memballoon model autodeflate freePageReporting&gt;</c> with its stats period, driver,
/// address, alias and ACPI index.
/// </summary>
internal static class MemBalloonParser
{
    public static MemBalloon? Parse(ElementReader balloon)
    {
        var model = balloon.RequiredEnum("model", MemBalloonModelXml.Table);
        var autoDeflate = balloon.OnOff("autodeflate");
        var freePageReporting = balloon.OnOff("freePageReporting");
        var stats = balloon.SingleChild("stats");
        var period = stats is null || stats.RequiredAttr("period") is null ? null : stats.UInt("period");
        var driver = VirtioOptionsParser.Driver(balloon);
        var address = CommonParsers.Address(balloon);
        var alias = CommonParsers.Alias(balloon);
        var acpi = VirtioOptionsParser.AcpiIndex(balloon);
        if (model is null) return null;
        return new MemBalloon
        {
            Model = model.Value,
            AutoDeflate = autoDeflate,
            FreePageReporting = freePageReporting,
            StatsPeriod = period,
            Driver = driver,
            Address = address,
            Alias = alias,
            AcpiIndex = acpi,
            Location = balloon.Location,
        };
    }
}
