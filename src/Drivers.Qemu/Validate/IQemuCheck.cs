using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>What a validation check sees: the domain, the emulator, the host and the build options.</summary>
internal sealed record QemuCheckInput(Domain Domain, EmulatorDescription Emulator, HostSettings Host, QemuBuildOptions Options)
{
    public bool Has(QemuCapability capability) => Emulator.Has(capability);
}

/// <summary>One named check of a domain against the emulator and host; it reports, never throws.</summary>
internal interface IQemuCheck
{
    void Check(QemuCheckInput input, DiagnosticBag diagnostics);
}
