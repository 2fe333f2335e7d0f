using System.Runtime.InteropServices;
using DomainLauncher.HostRuntime.Interop;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.Inputs;

/// <summary>
/// This machine's file system as the pure readers see it (<see cref="IInputFiles"/>): a directory, a
/// missing or unreadable file and a file over the size limit are one diagnostic each, never an
/// exception; an oversized file is refused from its length, before a byte of it is read. The name
/// <c>-</c> is standard input.
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
        if (ReadPlainFile(path, maxBytes) is { } plain) return new InputFileRead(plain, null);
        try
        {
            // The usual case in one open: the length from the open file, then its bytes. Anything
            // unusual (a directory, a missing or unreadable file) is examined step by step below,
            // which words the diagnostic.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = LengthOf(handle);
            if (length > maxBytes)
                return InputFileRead.Failed(DiagnosticCatalog.FileTooLarge, path, $"file is {length} bytes; the limit is {maxBytes} bytes");
            // A length of 0: an empty file, or one whose length is unknown (a pipe, /proc): read to its end.
            if ((length > 0 ? ReadExactly(handle, length) : ReadToEnd(handle)) is { } bytes) return new InputFileRead(bytes, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return ReadExamined(path, maxBytes);
    }

    /// <summary>
    /// The usual input, a regular file within the limit, in four system calls (its status, open, its bytes,
    /// close) where the general path below makes ten (.NET's open also stats and locks the file, and its
    /// reads seek first): a batch reads thousands, and under virtualisation a system call costs a few
    /// microseconds. Null for anything else (missing, unreadable, empty, over the limit, a directory, a
    /// pipe or a device) or a file that came out shorter than its status said, which the general path
    /// reads or words the diagnostic of. The status comes first so that a named pipe is opened once only,
    /// by the general path: opening it here and again there would take its writer's data away with the
    /// first descriptor and then wait for a writer that is gone.
    /// </summary>
    private static byte[]? ReadPlainFile(string path, long maxBytes)
    {
        Posix.FileStatus status;
        if (Posix.Status(Posix.CurrentDirectory, path, 0, Posix.StatusType | Posix.StatusSize, &status) != 0) return null;
        if ((status.Mode & Posix.FileTypeMask) != Posix.RegularFile
            || status.Size == 0 || status.Size > (ulong)maxBytes || status.Size > (ulong)Array.MaxLength) return null;
        var descriptor = Posix.Open(path, Posix.ReadOnly | Posix.CloseOnExec);
        if (descriptor < 0) return null;
        try
        {
            var bytes = new byte[(int)status.Size];
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
        finally
        {
            Posix.Close(descriptor);
        }
    }

    /// <summary>The open file's length; 0 (unknown) for a pipe, which has none.</summary>
    private static long LengthOf(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        try
        {
            return RandomAccess.GetLength(handle);
        }
        catch (NotSupportedException)
        {
            return 0;
        }
    }

    private static byte[] ReadToEnd(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        // A stream, not RandomAccess: a pipe cannot be read at an offset.
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
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
