using System.Text;
using System.Text.Json;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// Reads and writes <see cref="EmulatorProfile"/> documents. Reading is strict: the <c>format</c> must
/// be <see cref="EmulatorProfile.FormatName"/> and the <c>version</c> <see cref="EmulatorProfile.CurrentVersion"/>
/// (checked first, so a newer document is refused for its version, not for its shape), every member must
/// be present with the right type and no unknown member may appear. Every failure is one diagnostic
/// located at the file (and the line and column, when the JSON reader knows them); nothing is thrown.
/// </summary>
public static class EmulatorProfileFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static ProfileReadResult Read(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path)) return Failed(ProbeDiagnostics.ProfileUnreadable, SourceLocation.OfFile(path), "is a directory, not a profile");
            // A current document (every probe cache hit) is read from its bytes in one pass, without a copy as
            // text; anything else is read again as text by Parse, which says what is wrong with it.
            if (Current(File.ReadAllBytes(path)) is { } current) return new ProfileReadResult(current, []);
            text = File.ReadAllText(path, Utf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = File.Exists(path) ? e.Message : "the file does not exist";
            return Failed(ProbeDiagnostics.ProfileUnreadable, SourceLocation.OfFile(path), reason);
        }
        return Parse(text, path);
    }

    /// <summary>Reads a profile document; <paramref name="file"/> names it in diagnostics.</summary>
    public static ProfileReadResult Parse(string text, string file)
    {
        var where = SourceLocation.OfFile(file);
        try
        {
            using (var document = JsonDocument.Parse(text))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    return Failed(ProbeDiagnostics.ProfileInvalid, where, $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
                if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                    || format.GetString() != EmulatorProfile.FormatName)
                    return Failed(ProbeDiagnostics.ProfileInvalid, where,
                        $"not an emulator profile: \"format\" must be \"{EmulatorProfile.FormatName}\"" +
                        (format.ValueKind == JsonValueKind.Undefined ? " and is missing" : $", found {format.GetRawText()}"));
                if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                    || !version.TryGetInt32(out var number) || number != EmulatorProfile.CurrentVersion)
                    return Failed(ProbeDiagnostics.ProfileInvalid, where,
                        $"profile version {(version.ValueKind == JsonValueKind.Undefined ? "missing" : version.GetRawText())} is not supported; this build reads version {EmulatorProfile.CurrentVersion}");
            }
            var profile = JsonSerializer.Deserialize(text, ProfileJsonContext.Default.EmulatorProfile);
            if (profile is null) return Failed(ProbeDiagnostics.ProfileInvalid, where, "the document is null");
            return new ProfileReadResult(profile, []);
        }
        catch (JsonException e)
        {
            var located = e.LineNumber is { } line
                ? new SourceLocation(file, (int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1, "")
                : where;
            return Failed(ProbeDiagnostics.ProfileInvalid, located, Describe(e));
        }
    }

    /// <summary>The profile when <paramref name="utf8"/> is a well-formed document of the current format and version, else null.</summary>
    private static EmulatorProfile? Current(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, ProfileJsonContext.Default.EmulatorProfile) is
                { Format: EmulatorProfile.FormatName, Version: EmulatorProfile.CurrentVersion } current
                ? current
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string ToJson(EmulatorProfile profile) =>
        JsonSerializer.Serialize(profile, ProfileJsonContext.Readable.EmulatorProfile) + "\n";

    /// <summary>Writes the profile (through a temporary file beside it, so a reader never sees half a document).</summary>
    public static IReadOnlyList<Diagnostic> Write(EmulatorProfile profile, string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, ToJson(profile), Utf8);
            File.Move(temporary, path, overwrite: true);
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return [new Diagnostic(ProbeDiagnostics.ProfileNotWritten, Severity.Error, e.Message, SourceLocation.OfFile(path))];
        }
    }

    /// <summary>The reader's words without its "Path: ... | LineNumber: ..." tail, led by the JSON path of the member.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in (string[])[" Path: ", " LineNumber: "])
        {
            var tail = message.IndexOf(marker, StringComparison.Ordinal);
            if (tail >= 0) message = message[..tail];
        }
        message = message.TrimEnd('.', ' ');
        // "JSON deserialization for type 'Namespace.Type' was missing required properties including: 'a', 'b'."
        var missing = message.IndexOf("missing required properties including: ", StringComparison.Ordinal);
        if (missing >= 0) message = "missing required members: " + message[(missing + "missing required properties including: ".Length)..];
        return e.Path is { Length: > 0 } member && member != "$" ? $"{member}: {message}" : message;
    }

    private static ProfileReadResult Failed(DiagnosticCode code, SourceLocation where, string message) =>
        new(null, [new Diagnostic(code, Severity.Error, message, where)]);
}
