using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The graphics server as the planner settled it: the ports (0 for one the host picks at start), the
/// address it listens on (the XML's, else the host's) and, for VNC, the display QEMU gets
/// (<c>unix:path</c>, <c>addr:N</c> or a bare display number on emulators without the colon form).
/// </summary>
public sealed record PlannedGraphics(Graphics Graphics)
{
    public int Port { get; init; }

    public int TlsPort { get; init; }

    public string? Listen { get; init; }

    public string? VncDisplay { get; init; }
}
