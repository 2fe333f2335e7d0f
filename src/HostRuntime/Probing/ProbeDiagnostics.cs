using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>Diagnostic codes for probing a QEMU binary over QMP (DL6000-DL6049).</summary>
public static class ProbeDiagnostics
{
    public static readonly DiagnosticCode EmulatorNotFound = new("DL6000", "the emulator binary does not exist");
    public static readonly DiagnosticCode EmulatorNotStartable = new("DL6001", "the emulator binary could not be started");
    public static readonly DiagnosticCode EmulatorExited = new("DL6002", "the emulator exited before answering on QMP");
    public static readonly DiagnosticCode ProbeTimedOut = new("DL6003", "the emulator did not answer within the probe timeout");
    public static readonly DiagnosticCode QmpProtocolError = new("DL6004", "the emulator's QMP conversation was not valid");
    public static readonly DiagnosticCode QmpCommandFailed = new("DL6005", "a QMP query the probe needs failed");
    public static readonly DiagnosticCode ProbeCancelled = new("DL6006", "the probe was cancelled");
    public static readonly DiagnosticCode HelpUnreadable = new("DL6007", "the emulator's -help text could not be read");
    public static readonly DiagnosticCode ProfileUnreadable = new("DL6010", "the emulator profile cannot be read");
    public static readonly DiagnosticCode ProfileInvalid = new("DL6011", "the emulator profile is not a valid profile");
    public static readonly DiagnosticCode ProfileNotWritten = new("DL6012", "the emulator profile cannot be written");
}
