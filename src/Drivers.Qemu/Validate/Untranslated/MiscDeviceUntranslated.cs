using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's features of the other devices the QEMU driver does not put on the command line yet: the
/// pSeries NVRAM device, the Hyper-V panic notifier (a CPU enlightenment), the diag288 watchdog, and
/// PCI <c>acpi index</c>es. RNGs, TPMs, vsock, the ISA panic notifier, IOMMUs, shared memory and the
/// balloon's and watchdog's settings are translated (refused by <see cref="MiscDeviceChecks"/> where
/// this emulator or machine cannot have them).
/// </summary>
internal sealed class MiscDeviceUntranslated : IUntranslatedArea
{
    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses)
    {
        // The Hyper-V panic notifier is the CPU's hv-crash property, written where the emulator describes its CPUs (EmulatorCpuArguments).
        var hypervCrash = input.Has(QemuCapability.CpuModelExpansion);
        var devices = input.Domain.Devices;
        foreach (var panic in devices.Panics)
            if (panic.Model == PanicModel.Hyperv && !hypervCrash) uses.Add(new(panic.Location, "<panic model='hyperv'>"));
        if (devices.Nvram is { } nvram) uses.Add(new(nvram.Location, "<nvram> device"));
        foreach (var rng in devices.Rngs)
            if (rng.AcpiIndex is not null) uses.Add(new(rng.Location, "<rng><acpi index>"));
        foreach (var shmem in devices.Shmems)
            if (shmem.AcpiIndex is not null) uses.Add(new(shmem.Location, "<shmem><acpi index>"));
        if (devices.Iommu is { AcpiIndex: not null } iommu) uses.Add(new(iommu.Location, "<iommu><acpi index>"));
        if (devices.Vsock is { AcpiIndex: not null } vsock) uses.Add(new(vsock.Location, "<vsock><acpi index>"));
        if (devices.Watchdog is { } watchdog)
        {
            if (watchdog.Model is WatchdogModel.Diag288) uses.Add(new(watchdog.Location, "<watchdog model='diag288'>"));
            if (watchdog.AcpiIndex is not null) uses.Add(new(watchdog.Location, "<watchdog><acpi index>"));
        }
    }
}
