using DomainLauncher.Drivers.Qemu.Capabilities;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Tests.Probing;

public sealed class NameTableTests
{
    [Fact]
    public void Entries_given_in_any_order_are_kept_in_ordinal_order_and_found()
    {
        var table = NameTable.Of(("vga", ["[std|none]"]), ("drive", ["format", "aio"]), ("Drive", []));

        Assert.Equal(["Drive", "drive", "vga"], table.Keys.AsEnumerable());
        Assert.Equal(["format", "aio"], table["drive"].AsEnumerable());
        Assert.True(table.ContainsKey("Drive"));
        Assert.False(table.ContainsKey("netdev"));
        Assert.False(table.TryGetValue("netdev", out _));
        Assert.Equal(["Drive", "drive", "vga"], table.Select(e => e.Key));
    }

    [Fact]
    public void A_name_given_twice_is_refused_and_a_missing_list_is_empty()
    {
        var twice = Assert.Throws<ArgumentException>(() => NameTable.Of(("drive", []), ("vga", []), ("drive", ["format"])));

        Assert.Contains("'drive' appears twice", twice.Message);
        Assert.Empty(NameTable.Of([KeyValuePair.Create("uuid", default(ImmutableArray<string>))])["uuid"]);
        Assert.Throws<KeyNotFoundException>(() => NameTable.Empty["uuid"]);
    }

    [Fact]
    public void Sorted_names_are_searched_and_unsorted_ones_sorted_first()
    {
        ImmutableArray<string> given = ["virtio-net-pci", "VGA", "ide-cd"];

        var sorted = OrdinalNames.Sorted(given);

        Assert.Equal(["VGA", "ide-cd", "virtio-net-pci"], sorted.AsEnumerable());
        Assert.Same(ImmutableCollectionsMarshal.AsArray(sorted), ImmutableCollectionsMarshal.AsArray(OrdinalNames.Sorted(sorted)));
        Assert.All(sorted, name => Assert.True(OrdinalNames.Contains(sorted, name)));
        Assert.False(OrdinalNames.Contains(sorted, "qxl"));
        Assert.False(OrdinalNames.Contains([], "qxl"));
    }
}
