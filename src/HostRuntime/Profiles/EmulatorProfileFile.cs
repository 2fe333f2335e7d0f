using System.Text;
using System.Text.Json;
using DomainLauncher.HostRuntime.Memory;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// Reads and writes <see cref="EmulatorProfile"/> documents. Reading is strict and is
/// <see cref="EmulatorProfileReader"/>'s: the <c>format</c> must be <see cref="EmulatorProfile.FormatName"/>
/// and the <c>version</c> <see cref="EmulatorProfile.CurrentVersion"/>, every member must be present with
/// the right type and no unknown member may appear. Every failure is one diagnostic located at the file
/// (and the line and column, when known); nothing is thrown.
/// </summary>
public static class EmulatorProfileFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static ProfileReadResult Read(string path)
    {
        byte[] document;
        try
        {
            if (Directory.Exists(path)) return Failed(ProbeDiagnostics.ProfileUnreadable, path, "is a directory, not a profile");
            using var file = File.OpenHandle(path);
            var length = RandomAccess.GetLength(file);
            // The length is checked before anything is read: a profile is small, and the file is untrusted.
            if (length > EmulatorProfileReader.MaxDocumentBytes)
                return Failed(ProbeDiagnostics.ProfileInvalid, path, $"the file is {length} bytes; a profile is at most {EmulatorProfileReader.MaxDocumentBytes} bytes");
            document = Inputs.InputFiles.ReadExactly(file, length) ?? throw new IOException("the file got shorter while it was read");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(ProbeDiagnostics.ProfileUnreadable, path, File.Exists(path) ? e.Message : "the file does not exist");
        }
        // Reading a profile makes strings and tables of ~2.5 times its size (575 KB against 229 KB cleared by
        // the collector in a to-native with the 135 KB QEMU 7.2 profile): ~90 fresh pages, a page fault each.
        YoungHeapPrefault.Apply((ulong)document.Length * 3);
        return EmulatorProfileReader.Read(document, path);
    }

    /// <summary>Reads a profile document; <paramref name="file"/> names it in diagnostics.</summary>
    public static ProfileReadResult Parse(string text, string file) => EmulatorProfileReader.Read(Utf8.GetBytes(text), file);

    /// <summary>The profile document, indented (what <c>probe --json</c> prints and <c>probe --record</c> writes).</summary>
    public static string ToJson(EmulatorProfile profile) => Document(profile, indented: true);

    private static string Document(EmulatorProfile profile, bool indented) =>
        JsonSerializer.Serialize(profile, (indented ? ProfileJsonContext.Readable : ProfileJsonContext.Compact).EmulatorProfile) + "\n";

    /// <summary>
    /// Writes the profile (through a temporary file beside it, so a reader never sees half a document);
    /// not <paramref name="indented"/> for a document only this tool reads, which then reads faster.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Write(EmulatorProfile profile, string path, bool indented = true)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, Document(profile, indented), Utf8);
            File.Move(temporary, path, overwrite: true);
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return [new Diagnostic(ProbeDiagnostics.ProfileNotWritten, Severity.Error, e.Message, SourceLocation.OfFile(path))];
        }
    }

    private static ProfileReadResult Failed(DiagnosticCode code, string file, string message) =>
        new(null, [new Diagnostic(code, Severity.Error, message, SourceLocation.OfFile(file))]);
}
