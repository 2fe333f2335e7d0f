using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the monitor (-chardev socket,id=charmonitor + -mon, or -monitor unix:).
internal static class MonitorEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var plan = ctx.Plan;
        var listen = ctx.Host.Monitor.Listen;
        if (ctx.Has(QemuCapability.Chardev))
        {
            args.Add("-chardev");
            args.Add(new QemuOpts("socket").Add("id", "charmonitor").Add("path", plan.MonitorPath)
                .Switch("server", listen ? true : null, ctx.ExplicitBooleans).Switch("wait", listen ? false : null, ctx.ExplicitBooleans).ToString());
            args.Add("-mon");
            args.Add(new QemuOpts().Add("chardev", "charmonitor").Add("id", "monitor")
                .Add("mode", plan.JsonMonitor ? "control" : "readline").ToString());
        }
        else
        {
            args.Add("-monitor");
            var opts = new QemuOpts();
            if (plan.JsonMonitor) opts.Flag("control");
            args.Add(opts.Bare("unix:" + plan.MonitorPath).Flag("server", listen).Flag("nowait", listen).ToString());
        }
    }
}
