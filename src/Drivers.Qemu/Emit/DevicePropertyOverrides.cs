using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>
/// <c>&lt;qemu:override&gt;</c>: the front-end properties a document sets on the <c>-device</c> whose id is the alias it
/// names, in document order: a value replaces the device's own or is appended, a 'remove' takes it out. Applied to the
/// words the driver wrote, never to the document's raw <c>&lt;qemu:commandline&gt;</c> arguments; an alias no device of
/// the command line has is refused, so that no setting is lost without a word. The domain is tainted.
/// </summary>
internal static class DevicePropertyOverrides
{
    /// <summary>Applies the overrides to the <c>-device</c> words among the first <paramref name="ownWords"/> of <paramref name="args"/>.</summary>
    public static void Apply(Domain domain, List<string> args, int ownWords, DiagnosticBag diagnostics)
    {
        if (domain.QemuOverride is not { Devices.IsEmpty: false } overrides) return;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < ownWords; i++)
        {
            if (args[i] != "-device") continue;
            var items = QemuOpts.Items(args[i + 1]);
            var id = items.Find(item => item.Key == "id").Value;
            if (id is null) continue;
            var changed = false;
            foreach (var device in overrides.Devices)
            {
                if (device.Alias != id) continue;
                foreach (var property in device.Frontend) Set(items, property);
                applied.Add(id);
                changed = true;
            }
            if (changed) args[i + 1] = Write(items);
        }
        foreach (var device in overrides.Devices)
            if (!applied.Contains(device.Alias))
                diagnostics.Error(QemuDiagnostics.OverrideWithoutDevice, device.Location,
                    $"<qemu:device alias='{device.Alias}'> names no device of the command line (a device's alias is its -device id)");
    }

    private static void Set(List<(string? Key, string Value)> items, QemuPropertyOverride property)
    {
        var at = items.FindIndex(item => item.Key == property.Name);
        if (property.Type == QemuPropertyType.Remove)
        {
            if (at >= 0) items.RemoveAt(at);
            return;
        }
        var value = property.Type == QemuPropertyType.Bool ? property.Value == "true" ? "on" : "off" : property.Value!;
        if (at >= 0) items[at] = (property.Name, value);
        else items.Add((property.Name, value));
    }

    private static string Write(List<(string? Key, string Value)> items)
    {
        var opts = new QemuOpts();
        foreach (var (key, value) in items)
            if (key is null) opts.Bare(value);
            else opts.Add(key, value);
        return opts.ToString();
    }
}
