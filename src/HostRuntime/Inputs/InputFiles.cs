using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.Inputs;

/// <summary>
/// This machine's file system as the pure readers see it (<see cref="IInputFiles"/>): a directory, a
/// missing or unreadable file and a file over the size limit are one diagnostic each, never an
/// exception; an oversized file is refused from its length, before a byte of it is read.
/// </summary>
public sealed class InputFiles : IInputFiles
{
    /// <summary>The real file system.</summary>
    public static InputFiles Disk { get; } = new();

    private InputFiles()
    {
    }

    public InputFileRead Read(string path, long maxBytes)
    {
        if (Directory.Exists(path))
            return InputFileRead.Failed(DiagnosticCatalog.FileUnreadable, path, "is a directory, not a file");
        if (!File.Exists(path))
            return InputFileRead.Failed(DiagnosticCatalog.FileNotFound, path, "no such file");
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
                return InputFileRead.Failed(DiagnosticCatalog.FileTooLarge, path, $"file is {length} bytes; the limit is {maxBytes} bytes");
            return new InputFileRead(File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputFileRead.Failed(File.Exists(path) ? DiagnosticCatalog.FileUnreadable : DiagnosticCatalog.FileNotFound, path, e.Message);
        }
    }
}
