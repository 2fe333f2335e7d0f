using DomainLauncher.Cli.Batch;

namespace DomainLauncher.Cli.Tests.Batch;

/// <summary>
/// A batch collects between documents (gen0 and gen1) only once 1.5 MiB have been allocated since the last
/// collection: short batches and single documents are left alone.
/// </summary>
public sealed class DocumentBoundaryCollectionTests
{
    [Fact]
    public void Nothing_is_collected_while_little_has_been_allocated()
    {
        var boundary = new DocumentBoundaryCollection();

        for (var i = 0; i < 10; i++)
        {
            GC.KeepAlive(new byte[1024]);
            boundary.BetweenDocuments();
        }

        Assert.Equal(0, boundary.Collections);
    }

    [Fact]
    public void A_threshold_allocated_since_the_last_collection_is_collected_once()
    {
        var boundary = new DocumentBoundaryCollection();

        for (var i = 0; i < 32; i++) GC.KeepAlive(new byte[64 * 1024]);
        boundary.BetweenDocuments();
        boundary.BetweenDocuments();

        Assert.Equal(1, boundary.Collections);
    }

    [Fact]
    public void A_boundary_collection_collects_gen1_as_well()
    {
        var boundary = new DocumentBoundaryCollection();
        var gen1Collections = GC.CollectionCount(1);

        for (var i = 0; i < 32; i++) GC.KeepAlive(new byte[64 * 1024]);
        boundary.BetweenDocuments();

        Assert.Equal(1, boundary.Collections);
        Assert.True(GC.CollectionCount(1) > gen1Collections);
    }
}
