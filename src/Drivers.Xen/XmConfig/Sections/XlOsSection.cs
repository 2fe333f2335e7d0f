using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// How an xl guest boots. HVM: <c>builder = "hvm"</c>, <c>bios = "ovmf"</c> for a pflash loader,
/// <c>acpi_firmware</c> (the SLIC table), a directly booted <c>kernel</c>, <c>ramdisk</c> and
/// <c>cmdline</c>, then <c>boot</c>. PVH: <c>type = "pvh"</c>. PV and PVH: <c>bootloader</c>,
/// <c>bootargs</c>, <c>kernel</c>, <c>ramdisk</c>, <c>cmdline</c>. (xl reads the old <c>extra</c>
/// and <c>root</c> into the command line when it has no <c>cmdline</c>.)
/// </summary>
internal static class XlOsSection
{
    /// <summary>The OVMF image libxl loads, in its firmware folder.</summary>
    public const string OvmfImage = "ovmf.bin";

    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx)
    {
        var domain = ctx.Domain;
        var os = domain.Os!;
        if (ctx.Hvm)
        {
            yield return Xm.String("builder", "hvm");
            if (os.LoaderSettings?.Type == LoaderType.Pflash) yield return Xm.String("bios", "ovmf");
            foreach (var table in os.AcpiTables) yield return Xm.String("acpi_firmware", table.Path);
            foreach (var entry in Kernel(os)) yield return entry;
            yield return Xm.String("boot", XmOsSection.BootString(os));
            yield break;
        }
        if (ctx.Pvh) yield return Xm.String("type", "pvh");
        if (domain.Bootloader is { } bootloader) yield return Xm.String("bootloader", bootloader);
        if (domain.BootloaderArgs is { } args) yield return Xm.String("bootargs", args);
        foreach (var entry in Kernel(os)) yield return entry;
    }

    private static IEnumerable<XmEntry> Kernel(OsConfig os)
    {
        if (os.Kernel is { } kernel) yield return Xm.String("kernel", kernel);
        if (os.Initrd is { } initrd) yield return Xm.String("ramdisk", initrd);
        if (os.Cmdline is { } cmdline) yield return Xm.String("cmdline", cmdline);
    }

    /// <summary>The kernel command line: <c>cmdline</c>, else <c>root=ROOT EXTRA</c> from the old settings.</summary>
    public static string? ReadCmdline(XmSettings settings)
    {
        var cmdline = settings.String("cmdline");
        var extra = settings.String("extra");
        var root = settings.String("root");
        if (cmdline is not null) return cmdline;
        if (root is not null) return extra is null ? $"root={root}" : $"root={root} {extra}";
        return extra;
    }

    /// <summary>
    /// How a guest boots, as libxl reads an xm or xl file: HVM guests get the host's loader (a ROM,
    /// or OVMF from the firmware folder with <c>bios = "ovmf"</c>; an xm file names it in
    /// <c>kernel</c>) and may boot a kernel directly (xl); <c>type = "pvh"</c> is a PVH guest; PV and
    /// PVH guests boot a kernel or a host bootloader. The features are read by <see cref="XmFeatureSection"/>.
    /// </summary>
    public static XmOsSettings? Read(XmSettings settings, XenConfigFormat format, XenGuestDefaults guests, SourceLocation file)
    {
        var xl = format == XenConfigFormat.Xl;
        var hvm = settings.String("builder") == "hvm";
        var type = xl ? settings.String("type") : null;
        if (type is not null and not ("hvm" or "pv" or "pvh"))
            settings.Invalid(settings.Entry("type")!.Value, "type", $"'type' is \"{type}\"; allowed: hvm, pv, pvh");
        hvm |= type == "hvm";
        var pvh = type == "pvh";
        var guest = hvm ? guests.Hvm : pvh ? guests.Pvh : guests.Paravirt;
        if (guest is null)
        {
            settings.Diagnostics.Error(XenXmDiagnostics.Unsupported, file,
                $"the host offers no guest architecture for os type '{(hvm ? "hvm" : pvh ? "xenpvh" : "xen")}'");
            return null;
        }
        var bootloader = settings.String("bootloader");
        var bootargs = settings.String("bootargs");
        var kernel = settings.String("kernel");
        var ramdisk = settings.String("ramdisk");
        var cmdline = ReadCmdline(settings);
        if (!hvm)
        {
            var pv = new OsConfig
            {
                // The reference's XML names the paravirt OS type "linux".
                Type = pvh ? OsType.Xenpvh : OsType.Linux,
                Arch = guest.Arch,
                Machine = guest.Machine,
                Kernel = kernel,
                Initrd = ramdisk,
                Cmdline = cmdline,
            };
            return new XmOsSettings(pv, bootloader, bootargs, null);
        }

        var bios = xl ? settings.String("bios") : null;
        string? loader;
        LoaderType? loaderType;
        if (bios == "ovmf")
        {
            loader = (guests.FirmwareDir ?? "/usr/lib/xen/boot") + "/" + OvmfImage;
            loaderType = LoaderType.Pflash;
        }
        else
        {
            if (bios is not null and not ("rombios" or "seabios"))
                settings.Invalid(settings.Entry("bios")!.Value, "bios", $"'bios' is \"{bios}\"; allowed: rombios, seabios, ovmf");
            // An xm file names the HVM loader in 'kernel'; xl's 'kernel' is a kernel booted directly.
            loader = xl ? guest.Loader : kernel ?? guest.Loader;
            loaderType = loader is null ? null : LoaderType.Rom;
        }
        var acpiTable = xl ? settings.String("acpi_firmware") : null;
        var os = new OsConfig
        {
            Type = OsType.Hvm,
            Arch = guest.Arch,
            Machine = guest.Machine,
            Loader = loader,
            LoaderSettings = loaderType is null ? null : new LoaderSettings { Type = loaderType, Readonly = loaderType == LoaderType.Pflash ? true : null },
            AcpiTables = acpiTable is null ? [] : [new AcpiTable(AcpiTableType.Slic, acpiTable)],
            Kernel = xl ? kernel : null,
            Initrd = xl ? ramdisk : null,
            Cmdline = xl && kernel is not null ? settings.String("cmdline") ?? settings.String("extra") : null,
            BootDevices = XmOsSection.BootDevicesOf(settings.String("boot") ?? "c"),
        };
        return new XmOsSettings(os, null, null, null);
    }
}
