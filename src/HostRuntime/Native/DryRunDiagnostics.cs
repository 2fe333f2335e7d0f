using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>Diagnostic codes of a dry run (to-native) about the host it runs on (DL6330-DL6339).</summary>
public static class DryRunDiagnostics
{
    public static readonly DiagnosticCode HostResourceAssumed = new("DL6330", "the dry run assumes a host setting this host does not give");
}
