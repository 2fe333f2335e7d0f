using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>A video card as the planner settled it: model and memory sizes defaulted, primary first, alias and PCI address.</summary>
public sealed record PlannedVideo(VideoModel Model, uint VramKiB, uint? RamKiB, string Alias, PciAddress? Pci, SourceLocation Location)
{
    public bool IsPrimary { get; init; }

    /// <summary>The card's QEMU type when it is given with <c>-device</c> (the word after it), else null.</summary>
    public string? QemuType { get; init; }

    /// <summary>The QEMU type a primary card given by <c>-vga</c> turns into (null for Xen's framebuffer or with <c>-device</c>).</summary>
    public string? BuiltInType { get; init; }

    /// <summary>
    /// The memory sizes of a primary card given by <c>-vga</c> go as <c>-global</c> properties of its
    /// <see cref="BuiltInType"/> (a QXL card, when QEMU has <c>-device</c>); <c>-vga</c> itself takes none.
    /// </summary>
    public bool SizesAsGlobals { get; init; }

    /// <summary>The XML's card (for the settings of today's schema: heads, vram64, vgamem, resolution, ACPI index).</summary>
    public Video? Video { get; init; }

    /// <summary>
    /// A card emulated by a vhost-user-gpu process (<c>&lt;driver name='vhostuser'&gt;</c>): the socket QEMU connects to. The
    /// rule for a launcher without a daemon: <c>STATE/vhost-user-gpu/NAME-ALIAS.sock</c> in the host's state (run) directory,
    /// where the process its launcher starts (with the card's render node) listens. Null for a card QEMU emulates.
    /// </summary>
    public string? VhostUserSocket { get; init; }

    /// <summary>The id of the chardev to the vhost-user-gpu process.</summary>
    public string VhostUserCharId => "chr-vu-" + Alias;
}

/// <summary>
/// libvirt's video defaults: a domain with graphics but no video card gets one of the default
/// model; the card marked primary comes first; a card without a model is the default model; video
/// memory defaults by model and QXL's RAM bar to 64 MiB.
/// </summary>
internal static class VideoPlanning
{
    /// <summary>
    /// Plans the cards. <paramref name="slots"/> hands out a PCI address (or null when addresses
    /// are not assigned); the primary card takes slot 2 when nothing else named it.
    /// </summary>
    public static ImmutableArray<PlannedVideo> Plan(
        Domain domain, EmulatorDescription emulator, HostSettings host, PciSlots slots, PciAddress? primarySlot, QemuVideoSyntax syntax)
    {
        // <model type='none'/> asks for no card at all (a display on a host device's own, or none).
        var videos = ShownVideos.Of(domain);
        var planned = ImmutableArray.CreateBuilder<PlannedVideo>(videos.Length);
        for (var i = 0; i < videos.Length; i++)
        {
            var video = videos[i];
            var model = video.Model ?? VideoDefaults.DefaultModel(domain);
            var pci = video.Address as PciAddress
                ?? (!VideoSyntax.IsPci(model) ? null : i == 0 && primarySlot is not null ? primarySlot : slots.Place(video.Address, video.Location, "the video card"));
            var builtIn = i == 0 && syntax != QemuVideoSyntax.Devices ? VideoSyntax.VgaOptionDeviceName(model, emulator) : null;
            var alias = video.Alias ?? $"video{i}";
            var vhostUser = video.Driver?.Name == VideoBackend.VhostUser && model == VideoModel.Virtio;
            planned.Add(new PlannedVideo(model, video.Vram ?? VideoDefaults.DefaultVramKiB(model),
                video.Ram ?? (model == VideoModel.Qxl ? 64 * 1024 : null), alias, pci, video.Location)
            {
                IsPrimary = i == 0,
                // A card beyond the primary is always a qxl device (validation refuses any other).
                // Beyond the primary, libvirt 0.10.2's QEMU takes only qxl (validation refuses others); today's takes each model's device.
                QemuType = vhostUser ? VideoSyntax.VhostUserDeviceName(i == 0)
                    : i > 0 || syntax == QemuVideoSyntax.Devices ? VideoSyntax.DeviceName(model, i == 0, video.Acceleration?.Accel3d == true) : null,
                VhostUserSocket = vhostUser ? $"{host.StateDirectory}/vhost-user-gpu/{domain.Name}-{alias}.sock" : null,
                Video = video,
                BuiltInType = builtIn,
                SizesAsGlobals = builtIn is not null && syntax == QemuVideoSyntax.VgaOption && model == VideoModel.Qxl
                    && emulator.Has(QemuCapability.Device),
            });
        }
        return planned.ToImmutable();
    }

    /// <summary>
    /// How the cards are given: every one with <c>-device</c> when QEMU can place the primary there too, else the
    /// primary with <c>-vga</c> when QEMU has it, else the oldest flags (<c>-std-vga</c>, <c>-vmwarevga</c>).
    /// </summary>
    public static QemuVideoSyntax Syntax(Domain domain, EmulatorDescription emulator)
    {
        var videos = ShownVideos.Of(domain);
        if (videos.IsEmpty) return QemuVideoSyntax.Devices;
        var primary = videos[0].Model ?? VideoDefaults.DefaultModel(domain);
        return VideoSyntax.PrimaryAsDevice(primary, emulator) ? QemuVideoSyntax.Devices
            : emulator.Has(QemuCapability.Vga) ? QemuVideoSyntax.VgaOption
            : QemuVideoSyntax.LegacyOptions;
    }
}
