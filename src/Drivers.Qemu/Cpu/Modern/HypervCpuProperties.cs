using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Cpu.Modern;

/// <summary>
/// The <c>-cpu</c> properties of <c>&lt;features&gt;&lt;hyperv&gt;</c>: each enlightenment switched on is
/// <c>hv-NAME=on</c> (spinlocks with their retry count, the vendor id with its value); one switched off
/// is left out, which is QEMU's default; <c>mode='passthrough'</c> is <c>hv-passthrough=on</c>, every
/// enlightenment the host's KVM offers.
/// </summary>
internal static class HypervCpuProperties
{
    /// <summary>Whether the domain turns any enlightenment on (only then does it need KVM).</summary>
    public static bool AnyOn(HypervFeatures hyperv) =>
        hyperv.Mode == HypervMode.Passthrough || hyperv.Relaxed == true || Switches(hyperv).Any(s => s.Switch?.State == true);

    public static void Add(QemuOpts opts, HypervFeatures hyperv)
    {
        if (hyperv.Mode == HypervMode.Passthrough)
        {
            opts.AddOnOff("hv-passthrough", true);
            return;
        }
        if (hyperv.Relaxed == true) opts.AddOnOff("hv-relaxed", true);
        foreach (var (name, feature) in Switches(hyperv))
        {
            if (feature?.State != true) continue;
            switch (name)
            {
                case "spinlocks":
                    // QEMU's spinlock retry count defaults to 0xffffffff (never notify); libvirt requires retries with state='on'.
                    opts.AddHex("hv-spinlocks", hyperv.SpinlockRetries ?? 0xffffffff);
                    break;
                case "vendor_id":
                    opts.Add("hv-vendor-id", hyperv.VendorIdValue ?? "");
                    break;
                case "stimer":
                    opts.AddOnOff("hv-stimer", true);
                    if (hyperv.StimerDirect?.State == true) opts.AddOnOff("hv-stimer-direct", true);
                    break;
                default:
                    opts.AddOnOff("hv-" + name, true);
                    break;
            }
        }
    }

    private static (string Name, FeatureSwitch? Switch)[] Switches(HypervFeatures h) =>
    [
        ("vapic", h.Vapic), ("spinlocks", h.Spinlocks), ("vpindex", h.Vpindex), ("runtime", h.Runtime), ("synic", h.Synic),
        ("stimer", h.Stimer), ("reset", h.Reset), ("vendor_id", h.VendorId), ("frequencies", h.Frequencies),
        ("reenlightenment", h.Reenlightenment), ("tlbflush", h.Tlbflush), ("ipi", h.Ipi), ("evmcs", h.Evmcs), ("avic", h.Avic),
    ];
}
