namespace DomainLauncher.Translator.Model;

/// <summary>
/// Families of libvirt's architecture names that rules are written for: the PC's (<c>i686</c> and <c>x86_64</c>: the
/// i8042 PS/2 controller, the root PCI bus of QEMU's PC machines, the x86 CPU model map).
/// </summary>
public static class GuestArchitectureFamilies
{
    public static bool IsX86(string? arch) => arch is "i686" or "x86_64";
}
