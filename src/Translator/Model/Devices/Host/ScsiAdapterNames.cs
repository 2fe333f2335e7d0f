using System.Globalization;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// How a host SCSI adapter and a LUN on it are named by the host's kernel: an adapter <c>scsi_hostN</c> (as
/// /sys/class/scsi_host lists them) is SCSI host N, and a LUN on it <c>N:BUS:TARGET:UNIT</c> (/sys/bus/scsi/devices).
/// </summary>
public static class ScsiAdapterNames
{
    private const string Prefix = "scsi_host";

    /// <summary>The host number of an adapter named <c>scsi_hostN</c>; null for any other name.</summary>
    public static uint? HostNumber(string adapterName) =>
        adapterName.StartsWith(Prefix, StringComparison.Ordinal)
        && uint.TryParse(adapterName.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The kernel's name of the LUN (<c>N:BUS:TARGET:UNIT</c>), or null for an adapter not named <c>scsi_hostN</c>.</summary>
    public static string? LunName(ScsiAdapterLocation adapter) =>
        HostNumber(adapter.AdapterName) is { } host
            ? string.Create(CultureInfo.InvariantCulture, $"{host}:{adapter.Bus}:{adapter.Target}:{adapter.Unit}")
            : null;
}
