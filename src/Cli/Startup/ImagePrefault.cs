using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DomainLauncher.HostRuntime.Interop;

namespace DomainLauncher.Cli.Startup;

/// <summary>
/// Maps the native tool's machine code and data into the process in one request each at start, instead
/// of one page fault at a time as each command first touches them.
/// <para>
/// Why: a one-shot command runs for a few milliseconds and touches code spread over the whole image.
/// Each first touch of a page is a page fault, and under virtualisation (nested virtualisation above
/// all) a fault costs 10-15 µs: a <c>to-native</c> took about 90 of them in code alone. Asking the
/// kernel to populate the executable segment (<c>madvise(MADV_POPULATE_READ)</c>, Linux 5.14) maps the
/// same pages from the page cache for about a microsecond a page with no fault at all. On a kernel
/// without it, or a host where faults are cheap, the request fails or costs a fraction of a
/// millisecond; nothing else changes either way: the pages are the file's own, read only.
/// </para>
/// <para>
/// The writable segment (type descriptions, dispatch cells, statics: 5 MB) is populated the same way,
/// for reading: a command reads type descriptions all over it (about 40 faults in a <c>to-native</c>).
/// Its pages stay the file's until written; a write still copies the one page it touches. Populating
/// it for writing instead would copy all 1,300 pages up front, which costs more than the ~100 pages a
/// command writes.
/// </para>
/// <para>
/// Of the executable segment, only the hot code is populated: the runtime's own code and the managed
/// methods that everyday commands run, which the compiler lays out first, in the order
/// <c>hot-methods.txt</c> gives (tools/hot-methods.sh writes it), and which end at
/// <see cref="EndOfHotCode"/>. The rest of the 7 MB is code a command rarely runs; populating it too
/// cost about 0.2 µs a page, 0.3 ms in all.
/// </para>
/// <para>
/// Only the NativeAOT executable is prefaulted: under the JIT, the process's executable is the .NET
/// host, not the tool.
/// </para>
/// </summary>
internal static class ImagePrefault
{
    private const nuint AuxProgramHeaders = 3;       // AT_PHDR
    private const nuint AuxProgramHeaderCount = 5;   // AT_PHNUM
    private const uint SegmentLoad = 1;              // PT_LOAD
    private const uint SegmentProgramHeaders = 6;    // PT_PHDR
    private const uint SegmentExecutable = 1;        // PF_X
    private const uint SegmentWritable = 2;          // PF_W
    private const int PopulateRead = 22;             // MADV_POPULATE_READ
    private const int PopulateWrite = 23;            // MADV_POPULATE_WRITE
    private const ulong PageMask = 4095;

    /// <summary>One ELF64 program header, as the loader left it in memory.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ProgramHeader
    {
        public uint Type;
        public uint Flags;
        public ulong FileOffset;
        public ulong VirtualAddress;
        public ulong PhysicalAddress;
        public ulong FileSize;
        public ulong MemorySize;
        public ulong Alignment;
    }

    /// <summary>
    /// Populates the loaded segments of the running NativeAOT image from its file; does nothing elsewhere.
    /// With <paramref name="prefaultWrittenData"/>, first the data the runtime writes as a translating
    /// command runs, for writing (see <see cref="s_writtenDataAnchor"/>).
    /// </summary>
    public static unsafe void Apply(bool prefaultWrittenData)
    {
        if (RuntimeFeature.IsDynamicCodeSupported || !OperatingSystem.IsLinux() || !Environment.Is64BitProcess) return;
        var headers = (ProgramHeader*)Posix.GetAuxiliaryValue(AuxProgramHeaders);
        var count = (int)Posix.GetAuxiliaryValue(AuxProgramHeaderCount);
        if (headers is null || count is <= 0 or > 64) return;

        // A position-independent image is loaded at a bias: where its headers are minus where they say they are.
        ulong bias = 0;
        for (var i = 0; i < count; i++)
            if (headers[i].Type == SegmentProgramHeaders) bias = (ulong)headers - headers[i].VirtualAddress;

        // Before the segment is populated for reading: a page made writable while nothing maps it is a fresh
        // copy, where a page first mapped for reading must have that mapping replaced.
        if (prefaultWrittenData)
            for (var i = 0; i < count; i++)
            {
                var segment = headers[i];
                if (segment.Type != SegmentLoad || (segment.Flags & SegmentWritable) == 0) continue;
                var (start, end) = WrittenData(bias + segment.VirtualAddress, bias + segment.VirtualAddress + segment.FileSize);
                if (end > start) _ = Posix.Advise((nint)start, (nuint)(end - start), PopulateWrite);
            }

        var endOfHotCode = HotCodeEnd();
        for (var i = 0; i < count; i++)
        {
            var segment = headers[i];
            // Read-only data (string tables, unwind tables) is read sparsely, and the kernel's fault-around
            // already maps it 16 pages per fault: populating it costs more than the few faults it takes.
            if (segment.Type != SegmentLoad || (segment.Flags & (SegmentExecutable | SegmentWritable)) == 0) continue;
            var start = (bias + segment.VirtualAddress) & ~PageMask;
            var end = (bias + segment.VirtualAddress + segment.FileSize + PageMask) & ~PageMask;
            // Past the marker is the cold rest. Had the order not been applied, the marker would lie anywhere
            // and less would be populated: slower, never wrong.
            if ((segment.Flags & SegmentExecutable) != 0 && endOfHotCode > start && endOfHotCode < end) end = endOfHotCode;
            // The answer is not looked at: an old kernel's EINVAL leaves the faults as they were.
            _ = Posix.Advise((nint)start, (nuint)(end - start), PopulateRead);
        }
    }

    /// <summary>
    /// The pages of the writable segment (from <paramref name="segmentStart"/> to <paramref name="segmentEnd"/>)
    /// that hold <see cref="s_writtenDataAnchor"/> and the data after it the runtime writes; empty when the
    /// anchor is not in that segment.
    /// </summary>
    private static unsafe (ulong Start, ulong End) WrittenData(ulong segmentStart, ulong segmentEnd)
    {
        fixed (long* anchor = &s_writtenDataAnchor)
        {
            var at = (ulong)anchor;
            if (at < segmentStart || at >= segmentEnd) return (0, 0);
            var start = Math.Max(segmentStart & ~PageMask, (at - WrittenDataBeforeAnchor) & ~PageMask);
            var end = Math.Min((segmentEnd + PageMask) & ~PageMask, (at + WrittenDataAfterAnchor + PageMask) & ~PageMask);
            return (start, end);
        }
    }

    /// <summary>
    /// Marks where, in the writable segment, the data lies that the runtime writes while a command runs.
    /// <para>
    /// Why: the native compiler lays that data out in one stretch: the static fields that start with a
    /// value (this one among them), the slots of the other static fields, and the interface dispatch
    /// cells, one for each place in the code that calls through an interface, which the runtime fills in
    /// at the call's first run. A to-native fills ~340 cells spread over all of the cells' ~50 pages. The
    /// code reads a cell before the runtime writes it, so each of those pages is first mapped for reading,
    /// and its first write replaces that mapping: a fault and a TLB flush, ~15 µs under the paravirtualised
    /// paging of the hosts measured here (about 45 of them, ~0.6 ms, in a to-native). Populated for writing
    /// before anything maps them, the same pages cost ~1 µs each (measured with C probes; populated for
    /// reading first and for writing later, ~4 µs).
    /// </para>
    /// <para>
    /// The compiler names no section for that stretch, so this field marks its start and
    /// <see cref="WrittenDataAfterAnchor"/> its length, as measured on the last build by
    /// <c>tools/written-data.sh</c> (which also tells whether the constants still fit). A stale length
    /// costs only speed: too short and the last cells fault as before; too long and a few more pages
    /// become private copies, about a microsecond and 4 KB each.
    /// </para>
    /// </summary>
    private static long s_writtenDataAnchor = 1;

    /// <summary>How far before <see cref="s_writtenDataAnchor"/> the written stretch starts: the static fields of the assemblies laid out before this one.</summary>
    private const ulong WrittenDataBeforeAnchor = 8 << 10;

    /// <summary>How far after <see cref="s_writtenDataAnchor"/> the written stretch ends: the last dispatch cell, with room for growth.</summary>
    private const ulong WrittenDataAfterAnchor = 320 << 10;

    /// <summary>Where the hot code ends: the first page boundary after <see cref="EndOfHotCode"/>.</summary>
    private static unsafe ulong HotCodeEnd()
    {
        delegate*<void> marker = &EndOfHotCode;
        return ((ulong)marker + PageMask) & ~PageMask;
    }

    /// <summary>
    /// Never runs: its address marks the end of the hot code, as the last name of the method order
    /// (<c>hot-methods.txt</c>). Not inlined, so that it has code of its own to take the address of.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EndOfHotCode()
    {
    }
}
