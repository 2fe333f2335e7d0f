using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary><c>pci = [ "DDDD:BB:SS.F", ... ]</c>: host PCI devices passed through (hexadecimal).</summary>
internal static class XmPciSection
{
    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx) =>
        Xm.Strings("pci",
        [
            .. ctx.Domain.Devices.HostDevices.Select(h => h.Source).OfType<PciHostDeviceSource>().Select(pci =>
                string.Create(CultureInfo.InvariantCulture, $"{pci.Domain ?? 0:x4}:{pci.Bus ?? 0:x2}:{pci.Slot ?? 0:x2}.{pci.Function ?? 0:x}")),
        ]);

    public static ImmutableArray<HostDevice> Read(XmSettings settings)
    {
        var devices = ImmutableArray.CreateBuilder<HostDevice>();
        var specs = settings.StringList("pci") ?? [];
        for (var i = 0; i < specs.Count; i++)
        {
            var text = specs[i].Text;
            var parts = text.Split(':');
            var slotFunction = parts.Length == 3 ? parts[2].Split('.') : [];
            if (parts.Length != 3 || slotFunction.Length != 2
                || !Hex(parts[0], 4, out var domain) || !Hex(parts[1], 2, out var bus)
                || !Hex(slotFunction[0], 2, out var slot) || slotFunction[1].Length != 1 || !Hex(slotFunction[1], 1, out var function))
            {
                settings.Invalid(specs[i], $"pci[{i}]", $"pci device \"{text}\" is not DDDD:BB:SS.F (hexadecimal domain, bus, slot and function)");
                continue;
            }
            devices.Add(new HostDevice
            {
                Source = new PciHostDeviceSource { Domain = domain, Bus = bus, Slot = slot, Function = function },
                Managed = false,
            });
        }
        return devices.ToImmutable();
    }

    private static bool Hex(string text, int maxDigits, out uint value)
    {
        value = 0;
        return text.Length is > 0 && text.Length <= maxDigits
            && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
