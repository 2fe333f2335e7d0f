using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>Diagnostic codes of the requests made to one running guest (DL6500-DL6529).</summary>
public static class GuestRequestDiagnostics
{
    public static readonly DiagnosticCode MonitorCommandRefused = new("DL6500", "QEMU refused the monitor command");
    public static readonly DiagnosticCode MonitorCommandMalformed = new("DL6501", "the monitor command is not a QMP command");
    public static readonly DiagnosticCode NoVncDisplay = new("DL6502", "the guest has no VNC display");
    public static readonly DiagnosticCode NoDomainXml = new("DL6503", "the run directory holds no domain XML");
    public static readonly DiagnosticCode NoSerialConsole = new("DL6504", "the guest has no serial console to attach to");
    public static readonly DiagnosticCode ConsoleFailed = new("DL6505", "the serial console could not be attached");
}
