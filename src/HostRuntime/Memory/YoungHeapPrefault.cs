using System.Runtime.CompilerServices;
using DomainLauncher.HostRuntime.Interop;

namespace DomainLauncher.HostRuntime.Memory;

/// <summary>
/// Makes the memory the garbage collector hands out next present in one request, instead of one page
/// fault for each fresh page as objects fill it: at the start of a translating command, and before a
/// burst of allocation whose size is known (reading an emulator profile).
/// <para>
/// Why: a one-shot <c>to-native</c> allocates ~200 KB after its start, in memory the process has never
/// touched: ~45 fresh pages, each a page fault when the collector first clears it, ~10 µs apiece under
/// the paravirtualised paging of the hosts measured here (~0.45 ms, 4-5% of the command). Asked for in
/// one <c>madvise(MADV_POPULATE_WRITE)</c>, the same zeroed pages cost well under a microsecond each.
/// </para>
/// <para>
/// The youngest generation's memory is a region the collector reserved and makes accessible in 64 KB
/// steps as it goes. The stretch after a fresh object is that region's next memory; it is made readable
/// and writable (which the collector would do as it reached it) and populated. Safe whatever the
/// collector does next: it only hands out memory it made accessible itself, to which this adds only
/// zeroed pages, and it does not rely on memory it never committed being inaccessible. The stretch stops
/// at the end of the 4 MB the fresh object lies in, the collector's region size on 64-bit hosts.
/// </para>
/// <para>
/// Only in the NativeAOT executable on Linux (under the JIT the heap is laid out differently and the
/// process is not a one-shot); an old kernel's EINVAL leaves the faults as they were.
/// </para>
/// </summary>
public static class YoungHeapPrefault
{
    private const int ReadWrite = 3;                 // PROT_READ | PROT_WRITE
    private const int PopulateWrite = 23;            // MADV_POPULATE_WRITE
    private const ulong PageMask = 4095;
    private const ulong RegionSize = 4 << 20;

    /// <summary>Populates the <paramref name="bytes"/> of the youngest generation's memory that follow its next object.</summary>
    public static unsafe void Apply(ulong bytes)
    {
        if (RuntimeFeature.IsDynamicCodeSupported || !OperatingSystem.IsLinux() || !Environment.Is64BitProcess) return;
        var fresh = new byte[1];
        var at = (ulong)Unsafe.AsPointer(ref fresh[0]);
        var start = (at + PageMask) & ~PageMask;
        var end = Math.Min((start + bytes + PageMask) & ~PageMask, (at | (RegionSize - 1)) + 1);
        if (end <= start) return;
        if (Posix.Protect((nint)start, (nuint)(end - start), ReadWrite) != 0) return;
        _ = Posix.Advise((nint)start, (nuint)(end - start), PopulateWrite);
        GC.KeepAlive(fresh);
    }
}
