using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -watchdog or -device for the watchdog, and -watchdog-action.
internal static class WatchdogEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        if (ctx.Domain.Devices.Watchdog is not { } watchdog || ctx.Plan.Watchdog is not { } planned) yield break;
        var model = WatchdogXml.Model.ToXml(watchdog.Model);
        if (ctx.Plan.UseDevice)
        {
            yield return "-device";
            yield return PciEmitter.AddAddress(new QemuOpts(planned.QemuType).Add("id", planned.Alias), planned.Pci, ctx.Plan.PciBuses).ToString();
        }
        else
        {
            yield return "-watchdog";
            yield return model;
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
            yield return "-action";
            yield return new QemuOpts().Add("watchdog", WatchdogXml.Action.ToXml(action)).ToString();
            yield break;
        }
        yield return "-watchdog-action";
        yield return WatchdogXml.Action.ToXml(action);
    }
}
