using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DomainLauncher.HostRuntime.Interop;

namespace DomainLauncher.Cli.Startup;

/// <summary>
/// Maps the native tool's writable data into the process in one request at the start of a translating
/// command, instead of one page fault at a time as the command first touches it.
/// <para>
/// Why: a translating command (validate, to-native, ...) reads type descriptions, generic dictionaries
/// and string literals all over the writable segment (5 MB), and under virtualisation a page fault costs
/// about 10 µs. Asking the kernel to populate the segment (<c>madvise(MADV_POPULATE_READ)</c>, Linux 5.14)
/// maps the same pages from the page cache in ~0.2 ms with no fault at all, ~25 faults fewer in a
/// <c>to-native</c>. Its pages stay the file's until written; a write still copies the one page it touches.
/// On a kernel without it the request fails and nothing else changes.
/// </para>
/// <para>
/// What is not populated, measured taking turns (300-400 runs each): the machine code (its hot part, 3 MB,
/// took 0.14 ms to populate and saved ~5 faults, since the everyday commands' code is laid out first, in
/// the order <c>hot-methods.txt</c> gives, and the kernel maps 16 pages around each fault: to-native ran
/// 0.06-0.3 ms faster without it), read-only data (read sparsely), and anything for the commands that do
/// not translate (<c>--version</c>, <c>list</c>, the lifecycle commands touch little data: populating it
/// made <c>--version</c> 0.28 ms slower).
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
    /// Populates the writable segment of the running NativeAOT image from its file, after the data the
    /// runtime writes as a translating command runs, for writing (see <see cref="s_writtenDataAnchor"/>);
    /// does nothing elsewhere. For translating commands only (see the class).
    /// </summary>
    public static unsafe void Apply()
    {
        if (RuntimeFeature.IsDynamicCodeSupported || !OperatingSystem.IsLinux() || !Environment.Is64BitProcess) return;
        var headers = (ProgramHeader*)Posix.GetAuxiliaryValue(AuxProgramHeaders);
        var count = (int)Posix.GetAuxiliaryValue(AuxProgramHeaderCount);
        if (headers is null || count is <= 0 or > 64) return;

        // A position-independent image is loaded at a bias: where its headers are minus where they say they are.
        ulong bias = 0;
        for (var i = 0; i < count; i++)
            if (headers[i].Type == SegmentProgramHeaders) bias = (ulong)headers - headers[i].VirtualAddress;

        for (var i = 0; i < count; i++)
        {
            var segment = headers[i];
            if (segment.Type != SegmentLoad || (segment.Flags & SegmentWritable) == 0) continue;
            var segmentStart = bias + segment.VirtualAddress;
            var segmentEnd = segmentStart + segment.FileSize;
            // The written stretch first: a page made writable while nothing maps it is a fresh copy, where a
            // page first mapped for reading must have that mapping replaced.
            var (start, end) = WrittenData(segmentStart, segmentEnd);
            if (end > start) _ = Posix.Advise((nint)start, (nuint)(end - start), PopulateWrite);
            // The answer is not looked at: an old kernel's EINVAL leaves the faults as they were.
            _ = Posix.Advise((nint)(segmentStart & ~PageMask), (nuint)(((segmentEnd + PageMask) & ~PageMask) - (segmentStart & ~PageMask)), PopulateRead);
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
}
