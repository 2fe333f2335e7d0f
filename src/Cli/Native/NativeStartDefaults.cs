using DomainLauncher.Translator.Model;

namespace DomainLauncher.Cli.Native;

/// <summary>
/// What libvirt decides when it starts a domain and <c>virsh domxml-to-native</c> fixes instead,
/// since nothing is started: a VNC display with an automatic port gets the first VNC port, 5900
/// (<c>-vnc HOST:0</c>), rather than a port picked from the free ones at start.
/// </summary>
internal static class NativeStartDefaults
{
    public const int FirstVncPort = 5900;

    public static Domain Apply(Domain domain)
    {
        if (!domain.Devices.Graphics.Any(IsAutoPortVnc)) return domain;
        var graphics = domain.Devices.Graphics
            .Select(g => g is VncGraphics vnc && IsAutoPortVnc(vnc) ? vnc with { Port = FirstVncPort, AutoPort = false } : g);
        return domain with { Devices = domain.Devices with { Graphics = [.. graphics] } };
    }

    // libvirt's rule: autoport='yes', or the legacy port='-1', on a VNC display that listens on TCP.
    private static bool IsAutoPortVnc(Graphics graphics) =>
        graphics is VncGraphics { Socket: null } vnc && (vnc.AutoPort == true || vnc.Port == -1);
}
