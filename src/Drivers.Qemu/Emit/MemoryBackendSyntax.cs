using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>
/// The one writer of <c>-object memory-backend-*</c> values (NUMA nodes, all RAM, memory devices):
/// type, id, the settings the plan holds, the size, then the host NUMA binding.
/// </summary>
internal static class MemoryBackendSyntax
{
    public static string Format(PlannedMemoryBackend backend)
    {
        var opts = new QemuOpts(backend.QemuType).Add("id", backend.Id)
            .Add("mem-path", backend.MemPath)
            .AddOnOff("share", backend.Share)
            .AddOnOff("hugetlb", backend.Hugetlb)
            .Add("hugetlbsize", backend.HugetlbSizeBytes)
            .AddOnOff("prealloc", backend.Prealloc)
            .Add("prealloc-threads", backend.PreallocThreads)
            .AddOnOff("reserve", backend.Reserve)
            .AddOnOff("discard-data", backend.DiscardData)
            .Add("align", backend.AlignBytes)
            .AddOnOff("pmem", backend.Pmem)
            .AddOnOff("readonly", backend.ReadOnly)
            .Add("size", backend.SizeMiB is { } mib ? $"{mib}M" : backend.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A list property is its key repeated, one range each.
        foreach (var nodes in backend.HostNodes) opts.Add("host-nodes", nodes);
        return opts.Add("policy", backend.Policy).ToString();
    }
}
