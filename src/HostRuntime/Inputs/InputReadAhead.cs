using System.Runtime.InteropServices;
using System.Text;
using DomainLauncher.HostRuntime.Interop;

namespace DomainLauncher.HostRuntime.Inputs;

/// <summary>
/// While it is open, the files of a batch (<c>validate</c>, <c>to-native</c>, <c>from-native</c> of many files)
/// are read ahead a group at a time through an io_uring ring (<see cref="IoUring"/>): the status of the
/// group's paths in one system call, then each regular file opened, read and closed in one more. When the
/// batch reads a file (<see cref="InputFiles.Read"/>), the bytes are already there. Disposing it drops what
/// was read and not taken.
/// <para>
/// Why: a batch spends a few microseconds of a document's ~45 in its files' system calls (open, status,
/// read), most of which is the system call itself under the paravirtualised hosts measured here, not
/// the work. In a ring the same work is done with two calls per group: measured in C on the 9.0 corpus,
/// 5.4 µs per file one call at a time, 2.2-2.7 µs in the ring; <c>to-native --json</c> of that corpus x20 went
/// from 21,200 to 25,700 documents per CPU second (0.10.2's: 26,500 to 31,700). The status is done by the
/// kernel's worker threads (io_uring never does it inline), which run on the batch's own core when it is pinned.
/// </para>
/// <para>
/// Only what is plainly a regular file of at most <see cref="SlotBytes"/> bytes, and no more than the
/// reader's limit, is read ahead; it is opened without waiting (a file that turned into a named pipe since
/// its status does not hold the group up) and its bytes are kept only if they are as many as its status
/// said. Anything else (standard input, a pipe, a directory, a missing or larger file, a failed read) is
/// left to <see cref="InputFiles"/>, which reads it when its turn comes and words any diagnostic, so a
/// batch's results are the same with or without the ring. A kernel without io_uring, or one that refuses it
/// (containers often do), reads every file that way.
/// </para>
/// </summary>
public sealed unsafe class InputReadAhead : IDisposable
{
    /// <summary>Files per group: at most this many files' bytes are held ahead of the batch.</summary>
    private const int GroupSize = 32;

    /// <summary>The largest file read ahead; a domain document is a few kilobytes.</summary>
    private const int SlotBytes = 64 * 1024;

    /// <summary>Fewer files than this are read one at a time: a ring costs more to set up than it saves on a few.</summary>
    private const int FewestFiles = 8;

    // No O_CLOEXEC: a slot of the ring's table is no descriptor of the process (and the kernel refuses the flag for one).
    private const int OpenFlags = Posix.ReadOnly | NonBlocking;
    private const int NonBlocking = 0x800; // O_NONBLOCK
    private const int InvalidArgument = 22; // EINVAL

    [ThreadStatic] private static InputReadAhead? t_current;

    private readonly InputReadAhead? _outer;
    private readonly IReadOnlyList<string> _paths;
    private IoUring? _ring;
    private bool _ringTried;

    // The group read ahead: _paths[_groupStart.._groupEnd), each entry's bytes (null: not read ahead, or taken).
    private readonly byte[]?[] _group = new byte[GroupSize][];
    private int _groupStart;
    private int _groupEnd;
    // The first path of the list not yet asked for: the batch reads its files in the order given.
    private int _next;

    // The directories the batch's files are named in, each open once (DirectoryDescriptor).
    private const int MostDirectories = 4;
    private readonly (string Path, int Descriptor)[] _directories = new (string, int)[MostDirectories];
    private int _directoryCount;

    // Native memory the kernel reads from and writes to while a group is read: the paths, their status, the file bytes.
    private byte* _pathBytes;
    private int _pathBytesCapacity;
    private Posix.FileStatus* _statuses;
    private byte* _buffers;

    private InputReadAhead(IReadOnlyList<string> paths)
    {
        _paths = paths;
        _outer = t_current;
        t_current = this;
    }

    /// <summary>Reads the files of <paramref name="paths"/> ahead, in that order, on this thread until disposed.</summary>
    public static InputReadAhead Open(IReadOnlyList<string> paths) => new(paths);

    /// <summary>How many files this batch has had from the ring so far.</summary>
    public int FilesReadAhead { get; private set; }

    /// <summary>
    /// The bytes of <paramref name="path"/> when it is the batch's next file (or one after it in the group read
    /// ahead) and it was read ahead within <paramref name="maxBytes"/>; null otherwise: the caller reads it.
    /// </summary>
    internal static byte[]? TryTake(string path, long maxBytes) => t_current?.Take(path, maxBytes);

    private byte[]? Take(string path, long maxBytes)
    {
        var index = IndexOf(path);
        if (index < 0) return null;
        _next = index + 1;
        if (index >= _groupEnd && !ReadGroup(index, maxBytes)) return null;
        var bytes = _group[index - _groupStart];
        _group[index - _groupStart] = null;
        if (bytes is null || bytes.Length > maxBytes) return null;
        FilesReadAhead++;
        return bytes;
    }

    /// <summary>
    /// Where <paramref name="path"/> is among the next paths not yet asked for (a group's worth, or up to the end of the
    /// group read ahead): -1 when it is not. The batch may pass over a path (standard input is read elsewhere) and go on.
    /// </summary>
    private int IndexOf(string path)
    {
        var end = Math.Min(_paths.Count, Math.Max(_groupEnd, _next + GroupSize));
        for (var i = _next; i < end; i++)
            if (string.Equals(_paths[i], path, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Reads the group of files from <paramref name="first"/> on; false when there is no ring to read them with.</summary>
    private bool ReadGroup(int first, long maxBytes)
    {
        Array.Clear(_group);
        _groupStart = first;
        _groupEnd = Math.Min(_paths.Count, first + GroupSize);
        var ring = Ring();
        if (ring is null) return false;
        var count = _groupEnd - _groupStart;
        var limit = Math.Min(maxBytes, SlotBytes);
        Span<int> pathAt = stackalloc int[GroupSize];
        Span<int> directoryOf = stackalloc int[GroupSize];
        CopyPaths(count, pathAt, directoryOf);

        // First the status of each path, so that only regular files are opened (opening a named pipe waits for a writer).
        // Each request's result at the index its user data gives; -1, read as a failure, where none was made.
        Span<int> results = stackalloc int[3 * GroupSize];
        for (var i = 0; i < count; i++)
            if (pathAt[i] >= 0) ring.PrepareStatus(directoryOf[i], _pathBytes + pathAt[i], _statuses + i, (ulong)i);
        results.Fill(-1);
        if (!ring.SubmitAndWait(results) || results[..count].Contains(-InvalidArgument)) return Abandon();

        // Then each small regular file opened, read and closed, in one chain per file.
        for (var i = 0; i < count; i++)
        {
            if (pathAt[i] < 0 || results[i] != 0 || !IsSmallRegularFile(_statuses[i], limit)) continue;
            ring.PrepareOpenInSlot(directoryOf[i], _pathBytes + pathAt[i], OpenFlags, i, (ulong)(3 * i));
            ring.PrepareReadSlot(i, _buffers + (nint)i * SlotBytes, (uint)_statuses[i].Size, (ulong)(3 * i + 1));
            ring.PrepareCloseSlot(i, (ulong)(3 * i + 2));
        }
        results.Fill(-1);
        if (!ring.SubmitAndWait(results)) return Abandon();
        for (var i = 0; i < count; i++)
        {
            if (results[3 * i] == -InvalidArgument) return Abandon();
            // A read of fewer bytes than the status said (the file shrank, or is no longer a regular file) is left to InputFiles.
            var read = results[3 * i + 1];
            if (read >= 0 && (ulong)read == _statuses[i].Size)
                _group[i] = new ReadOnlySpan<byte>(_buffers + (nint)i * SlotBytes, read).ToArray();
        }
        return true;
    }

    private static bool IsSmallRegularFile(in Posix.FileStatus status, long limit) =>
        (status.Mode & Posix.FileTypeMask) == Posix.RegularFile && status.Size > 0 && status.Size <= (ulong)limit;

    /// <summary>
    /// Copies the group's paths into native memory as the kernel takes them (UTF-8, NUL-terminated): in
    /// <paramref name="pathAt"/> where each one's name starts, -1 for a path not to be read ahead (standard input,
    /// one with a NUL); in <paramref name="directoryOf"/> the directory the name is relative to.
    /// </summary>
    private void CopyPaths(int count, Span<int> pathAt, Span<int> directoryOf)
    {
        var needed = 0;
        for (var i = 0; i < count; i++) needed += Encoding.UTF8.GetMaxByteCount(_paths[_groupStart + i].Length) + 1;
        if (needed > _pathBytesCapacity)
        {
            NativeMemory.Free(_pathBytes);
            _pathBytes = (byte*)NativeMemory.Alloc((nuint)needed);
            _pathBytesCapacity = needed;
        }
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var path = _paths[_groupStart + i];
            if (path == InputFiles.StandardInput || path.Length == 0 || path.Contains('\0'))
            {
                pathAt[i] = -1;
                continue;
            }
            var slash = path.LastIndexOf('/');
            var directory = slash > 0 && slash < path.Length - 1 ? DirectoryDescriptor(path[..slash]) : Posix.CurrentDirectory;
            var name = directory == Posix.CurrentDirectory ? path : path[(slash + 1)..];
            pathAt[i] = at;
            directoryOf[i] = directory;
            at += Encoding.UTF8.GetBytes(name, new Span<byte>(_pathBytes + at, _pathBytesCapacity - at));
            _pathBytes[at++] = 0;
        }
    }

    /// <summary>
    /// A descriptor of the directory <paramref name="path"/> names, opened once for the batch (O_PATH: a place to look
    /// names up from, not opened for reading), or the working directory when it cannot be opened or
    /// <see cref="MostDirectories"/> are open already: the full path is then looked up.
    /// <para>
    /// Why: a path is looked up twice here (status, open), each component of it each time; in the directory the
    /// batch's files are in, only their names are. Each status went through the kernel's dentry lookup for
    /// every component of an absolute path, ~2% of a 9.0 corpus batch. The price: a directory renamed or
    /// replaced while the batch runs is still the one read from, as if the batch had changed into it.
    /// </para>
    /// </summary>
    private int DirectoryDescriptor(string path)
    {
        for (var i = 0; i < _directoryCount; i++)
            if (string.Equals(_directories[i].Path, path, StringComparison.Ordinal)) return _directories[i].Descriptor;
        if (_directoryCount == MostDirectories) return Posix.CurrentDirectory;
        var descriptor = Posix.Open(path, Posix.PathOnly | Posix.CloseOnExec);
        if (descriptor < 0) return Posix.CurrentDirectory;
        _directories[_directoryCount++] = (path, descriptor);
        return descriptor;
    }

    /// <summary>The ring, made at the first group; null when this kernel has none to give or the batch is too short to want one.</summary>
    private IoUring? Ring()
    {
        if (_ringTried) return _ring;
        _ringTried = true;
        if (_paths.Count < FewestFiles) return null;
        // Three requests per file (open, read, close), and the status before them.
        _ring = IoUring.TryCreate(3 * GroupSize, GroupSize);
        if (_ring is null) return null;
        _statuses = (Posix.FileStatus*)NativeMemory.Alloc(GroupSize, (nuint)sizeof(Posix.FileStatus));
        // Address space only: the kernel touches a slot's pages as far as its file reaches.
        _buffers = (byte*)NativeMemory.Alloc(GroupSize, SlotBytes);
        return _ring;
    }

    /// <summary>
    /// A ring that failed is not used again; this group's files and the rest are read by InputFiles. So is one whose
    /// kernel refuses a request as made (EINVAL): a status or open in a ring before Linux 5.6, an open into a slot
    /// before 5.15.
    /// </summary>
    private bool Abandon()
    {
        Array.Clear(_group);
        _ring?.Dispose();
        _ring = null;
        return false;
    }

    public void Dispose()
    {
        _ring?.Dispose();
        _ring = null;
        for (var i = 0; i < _directoryCount; i++) Posix.Close(_directories[i].Descriptor);
        _directoryCount = 0;
        NativeMemory.Free(_pathBytes);
        NativeMemory.Free(_statuses);
        NativeMemory.Free(_buffers);
        _pathBytes = null;
        _statuses = null;
        _buffers = null;
        if (t_current == this) t_current = _outer;
    }
}
