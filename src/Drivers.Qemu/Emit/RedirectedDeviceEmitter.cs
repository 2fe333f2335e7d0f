using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: USB redirection: -chardev + -device (usb-redir) (with the domain's filter, boot index and USB address).
internal static class RedirectedDeviceEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var filter = Filter(ctx.Domain.Devices.RedirectionFilter);
        foreach (var redir in ctx.Plan.RedirectedDevices)
        {
            args.Add("-chardev");
            args.Add(CharSourceSyntax.Chardev(redir.Device.Source, redir.CharAlias, ctx, spiceName: "usbredir"));
            var opts = new QemuOpts(redir.QemuType).Add("chardev", redir.CharAlias).Add("id", redir.Alias).Add("filter", filter);
            if (redir.BootIndex is { } boot) opts.Add("bootindex", (long)boot);
            args.Add("-device");
            args.Add(UsbEmitter.AddUsbAddress(opts, redir.Device.Address, ctx.Plan).ToString());
        }
    }

    /// <summary>
    /// usb-redir's filter: one <c>class:vendor:product:version:allow</c> rule per <c>&lt;usbdev&gt;</c>, joined
    /// by <c>|</c>; <c>-1</c> matches anything; numbers in upper-case hexadecimal, the version as BCD.
    /// </summary>
    public static string? Filter(RedirectionFilter? filter)
    {
        if (filter is null || filter.Rules.IsEmpty) return null;
        static string Hex(int? value, int digits) =>
            value is { } v ? "0x" + v.ToString("X" + digits, CultureInfo.InvariantCulture) : "-1";
        return string.Join("|", filter.Rules.Select(r => string.Join(":",
            Hex(r.Class?.Value, 2), Hex(r.Vendor?.Value, 4), Hex(r.Product?.Value, 4),
            Hex(r.Version?.Value?.ToBcd(), 4), r.Allow ? "1" : "0")));
    }
}
