using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -watchdog or -device for the watchdog, and -watchdog-action.
internal static class WatchdogEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (ctx.Domain.Devices.Watchdog is not { } watchdog || ctx.Plan.Watchdog is not { } planned) return;
        var model = WatchdogXml.Model.ToXml(watchdog.Model);
        if (ctx.Plan.UseDevice)
        {
            args.Add("-device");
            args.Add(PciEmitter.AddAddress(new QemuOpts(planned.QemuType).Add("id", planned.Alias), planned.Pci, ctx.Plan.PciBuses).ToString());
        }
        else
        {
            args.Add("-watchdog");
            args.Add(model);
        }
        // QEMU has no dump action: libvirt pauses the guest and dumps it itself.
        var action = watchdog.Action switch
        {
            null => WatchdogAction.Reset,
            WatchdogAction.Dump => WatchdogAction.Pause,
            { } a => a,
        };
        if (ctx.Has(QemuCapability.Action))
        {
            args.Add("-action");
            args.Add(new QemuOpts().Add("watchdog", WatchdogXml.Action.ToXml(action)).ToString());
            return;
        }
        args.Add("-watchdog-action");
        args.Add(WatchdogXml.Action.ToXml(action));
    }
}
