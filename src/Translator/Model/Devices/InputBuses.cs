namespace DomainLauncher.Translator.Model;

/// <summary>
/// The bus an input device is on, as libvirt decides it when the document names none: PS/2 for a fully
/// virtualized x86 guest's mouse and keyboard (the i8042 controller every PC has), virtio on s390 and for a
/// passed-through host event device, no bus for an evdev input, USB for every other input of a fully virtualized
/// guest (a tablet above all), Xen for a paravirtualized guest's. The model keeps an absent bus absent (it is
/// written back as given); whatever places inputs reads this, so a tablet without a bus is the USB tablet libvirt
/// makes of it.
/// </summary>
public static class InputBuses
{
    public static InputBus? Effective(InputDevice input, Domain domain)
    {
        if (input.Bus is { } given) return given;
        if (input.Type == InputType.Evdev) return null;
        if (input.Type == InputType.Passthrough) return InputBus.Virtio;
        if (domain.Os?.Type != OsType.Hvm) return InputBus.Xen;
        var arch = domain.Os.Arch;
        if (input.Type is InputType.Mouse or InputType.Keyboard && (arch is null || GuestArchitectureFamilies.IsX86(arch))) return InputBus.Ps2;
        if (arch is "s390" or "s390x") return InputBus.Virtio;
        return InputBus.Usb;
    }
}
