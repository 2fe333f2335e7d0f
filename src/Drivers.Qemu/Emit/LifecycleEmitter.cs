using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -no-reboot, -no-shutdown, -no-acpi, -global PIIX4_PM.disable_s3/_s4 and PIIX4_PM.acpi-root-pci-hotplug.
internal static class LifecycleEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var domain = ctx.Domain;
        if ((domain.OnReboot ?? LifecycleAction.Restart) != LifecycleAction.Restart) args.Add("-no-reboot");
        if (ctx.Plan.JsonMonitor && ctx.Has(QemuCapability.NoShutdown)) args.Add("-no-shutdown");
        if (ctx.Has(QemuCapability.NoAcpi) && domain.Features?.Acpi != true) args.Add("-no-acpi");
        if (domain.PowerManagement?.SuspendToMem is { } s3)
        {
            args.Add("-global");
            args.Add("PIIX4_PM.disable_s3=" + (s3 ? "0" : "1"));
        }
        if (domain.PowerManagement?.SuspendToDisk is { } s4)
        {
            args.Add("-global");
            args.Add("PIIX4_PM.disable_s4=" + (s4 ? "0" : "1"));
        }
        // The PC's ACPI device announces hotplug slots on the root bus unless told not to (ControllerChecks keeps this to the PC).
        if (ctx.Has(QemuCapability.PiixAcpiRootPciHotplug) && ctx.Plan.RootBusHotplug is { } hotplug)
        {
            args.Add("-global");
            args.Add("PIIX4_PM.acpi-root-pci-hotplug=" + (hotplug ? "on" : "off"));
        }
    }
}
