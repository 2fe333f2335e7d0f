using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>Diagnostic codes for launching and controlling guests (DL6050-DL6099).</summary>
public static class RuntimeDiagnostics
{
    public static readonly DiagnosticCode BadDomainName = new("DL6050", "the domain name cannot name a run directory");
    public static readonly DiagnosticCode RunDirectoryUnusable = new("DL6051", "the run directory cannot be created or used");
    public static readonly DiagnosticCode DomainBusy = new("DL6052", "another domainlauncher command holds the domain's lock");
    public static readonly DiagnosticCode AlreadyRunning = new("DL6053", "a domain of that name is running");
    public static readonly DiagnosticCode NotRunning = new("DL6054", "no domain of that name is running");
    public static readonly DiagnosticCode StartFailed = new("DL6055", "the emulator failed while starting the guest");
    public static readonly DiagnosticCode MonitorFailed = new("DL6056", "the guest's QMP monitor did not answer as expected");
    public static readonly DiagnosticCode HostNetworkRefused = new("DL6057", "a host network interface needs a tap device the launcher cannot open");
    public static readonly DiagnosticCode NoFreeVncPort = new("DL6058", "no free VNC port");
    public static readonly DiagnosticCode WrongState = new("DL6059", "the guest is already in the state the command asks for");
    public static readonly DiagnosticCode TransientOverlayFailed = new("DL6060", "the overlay of a transient disk could not be made");
}
