using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>
/// How libvirt reads a graphics server's ports and listen address for a domain that is not
/// running: an automatic port (<c>autoport='yes'</c>, port absent or <c>-1</c>) is 0 until the
/// host picks one; the listen address is the first listen element's (the legacy attribute names
/// the same address), else the host's. Pure functions of the domain, read by validation, the
/// planner and the launcher alike.
/// </summary>
public static class GraphicsDefaults
{
    public static int Port(ListeningGraphics graphics) =>
        graphics.PortChosenAtStart ? 0 : graphics.Port!.Value;

    public static int TlsPort(SpiceGraphics spice) =>
        spice.AutoPort == true || spice.TlsPort is null or -1 ? 0 : spice.TlsPort.Value;

    /// <summary>The address the XML names (null when it names none).</summary>
    public static string? ListenAddress(ListeningGraphics graphics) =>
        graphics.Listens.IsEmpty ? graphics.Listen : (graphics.Listens[0] as AddressListen)?.Address;
}
