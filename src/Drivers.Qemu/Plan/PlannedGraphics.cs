using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The graphics server as the planner settled it: the ports (0 for one the host picks at start), the
/// address it listens on (the XML's, else the host's) and, for VNC, the display QEMU gets
/// (<c>unix:path</c>, <c>addr:N</c>, <c>none</c> for <c>&lt;listen type='none'&gt;</c>, or a bare display number on
/// emulators without the colon form).
/// </summary>
public sealed record PlannedGraphics(Graphics Graphics)
{
    public int Port { get; init; }

    public int TlsPort { get; init; }

    public string? Listen { get; init; }

    public string? VncDisplay { get; init; }

    /// <summary>SPICE on a unix socket (<c>&lt;listen type='socket'&gt;</c>): its path; null when SPICE listens on TCP or not at all.</summary>
    public string? SpiceSocket { get; init; }

    /// <summary>The <c>-audiodev</c> id the VNC server sends the guest's sound through (VNC's audio extension), or null.</summary>
    public string? Audiodev { get; init; }
}
