using System.Text;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Cli.Native;

/// <summary>
/// Reads a native configuration file (an xm config) as text for <c>from-native</c>, with the
/// limits domain documents have: a directory, a missing or unreadable file, a file over the size
/// limit and text that is not UTF-8 are one diagnostic each, never an exception.
/// </summary>
internal static class NativeConfigFile
{
    public static (string? Text, Diagnostic? Error) Read(string path)
    {
        var where = SourceLocation.OfFile(path);
        if (Directory.Exists(path))
            return Fail(DiagnosticCatalog.FileUnreadable, where, "is a directory, not a file");
        if (!File.Exists(path))
            return Fail(DiagnosticCatalog.FileNotFound, where, "no such file");
        byte[] bytes;
        try
        {
            var limit = XmlLimits.Default.MaxBytes;
            var length = new FileInfo(path).Length;
            if (length > limit)
                return Fail(DiagnosticCatalog.FileTooLarge, where, $"file is {length} bytes; the limit is {limit} bytes");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(DiagnosticCatalog.FileUnreadable, where, e.Message);
        }
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return (text.StartsWith('\uFEFF') ? text[1..] : text, null);
        }
        catch (DecoderFallbackException e)
        {
            return Fail(DiagnosticCatalog.InvalidEncoding, where, $"the file is not UTF-8 text (bad byte at offset {e.Index})");
        }
    }

    private static (string?, Diagnostic?) Fail(DiagnosticCode code, SourceLocation where, string message) =>
        (null, new Diagnostic(code, Severity.Error, message, where));
}
