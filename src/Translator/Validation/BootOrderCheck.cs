using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A guest boots either in the order of <c>&lt;os&gt;&lt;boot dev&gt;</c> or in the order of its
/// devices' <c>&lt;boot order&gt;</c>, never both; and no two devices share an order.
/// </summary>
internal sealed class BootOrderCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        var devices = domain.Devices;
        var ordered = devices.Disks.Select(d => (d.BootOrder, d.Location, What: $"disk '{d.Target.Dev}'"))
            .Concat(devices.Interfaces.Select(i => (i.BootOrder, i.Location, What: "interface")))
            .Concat(devices.HostDevices.Select(h => (h.BootOrder, h.Location, What: "hostdev")))
            .Concat(devices.RedirectedDevices.Select(r => (r.BootOrder, r.Location, What: "redirdev")))
            .Concat(devices.Filesystems.Select(f => (f.BootOrder, f.Location, What: "filesystem")))
            .Where(d => d.BootOrder is not null)
            .ToList();
        if (ordered.Count == 0) return;

        if (domain.Os is { BootDevices.Length: > 0 } os)
            diagnostics.Error(DiagnosticCatalog.BootOrderConflict, ordered[0].Location,
                $"the {ordered[0].What} has <boot order>, and <os> has <boot dev> (line {os.Location.Line}): "
                + "per-device boot orders cannot be used together with <os><boot>; keep one of them");

        var first = new Dictionary<uint, SourceLocation>();
        foreach (var (order, location, what) in ordered.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column))
        {
            if (first.TryAdd(order!.Value, location)) continue;
            diagnostics.Error(DiagnosticCatalog.BootOrderConflict, location,
                $"boot order {order} of the {what} is already the order of the device at line {first[order.Value].Line}; each device needs its own");
        }
    }
}
