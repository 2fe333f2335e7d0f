using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.Inputs;

/// <summary>
/// This machine's file system as the pure readers see it (<see cref="IInputFiles"/>): a directory, a
/// missing or unreadable file and a file over the size limit are one diagnostic each, never an
/// exception; an oversized file is refused from its length, before a byte of it is read. The name
/// <c>-</c> is standard input.
/// </summary>
public sealed class InputFiles : IInputFiles
{
    /// <summary>The real file system.</summary>
    public static InputFiles Disk { get; } = new();

    private InputFiles()
    {
    }

    /// <summary>The name that means standard input, as in most Unix tools.</summary>
    public const string StandardInput = "-";

    public InputFileRead Read(string path, long maxBytes)
    {
        if (path == StandardInput) return ReadStandardInput(maxBytes);
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

    /// <summary>Standard input up to <paramref name="maxBytes"/>; one byte more is read to tell an input over the limit.</summary>
    private static InputFileRead ReadStandardInput(long maxBytes)
    {
        try
        {
            using var input = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                    return InputFileRead.Failed(DiagnosticCatalog.FileTooLarge, StandardInput, $"standard input holds more than the limit of {maxBytes} bytes");
            }
            return new InputFileRead(buffer.ToArray(), null);
        }
        catch (IOException e)
        {
            return InputFileRead.Failed(DiagnosticCatalog.FileUnreadable, StandardInput, e.Message);
        }
    }
}
