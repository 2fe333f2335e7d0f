namespace DomainLauncher.Cli.Batch;

/// <summary>
/// Collects the two young generations of the managed heap between two documents of a batch, once 1.5 MiB
/// have been allocated since the last such collection.
/// <para>
/// Why: a batch allocates ~55 KB per document and keeps almost nothing from one document to the next.
/// Left to itself, the GC collects when its budget runs out, which is in the middle of some document:
/// that document's tree and model are alive then, are promoted, and the GC goes on allocating in memory
/// it has not touched before. Each first touch of a page is a page fault (10-15 µs under
/// virtualisation), and a 9.0 corpus pass x20 took ~10,500 of them. Collected between documents, where
/// next to nothing is alive, gen0 is reused in place: the same batch took ~2,000 faults and ~15% less
/// CPU. Below the threshold (a single document, a short batch) nothing is collected.
/// </para>
/// <para>
/// Why gen1 too: what the process made before and early in the batch (command line, profile, tables, the
/// objects static fields were set to) survives the first collection into gen1, and a gen0-only collection
/// never moves it on. Every reference to it from older memory (the static fields, which NativeAOT keeps
/// on the pinned heap) is then a card each collection scans, twice (mark and relocate). Collecting gen1
/// as well moves it to gen2 at the second collection, and gen1 holds only what the last boundary kept,
/// next to nothing. 9.0 corpus x6: 982.1M -> 957.8M instructions (the GC's 88.6M -> 64.5M), page faults
/// 1,920 -> 2,070 for x20.
/// </para>
/// </summary>
internal sealed class DocumentBoundaryCollection
{
    // About 27 documents of the corpora. Measured from 0.5 to 6 MiB on the 9.0 corpus x20 (the GC's own
    // budget here is ~2.3 MB): 0.5 MiB collects so often that the collections cost more than they save;
    // 1 to 3 MiB keep the faults at 2,000-2,600, 1.5 MiB the cheapest (-5% CPU against 1 MiB); 4 MiB and more
    // let the GC's own mid-document collections come first again. One outlier: at exactly 2 MiB the GC
    // went to untouched memory after every collection (33,000 faults), at 1.9 and 2.1 MiB it did not.
    private const long AllocationBetweenCollections = 3 << 19;

    private long allocatedAtLastCollection = GC.GetAllocatedBytesForCurrentThread();

    /// <summary>How many collections this batch asked for.</summary>
    public int Collections { get; private set; }

    /// <summary>Call between two documents, when nothing of the previous one is needed any more.</summary>
    public void BetweenDocuments()
    {
        if (GC.GetAllocatedBytesForCurrentThread() - allocatedAtLastCollection < AllocationBetweenCollections) return;
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        Collections++;
        allocatedAtLastCollection = GC.GetAllocatedBytesForCurrentThread();
    }
}
