using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the monitor (-chardev socket,id=charmonitor + -mon, or -monitor unix:).
internal static class MonitorEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var plan = ctx.Plan;
        var listen = ctx.Host.Monitor.Listen;
        if (ctx.Has(QemuCapability.Chardev))
        {
            yield return "-chardev";
            yield return new QemuOpts("socket").Add("id", "charmonitor").Add("path", plan.MonitorPath)
                .Switch("server", listen ? true : null, ctx.ExplicitBooleans).Switch("wait", listen ? false : null, ctx.ExplicitBooleans).ToString();
            yield return "-mon";
            yield return new QemuOpts().Add("chardev", "charmonitor").Add("id", "monitor")
                .Add("mode", plan.JsonMonitor ? "control" : "readline").ToString();
        }
        else
        {
            yield return "-monitor";
            var opts = new QemuOpts();
            if (plan.JsonMonitor) opts.Flag("control");
            yield return opts.Bare("unix:" + plan.MonitorPath).Flag("server", listen).Flag("nowait", listen).ToString();
        }
    }
}
