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
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var videos = ctx.Plan.Videos;
        if (videos.IsEmpty)
        {
            // With -device the defaults are already off (-nodefaults); otherwise say so when QEMU can.
            if (!ctx.Has(QemuCapability.Device) && ctx.Has(QemuCapability.Vga) && ctx.Has(QemuCapability.VgaNone))
                return ["-vga", "none"];
            return [];
        }
        return ctx.Plan.VideoSyntax switch
        {
            QemuVideoSyntax.Devices => AllAsDevices(videos, ctx),
            QemuVideoSyntax.VgaOption => WithVgaOption(videos, ctx),
            _ => LegacyOption(videos[0].Model),
        };
    }

    private static IEnumerable<string> AllAsDevices(IEnumerable<PlannedVideo> videos, QemuContext ctx)
    {
        foreach (var video in videos)
        {
            if (video.VhostUserSocket is { } socket)
            {
                yield return "-chardev";
                yield return new QemuOpts("socket").Add("id", video.VhostUserCharId).Add("path", socket).ToString();
            }
            yield return "-device";
            yield return Device(video, ctx);
        }
    }

    private static IEnumerable<string> WithVgaOption(IReadOnlyList<PlannedVideo> videos, QemuContext ctx)
    {
        var primary = videos[0];
        if (primary.Model != VideoModel.Xen)
        {
            yield return "-vga";
            yield return VideoSyntax.VgaName(primary.Model)
                ?? throw new InvalidOperationException($"video model {primary.Model} was not refused by validation");
            if (primary.SizesAsGlobals)
            {
                var device = primary.BuiltInType ?? throw new InvalidOperationException($"video {primary.Alias} has no QEMU type in the plan");
                if (primary.RamKiB is { } ram and not 0)
                {
                    yield return "-global";
                    yield return $"{device}.ram_size={(ulong)ram * 1024}";
                }
                if (primary.VramKiB != 0)
                {
                    yield return "-global";
                    yield return $"{device}.vram_size={(ulong)primary.VramKiB * 1024}";
                }
            }
        }
        foreach (var secondary in videos.Skip(1))
        {
            yield return "-device";
            yield return Device(secondary, ctx);
        }
    }

    private static IEnumerable<string> LegacyOption(VideoModel model) => model switch
    {
        VideoModel.Vga => ["-std-vga"],
        VideoModel.Vmvga => ["-vmwarevga"],
        VideoModel.Cirrus or VideoModel.Xen => [],
        _ => throw new InvalidOperationException($"video model {model} was not refused by validation"),
    };

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
