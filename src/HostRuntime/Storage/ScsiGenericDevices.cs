using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Storage;

/// <summary>
/// The host's SCSI generic device of each LUN a domain passes through from a host adapter
/// (<c>&lt;hostdev type='scsi'&gt;&lt;adapter name='scsi_hostN'/&gt;&lt;address bus target unit/&gt;</c>), found as the kernel
/// lists it: <c>/sys/bus/scsi/devices/N:BUS:TARGET:UNIT/scsi_generic/sgM</c> is <c>/dev/sgM</c>. A LUN the host does not
/// have is left out (the driver refuses it, naming it).
/// </summary>
public static class ScsiGenericDevices
{
    private const string ScsiDevices = "/sys/bus/scsi/devices";

    /// <summary>Whether the domain passes through a LUN of a host adapter (so the host must be asked).</summary>
    public static bool NeededBy(Domain domain) =>
        domain.Devices.HostDevices.Any(h => h.Source is ScsiHostDeviceSource { Where: ScsiAdapterLocation });

    public static ImmutableDictionary<string, string> Find(Domain domain, string devicesFolder = ScsiDevices)
    {
        var found = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var h in domain.Devices.HostDevices)
        {
            if (h.Source is not ScsiHostDeviceSource { Where: ScsiAdapterLocation adapter }) continue;
            if (ScsiAdapterNames.LunName(adapter) is not { } address || found.ContainsKey(address)) continue;
            try
            {
                var generic = Path.Combine(devicesFolder, address, "scsi_generic");
                if (Directory.Exists(generic) && Directory.EnumerateDirectories(generic).Select(Path.GetFileName).FirstOrDefault() is { } name)
                    found[address] = "/dev/" + name;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable is not there: the driver refuses the LUN, naming the folder it looked in.
            }
        }
        return found.ToImmutable();
    }
}
