using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The HVM device model and its USB pointer: <c>device_model</c> (the emulator), <c>usb</c> and
/// <c>usbdevice</c> ("mouse" or "tablet", from the first USB input device).
/// </summary>
internal static class XmHvmDeviceSection
{
    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx)
    {
        if (!ctx.Hvm) yield break;
        var devices = ctx.Domain.Devices;
        if (devices.Emulator is { } emulator) yield return Xm.String("device_model", emulator);
        if (devices.Inputs.FirstOrDefault(i => i.Bus == InputBus.Usb) is { } input)
        {
            yield return Xm.Flag("usb", true);
            yield return Xm.String("usbdevice", input.Type == InputType.Mouse ? "mouse" : "tablet");
        }
    }

    /// <summary>The USB pointer an HVM config names, if any.</summary>
    public static InputDevice? ReadUsbInput(XmSettings settings, bool hvm)
    {
        // Read for every guest so that the setting counts as known; only HVM guests have one.
        var device = settings.String("usbdevice");
        _ = settings.Flag("usb");
        if (!hvm || device is null) return null;
        switch (device)
        {
            case "mouse":
                return new InputDevice { Type = InputType.Mouse, Bus = InputBus.Usb };
            case "tablet":
                return new InputDevice { Type = InputType.Tablet, Bus = InputBus.Usb };
            default:
                settings.Warn(settings.Entry("usbdevice")!.Value, "usbdevice",
                    $"usbdevice \"{device}\" is not a pointer and is ignored; the ones read are mouse, tablet");
                return null;
        }
    }
}
