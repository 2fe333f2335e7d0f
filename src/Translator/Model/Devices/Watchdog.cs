using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;watchdog model action&gt;</c>: an emulated watchdog timer and what its expiry does.</summary>
public sealed record Watchdog
{
    public required WatchdogModel Model { get; init; }

    /// <summary>The action on expiry; null when absent (the hypervisor's default is reset).</summary>
    public WatchdogAction? Action { get; init; }

    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public uint? AcpiIndex { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>Intel 6300ESB (PCI), iBase IB700 (ISA) or the s390 DIAG 288 watchdog.</summary>
public enum WatchdogModel { I6300esb, Ib700, Diag288 }

public enum WatchdogAction { Reset, Shutdown, Poweroff, Pause, None, Dump, InjectNmi }

public static class WatchdogXml
{
    public static readonly XmlEnum<WatchdogModel> Model = new(
        ("i6300esb", WatchdogModel.I6300esb), ("ib700", WatchdogModel.Ib700), ("diag288", WatchdogModel.Diag288));

    public static readonly XmlEnum<WatchdogAction> Action = new(
        ("reset", WatchdogAction.Reset),
        ("shutdown", WatchdogAction.Shutdown),
        ("poweroff", WatchdogAction.Poweroff),
        ("pause", WatchdogAction.Pause),
        ("none", WatchdogAction.None),
        ("dump", WatchdogAction.Dump),
        ("inject-nmi", WatchdogAction.InjectNmi));
}
