using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The HVM device model and its USB pointer: <c>device_model</c> (the emulator), <c>usb</c> and
/// <c>usbdevice</c> ("mouse" or "tablet", from the first USB input device).
/// </summary>
internal static class XmHvmDeviceSection
{
    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx) => [.. EmitEmulator(ctx), .. EmitUsbInput(ctx)];

    /// <summary>The emulator: xend's HVM <c>device_model</c>, libxl's <c>device_model_override</c> for every guest.</summary>
    public static IEnumerable<XmEntry> EmitEmulator(XmConfigContext ctx)
    {
        if (ctx.Domain.Devices.Emulator is { } emulator && (ctx.Hvm || ctx.Target.XmCommonSettingsFirst))
            yield return Xm.String(ctx.Target.XmDeviceModelSetting, emulator);
    }

    /// <summary>
    /// An HVM guest's USB pointers: <c>usb = 1</c> and <c>usbdevice</c>, the first one's name (xm), or
    /// every one's, as a list when there are several (xl).
    /// </summary>
    public static IEnumerable<XmEntry> EmitUsbInput(XmConfigContext ctx)
    {
        if (!ctx.Hvm) yield break;
        string[] names = [.. ctx.Domain.Devices.Inputs.Where(i => InputBuses.Effective(i, ctx.Domain) == InputBus.Usb && i.Type is InputType.Mouse or InputType.Tablet).Select(i => i.Type == InputType.Mouse ? "mouse" : "tablet")];
        if (names.Length == 0) yield break;
        yield return Xm.Flag("usb", true);
        if (ctx.Xl && names.Length > 1) yield return new XmEntry("usbdevice", XmList.OfStrings(names));
        else yield return Xm.String("usbdevice", names[0]);
    }

    /// <summary>The USB pointers an HVM config names in <c>usbdevice</c>: one name, or (xl) a list of them.</summary>
    public static ImmutableArray<InputDevice> ReadUsbInputs(XmSettings settings, bool hvm)
    {
        // Read for every guest so that the setting counts as known; only HVM guests have one.
        _ = settings.Flag("usb");
        var entry = settings.Entry("usbdevice");
        if (entry is null) return [];
        IReadOnlyList<XmString> names = entry.Value is XmList ? settings.StringList("usbdevice") ?? [] : settings.String("usbdevice") is { } one ? [(XmString)entry.Value] : [];
        if (!hvm) return [];
        var inputs = ImmutableArray.CreateBuilder<InputDevice>();
        foreach (var name in names)
        {
            switch (name.Text)
            {
                case "mouse":
                    inputs.Add(new InputDevice { Type = InputType.Mouse, Bus = InputBus.Usb });
                    break;
                case "tablet":
                    inputs.Add(new InputDevice { Type = InputType.Tablet, Bus = InputBus.Usb });
                    break;
                default:
                    settings.Warn(name, "usbdevice", $"usbdevice \"{name.Text}\" is not a pointer and is ignored; the ones read are mouse, tablet");
                    break;
            }
        }
        return inputs.ToImmutable();
    }
}
