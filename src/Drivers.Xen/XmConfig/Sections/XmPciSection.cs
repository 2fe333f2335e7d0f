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
                string.Create(CultureInfo.InvariantCulture, $"{pci.Domain ?? 0:x4}:{pci.Bus ?? 0:x2}:{pci.Slot ?? 0:x2}.{pci.Function ?? 0:x}")
                // libxl lets the guest write the whole configuration space when the device's writes are not filtered.
                + (ctx.Target.LibxlReadDefaults && pci.WriteFiltering == false ? ",permissive=1" : "")),
        ]);

    public static ImmutableArray<HostDevice> Read(XmSettings settings, bool libxl = false)
    {
        var devices = ImmutableArray.CreateBuilder<HostDevice>();
        var specs = settings.StringList("pci") ?? [];
        for (var i = 0; i < specs.Count; i++)
        {
            var text = specs[i].Text;
            bool? writeFiltering = null;
            // libxl's options after the address: permissive=1 turns write filtering off.
            if (text.IndexOf(',') is var comma and >= 0)
            {
                foreach (var option in text[(comma + 1)..].Split(','))
                {
                    if (option == "permissive=1") writeFiltering = false;
                    else if (option == "permissive=0") writeFiltering = null;
                    else settings.Warn(specs[i], $"pci[{i}]", $"pci option \"{option}\" is ignored; the one read is permissive");
                }
                text = text[..comma];
            }
            var parts = text.Split(':');
            // libxl takes BB:SS.F on PCI domain 0.
            if (libxl && parts.Length == 2) parts = ["0000", .. parts];
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
                Source = new PciHostDeviceSource
                {
                    Domain = domain, Bus = bus, Slot = slot, Function = function, WriteFiltering = writeFiltering,
                    // libxl passes a device through with Xen's PCI backend.
                    Backend = libxl ? PciBackend.Xen : null,
                },
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
