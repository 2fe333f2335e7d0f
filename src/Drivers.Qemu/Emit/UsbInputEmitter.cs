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
        var inputs = ctx.Domain.Devices.Inputs;
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            if (input.Bus != InputBus.Usb) continue;
            var kind = input.Type == InputType.Tablet ? "tablet" : "mouse";
            if (ctx.Plan.UseDevice)
            {
                yield return "-device";
                yield return UsbEmitter.AddUsbAddress(new QemuOpts("usb-" + kind).Add("id", input.Alias ?? $"input{i}"), input.Address).ToString();
            }
            else
            {
                yield return "-usbdevice";
                yield return kind;
            }
        }
    }
}
