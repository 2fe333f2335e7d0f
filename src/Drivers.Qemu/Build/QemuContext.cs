using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Build;

/// <summary>Everything an emitter may read: the domain, the emulator, the host, the options and the plan.</summary>
internal sealed record QemuContext(
    Domain Domain, EmulatorDescription Emulator, HostSettings Host, QemuBuildOptions Options, QemuPlan Plan)
{
    public bool Has(QemuCapability capability) => Emulator.Has(capability);

    /// <summary>Booleans are written <c>key=on|off</c> (the short forms are deprecated on this emulator).</summary>
    public bool ExplicitBooleans => Emulator.Has(QemuCapability.ExplicitBooleans);
}
