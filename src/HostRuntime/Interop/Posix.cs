using System.Runtime.InteropServices;

namespace DomainLauncher.HostRuntime.Interop;

/// <summary>
/// The tool's C library calls, for what .NET does not offer without threads or layers of its own: spawning a
/// program with its output on one descriptor, and waiting for both that output and its exit on the calling
/// thread (<see cref="Helpers.HelperCommand"/>); writing standard output and error as bytes, and mapping the
/// tool's code at start (the command-line tool's start-up). Source-generated marshalling only (NativeAOT).
/// Constants are Linux's (x86-64 and arm64 share them); calls that fail say so by their result and
/// <see cref="Marshal.GetLastPInvokeError"/>.
/// </summary>
public static unsafe partial class Posix
{
    /// <summary>
    /// The C library. The native publish calls it directly (DirectPInvoke in Cli.csproj): bound lazily, the first
    /// call looked the library up by reflection and a search of the library path, 0.63M instructions.
    /// </summary>
    internal const string Libc = "libc";

    public const int Interrupted = 4; // EINTR
    public const int WouldBlock = 11; // EAGAIN
    public const int BrokenPipe = 32; // EPIPE
    public const int ReadOnly = 0; // O_RDONLY
    public const int CloseOnExec = 0x80000; // O_CLOEXEC
    public const int PathOnly = 0x200000; // O_PATH: a place in the file system, not opened for reading
    public const short PollIn = 0x1; // POLLIN
    public const short PollOut = 0x4; // POLLOUT
    public const int NoHang = 1; // WNOHANG
    public const int KillSignal = 9; // SIGKILL
    public const short SpawnSetSignalDefaults = 0x04; // POSIX_SPAWN_SETSIGDEF
    public const short SpawnSetSignalMask = 0x08; // POSIX_SPAWN_SETSIGMASK
    public const int CurrentDirectory = -100; // AT_FDCWD
    public const uint StatusType = 0x1; // STATX_TYPE
    public const uint StatusSize = 0x200; // STATX_SIZE
    public const ushort FileTypeMask = 0xF000; // S_IFMT
    public const ushort RegularFile = 0x8000; // S_IFREG
    public const ushort Directory = 0x4000; // S_IFDIR
    public const int EmptyPath = 0x1000; // AT_EMPTY_PATH: the status of the descriptor itself

    /// <summary>pidfd_open(2): the same number on every Linux architecture (the shared table, since 5.3).</summary>
    private const long PidfdOpenNumber = 434;

    /// <summary>close_range(2): the same number on every Linux architecture (the shared table, since 5.9).</summary>
    private const long CloseRangeNumber = 436;

    /// <summary>
    /// Bytes reserved for glibc's or musl's opaque <c>posix_spawn_file_actions_t</c>, <c>posix_spawnattr_t</c> and
    /// <c>sigset_t</c> (80, 336 and 128 bytes on glibc x86-64): room to spare rather than a layout copied here.
    /// </summary>
    public const int OpaqueSize = 1024;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary>
    /// The part of <c>struct statx</c> read here. statx's layout is the same on every architecture (unlike
    /// <c>struct stat</c>), and the kernel writes all 256 bytes.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct FileStatus
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
    }

    /// <summary>statx(2): 0, or -1 with errno set (ENOSYS before Linux 4.11). Follows symbolic links unless told not to.</summary>
    [LibraryImport(Libc, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Status(int directory, string path, int flags, uint mask, FileStatus* status);

    [LibraryImport(Libc, EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe(int* descriptors, int flags);

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int descriptor);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int descriptor, byte* buffer, nint count);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int descriptor, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport(Libc, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, int* status, int options);

    [LibraryImport(Libc, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Libc, EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int pid, uint flags);

    [LibraryImport(Libc, EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, uint first, uint last, uint flags);

    /// <summary>close_range(2) of the descriptors <paramref name="first"/> to <paramref name="last"/>: 0, or -1 (errno set; ENOSYS before Linux 5.9).</summary>
    public static int CloseRange(uint first, uint last) => (int)Syscall(CloseRangeNumber, first, last, 0);

    /// <summary>A descriptor that polls readable once <paramref name="pid"/> exited; -1 (errno set) where the kernel has none.</summary>
    public static int PidfdOpen(int pid) => (int)Syscall(PidfdOpenNumber, pid, 0);

    /// <summary>Returns 0 or an errno value (posix_spawn sets no errno).</summary>
    [LibraryImport(Libc, EntryPoint = "posix_spawn")]
    public static partial int Spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(Libc, EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(void* fileActions);

    [LibraryImport(Libc, EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(void* fileActions);

    [LibraryImport(Libc, EntryPoint = "posix_spawn_file_actions_addopen")]
    public static partial int FileActionsAddOpen(void* fileActions, int descriptor, byte* path, int flags, uint mode);

    [LibraryImport(Libc, EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int FileActionsAddDup2(void* fileActions, int descriptor, int newDescriptor);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_init")]
    public static partial int AttributesInit(void* attributes);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_destroy")]
    public static partial int AttributesDestroy(void* attributes);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_setflags")]
    public static partial int AttributesSetFlags(void* attributes, short flags);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_setsigmask")]
    public static partial int AttributesSetSignalMask(void* attributes, void* signals);

    [LibraryImport(Libc, EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int AttributesSetSignalDefaults(void* attributes, void* signals);

    [LibraryImport(Libc, EntryPoint = "sigemptyset")]
    public static partial int SignalSetEmpty(void* signals);

    [LibraryImport(Libc, EntryPoint = "sigfillset")]
    public static partial int SignalSetFill(void* signals);

    /// <summary>madvise(2): 0, or -1 with errno set (an advice this kernel does not know is EINVAL).</summary>
    [LibraryImport(Libc, EntryPoint = "madvise", SetLastError = true)]
    public static partial int Advise(nint address, nuint length, int advice);

    /// <summary>getrandom(2): the number of random bytes written from the kernel's source, or -1 with errno set.</summary>
    [LibraryImport(Libc, EntryPoint = "getrandom", SetLastError = true)]
    public static partial nint GetRandom(byte* buffer, nuint length, uint flags);

    /// <summary>
    /// <paramref name="count"/> bytes from the kernel's random source (getrandom(2), which waits only until
    /// that source is first seeded at boot).
    /// <para>
    /// Why not <c>RandomNumberGenerator</c>: on Linux it draws from OpenSSL, which .NET loads with dlopen at
    /// first use. The native tool is linked statically when it can be (see Cli.csproj), and a static
    /// program cannot load a shared OpenSSL; with no other use of cryptography, this keeps the whole of
    /// OpenSSL out of the tool.
    /// </para>
    /// </summary>
    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        fixed (byte* start = bytes)
        {
            var filled = 0;
            while (filled < count)
            {
                var got = GetRandom(start + filled, (nuint)(count - filled), 0);
                if (got < 0 && Marshal.GetLastPInvokeError() == Interrupted) continue;
                if (got <= 0) throw new IOException($"the kernel's random source failed: {Describe(Marshal.GetLastPInvokeError())}");
                filled += (int)got;
            }
        }
        return bytes;
    }

    /// <summary>mprotect(2): 0, or -1 with errno set.</summary>
    [LibraryImport(Libc, EntryPoint = "mprotect", SetLastError = true)]
    public static partial int Protect(nint address, nuint length, int protection);

    /// <summary>The C library's words for <paramref name="errno"/> ("No such file or directory").</summary>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
