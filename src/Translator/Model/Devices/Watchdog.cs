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
    public SourceLocation Location { get; init; }
}

/// <summary>Intel 6300ESB (PCI) or iBase IB700 (ISA).</summary>
public enum WatchdogModel { I6300esb, Ib700 }

public enum WatchdogAction { Reset, Shutdown, Poweroff, Pause, None, Dump }

public static class WatchdogXml
{
    public static readonly XmlEnum<WatchdogModel> Model = new(
        ("i6300esb", WatchdogModel.I6300esb), ("ib700", WatchdogModel.Ib700));

    public static readonly XmlEnum<WatchdogAction> Action = new(
        ("reset", WatchdogAction.Reset),
        ("shutdown", WatchdogAction.Shutdown),
        ("poweroff", WatchdogAction.Poweroff),
        ("pause", WatchdogAction.Pause),
        ("none", WatchdogAction.None),
        ("dump", WatchdogAction.Dump));
}
