using DomainLauncher.Drivers.Xen.Planning;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// The HVM-only part of <c>(image (hvm ...))</c>: loader, vcpus, vcpu_avail, boot, the xend 3.0.2
/// cdrom, floppies, acpi/apic/pae/hap/viridian, usb and usbdevice, parallel, serial, soundhw.
/// </summary>
internal static class HvmImageEmitter
{
    public static IEnumerable<SexprNode> Emit(XenSexprContext ctx)
    {
        var d = ctx.Domain;
        var os = d.Os!;
        // With a kernel to boot directly, hvmloader is the loader; otherwise it is the "kernel".
        yield return Sx.Quoted(os.Kernel is null ? "kernel" : "loader", os.Loader!);
        yield return Sx.Number("vcpus", ctx.MaxVcpus);
        foreach (var mask in VcpuMask.Emit(ctx)) yield return mask;
        yield return Sx.Word("boot", BootOrder(os));

        foreach (var disk in d.Devices.Disks)
        {
            var source = DiskEmitter.SourcePath(disk);
            if (disk.Device == DiskDevice.Cdrom && ctx.Target.HvmCdromInImage && DiskEmitter.TargetDev(disk) == "hdc" && source is not null)
                yield return Sx.Quoted("cdrom", source);
            else if (disk.Device == DiskDevice.Floppy && source is not null)
                yield return Sx.Quoted(DiskEmitter.TargetDev(disk), source);
        }

        var features = d.Features;
        if (features?.Acpi == true) yield return Sx.Number("acpi", 1);
        if (features?.Apic == true) yield return Sx.Number("apic", 1);
        if (features?.Pae == true) yield return Sx.Number("pae", 1);
        if (features?.Hap == true) yield return Sx.Number("hap", 1);
        if (features?.Viridian == true) yield return Sx.Number("viridian", 1);

        yield return Sx.Number("usb", 1);
        foreach (var input in d.Devices.Inputs)
        {
            if (InputBuses.Effective(input, d) != InputBus.Usb) continue;
            yield return Sx.Word("usbdevice", input.Type == InputType.Mouse ? "mouse" : "tablet");
        }

        yield return d.Devices.Parallels.FirstOrDefault() is { } parallel
            ? Sx.Word("parallel", CharDeviceSpec.Format(parallel.Source))
            : Sx.Word("parallel", "none");
        yield return Serial(d.Devices);

        if (!d.Devices.Sounds.IsEmpty)
            yield return Sx.Quoted("soundhw", string.Join(',', d.Devices.Sounds.Select(s => SoundXml.Model.ToXml(s.Model))));
    }

    /// <summary>
    /// <c>(serial X)</c> for one device on port 0, <c>(serial (X none Y))</c> listing every port up to
    /// the highest used for any other arrangement, <c>(serial none)</c> without serial ports.
    /// </summary>
    private static SexprNode Serial(Devices devices)
    {
        var serial = SerialPorts.Setting(devices);
        SexprSymbol[] words = [.. serial.Ports.Select(device => Sx.Sym(device is null ? "none" : CharDeviceSpec.Format(device.Source)))];
        return serial.AsList ? Sx.List("serial", Sx.Bare(words)) : Sx.List("serial", words[0]);
    }

    /// <summary>The BIOS boot order as xend letters: a floppy, c disk, d CD-ROM, n network; "c" by default.</summary>
    private static string BootOrder(OsConfig os) =>
        os.BootDevices.IsEmpty
            ? "c"
            : string.Concat(os.BootDevices.Select(b => b switch
            {
                BootDevice.Floppy => 'a',
                BootDevice.Cdrom => 'd',
                BootDevice.Network => 'n',
                _ => 'c',
            }));
}
