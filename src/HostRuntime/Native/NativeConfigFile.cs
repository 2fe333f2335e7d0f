using System.Text;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// Reads a native configuration file (an xm config) as text for <c>from-native</c>, with the
/// limits domain documents have (<see cref="Inputs.InputFiles"/>): a directory, a missing or unreadable
/// file, a file over the size limit and text that is not UTF-8 are one diagnostic each, never an exception.
/// </summary>
public static class NativeConfigFile
{
    public static (string? Text, Diagnostic? Error) Read(string path)
    {
        var read = Inputs.InputFiles.Disk.Read(path, XmlLimits.Default.MaxBytes);
        if (read.Bytes is not { } bytes) return (null, read.Error);
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return (text.StartsWith('\uFEFF') ? text[1..] : text, null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, new Diagnostic(DiagnosticCatalog.InvalidEncoding, Severity.Error,
                $"the file is not UTF-8 text (bad byte at offset {e.Index})", SourceLocation.OfFile(path)));
        }
    }
}
