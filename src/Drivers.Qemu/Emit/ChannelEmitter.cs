using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: channels (-chardev + -netdev user,guestfwd= | -device virtserialport/spicevmc) and virtio consoles (-chardev + -device virtconsole).
internal static class ChannelEmitter
{
    public static void Channels(QemuContext ctx, List<string> args)
    {
        foreach (var channel in ctx.Plan.Channels)
        {
            switch (channel.Device.Target)
            {
                case GuestfwdChannelTarget fwd:
                    args.Add("-chardev");
                    args.Add(CharSourceSyntax.Chardev(channel.Device.Source, channel.CharAlias, ctx, log: channel.Device.Log));
                    args.Add("-netdev");
                    args.Add(ctx.Has(QemuCapability.GuestfwdChardev)
                        ? new QemuOpts("user")
                            .Add("guestfwd", $"tcp:{fwd.Address}:{fwd.Port}-chardev:{channel.CharAlias}")
                            .Add("id", "user-" + channel.Alias).ToString()
                        : new QemuOpts("user")
                            .Add("guestfwd", $"tcp:{fwd.Address}:{fwd.Port}")
                            .Add("chardev", channel.CharAlias)
                            .Add("id", "user-" + channel.Alias).ToString());
                    break;
                case VirtioChannelTarget virtio:
                    if (channel.HasChardev)
                    {
                        args.Add("-chardev");
                        args.Add(CharSourceSyntax.Chardev(channel.Device.Source, channel.CharAlias, ctx, log: channel.Device.Log));
                    }
                    args.Add("-device");
                    // The legacy spicevmc device names its port itself.
                    args.Add(SerialPortDevice(channel, channel.HasChardev ? virtio.Name : null));
                    break;
                default:
                    throw new InvalidOperationException($"channel target {channel.Device.Target?.GetType().Name} passed validation");
            }
        }
    }

    public static void Consoles(QemuContext ctx, List<string> args)
    {
        foreach (var console in ctx.Plan.Consoles)
        {
            // Only a virtio console is a device of its own; a serial console is the first serial port.
            if (console.QemuType is null) continue;
            args.Add("-chardev");
            args.Add(CharSourceSyntax.Chardev(console.Device.Source, console.CharAlias, ctx, log: console.Device.Log));
            args.Add("-device");
            args.Add(SerialPortDevice(console, name: null));
        }
    }

    private static string SerialPortDevice(PlannedCharDevice device, string? name)
    {
        var opts = new QemuOpts(device.QemuType ?? throw new InvalidOperationException($"{device.Alias} has no device type in the plan"));
        if (device.SerialPort is { } port)
            opts.Add("bus", $"virtio-serial{port.Controller ?? 0}.{port.Bus ?? 0}").Add("nr", port.Port);
        if (device.HasChardev) opts.Add("chardev", device.CharAlias);
        opts.Add("id", device.Alias);
        return opts.Add("name", name).ToString();
    }
}
