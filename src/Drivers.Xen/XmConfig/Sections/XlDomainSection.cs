using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The settings of an xl file about the virtual machine as a whole: nested virtualization and CPUID
/// (<c>nestedhvm</c>, <c>cpuid</c>), the virtual NUMA nodes (<c>vnuma</c>) and the Xen bus limits
/// (<c>max_grant_frames</c>, <c>max_event_channels</c>).
/// </summary>
internal static class XlDomainSection
{
    /// <summary>The distance libxl gives a node to itself and to another node when none is named.</summary>
    public const uint LocalDistance = 10, RemoteDistance = 20;

    public static IEnumerable<XmEntry> EmitCpu(XmConfigContext ctx)
    {
        if (!ctx.Xl || !ctx.Hvm || ctx.Domain.Cpu is not { } cpu) yield break;
        var passthrough = cpu.Mode == CpuMode.HostPassthrough;
        if (passthrough)
        {
            // Nested HVM is on with the host's CPU unless its virtualization feature is turned off.
            var off = cpu.Features.Any(f => XlCpuid.IsNestedVirtualization(f.Name) && f.Policy is CpuFeaturePolicy.Disable or CpuFeaturePolicy.Forbid);
            yield return Xm.Flag("nestedhvm", !off);
        }
        if (XlCpuid.Format(cpu) is { } cpuid) yield return Xm.String("cpuid", cpuid);
    }

    public static IEnumerable<XmEntry> EmitVnuma(XmConfigContext ctx)
    {
        if (!ctx.Xl || ctx.Domain.Cpu is not { NumaCells: { IsEmpty: false } cells }) yield break;
        var distances = Distances(cells);
        var nodes = new List<XmValue>();
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            nodes.Add(XmList.OfStrings(
            [
                string.Create(CultureInfo.InvariantCulture, $"pnode={cell.Id ?? (uint)i}"),
                string.Create(CultureInfo.InvariantCulture, $"size={NodeSizeMebibytes(cell)}"),
                $"vcpus={cell.Cpus}",
                "vdistances=" + string.Join(",", distances[i].Select(d => d.ToString(CultureInfo.InvariantCulture))),
            ]));
        }
        yield return new XmEntry("vnuma", new XmList([.. nodes]));
    }

    /// <summary>The <c>size=</c> written for a NUMA cell: whole MiB, rounded down.</summary>
    public static ulong NodeSizeMebibytes(NumaCell cell) => cell.Memory.Kibibytes / 1024;

    /// <summary>
    /// The full distance matrix: a distance the document gives, else the one it gives the other way
    /// round, else 10 to itself and 20 to another node.
    /// </summary>
    public static uint[][] Distances(ImmutableArray<NumaCell> cells)
    {
        var matrix = new uint[cells.Length][];
        uint? Given(int from, int to) =>
            cells[from].Distances.FirstOrDefault(d => d.Id == (cells[to].Id ?? (uint)to)) is { } d ? d.Value : null;
        for (var i = 0; i < cells.Length; i++)
        {
            matrix[i] = new uint[cells.Length];
            for (var j = 0; j < cells.Length; j++)
                matrix[i][j] = Given(i, j) ?? Given(j, i) ?? (i == j ? LocalDistance : RemoteDistance);
        }
        return matrix;
    }

    public static IEnumerable<XmEntry> EmitXenbusLimits(XmConfigContext ctx)
    {
        if (!ctx.Xl) yield break;
        var xenbus = ctx.Domain.Devices.Controllers.OfType<XenbusController>().FirstOrDefault();
        if (xenbus?.MaxGrantFrames is { } frames) yield return Xm.Integer("max_grant_frames", frames);
        if (xenbus?.MaxEventChannels is { } channels) yield return Xm.Integer("max_event_channels", channels);
    }
}
