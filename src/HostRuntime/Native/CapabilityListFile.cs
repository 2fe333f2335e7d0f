using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// Reads a capability list file (<c>to-native --caps-file</c>; the text is read by
/// <see cref="CapabilityListText"/>). A missing or unreadable file is one diagnostic, never an exception.
/// </summary>
public static class CapabilityListFile
{
    public static QemuCapabilitySetParseResult Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var code = File.Exists(path) ? DiagnosticCatalog.FileUnreadable : DiagnosticCatalog.FileNotFound;
            return new(QemuCapabilitySet.Empty, [new Diagnostic(code, Severity.Error, e.Message, SourceLocation.OfFile(path))]);
        }
        return CapabilityListText.Parse(lines, path);
    }
}
