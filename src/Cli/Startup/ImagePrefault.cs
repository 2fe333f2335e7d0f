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
/// The stretch the runtime writes (static fields and interface dispatch cells) is populated for writing
/// before the runtime starts, for every command, by <c>WrittenDataPrefault.c</c>: here it is already
/// present, and populating it again costs a walk over its ~80 page table entries.
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
    /// Populates the writable segment of the running NativeAOT image from its file, for reading; does
    /// nothing elsewhere. For translating commands only (see the class).
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
            var segmentStart = (bias + segment.VirtualAddress) & ~PageMask;
            var segmentEnd = (bias + segment.VirtualAddress + segment.FileSize + PageMask) & ~PageMask;
            // The answer is not looked at: an old kernel's EINVAL leaves the faults as they were.
            _ = Posix.Advise((nint)segmentStart, (nuint)(segmentEnd - segmentStart), PopulateRead);
        }
    }
}
