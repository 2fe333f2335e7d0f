using DomainLauncher.Drivers.Xen.Planning;
using DomainLauncher.Drivers.Xen.XmConfig.Sections;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Validate;

/// <summary>
/// Everything that keeps a domain from being written as an xm config file for the target's xend
/// config version, found before anything is emitted: one small check per concern, in the order of
/// the settings, each reporting at the element concerned. A domain that is not a Xen guest of a
/// known OS type is not looked at further.
/// </summary>
internal static class XmConfigValidator
{
    public static void Validate(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        CheckDomainKind(ctx, diagnostics);
        if (diagnostics.HasErrors) return;
        var output = ctx.Xl ? "an xl config file" : "an xm config file";
        Untranslated.XenUntranslatedChecks.Check(LibxlWrittenParts.Remove(ctx), output, diagnostics);
        Untranslated.IgnoredDeviceAddresses.Warn(ctx.Domain, output, diagnostics);
        CheckIdentity(ctx, diagnostics);
        if (ctx.Xl) CheckVnumaSize(ctx, diagnostics);
        CheckOs(ctx, diagnostics);
        CheckClock(ctx, diagnostics);
        CheckLifecycle(ctx, diagnostics);
        if (ctx.Hvm && ctx.Domain.Devices.Emulator is { } emulator) CheckWritable("device_model", emulator, ctx.Domain.Location, diagnostics);
        CheckGraphics(ctx, diagnostics);
        CheckDisks(ctx, diagnostics);
        CheckInterfaces(ctx, diagnostics);
        if (ctx.Hvm) CheckCharDevices(ctx, diagnostics);
    }

    private static void CheckDomainKind(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        var domain = ctx.Domain;
        if (domain.Type != DomainType.Xen)
            Refuse(diagnostics, domain.Location, $"<domain type='{DomainTypeXml.Table.ToXml(domain.Type)}'> cannot be written as an xm config; it needs type='xen'");
        if (domain.Os is not { } os)
            diagnostics.Error(XenXmDiagnostics.MissingValue, domain.Location, "the domain has no <os><type>; an xm config needs to know if it is hvm or xen");
        else if (os.Type is not (OsType.Hvm or OsType.Linux or OsType.Xen) && !(ctx.Xl && os.Type == OsType.Xenpvh))
            Refuse(diagnostics, os.Location, $"<os><type>{OsTypeXml.Table.ToXml(os.Type)}</type> cannot be expressed in an {(ctx.Xl ? "xl" : "xm")} config; allowed: hvm, linux, xen"
                + (ctx.Xl ? ", xenpvh" : ""));
    }

    private static void CheckIdentity(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        var domain = ctx.Domain;
        CheckWritable("name", domain.Name, domain.Location, diagnostics);
        // The reader refuses a blank name (see XmIdentitySection.ReadName): what is written must read back.
        if (domain.Name.Trim().Length == 0)
            diagnostics.Error(XenXmDiagnostics.MissingValue, domain.Location, "the domain's <name> is blank; an xm config file needs a name");
        if (domain.Uuid is null)
            diagnostics.Error(XenXmDiagnostics.MissingValue, domain.Location, "the domain has no <uuid>; an xm config file must name the domain's UUID");
        if (domain.Memory is null)
            diagnostics.Error(XenXmDiagnostics.MissingValue, domain.Location, "the domain has no <memory>; an xm config file needs 'maxmem' and 'memory'");
        if (ctx.StartVcpus < ctx.MaxVcpus && ctx.StartVcpus >= XmIdentitySection.MaxVcpuAvailBits)
            Refuse(diagnostics, domain.Vcpu!.Location, $"vcpu current='{ctx.StartVcpus}' does not fit the 'vcpu_avail' bit mask");
        if (domain.Vcpu?.CpuSet is { } cpuSet && CpuSet.Canonical(cpuSet) is null)
            Refuse(diagnostics, domain.Vcpu.Location, $"vcpu cpuset='{cpuSet}' is not a CPU set (e.g. 0-3,^2,6)");
    }

    /// <summary>
    /// xl starts a guest only when its vnuma nodes add up to <c>maxmem</c>. libvirt converts a
    /// domain whose NUMA cells hold another total as it stands (a domain it defines has its memory
    /// raised to the cells' total first); so does this, with a warning that xl will refuse the file.
    /// </summary>
    private static void CheckVnumaSize(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        if (ctx.Domain is not { Memory: { } memory, Cpu: { NumaCells.IsEmpty: false } cpu }) return;
        var maxmem = XmIdentitySection.MaxmemMebibytes(memory);
        var nodes = cpu.NumaCells.Aggregate(0UL, (sum, cell) => sum + XlDomainSection.NodeSizeMebibytes(cell));
        if (nodes != maxmem)
            diagnostics.Warning(XenLibxlDiagnostics.VnumaSizeMismatch, cpu.Location,
                $"the vnuma nodes hold {nodes} MiB in all and maxmem is {maxmem} MiB (<memory>): xl refuses to start a guest "
                + "whose vnuma sizes do not add up to its maxmem; make <memory> the NUMA cells' total");
    }

    private static void CheckOs(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        var domain = ctx.Domain;
        if (!ctx.Hvm)
        {
            foreach (var (name, text, at) in XmOsSection.PvSettings(domain)) CheckWritable(name, text, at, diagnostics);
            return;
        }
        if (domain.Os!.Loader is { } loader) CheckWritable("kernel", loader, domain.Os.Location, diagnostics);
        if (ctx.Target.HvmCdromInImage && XmOsSection.LegacyCdrom(domain) is { } cdrom) CheckWritable("cdrom", cdrom.Path, cdrom.At, diagnostics);
    }

    private static void CheckClock(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        var clock = ctx.Domain.Clock;
        var offset = clock?.Offset ?? ClockOffset.Utc;
        var at = clock?.Location ?? ctx.Domain.Location;
        var offsetName = ClockXml.Offset.ToXml(offset);
        var version = (int)ctx.Target.ConfigVersion;
        if (!XmClockSection.KeepsOffset(ctx))
        {
            if (offset is not (ClockOffset.Utc or ClockOffset.Localtime))
                Refuse(diagnostics, at, $"clock offset='{offsetName}' cannot be expressed in an xm config for "
                    + (ctx.Hvm ? $"xend config version {version}" : "a paravirtualized guest") + "; allowed: utc, localtime");
            return;
        }
        switch (offset)
        {
            case ClockOffset.Variable:
                if (clock!.Adjustment is < int.MinValue or > int.MaxValue)
                    Refuse(diagnostics, at, $"clock adjustment='{clock.Adjustment}' does not fit 'rtc_timeoffset'");
                break;
            case ClockOffset.Utc or ClockOffset.Localtime when clock?.AdjustmentReset == true && !ctx.Target.XmHvmClockResetAsZeroOffset:
                Refuse(diagnostics, at, $"clock adjustment='reset' cannot be expressed in an xm config for xend config version {version}"
                    + "; HVM guests keep their clock offset (use offset='variable')");
                break;
            case ClockOffset.Utc or ClockOffset.Localtime:
                break;
            default:
                Refuse(diagnostics, at, $"clock offset='{offsetName}' cannot be expressed in an xm config; allowed: utc, localtime, variable");
                break;
        }
    }

    private static void CheckLifecycle(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        foreach (var (name, action, allowed) in XmLifecycleSection.Settings(ctx.Domain))
        {
            if (!XmLifecycleSection.IsAllowed(action, allowed))
                Refuse(diagnostics, ctx.Domain.Location,
                    $"<{name}>{LifecycleActionXml.Table.ToXml(action)}</{name}> cannot be expressed; allowed: {allowed.AllowedList}");
        }
    }

    private static void CheckGraphics(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        var all = ctx.Domain.Devices.Graphics;
        if (all.IsEmpty) return;
        if (all.Length > 1)
        {
            Refuse(diagnostics, all[1].Location, $"an xm config holds one framebuffer; the domain has {all.Length} <graphics>");
            return;
        }
        var graphics = all[0];
        if (ctx.Xl && ctx.Hvm && graphics is SpiceGraphics) return;
        if (graphics is not (SdlGraphics or VncGraphics))
        {
            Refuse(diagnostics, graphics.Location,
                $"<graphics type='{GraphicsTypeXml.Table.ToXml(graphics.Type)}'> cannot be expressed in an xm config; allowed: sdl, vnc");
            return;
        }
        if (XmGraphicsSection.Flat(ctx))
            foreach (var (name, text) in XmGraphicsSection.FlatStrings(graphics)) CheckWritable(name, text, graphics.Location, diagnostics);
        else CheckWritable("vfb", [(XmGraphicsSection.VfbSpec(graphics), graphics.Location)], diagnostics);
    }

    private static void CheckDisks(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        var specs = new List<(string, SourceLocation)>();
        foreach (var disk in XmDiskSection.Written(ctx))
        {
            if (disk.Transient)
                Refuse(diagnostics, disk.Location, $"disk '{disk.Target.Dev}': transient disks cannot be expressed in an xm config");
            else if (ctx.Xl ? !XlSyntax.IsExpressible(disk) : !XmDiskSection.IsExpressible(disk))
                Refuse(diagnostics, disk.Location,
                    $"disk '{disk.Target.Dev}': <disk type='{DiskXml.Type.ToXml(disk.Source!.Type)}'> cannot be expressed in an {(ctx.Xl ? "xl" : "xm")} config; allowed: file, block"
                    + (ctx.Xl ? ", network (rbd, without auth)" : ""));
            else if (!ctx.Xl && XmOsSection.SourcePath(disk) is { } path && path.Contains(','))
                // SOURCE,TARGET,MODE has no escape for ',': the reader would end the source at it (xl's target= comes last and takes it).
                Refuse(diagnostics, disk.Location, $"disk '{disk.Target.Dev}': a source path holding ',' cannot be expressed in an xm config disk entry");
            else specs.Add((ctx.Xl ? XlSyntax.DiskSpec(disk, XlSyntax.DiskTarget(disk)) : XmDiskSection.Spec(ctx, disk), disk.Location));
        }
        CheckWritable("disk", specs, diagnostics);
    }

    private static void CheckInterfaces(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        var specs = new List<(string, SourceLocation)>();
        foreach (var nic in ctx.Domain.Devices.Interfaces)
        {
            if (nic.Mac is null)
                diagnostics.Error(XenXmDiagnostics.MissingValue, nic.Location,
                    "the interface has no <mac address>; an xm config must give each NIC its MAC address");
            else if (!XmVifSection.IsExpressible(nic))
                Refuse(diagnostics, nic.Location, $"<interface type='{InterfaceTypeXml.Table.ToXml(nic.Type)}'> cannot be expressed in an xm config"
                    + (nic is VirtualNetworkInterface ? " without a running host to find the network's bridge" : "") + "; allowed: bridge, ethernet");
            else specs.Add((XmVifSection.Spec(ctx, nic), nic.Location));
        }
        CheckWritable("vif", specs, diagnostics);
    }

    private static void CheckCharDevices(XmConfigContext ctx, DiagnosticBag diagnostics)
    {
        var devices = ctx.Domain.Devices;
        if (devices.Parallels.FirstOrDefault() is { } parallel && CheckCharDevice(parallel, diagnostics))
            CheckWritable("parallel", CharDeviceSpec.Format(parallel.Source), parallel.Location, diagnostics);

        var serial = SerialPorts.Setting(devices);
        var specs = new List<(string, SourceLocation)>();
        foreach (var device in serial.Ports)
        {
            if (device is not null && CheckCharDevice(device, diagnostics))
                specs.Add((CharDeviceSpec.Format(device.Source), device.Location));
        }
        if (serial.AsList) CheckWritable("serial", specs, diagnostics);
        else if (specs is [var (text, at)]) CheckWritable("serial", text, at, diagnostics);
    }

    /// <summary>Whether a serial or parallel port's host side has a qemu-dm spelling; refused if not.</summary>
    private static bool CheckCharDevice(CharDevice device, DiagnosticBag diagnostics)
    {
        if (CharDeviceSpec.IsSupported(device.Source)) return true;
        Refuse(diagnostics, device.Location,
            $"<{device.Kind.ToString().ToLowerInvariant()} type='{CharSourceXml.Type.ToXml(device.Source!.Type)}'> cannot be expressed in an xm config");
        return false;
    }

    /// <summary>A list setting: only the first of its strings that cannot be quoted is reported.</summary>
    private static void CheckWritable(string setting, IEnumerable<(string Text, SourceLocation At)> items, DiagnosticBag diagnostics)
    {
        foreach (var (text, at) in items)
            if (!CheckWritable(setting, text, at, diagnostics)) return;
    }

    /// <summary>
    /// Every string can be quoted (see <see cref="XmConfigWriter"/>), but one holding a character the
    /// reader refuses (see <see cref="XenForbiddenCharacters"/>) is refused at the element it comes from.
    /// </summary>
    private static bool CheckWritable(string setting, string text, SourceLocation at, DiagnosticBag diagnostics)
    {
        var index = XenForbiddenCharacters.IndexOf(text);
        if (index < 0) return true;
        diagnostics.Error(XenXmDiagnostics.ForbiddenCharacter, at,
            $"the value of '{setting}' holds {XenForbiddenCharacters.Describe(text, index)} at character {index + 1}:"
            + " an xm config refuses control characters and non-characters");
        return false;
    }

    private static void Refuse(DiagnosticBag diagnostics, SourceLocation at, string message) =>
        diagnostics.Error(XenXmDiagnostics.Unsupported, at, message);
}
