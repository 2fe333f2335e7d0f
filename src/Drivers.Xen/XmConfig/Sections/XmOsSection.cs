using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>What the OS settings of a config say: the OS, the PV host bootloader and the HVM features.</summary>
internal sealed record XmOsSettings(OsConfig Os, string? Bootloader, string? BootloaderArgs, Features? Features);

/// <summary>
/// How the guest boots. HVM: <c>builder = "hvm"</c>, <c>kernel</c> (the hvmloader), <c>boot</c>
/// (a, c, d, n), the <c>pae</c>/<c>acpi</c>/<c>apic</c> (and from xend 3.0.4 <c>hap</c>/<c>viridian</c>)
/// switches, <c>hpet</c> and, for xend 3.0.2, the CD-ROM in <c>cdrom</c>. PV: <c>bootloader</c>,
/// <c>bootargs</c>, <c>kernel</c>, <c>ramdisk</c>, <c>extra</c>, <c>root</c>.
/// </summary>
internal static class XmOsSection
{
    /// <summary>The most boot devices a domain lists.</summary>
    private const int MaxBootDevices = 4;

    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx) =>
        ctx.Hvm ? EmitHvm(ctx) : PvSettings(ctx.Domain, ctx.Target.XmCommonSettingsFirst).Select(s => Xm.String(s.Name, s.Text));

    /// <summary>The boot order as <c>boot</c> letters (a floppy, c disk, d CD-ROM, n network); "c" when none is given.</summary>
    public static string BootString(OsConfig os) => os.BootDevices.IsEmpty ? "c" : string.Concat(os.BootDevices.Select(BootLetter));

    private static IEnumerable<XmEntry> EmitHvm(XmConfigContext ctx)
    {
        var domain = ctx.Domain;
        var os = domain.Os!;
        yield return Xm.String("builder", "hvm");
        if (os.Loader is { } loader) yield return Xm.String("kernel", loader);
        yield return Xm.String("boot", BootString(os));
        // libxl's files have the features among the settings every guest shares (XmFeatureSection).
        if (ctx.Target.XmCommonSettingsFirst) yield break;
        var features = domain.Features;
        yield return Xm.Flag("pae", features?.Pae == true);
        yield return Xm.Flag("acpi", features?.Acpi == true);
        yield return Xm.Flag("apic", features?.Apic == true);
        if (ctx.Target.XmHvmHapViridian)
        {
            yield return Xm.Flag("hap", features?.Hap == true);
            yield return Xm.Flag("viridian", features?.Viridian == true);
        }
        // Later hpet timers replace earlier ones, as setting a value twice does in the reference.
        if (domain.Clock?.Timers.LastOrDefault(t => t.Name == TimerName.Hpet && t.Present is not null) is { } hpet)
            yield return Xm.Flag("hpet", hpet.Present == true);
        if (ctx.Target.HvmCdromInImage && LegacyCdrom(domain) is { } cdrom)
            yield return Xm.String("cdrom", cdrom.Path);
    }

    /// <summary>The settings of a paravirtualized guest's boot, each with the element it comes from.</summary>
    public static IEnumerable<(string Name, string Text, SourceLocation At)> PvSettings(Domain domain, bool libxl = false)
    {
        var os = domain.Os!;
        if (domain.Bootloader is { } bootloader) yield return ("bootloader", bootloader, domain.Location);
        if (domain.BootloaderArgs is { } args) yield return ("bootargs", args, domain.Location);
        if (os.Kernel is { } kernel) yield return ("kernel", kernel, os.Location);
        if (os.Initrd is { } initrd) yield return ("ramdisk", initrd, os.Location);
        // libxl keeps the root device inside the command line.
        if (libxl)
        {
            if (os.Cmdline is { } line) yield return ("extra", line, os.Location);
            yield break;
        }
        if (os.Cmdline is { } cmdline) yield return ("extra", cmdline, os.Location);
        if (os.Root is { } root) yield return ("root", root, os.Location);
    }

    /// <summary>Xend 3.0.2 takes the HVM CD-ROM (the one at hdc with a medium) in its own setting.</summary>
    public static (string Path, SourceLocation At)? LegacyCdrom(Domain domain) =>
        domain.Devices.Disks.FirstOrDefault(d => d.Device == DiskDevice.Cdrom && d.Target.Dev == "hdc" && SourcePath(d) is not null)
            is { } disk ? (SourcePath(disk)!, disk.Location) : null;

    public static string? SourcePath(Disk disk) => disk.Source switch
    {
        FileDiskSource f => f.File,
        BlockDiskSource b => b.Dev,
        _ => null,
    };

    private static char BootLetter(BootDevice device) => device switch
    {
        BootDevice.Floppy => 'a',
        BootDevice.Cdrom => 'd',
        BootDevice.Network => 'n',
        _ => 'c',
    };

    public static XmOsSettings? Read(XmSettings settings, bool hvm, XenGuestArch guest, SourceLocation file)
    {
        if (hvm)
        {
            var loader = settings.String("kernel");
            if (loader is null && !settings.Has("kernel"))
                settings.Diagnostics.Error(XenXmDiagnostics.MissingKey, file,
                    "an HVM config (builder = \"hvm\") needs 'kernel', the path of the HVM loader");
            var boot = settings.String("boot") ?? "c";
            var os = new OsConfig
            {
                Type = OsType.Hvm,
                Arch = guest.Arch,
                Machine = guest.Machine,
                Loader = loader,
                BootDevices = BootDevicesOf(boot),
            };
            return new XmOsSettings(os, null, null, ReadFeatures(settings));
        }
        var pv = new OsConfig
        {
            // The reference's XML names the paravirt OS type "linux".
            Type = OsType.Linux,
            Arch = guest.Arch,
            Machine = guest.Machine,
            Kernel = settings.String("kernel"),
            Initrd = settings.String("ramdisk"),
            Cmdline = settings.String("extra"),
            Root = settings.String("root"),
        };
        return new XmOsSettings(pv, settings.String("bootloader"), settings.String("bootargs"), null);
    }

    // The reference reads the first letter of 'boot' once per letter ("dc" boots cdrom, cdrom):
    // kept so that a config reads to the same domain it did there.
    public static ImmutableArray<BootDevice> BootDevicesOf(string boot)
    {
        if (boot.Length == 0) return [];
        var device = boot[0] switch
        {
            'a' => BootDevice.Floppy,
            'd' => BootDevice.Cdrom,
            'n' => BootDevice.Network,
            _ => BootDevice.HardDisk,
        };
        return [.. Enumerable.Repeat(device, Math.Min(boot.Length, MaxBootDevices))];
    }

    private static Features? ReadFeatures(XmSettings settings)
    {
        var features = new Features
        {
            Pae = settings.Flag("pae") == true,
            Acpi = settings.Flag("acpi") == true,
            Apic = settings.Flag("apic") == true,
            Hap = settings.Flag("hap") == true,
            Viridian = settings.Flag("viridian") == true,
        };
        return features is { Pae: false, Acpi: false, Apic: false, Hap: false, Viridian: false } ? null : features;
    }
}
