using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -rtc, -localtime, -rtc-td-hack, -no-kvm-pit-reinjection, -tdf, -no-hpet.
internal static class ClockEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var clock = ctx.Domain.Clock;
        var offset = clock?.Offset ?? ClockOffset.Utc;
        if (ctx.Has(QemuCapability.Rtc))
        {
            var opts = new QemuOpts().Add("base", offset == ClockOffset.Utc ? "utc" : "localtime");
            if (clock?.Timers.FirstOrDefault(t => t.Name == TimerName.Rtc) is { } rtc)
            {
                opts.Add("clock", rtc.Track switch { TimerTrack.Guest => "vm", TimerTrack.Wall => "host", _ => null });
                if (rtc.TickPolicy == TickPolicy.Catchup) opts.Add("driftfix", "slew");
            }
            args.Add("-rtc");
            args.Add(opts.ToString());
        }
        else if (offset is ClockOffset.Localtime or ClockOffset.Timezone)
        {
            args.Add("-localtime");
        }

        foreach (var timer in clock?.Timers ?? [])
        {
            switch (timer.Name)
            {
                case TimerName.Rtc when !ctx.Has(QemuCapability.Rtc) && timer.TickPolicy == TickPolicy.Catchup:
                    args.Add("-rtc-td-hack");
                    break;
                // With KVM's in-kernel PIT, catchup is its default and delay means no reinjection; the
                // userspace PIT delays by default and catches up with -tdf.
                case TimerName.Pit when timer.TickPolicy is null or TickPolicy.Delay && ctx.Has(QemuCapability.NoKvmPit):
                    args.Add("-no-kvm-pit-reinjection");
                    break;
                case TimerName.Pit when timer.TickPolicy == TickPolicy.Catchup && !ctx.Has(QemuCapability.NoKvmPit) && ctx.Has(QemuCapability.Tdf):
                    args.Add("-tdf");
                    break;
                case TimerName.Hpet when timer.Present == false && ctx.Has(QemuCapability.NoHpet):
                    args.Add("-no-hpet");
                    break;
            }
        }
    }
}
