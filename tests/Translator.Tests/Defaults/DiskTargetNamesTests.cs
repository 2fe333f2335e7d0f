using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Tests.Defaults;

/// <summary>The index a disk's target name implies: the letters after a known prefix, base 26 from a=0.</summary>
public sealed class DiskTargetNamesTests
{
    [Theory]
    [InlineData("hda", 0)]
    [InlineData("sdb", 1)]
    [InlineData("vdz", 25)]
    [InlineData("vdaa", 26)]
    [InlineData("xvdg", 6)]
    [InlineData("ubdc", 2)]
    [InlineData("fda", 0)]
    [InlineData("mmcblkb", 1)]
    public void Letters_after_the_prefix_give_the_index(string dev, int index) =>
        Assert.Equal(index, DiskTargetNames.Index(dev));

    [Theory]
    [InlineData("hd")]
    [InlineData("hdA")]
    [InlineData("sda1")]
    [InlineData("nvme0n1")]
    [InlineData("")]
    public void A_name_without_a_prefix_or_with_other_characters_has_none(string dev) =>
        Assert.Equal(-1, DiskTargetNames.Index(dev));
}
