using DomainLauncher.Drivers.Xen.Planning;
using DomainLauncher.Drivers.Xen.Sexpr.Emit;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Validate;

/// <summary>
/// Everything that keeps a domain from being written as a xend S-expression for the target's
/// config version, found before anything is emitted: one small check per concern, each reporting
/// at the element concerned. Warnings name what the output leaves out.
/// </summary>
internal static class XenSexprValidator
{
    public static void Validate(XenSexprContext ctx, DiagnosticBag diagnostics)
    {
        CheckDomain(ctx, diagnostics);
        Untranslated.XenUntranslatedChecks.Check(ctx.Domain, "a xend S-expression", diagnostics);
        Untranslated.IgnoredDeviceAddresses.Warn(ctx.Domain, "a xend S-expression", diagnostics);
        CheckClock(ctx, diagnostics);
        foreach (var disk in ctx.Domain.Devices.Disks) CheckDisk(disk, diagnostics);
        foreach (var nic in ctx.Domain.Devices.Interfaces) CheckInterface(ctx, nic, diagnostics);
        foreach (var hostdev in ctx.Domain.Devices.HostDevices) CheckHostDevice(hostdev, diagnostics);
        CheckGraphics(ctx, diagnostics);
        if (ctx.Hvm) CheckHvmDevices(ctx, diagnostics);
    }

    private static void CheckDomain(XenSexprContext ctx, DiagnosticBag diagnostics)
    {
        var d = ctx.Domain;
        if (d.Memory is null)
            diagnostics.Error(XenSexprDiagnostics.MissingMemory, d.Location, "the domain has no <memory>; xend needs a memory size");
        if (ctx.Hvm && d.Bootloader is null && d.Os!.Loader is null)
            diagnostics.Error(XenSexprDiagnostics.MissingHvmLoader, d.Os.Location,
                "an HVM guest needs <loader> (e.g. /usr/lib/xen/boot/hvmloader) unless a <bootloader> starts it");
        if (ctx.MaxVcpus > VcpuMask.MaxVcpus && ctx.StartVcpus < ctx.MaxVcpus)
            diagnostics.Error(XenSexprDiagnostics.TooManyVcpus, d.Vcpu!.Location,
                $"{ctx.MaxVcpus} vCPUs with {ctx.StartVcpus} online cannot be described; xend's vcpu_avail mask has {VcpuMask.MaxVcpus} bits");
        if (d.Vcpu?.CpuSet is { } cpuSet && CpuSet.Canonical(cpuSet) is null)
            diagnostics.Error(XenSexprDiagnostics.InvalidCpuSet, d.Vcpu.Location,
                $"vcpu cpuset '{cpuSet}' is not a CPU set; expected CPU numbers (0 to {CpuSet.MaxCpu}), ranges 'N-M' and exclusions '^N' separated by commas");
        foreach (var (name, action) in new[] { ("on_poweroff", d.OnPoweroff), ("on_reboot", d.OnReboot) })
        {
            if (action is LifecycleAction.CoredumpDestroy or LifecycleAction.CoredumpRestart)
                diagnostics.Error(XenSexprDiagnostics.UnsupportedLifecycle, d.Location,
                    $"<{name}> cannot be '{LifecycleActionXml.Table.ToXml(action.Value)}'; allowed: destroy, restart, preserve, rename-restart");
        }
    }

    private static void CheckClock(XenSexprContext ctx, DiagnosticBag diagnostics)
    {
        if (ctx.Domain.Clock is not { } clock) return;
        var offset = clock.Offset ?? ClockOffset.Utc;
        var variableAllowed = ctx.Hvm && ctx.Target.HvmClockOffset;
        if (offset is ClockOffset.Timezone || (offset is ClockOffset.Variable && !variableAllowed))
        {
            var allowed = variableAllowed ? "utc, localtime, variable" : "utc, localtime";
            diagnostics.Error(XenSexprDiagnostics.UnsupportedClock, clock.Location,
                $"clock offset '{ClockXml.Offset.ToXml(offset)}' is not supported for this guest with xend config version {(int)ctx.Target.ConfigVersion}; allowed: {allowed}");
        }
        else if (clock.AdjustmentReset && ctx.Hvm && ctx.Target.HvmClockOffset)
        {
            diagnostics.Error(XenSexprDiagnostics.UnsupportedClock, clock.Location,
                "clock adjustment 'reset' is not supported by xend");
        }
    }

    private static void CheckDisk(Disk disk, DiagnosticBag diagnostics)
    {
        if (disk.Source is DirDiskSource or NetworkDiskSource)
            diagnostics.Error(XenSexprDiagnostics.UnsupportedDisk, disk.Location,
                $"disk '{disk.Target.Dev}' of type '{DiskXml.Type.ToXml(disk.Source.Type)}' is not supported by xend; allowed: file, block");
        if (disk.Transient)
            diagnostics.Error(XenSexprDiagnostics.UnsupportedDisk, disk.Location,
                $"disk '{disk.Target.Dev}' is <transient/>, which xend does not support");
    }

    private static void CheckInterface(XenSexprContext ctx, NetworkInterface nic, DiagnosticBag diagnostics)
    {
        switch (nic)
        {
            case BridgeInterface or EthernetInterface:
                break;
            case VirtualNetworkInterface network:
                if (nic.Script is not null)
                    diagnostics.Error(XenSexprDiagnostics.UnsupportedInterface, nic.Location,
                        "an interface of type 'network' cannot name a <script>; only 'bridge' and 'ethernet' interfaces can");
                if (!ctx.Target.NetworkBridges.ContainsKey(network.Network))
                    diagnostics.Error(XenSexprDiagnostics.UnknownNetwork, nic.Location,
                        $"network '{network.Network}' has no known bridge on the target host" + KnownNetworks(ctx));
                break;
            default:
                diagnostics.Error(XenSexprDiagnostics.UnsupportedInterface, nic.Location,
                    $"interface type '{InterfaceTypeXml.Table.ToXml(nic.Type)}' is not supported by xend; allowed: bridge, network, ethernet");
                break;
        }
    }

    private static string KnownNetworks(XenSexprContext ctx) =>
        ctx.Target.NetworkBridges.IsEmpty ? "" : "; known: " + string.Join(", ", ctx.Target.NetworkBridges.Keys.Order(StringComparer.Ordinal));

    private static void CheckHostDevice(HostDevice hostdev, DiagnosticBag diagnostics)
    {
        if (hostdev.Source is not PciHostDeviceSource)
        {
            diagnostics.Warning(XenSexprDiagnostics.IgnoredDevice, hostdev.Location,
                $"host device of type '{hostdev.Source.Type.ToString().ToLowerInvariant()}' is left out: xend passes through PCI devices only");
            return;
        }
        if (hostdev.Managed == true)
            diagnostics.Error(XenSexprDiagnostics.ManagedPciDevice, hostdev.Location,
                "managed='yes' PCI devices are not supported by xend; detach the device from the host and use managed='no'");
    }

    private static void CheckGraphics(XenSexprContext ctx, DiagnosticBag diagnostics)
    {
        var all = ctx.Domain.Devices.Graphics;
        if (all.Length > 1)
        {
            diagnostics.Warning(XenSexprDiagnostics.IgnoredDevice, all[1].Location,
                $"{all.Length} graphics devices are left out: xend describes a single framebuffer");
            return;
        }
        if (GraphicsEmitter.Single(ctx.Domain) is { } graphics && graphics is not (VncGraphics or SdlGraphics))
            diagnostics.Error(XenSexprDiagnostics.UnsupportedGraphics, graphics.Location,
                $"graphics type '{GraphicsTypeXml.Table.ToXml(graphics.Type)}' is not supported by xend; allowed: vnc, sdl");
    }

    private static void CheckHvmDevices(XenSexprContext ctx, DiagnosticBag diagnostics)
    {
        var devices = ctx.Domain.Devices;
        foreach (var input in devices.Inputs)
        {
            if (InputBuses.Effective(input, ctx.Domain) == InputBus.Usb && input.Type == InputType.Keyboard)
                diagnostics.Error(XenSexprDiagnostics.UnsupportedInput, input.Location,
                    "a USB keyboard is not supported by xend; allowed USB input types: mouse, tablet");
        }
        var ports = devices.Parallels.Take(1).Concat(SerialPorts.Plan(devices).Select(p => p.Device));
        foreach (var port in ports)
        {
            if (!CharDeviceSpec.IsSupported(port.Source))
                diagnostics.Error(XenSexprDiagnostics.UnsupportedCharDevice, port.Location,
                    $"{port.Kind.ToString().ToLowerInvariant()} of type '{CharSourceXml.Type.ToXml(port.Source!.Type)}' is not supported by xend; " +
                    "allowed: null, vc, pty, dev, file, pipe, stdio, udp, tcp, unix");
        }
    }
}
