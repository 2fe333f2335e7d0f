using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// Asks a running QEMU what devices it has: <c>query-block</c>, <c>query-pci</c>, <c>query-chardev</c>,
/// <c>qom-list</c> of <c>/machine/peripheral</c>, <c>/machine/peripheral-anon</c> and
/// <c>/machine/unattached</c>, then <c>qom-get</c> of the properties the expected devices name (the
/// MAC of a NIC, the chardev of a serial port) on the devices that exist. The readers of each answer
/// are separate so tests can feed canned QMP JSON.
/// </summary>
public static class QmpInventory
{
    private const string Peripheral = "/machine/peripheral";

    public static async Task<DeviceInventory> CollectAsync(
        QmpClient qmp, IEnumerable<ExpectedDevice> expected, TimeSpan timeout, CancellationToken cancellation)
    {
        var context = CheckJsonContext.Default;
        var blocks = await qmp.QueryAsync("query-block", null, context.QmpBlockInfoArray, timeout, cancellation).ConfigureAwait(false);
        var pci = await qmp.QueryAsync("query-pci", null, context.QmpPciBusArray, timeout, cancellation).ConfigureAwait(false);
        var chardevs = await qmp.QueryAsync("query-chardev", null, context.QmpChardevInfoArray, timeout, cancellation).ConfigureAwait(false);
        var peripherals = await ListAsync(qmp, Peripheral, timeout, cancellation).ConfigureAwait(false);
        var anonymous = await ListAsync(qmp, "/machine/peripheral-anon", timeout, cancellation).ConfigureAwait(false);
        var unattached = await ListAsync(qmp, "/machine/unattached", timeout, cancellation).ConfigureAwait(false);

        var inventory = new DeviceInventory
        {
            Peripherals = Children(peripherals),
            AnonymousTypes = [.. ChildTypes(anonymous), .. ChildTypes(unattached)],
            Pci = ReadPci(pci),
            Blocks = ReadBlocks(blocks),
            Chardevs = ReadChardevs(chardevs),
        };

        var properties = ImmutableDictionary.CreateBuilder<DeviceProperty, string>();
        foreach (var wanted in PropertiesToRead(expected).Where(p => inventory.Peripherals.ContainsKey(p.Id)).Distinct())
        {
            var argument = JsonSerializer.SerializeToElement(new QmpPropertyArgument($"{Peripheral}/{wanted.Id}", wanted.Name), context.QmpPropertyArgument);
            // A device without the property answers with an error: nothing to compare then.
            if (await qmp.ExecuteAsync("qom-get", argument, timeout, cancellation).ConfigureAwait(false) is QmpReturn { Value: var value })
                properties[wanted] = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
        }
        return inventory with { Properties = properties.ToImmutable() };
    }

    /// <summary>The <c>qom-get</c> reads the facets of the expected devices need.</summary>
    public static IEnumerable<DeviceProperty> PropertiesToRead(IEnumerable<ExpectedDevice> expected)
    {
        foreach (var device in expected)
        {
            if (device.Id is not { } id) continue;
            if (device.Mac is not null) yield return new DeviceProperty(id, "mac");
            if (device.Chardev is not null) yield return new DeviceProperty(id, "chardev");
        }
    }

    private static async Task<QmpObjectProperty[]> ListAsync(QmpClient qmp, string path, TimeSpan timeout, CancellationToken cancellation)
    {
        var argument = JsonSerializer.SerializeToElement(new QmpPathArgument(path), CheckJsonContext.Default.QmpPathArgument);
        return await qmp.QueryAsync("qom-list", argument, CheckJsonContext.Default.QmpObjectPropertyArray, timeout, cancellation).ConfigureAwait(false);
    }

    /// <summary>The children of a <c>qom-list</c> answer (<c>child&lt;TYPE&gt;</c> entries): name to type.</summary>
    internal static ImmutableDictionary<string, string> Children(IEnumerable<QmpObjectProperty> entries) =>
        ChildEntries(entries).ToImmutableDictionary(e => e.Name, e => e.Type, StringComparer.Ordinal);

    /// <summary>The types of the children of a <c>qom-list</c> answer, in QEMU's order.</summary>
    internal static IEnumerable<string> ChildTypes(IEnumerable<QmpObjectProperty> entries) => ChildEntries(entries).Select(e => e.Type);

    private static IEnumerable<(string Name, string Type)> ChildEntries(IEnumerable<QmpObjectProperty> entries) =>
        entries
            .Where(e => e.Type.StartsWith("child<", StringComparison.Ordinal) && e.Type.EndsWith('>'))
            .Select(e => (e.Name, e.Type["child<".Length..^1]));

    internal static ImmutableArray<PciFunction> ReadPci(IEnumerable<QmpPciBus> buses)
    {
        var functions = ImmutableArray.CreateBuilder<PciFunction>();
        void Add(IEnumerable<QmpPciDevice> devices)
        {
            foreach (var d in devices)
            {
                functions.Add(new PciFunction(new PciSlot((uint)d.Bus, (uint)d.Slot, (uint)d.Function), (ushort)d.ClassInfo.Class,
                    d.ClassInfo.Desc, d.QdevId ?? "", (ushort)d.Id.Vendor, (ushort)d.Id.Device));
                if (d.PciBridge?.Devices is { } behind) Add(behind);
            }
        }
        foreach (var bus in buses) Add(bus.Devices);
        return functions.ToImmutable();
    }

    internal static ImmutableArray<BlockDeviceInfo> ReadBlocks(IEnumerable<QmpBlockInfo> blocks) =>
        [.. blocks.Select(b => new BlockDeviceInfo(b.Device, b.Qdev, b.Removable, b.TrayOpen, b.Inserted?.File, b.Inserted?.ReadOnly, b.Inserted?.Driver))];

    internal static ImmutableArray<ChardevInfo> ReadChardevs(IEnumerable<QmpChardevInfo> chardevs) =>
        [.. chardevs.Select(c => new ChardevInfo(c.Label, c.Filename, c.FrontendOpen ?? false))];

    /// <summary>
    /// An inventory from canned QMP answers (the <c>return</c> values as JSON text), for tests and
    /// for reading a recorded session: query-block, query-pci, query-chardev, the three qom-lists.
    /// </summary>
    public static DeviceInventory FromAnswers(
        string queryBlock, string queryPci, string queryChardev, string peripheral, string peripheralAnon, string unattached,
        IReadOnlyDictionary<DeviceProperty, string>? properties = null)
    {
        var context = CheckJsonContext.Default;
        QmpObjectProperty[] List(string json) => JsonSerializer.Deserialize(json, context.QmpObjectPropertyArray) ?? [];
        return new DeviceInventory
        {
            Peripherals = Children(List(peripheral)),
            AnonymousTypes = [.. ChildTypes(List(peripheralAnon)), .. ChildTypes(List(unattached))],
            Pci = ReadPci(JsonSerializer.Deserialize(queryPci, context.QmpPciBusArray) ?? []),
            Blocks = ReadBlocks(JsonSerializer.Deserialize(queryBlock, context.QmpBlockInfoArray) ?? []),
            Chardevs = ReadChardevs(JsonSerializer.Deserialize(queryChardev, context.QmpChardevInfoArray) ?? []),
            Properties = properties?.ToImmutableDictionary() ?? ImmutableDictionary<DeviceProperty, string>.Empty,
        };
    }
}
