using DomainLauncher.HostRuntime.Storage;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Storage;

/// <summary>The SCSI generic device of each host LUN a domain passes through, read where the kernel lists it.</summary>
public sealed class ScsiGenericDevicesTests : IDisposable
{
    private readonly string _sys = Directory.CreateTempSubdirectory("dl-scsi-").FullName;

    public void Dispose() => Directory.Delete(_sys, recursive: true);

    private static Translator.Model.Domain Domain(params string[] luns) => DomainParser.ParseText($"""
        <domain type='qemu'><name>g</name><memory>65536</memory><os><type arch='x86_64'>hvm</type></os><devices>
        {string.Concat(luns.Select(l => $"<hostdev mode='subsystem' type='scsi'><source>{l}</source></hostdev>"))}
        <hostdev mode='subsystem' type='scsi'><source protocol='iscsi' name='iqn.2000-01.com.example:d/1'><host name='example.org'/></source></hostdev>
        </devices></domain>
        """).Domain!;

    [Fact]
    public void Each_lun_on_a_host_adapter_is_the_dev_node_of_its_scsi_generic_entry_and_a_missing_one_is_left_out()
    {
        Directory.CreateDirectory(Path.Combine(_sys, "1:0:2:3", "scsi_generic", "sg5"));
        Directory.CreateDirectory(Path.Combine(_sys, "1:0:2:4"));
        var domain = Domain(
            "<adapter name='scsi_host1'/><address bus='0' target='2' unit='3'/>",
            "<adapter name='scsi_host1'/><address bus='0' target='2' unit='4'/>",
            "<adapter name='scsi_host9'/><address bus='0' target='0' unit='0'/>");

        Assert.True(ScsiGenericDevices.NeededBy(domain));
        var found = ScsiGenericDevices.Find(domain, _sys);

        Assert.Equal("/dev/sg5", Assert.Single(found, d => d.Key == "1:0:2:3").Value);
        Assert.Single(found);
    }

    [Fact]
    public void A_domain_with_only_iscsi_luns_asks_the_host_nothing()
    {
        Assert.False(ScsiGenericDevices.NeededBy(Domain()));
    }
}
