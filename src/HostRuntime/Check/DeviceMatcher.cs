using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>One line of the check: the expected device, whether QEMU has it as expected, and what was seen.</summary>
public sealed record DeviceCheckRow(ExpectedDevice Expected, bool Found, string Detail);

/// <summary>
/// Matches expected devices against an inventory, facet by facet (see <see cref="ExpectedDevice"/>).
/// A device is found when every facet it sets holds; otherwise the detail says what QEMU has
/// instead. Devices without an id are counted: two anonymous cards of one type need two instances.
/// </summary>
public static class DeviceMatcher
{
    public static ImmutableArray<DeviceCheckRow> Match(IEnumerable<ExpectedDevice> expected, DeviceInventory inventory)
    {
        var anonymousLeft = inventory.AnonymousTypes.GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. expected.Select(e => MatchOne(e, inventory, anonymousLeft))];
    }

    private static DeviceCheckRow MatchOne(ExpectedDevice e, DeviceInventory inventory, Dictionary<string, int> anonymousLeft)
    {
        var problems = new List<string>();
        var seen = new List<string>();

        if (e.Id is { } id)
        {
            if (!inventory.Peripherals.TryGetValue(id, out var type))
                problems.Add($"no device with id {id}");
            else if (e.QemuType is { } wanted && type != wanted)
                problems.Add($"{id} is {type}, expected {wanted}");
            else
                seen.Add($"{id}: {type}");
        }
        else if (e.QemuType is { } anonymousType)
        {
            if (anonymousLeft.TryGetValue(anonymousType, out var left) && left > 0)
            {
                anonymousLeft[anonymousType] = left - 1;
                seen.Add($"{anonymousType} (no id)");
            }
            else
            {
                var withId = inventory.Peripherals.Where(p => p.Value == anonymousType).Select(p => p.Key).ToList();
                problems.Add(withId.Count > 0
                    ? $"no {anonymousType} without an id (only {string.Join(", ", withId)})"
                    : $"no {anonymousType} in the machine");
            }
        }

        MatchPci(e, inventory, problems, seen);

        if (e.Mac is { } mac && e.Id is { } nicId && inventory.Peripherals.ContainsKey(nicId))
        {
            if (!inventory.Properties.TryGetValue(new DeviceProperty(nicId, "mac"), out var actual))
                problems.Add($"{nicId} has no MAC address");
            else if (!string.Equals(actual, mac, StringComparison.OrdinalIgnoreCase))
                problems.Add($"MAC is {actual}, not {mac}");
            else
                seen.Add("mac " + actual);
        }

        if (e.Drive is { } drive) MatchBlock(e, drive, inventory, problems, seen);

        if (e.Chardev is { } chardev)
        {
            var info = inventory.Chardevs.FirstOrDefault(c => c.Label == chardev);
            if (info is null)
                problems.Add($"no chardev {chardev}");
            else
                seen.Add($"chardev {chardev} ({info.Filename})");
            if (e.Id is { } frontend && inventory.Properties.TryGetValue(new DeviceProperty(frontend, "chardev"), out var linked) && linked != chardev)
                problems.Add($"{frontend} uses chardev {(linked.Length == 0 ? "none" : linked)}, not {chardev}");
        }

        return problems.Count == 0
            ? new DeviceCheckRow(e, true, string.Join(", ", seen))
            : new DeviceCheckRow(e, false, string.Join("; ", problems));
    }

    private static void MatchPci(ExpectedDevice e, DeviceInventory inventory, List<string> problems, List<string> seen)
    {
        if (e.Pci is { } slot)
        {
            // Behind a bridge or port the plan's bus is the controller's index, not a guest bus number (the
            // firmware numbers those buses, and a paused guest has not run it, so query-pci may not list them at
            // all): such a device is matched by its id at its slot and function when listed, else by its id alone.
            var behindBridge = slot.Bus != 0 && e.Id is not null;
            var function = !behindBridge
                ? inventory.Pci.FirstOrDefault(f => f.Slot == slot)
                : inventory.Pci.FirstOrDefault(f => f.QdevId == e.Id && f.Slot.Slot == slot.Slot && f.Slot.Function == slot.Function);
            if (function is null && behindBridge && !inventory.Pci.Any(f => f.QdevId == e.Id) && inventory.Peripherals.ContainsKey(e.Id!))
            {
                seen.Add($"behind PCI bus {slot.Bus} (its functions are listed once the firmware numbers the bus)");
                return;
            }
            if (function is null)
            {
                var elsewhere = e.Id is null ? null : inventory.Pci.FirstOrDefault(f => f.QdevId == e.Id);
                problems.Add(elsewhere is null ? $"nothing at PCI {slot}" : $"nothing at PCI {slot} ({e.Id} is at {elsewhere.Slot})");
                return;
            }
            if (e.Id is { } id && function.QdevId != id)
            {
                var elsewhere = inventory.Pci.FirstOrDefault(f => f.QdevId == id);
                problems.Add($"PCI {slot} is {function.Describe()}" + (elsewhere is null ? "" : $" ({id} is at {elsewhere.Slot})"));
                return;
            }
            if (e.PciClass is { } wanted && function.Class != wanted)
            {
                problems.Add($"PCI {slot} is {function.Describe()}, not of class 0x{wanted:x4}");
                return;
            }
            seen.Add("at PCI " + slot);
        }
        else if (e.PciClass is { } wanted)
        {
            var function = inventory.Pci.FirstOrDefault(f => f.Class == wanted);
            if (function is null)
                problems.Add($"no PCI function of class 0x{wanted:x4}");
            else
                seen.Add($"{function.Describe()} at PCI {function.Slot}");
        }
    }

    private static void MatchBlock(ExpectedDevice e, string drive, DeviceInventory inventory, List<string> problems, List<string> seen)
    {
        var block = e.BackendOfFrontEnd
            ? inventory.Blocks.FirstOrDefault(b => string.IsNullOrEmpty(b.Device) && e.Id is { } frontEnd && AttachedTo(b.Qdev, frontEnd))
            : inventory.Blocks.FirstOrDefault(b => b.Device == drive);
        if (block is null)
        {
            problems.Add($"no block device {drive}");
            return;
        }
        if (e.Id is { } id && !AttachedTo(block.Qdev, id))
            problems.Add($"{drive} is attached to {block.Qdev ?? "nothing"}, not {id}");
        switch (e.Medium)
        {
            case MediumExpectation.Empty when block.File is not null:
                problems.Add($"{drive} holds {block.File}, expected no medium");
                break;
            case MediumExpectation.Inserted when block.File is null:
                problems.Add($"{drive} holds no medium");
                break;
            case MediumExpectation.Inserted when e.MediumFile is { } file && block.File != file:
                problems.Add($"{drive} holds {block.File}, not {file}");
                break;
            default:
                seen.Add(block.File is null ? $"{drive} empty" : $"{drive} holds {block.File}");
                break;
        }
    }

    /// <summary>query-block names the front end by id (<c>ide0-0-0</c>) or by QOM path (<c>/machine/peripheral/virtio-disk0/virtio-backend</c>).</summary>
    private static bool AttachedTo(string? qdev, string id) =>
        qdev is not null && (qdev == id || qdev == $"/machine/peripheral/{id}" || qdev.StartsWith($"/machine/peripheral/{id}/", StringComparison.Ordinal));
}
