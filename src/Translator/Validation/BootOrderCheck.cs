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
        // Only devices with a boot order are listed (most have none): their descriptions are made for those alone.
        // The list too is made at the first such device.
        List<(uint? BootOrder, SourceLocation Location, string What)>? ordered = null;
        foreach (var d in devices.Disks)
            if (d.BootOrder is not null) (ordered ??= []).Add((d.BootOrder, d.Location, $"disk '{d.Target.Dev}'"));
        foreach (var i in devices.Interfaces)
            if (i.BootOrder is not null) (ordered ??= []).Add((i.BootOrder, i.Location, "interface"));
        foreach (var h in devices.HostDevices)
            if (h.BootOrder is not null) (ordered ??= []).Add((h.BootOrder, h.Location, "hostdev"));
        foreach (var r in devices.RedirectedDevices)
            if (r.BootOrder is not null) (ordered ??= []).Add((r.BootOrder, r.Location, "redirdev"));
        foreach (var f in devices.Filesystems)
            if (f.BootOrder is not null) (ordered ??= []).Add((f.BootOrder, f.Location, "filesystem"));
        if (ordered is null) return;

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
