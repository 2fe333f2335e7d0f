using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -usb, and USB input devices (-usbdevice mouse|tablet, or -device usb-mouse|usb-tablet).
internal static class UsbInputEmitter
{
    public static void Usb(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Usb) args.Add("-usb");
    }

    public static void Inputs(QemuContext ctx, List<string> args)
    {
        foreach (var input in ctx.Plan.Inputs)
        {
            if (ctx.Plan.UseDevice)
            {
                args.Add("-device");
                args.Add(UsbEmitter.AddUsbAddress(new QemuOpts(input.QemuType).Add("id", input.Alias), input.Input.Address, ctx.Plan).ToString());
            }
            else
            {
                args.Add("-usbdevice");
                args.Add(input.Input.Type == InputType.Tablet ? "tablet" : "mouse");
            }
        }
    }
}
