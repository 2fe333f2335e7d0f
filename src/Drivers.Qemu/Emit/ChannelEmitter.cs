using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: channels (-chardev + -netdev user,guestfwd= | -device virtserialport/spicevmc) and virtio consoles (-chardev + -device virtconsole).
internal static class ChannelEmitter
{
    /// <summary>The name QEMU's spice agent port has in the guest; the legacy spicevmc device sets it itself.</summary>
    public const string SpiceAgentPortName = "com.redhat.spice.0";

    public static IEnumerable<string> Channels(QemuContext ctx)
    {
        foreach (var channel in ctx.Plan.Channels)
        {
            switch (channel.Device.Target)
            {
                case GuestfwdChannelTarget fwd:
                    yield return "-chardev";
                    yield return CharSourceSyntax.Chardev(channel.Device.Source, channel.CharAlias, ctx);
                    yield return "-netdev";
                    yield return ctx.Has(QemuCapability.GuestfwdChardev)
                        ? new QemuOpts("user")
                            .Add("guestfwd", $"tcp:{fwd.Address}:{fwd.Port}-chardev:{channel.CharAlias}")
                            .Add("id", "user-" + channel.Alias).ToString()
                        : new QemuOpts("user")
                            .Add("guestfwd", $"tcp:{fwd.Address}:{fwd.Port}")
                            .Add("chardev", channel.CharAlias)
                            .Add("id", "user-" + channel.Alias).ToString();
                    break;
                case VirtioChannelTarget virtio:
                    var legacySpice = UsesLegacySpicevmcDevice(channel.Device, ctx);
                    if (!legacySpice)
                    {
                        yield return "-chardev";
                        yield return CharSourceSyntax.Chardev(channel.Device.Source, channel.CharAlias, ctx);
                    }
                    yield return "-device";
                    yield return SerialPortDevice(legacySpice ? "spicevmc" : "virtserialport", channel, legacySpice ? null : virtio.Name, !legacySpice);
                    break;
                default:
                    throw new InvalidOperationException($"channel target {channel.Device.Target?.GetType().Name} passed validation");
            }
        }
    }

    public static IEnumerable<string> Consoles(QemuContext ctx)
    {
        foreach (var console in ctx.Plan.Consoles)
        {
            if (console.Device.Target is not ConsoleTarget { Type: ConsoleTargetType.Virtio }) continue;
            yield return "-chardev";
            yield return CharSourceSyntax.Chardev(console.Device.Source, console.CharAlias, ctx);
            yield return "-device";
            yield return SerialPortDevice("virtconsole", console, name: null, withChardev: true);
        }
    }

    /// <summary>Older QEMU had spicevmc only as a virtio-serial device with its own backend, not as a chardev.</summary>
    public static bool UsesLegacySpicevmcDevice(CharDevice device, QemuContext ctx) =>
        device.Source is SpicevmcCharSource && !ctx.Has(QemuCapability.ChardevSpicevmc) && ctx.Has(QemuCapability.DeviceSpicevmc);

    private static string SerialPortDevice(string driver, PlannedCharDevice device, string? name, bool withChardev)
    {
        var opts = new QemuOpts(driver);
        if (device.SerialPort is { } port)
            opts.Add("bus", $"virtio-serial{port.Controller ?? 0}.{port.Bus ?? 0}").Add("nr", port.Port);
        if (withChardev) opts.Add("chardev", device.CharAlias);
        opts.Add("id", device.Alias);
        return opts.Add("name", name).ToString();
    }
}
