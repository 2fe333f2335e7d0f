using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Validation;

/// <summary>Rules about the whole domain that validation reports, each at its element.</summary>
public sealed class DomainRulesTests
{
    private static DomainParseResult Load(string devices) =>
        DomainLoader.LoadText($"<domain type='kvm'><name>v</name><memory>65536</memory>\n<devices>\n{devices}\n</devices></domain>", "t.xml");

    [Fact]
    public void Two_disks_with_one_target_are_refused_at_the_second_target()
    {
        var result = Load("""
            <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
            <disk type='file' device='disk'><source file='/b.img'/><target dev='vda' bus='virtio'/></disk>
            """);
        Assert.Null(result.Domain);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.DuplicateTarget, error.Code);
        Assert.Equal(("domain/devices/disk[2]/target", 4), (error.Location.Path, error.Location.Line));
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Disks_that_share_a_target_but_each_have_their_own_drive_address_are_accepted_as_libvirt_0_10_2_did()
    {
        var result = Load("""
            <disk type='file' device='cdrom'><source file='/a.iso'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='1' unit='0'/></disk>
            <disk type='file' device='cdrom'><source file='/b.iso'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            """);
        Assert.True(result.Domain is not null, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
    }

    [Fact]
    public void Shared_target_with_the_same_drive_address_is_refused()
    {
        var result = Load("""
            <disk type='file' device='cdrom'><source file='/a.iso'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            <disk type='file' device='cdrom'><source file='/b.iso'/><target dev='sda' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
            """);
        Assert.Equal(DiagnosticCatalog.DuplicateTarget, Assert.Single(result.Diagnostics).Code);
    }
}
