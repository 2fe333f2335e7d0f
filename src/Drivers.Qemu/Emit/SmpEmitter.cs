using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -smp (count, maxcpus and topology).
internal static class SmpEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var plan = ctx.Plan;
        var opts = new QemuOpts(plan.Vcpus.ToString(CultureInfo.InvariantCulture));
        if (ctx.Has(QemuCapability.SmpTopology))
        {
            if (plan.Vcpus != plan.MaxVcpus) opts.Add("maxcpus", plan.MaxVcpus);
            if (ctx.Domain.Cpu?.Topology is { } topology)
                opts.Add("sockets", topology.Sockets).Add("cores", topology.Cores).Add("threads", topology.Threads);
            else
                opts.Add("sockets", plan.MaxVcpus).Add("cores", 1).Add("threads", 1);
        }
        args.Add("-smp");
        args.Add(opts.ToString());
    }
}
