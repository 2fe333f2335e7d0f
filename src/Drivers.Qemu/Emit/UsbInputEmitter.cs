using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -usb, and USB input devices (-usbdevice mouse|tablet, or -device usb-mouse|usb-tablet).
internal static class UsbInputEmitter
{
    public static IEnumerable<string> Usb(QemuContext ctx)
    {
        if (ctx.Plan.Usb) yield return "-usb";
    }

    public static IEnumerable<string> Inputs(QemuContext ctx)
    {
        foreach (var input in ctx.Plan.Inputs)
        {
            if (ctx.Plan.UseDevice)
            {
                yield return "-device";
                yield return UsbEmitter.AddUsbAddress(new QemuOpts(input.QemuType).Add("id", input.Alias), input.Input.Address, ctx.Plan).ToString();
            }
            else
            {
                yield return "-usbdevice";
                yield return input.Input.Type == InputType.Tablet ? "tablet" : "mouse";
            }
        }
    }
}
