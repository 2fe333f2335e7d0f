using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// Reads a whole input file no larger than a limit, for every reader of untrusted documents (domain
/// XML, native configuration files): a directory, a missing or unreadable file and a file over the
/// limit are one located diagnostic each, never an exception.
/// </summary>
public static class BoundedFile
{
    public static BoundedFileRead ReadBytes(string path, long maxBytes)
    {
        var where = SourceLocation.OfFile(path);
        if (Directory.Exists(path))
            return Fail(DiagnosticCatalog.FileUnreadable, where, "is a directory, not a file");
        if (!File.Exists(path))
            return Fail(DiagnosticCatalog.FileNotFound, where, "no such file");
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
                return Fail(DiagnosticCatalog.FileTooLarge, where, $"file is {length} bytes; the limit is {maxBytes} bytes");
            return new BoundedFileRead(File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(DiagnosticCatalog.FileUnreadable, where, e.Message);
        }
    }

    private static BoundedFileRead Fail(DiagnosticCode code, SourceLocation where, string message) =>
        new(null, new Diagnostic(code, Severity.Error, message, where));
}
