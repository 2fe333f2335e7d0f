using System.Runtime.InteropServices;
using DomainLauncher.HostRuntime.Interop;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.Inputs;

/// <summary>
/// This machine's file system as the pure readers see it (<see cref="IInputFiles"/>): a directory, a
/// missing or unreadable file and a file over the size limit are one diagnostic each, never an
/// exception; an oversized file is refused from its length, before a byte of it is read, and a stream
/// (a pipe, a device) as soon as it has given more than the limit. The name <c>-</c> is standard input.
/// </summary>
public sealed unsafe class InputFiles : IInputFiles
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
        if (InputReadAhead.TryTake(path, maxBytes) is { } readAhead) return new InputFileRead(readAhead, null);
        var descriptor = Posix.Open(path, Posix.ReadOnly | Posix.CloseOnExec);
        // Missing, unreadable, a dangling link: examined step by step below, which words the diagnostic.
        if (descriptor < 0) return ReadExamined(path, maxBytes);
        try
        {
            return ReadOpen(descriptor, path, maxBytes) ?? ReadExamined(path, maxBytes);
        }
        finally
        {
            InputCloseBatch.Close(descriptor);
        }
    }

    /// <summary>
    /// The bytes behind a descriptor opened on <paramref name="path"/>, in as few system calls as the file
    /// allows: a batch reads thousands of files, and under virtualisation a system call costs a few
    /// microseconds. The status is asked of the open descriptor, not of the path: the kernel walks the path
    /// once (a batch of absolute paths spent 5% of its time in that walk when it was done twice), and a named
    /// pipe is opened once only, here (a second open would take its writer's data away with the first
    /// descriptor and then wait for a writer that is gone). Null when reading failed: the caller examines
    /// the path and words the diagnostic.
    /// </summary>
    private static InputFileRead? ReadOpen(int descriptor, string path, long maxBytes)
    {
        Posix.FileStatus status;
        if (Posix.Status(descriptor, "", Posix.EmptyPath, Posix.StatusType | Posix.StatusSize, &status) != 0) return null;
        var type = status.Mode & Posix.FileTypeMask;
        if (type == Posix.Directory)
            return InputFileRead.Failed(DiagnosticCatalog.FileUnreadable, path, "is a directory, not a file");
        if (type == Posix.RegularFile && status.Size > 0)
        {
            if (status.Size > (ulong)maxBytes)
                return InputFileRead.Failed(DiagnosticCatalog.FileTooLarge, path, $"file is {status.Size} bytes; the limit is {maxBytes} bytes");
            return ReadLength(descriptor, (int)status.Size) is { } bytes ? new InputFileRead(bytes, null) : null;
        }
        // A pipe, a device, or a file whose length is unknown (empty, or in /proc): read to its end, but
        // never past the limit (/dev/zero has no end).
        return ReadToEnd(descriptor, path, maxBytes);
    }

    /// <summary>A regular file's <paramref name="length"/> bytes; null when it came out shorter or a read failed.</summary>
    private static byte[]? ReadLength(int descriptor, int length)
    {
        var bytes = new byte[length];
        fixed (byte* start = bytes)
        {
            var filled = 0;
            while (filled < bytes.Length)
            {
                var read = Posix.Read(descriptor, start + filled, bytes.Length - filled);
                if (read < 0 && Marshal.GetLastPInvokeError() == Posix.Interrupted) continue;
                if (read <= 0) return null;
                filled += (int)read;
            }
        }
        return bytes;
    }

    /// <summary>A stream's bytes up to its end; refused as soon as it holds more than <paramref name="maxBytes"/>.</summary>
    private static InputFileRead? ReadToEnd(int descriptor, string path, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        fixed (byte* start = chunk)
        {
            while (true)
            {
                var read = Posix.Read(descriptor, start, chunk.Length);
                if (read < 0 && Marshal.GetLastPInvokeError() == Posix.Interrupted) continue;
                if (read < 0) return null;
                if (read == 0) return new InputFileRead(buffer.ToArray(), null);
                buffer.Write(chunk, 0, (int)read);
                if (buffer.Length > maxBytes)
                    return InputFileRead.Failed(DiagnosticCatalog.FileTooLarge, path, $"holds more than the limit of {maxBytes} bytes");
            }
        }
    }

    /// <summary>All <paramref name="length"/> bytes of an open file, as File.ReadAllBytes reads them; null when it holds fewer by now.</summary>
    internal static byte[]? ReadExactly(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length)
    {
        if (length > Array.MaxLength) return null;
        var bytes = new byte[length];
        var filled = 0;
        while (filled < bytes.Length)
        {
            var read = RandomAccess.Read(handle, bytes.AsSpan(filled), filled);
            if (read == 0) return null;
            filled += read;
        }
        return bytes;
    }

    /// <summary>A file examined before it is read: what is wrong with it is one diagnostic.</summary>
    private static InputFileRead ReadExamined(string path, long maxBytes)
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
