namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// <c>vcpu_avail</c>: the bit mask of the vCPUs online at start, written only when fewer than the
/// maximum start. xend reads it as a machine word, so at most 64 vCPUs can be described.
/// </summary>
internal static class VcpuMask
{
    public const uint MaxVcpus = 64;

    public static IEnumerable<SexprNode> Emit(XenSexprContext ctx)
    {
        if (ctx.StartVcpus >= ctx.MaxVcpus) yield break;
        // The validator caps the maximum at 64, so at most 63 start and the mask fits a long.
        yield return Sx.Number("vcpu_avail", (long)((1UL << (int)ctx.StartVcpus) - 1));
    }
}
