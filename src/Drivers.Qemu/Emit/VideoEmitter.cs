using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device for video cards, -vga (with -global qxl sizes), -std-vga, -vmwarevga, and -vga none.
internal static class VideoEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var videos = ctx.Plan.Videos;
        if (videos.IsEmpty)
        {
            // With -device the defaults are already off (-nodefaults); otherwise say so when QEMU can.
            if (!ctx.Has(QemuCapability.Device) && ctx.Has(QemuCapability.Vga) && ctx.Has(QemuCapability.VgaNone))
            {
                args.Add("-vga");
                args.Add("none");
            }
            return;
        }
        switch (ctx.Plan.VideoSyntax)
        {
            case QemuVideoSyntax.Devices:
                AllAsDevices(videos, ctx, args);
                break;
            case QemuVideoSyntax.VgaOption:
                WithVgaOption(videos, ctx, args);
                break;
            default:
                LegacyOption(videos[0].Model, args);
                break;
        }
    }

    private static void AllAsDevices(IReadOnlyList<PlannedVideo> videos, QemuContext ctx, List<string> args)
    {
        foreach (var video in videos)
        {
            if (video.VhostUserSocket is { } socket)
            {
                args.Add("-chardev");
                args.Add(new QemuOpts("socket").Add("id", video.VhostUserCharId).Add("path", socket).ToString());
            }
            args.Add("-device");
            args.Add(Device(video, ctx));
        }
    }

    private static void WithVgaOption(IReadOnlyList<PlannedVideo> videos, QemuContext ctx, List<string> args)
    {
        var primary = videos[0];
        if (primary.Model != VideoModel.Xen)
        {
            args.Add("-vga");
            args.Add(VideoSyntax.VgaName(primary.Model)
                ?? throw new InvalidOperationException($"video model {primary.Model} was not refused by validation"));
            if (primary.SizesAsGlobals)
            {
                var device = primary.BuiltInType ?? throw new InvalidOperationException($"video {primary.Alias} has no QEMU type in the plan");
                if (primary.RamKiB is { } ram and not 0)
                {
                    args.Add("-global");
                    args.Add($"{device}.ram_size={(ulong)ram * 1024}");
                }
                if (primary.VramKiB != 0)
                {
                    args.Add("-global");
                    args.Add($"{device}.vram_size={(ulong)primary.VramKiB * 1024}");
                }
            }
        }
        for (var i = 1; i < videos.Count; i++)
        {
            var secondary = videos[i];
            args.Add("-device");
            args.Add(Device(secondary, ctx));
        }
    }

    private static void LegacyOption(VideoModel model, List<string> args)
    {
        switch (model)
        {
            case VideoModel.Vga:
                args.Add("-std-vga");
                break;
            case VideoModel.Vmvga:
                args.Add("-vmwarevga");
                break;
            case VideoModel.Cirrus or VideoModel.Xen:
                break;
            default:
                throw new InvalidOperationException($"video model {model} was not refused by validation");
        }
    }

    private static string Device(PlannedVideo video, QemuContext ctx)
    {
        var driver = video.QemuType ?? throw new InvalidOperationException($"video model {video.Model} has no device");
        var opts = new QemuOpts(driver).Add("id", video.Alias);
        var xml = video.Video;
        VirtioOptionsSyntax.Add(opts, xml?.Driver?.Virtio);
        if (ctx.Has(QemuCapability.VideoMaxOutputs) && video.Model is VideoModel.Qxl or VideoModel.Virtio)
            opts.Add("max_outputs", (long?)xml?.Heads);
        if (video.VhostUserSocket is not null) opts.Add("chardev", video.VhostUserCharId);
        if (video.Model == VideoModel.Qxl)
        {
            // QEMU takes the sizes in bytes, except the two of today's schema, in MiB.
            opts.Add("ram_size", (ulong)(video.RamKiB ?? 0) * 1024);
            opts.Add("vram_size", (ulong)video.VramKiB * 1024);
            opts.Add("vram64_size_mb", (long?)(xml?.Vram64 / 1024));
            opts.Add("vgamem_mb", (long?)(xml?.VgaMem / 1024));
        }
        else if (video.Model == VideoModel.Vga)
        {
            opts.Add("vgamem_mb", (long?)(xml?.VgaMem / 1024));
        }
        if (xml?.Resolution is { } resolution)
        {
            opts.Add("xres", (long)resolution.X);
            opts.Add("yres", (long)resolution.Y);
        }
        opts.Add("acpi-index", (long?)xml?.AcpiIndex);
        return PciEmitter.AddAddress(opts, video.Pci, ctx.Plan.PciBuses).ToString();
    }
}
