namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// Device names the command line may use that QEMU registers under another QOM type (QEMU's
/// <c>qdev_alias_table</c> in softmmu/qdev-monitor.c): what <c>qom-list</c> then reports.
/// </summary>
public static class QemuTypeAliases
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["lsi"] = "lsi53c895a",
        ["ahci"] = "ich9-ahci",
        ["e1000-82540em"] = "e1000",
        ["es1370"] = "ES1370",
        ["ac97"] = "AC97",
    };

    /// <summary>The QOM type of a <c>-device</c> name.</summary>
    public static string Resolve(string deviceName) => Aliases.GetValueOrDefault(deviceName, deviceName);
}
