using System.Runtime.InteropServices;

namespace DomainLauncher.HostRuntime.Interop;

/// <summary>
/// An io_uring(7) instance: a submission ring the tool fills with requests and a completion ring the kernel
/// fills with their results, shared memory between the two, so that many file operations cost one system
/// call. Only what <see cref="Inputs.InputReadAhead"/> asks of it: the status of a path, opening a file
/// into a slot of the ring's own file table (a "direct" descriptor, which needs no descriptor of the
/// process), reading it and closing the slot, chained so that each waits for the one before.
/// <para>
/// Layouts and numbers are Linux's uapi (<c>linux/io_uring.h</c>), the same on every architecture. A kernel
/// without io_uring (before 5.1), one that refuses it (the <c>kernel.io_uring_disabled</c> setting, a seccomp
/// filter such as container runtimes install) or one without direct descriptors (before 5.15) gives no
/// instance: <see cref="TryCreate"/> returns null and the caller goes on without it.
/// </para>
/// </summary>
internal sealed unsafe partial class IoUring : IDisposable
{
    // System call numbers of the shared table (every architecture since 5.1).
    private const long SetupNumber = 425;
    private const long EnterNumber = 426;
    private const long RegisterNumber = 427;

    private const uint FeatureSingleMmap = 1; // IORING_FEAT_SINGLE_MMAP
    private const uint EnterGetEvents = 1; // IORING_ENTER_GETEVENTS
    private const uint RegisterFiles = 2; // IORING_REGISTER_FILES
    private const long SubmissionRingOffset = 0; // IORING_OFF_SQ_RING
    private const long CompletionRingOffset = 0x8000000; // IORING_OFF_CQ_RING
    private const long SubmissionEntriesOffset = 0x10000000; // IORING_OFF_SQES

    private const byte OpOpenAt = 18; // IORING_OP_OPENAT
    private const byte OpClose = 19; // IORING_OP_CLOSE
    private const byte OpStatus = 21; // IORING_OP_STATX
    private const byte OpRead = 22; // IORING_OP_READ

    private const byte FixedFile = 1; // IOSQE_FIXED_FILE: the fd field is a slot of the ring's file table
    private const byte HardLink = 8; // IOSQE_IO_HARDLINK: the next request starts after this one, whatever its result

    private const int ProtectReadWrite = 3; // PROT_READ | PROT_WRITE
    private const int MapSharedPopulate = 0x1 | 0x8000; // MAP_SHARED | MAP_POPULATE

    /// <summary><c>struct io_uring_params</c>: what setup is asked and answers, with the rings' layout.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 120)]
    private struct Parameters
    {
        [FieldOffset(0)] public uint SubmissionEntries;
        [FieldOffset(4)] public uint CompletionEntries;
        [FieldOffset(20)] public uint Features;
        // struct io_sqring_offsets
        [FieldOffset(40)] public uint SubmissionHead;
        [FieldOffset(44)] public uint SubmissionTail;
        [FieldOffset(48)] public uint SubmissionMask;
        [FieldOffset(64)] public uint SubmissionArray;
        // struct io_cqring_offsets
        [FieldOffset(80)] public uint CompletionHead;
        [FieldOffset(84)] public uint CompletionTail;
        [FieldOffset(88)] public uint CompletionMask;
        [FieldOffset(100)] public uint CompletionEntriesArray;
    }

    /// <summary><c>struct io_uring_sqe</c>, the fields used here.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    private struct Request
    {
        [FieldOffset(0)] public byte Opcode;
        [FieldOffset(1)] public byte Flags;
        [FieldOffset(4)] public int Descriptor;
        [FieldOffset(8)] public ulong OffsetOrSecondAddress;
        [FieldOffset(16)] public ulong Address;
        [FieldOffset(24)] public uint Length;
        [FieldOffset(28)] public uint OperationFlags;
        [FieldOffset(32)] public ulong UserData;
        [FieldOffset(44)] public uint FileIndex;
    }

    /// <summary><c>struct io_uring_cqe</c>.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    private struct Completion
    {
        [FieldOffset(0)] public ulong UserData;
        [FieldOffset(8)] public int Result;
    }

    private readonly int _ring;
    private readonly byte* _rings;
    private readonly nuint _ringsLength;
    private readonly byte* _completionRing;
    private readonly nuint _completionRingLength;
    private readonly Request* _requests;
    private readonly nuint _requestsLength;
    private readonly uint* _submissionTail;
    private readonly uint _submissionMask;
    private readonly uint* _submissionArray;
    private readonly uint* _completionHead;
    private readonly uint* _completionTail;
    private readonly uint _completionMask;
    private readonly Completion* _completions;
    private uint _preparedTail;
    private int _prepared;

    /// <summary>How many requests can wait in the submission ring at once.</summary>
    public int Capacity { get; }

    private IoUring(int ring, in Parameters parameters, byte* rings, nuint ringsLength, byte* completionRing, nuint completionRingLength,
        Request* requests, nuint requestsLength)
    {
        _ring = ring;
        _rings = rings;
        _ringsLength = ringsLength;
        _completionRing = completionRing;
        _completionRingLength = completionRingLength;
        _requests = requests;
        _requestsLength = requestsLength;
        _submissionTail = (uint*)(rings + parameters.SubmissionTail);
        _submissionMask = *(uint*)(rings + parameters.SubmissionMask);
        _submissionArray = (uint*)(rings + parameters.SubmissionArray);
        _completionHead = (uint*)(completionRing + parameters.CompletionHead);
        _completionTail = (uint*)(completionRing + parameters.CompletionTail);
        _completionMask = *(uint*)(completionRing + parameters.CompletionMask);
        _completions = (Completion*)(completionRing + parameters.CompletionEntriesArray);
        _preparedTail = Volatile.Read(ref *_submissionTail);
        Capacity = (int)parameters.SubmissionEntries;
    }

    /// <summary>A ring of at least <paramref name="entries"/> requests with <paramref name="fileSlots"/> empty file slots; null where this kernel offers none.</summary>
    public static IoUring? TryCreate(uint entries, int fileSlots)
    {
        if (!OperatingSystem.IsLinux()) return null;
        Parameters parameters = default;
        var ring = (int)Syscall(SetupNumber, entries, (nint)(&parameters));
        if (ring < 0) return null;
        var submissionLength = (nuint)(parameters.SubmissionArray + parameters.SubmissionEntries * sizeof(uint));
        var completionLength = (nuint)(parameters.CompletionEntriesArray + parameters.CompletionEntries * (uint)sizeof(Completion));
        var requestsLength = (nuint)(parameters.SubmissionEntries * (uint)sizeof(Request));
        // Since 5.4 both rings are one mapping; before, the completion ring is a mapping of its own.
        var single = (parameters.Features & FeatureSingleMmap) != 0;
        var ringsLength = single ? Math.Max(submissionLength, completionLength) : submissionLength;
        var completionRingLength = single ? 0 : completionLength;
        var rings = Map(ringsLength, ring, SubmissionRingOffset);
        var completionRing = single ? rings : Map(completionRingLength, ring, CompletionRingOffset);
        var requests = (Request*)Map(requestsLength, ring, SubmissionEntriesOffset);
        // A sparse file table: every slot empty (-1) until a direct open fills it.
        var empty = stackalloc int[fileSlots];
        new Span<int>(empty, fileSlots).Fill(-1);
        if (rings != null && completionRing != null && requests != null
            && Syscall(RegisterNumber, ring, RegisterFiles, (nint)empty, (uint)fileSlots) == 0)
            return new IoUring(ring, parameters, rings, ringsLength, completionRing, completionRingLength, requests, requestsLength);
        if (requests != null) Unmap(requests, requestsLength);
        if (!single && completionRing != null) Unmap(completionRing, completionRingLength);
        if (rings != null) Unmap(rings, ringsLength);
        Posix.Close(ring);
        return null;
    }

    /// <summary>
    /// Asks the status (type and size, links followed) of the file at <paramref name="path"/> (NUL-terminated, relative
    /// to the directory open as <paramref name="directory"/>, or to the working directory: <see cref="Posix.CurrentDirectory"/>).
    /// </summary>
    public void PrepareStatus(int directory, byte* path, Posix.FileStatus* status, ulong userData)
    {
        var request = Next();
        request->Opcode = OpStatus;
        request->Descriptor = directory;
        request->Address = (ulong)path;
        request->Length = Posix.StatusType | Posix.StatusSize;
        request->OffsetOrSecondAddress = (ulong)status;
        request->UserData = userData;
    }

    /// <summary>Opens <paramref name="path"/> (as <see cref="PrepareStatus"/> names it) with <paramref name="flags"/> into file slot <paramref name="slot"/>; the next request waits for it.</summary>
    public void PrepareOpenInSlot(int directory, byte* path, int flags, int slot, ulong userData)
    {
        var request = Next();
        request->Opcode = OpOpenAt;
        request->Flags = HardLink;
        request->Descriptor = directory;
        request->Address = (ulong)path;
        request->OperationFlags = (uint)flags;
        request->FileIndex = (uint)slot + 1;
        request->UserData = userData;
    }

    /// <summary>Reads up to <paramref name="length"/> bytes from the start of the file in slot <paramref name="slot"/>; the next request waits for it.</summary>
    public void PrepareReadSlot(int slot, byte* buffer, uint length, ulong userData)
    {
        var request = Next();
        request->Opcode = OpRead;
        request->Flags = FixedFile | HardLink;
        request->Descriptor = slot;
        request->Address = (ulong)buffer;
        request->Length = length;
        request->UserData = userData;
    }

    /// <summary>Closes file slot <paramref name="slot"/>.</summary>
    public void PrepareCloseSlot(int slot, ulong userData)
    {
        var request = Next();
        request->Opcode = OpClose;
        request->FileIndex = (uint)slot + 1;
        request->UserData = userData;
    }

    /// <summary>
    /// Hands the prepared requests to the kernel and waits until all of them are done; each one's result (a count
    /// or 0 for success, minus errno for failure) goes to <paramref name="results"/> at the index its user data
    /// gave. False when the ring itself failed: the requests are then in an unknown state and the ring is not
    /// to be used again.
    /// </summary>
    public bool SubmitAndWait(Span<int> results)
    {
        var outstanding = _prepared;
        var unsubmitted = _prepared;
        _prepared = 0;
        // The requests are written before the tail that shows them to the kernel.
        Volatile.Write(ref *_submissionTail, _preparedTail);
        while (outstanding > 0)
        {
            var entered = Syscall(EnterNumber, _ring, (uint)unsubmitted, (uint)outstanding, EnterGetEvents, 0, 0);
            if (entered < 0)
            {
                if (Marshal.GetLastPInvokeError() == Posix.Interrupted) continue;
                return false;
            }
            unsubmitted -= (int)entered;
            var head = *_completionHead;
            // The kernel writes a completion before the tail that shows it.
            var tail = Volatile.Read(ref *_completionTail);
            for (; head != tail; head++)
            {
                var completion = _completions[head & _completionMask];
                if (completion.UserData < (ulong)results.Length) results[(int)completion.UserData] = completion.Result;
                outstanding--;
            }
            Volatile.Write(ref *_completionHead, head);
        }
        return true;
    }

    private Request* Next()
    {
        if (_prepared == Capacity) throw new InvalidOperationException("the submission ring is full");
        var index = _preparedTail & _submissionMask;
        var request = _requests + index;
        *request = default;
        _submissionArray[index] = index;
        _preparedTail++;
        _prepared++;
        return request;
    }

    public void Dispose()
    {
        // Closing the ring's descriptor closes the files left in its table.
        Unmap(_requests, _requestsLength);
        if (_completionRing != _rings) Unmap(_completionRing, _completionRingLength);
        Unmap(_rings, _ringsLength);
        Posix.Close(_ring);
    }

    private static byte* Map(nuint length, int descriptor, long offset)
    {
        var address = MapMemory(null, length, ProtectReadWrite, MapSharedPopulate, descriptor, offset);
        return address == (void*)-1 ? null : (byte*)address;
    }

    [LibraryImport(Posix.Libc, EntryPoint = "mmap", SetLastError = true)]
    private static partial void* MapMemory(void* address, nuint length, int protection, int flags, int descriptor, long offset);

    [LibraryImport(Posix.Libc, EntryPoint = "munmap", SetLastError = true)]
    private static partial int Unmap(void* address, nuint length);

    [LibraryImport(Posix.Libc, EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, uint entries, nint parameters);

    [LibraryImport(Posix.Libc, EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int ring, uint opcode, nint argument, uint count);

    [LibraryImport(Posix.Libc, EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int ring, uint toSubmit, uint minimumComplete, uint flags, nint signals, nuint signalsSize);
}
