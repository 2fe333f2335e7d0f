using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The mouse libvirt gives every guest with graphics when the document names none on that bus:
/// PS/2 for a fully virtualized guest, Xen for a paravirtualized one.
/// </summary>
internal static class InputDefaults
{
    /// <summary>The devices with the implicit mouse; <paramref name="devices"/> are the domain's as the steps before left them.</summary>
    public static Model.Devices Apply(Domain domain, Model.Devices devices)
    {
        if (devices.Graphics.IsEmpty) return devices;
        var bus = domain.Os?.Type == OsType.Hvm ? InputBus.Ps2 : InputBus.Xen;
        if (devices.Inputs.Any(i => i.Type == InputType.Mouse && InputBuses.Effective(i, domain) == bus)) return devices;
        return devices with { Inputs = devices.Inputs.Add(new InputDevice { Type = InputType.Mouse, Bus = bus }) };
    }
}
