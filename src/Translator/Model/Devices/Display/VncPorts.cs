namespace DomainLauncher.Translator.Model;

/// <summary>
/// The TCP ports of VNC displays, as every VNC server and client counts them: display N listens on
/// port <see cref="First"/> + N. One constant, so the QEMU and Xen writers, the launcher's free-port
/// search and <c>to-native</c>'s fixed port all agree on it.
/// </summary>
public static class VncPorts
{
    /// <summary>The port of display 0, and the first port a VNC display with an automatic port may get.</summary>
    public const int First = 5900;
}
