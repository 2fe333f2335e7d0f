using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Probing;

namespace DomainLauncher.Drivers.Qemu.Tests.Probing;

public sealed class ProbeCapabilityRulesTests
{
    private static readonly ProbeResult Bare = new() { Path = "/usr/bin/qemu", Arch = "x86_64", Version = new QemuVersion(7, 2, 0) };

    private static ImmutableDictionary<string, ImmutableArray<string>> Table(params (string Key, string[] Values)[] rows) =>
        rows.ToImmutableDictionary(r => r.Key, r => r.Values.ToImmutableArray(), StringComparer.Ordinal);

    [Fact]
    public void A_bare_probe_has_only_monitor_json()
    {
        Assert.Equal(QemuCapabilitySet.Of(QemuCapability.MonitorJson), ProbeCapabilityRules.Capabilities(Bare));
    }

    [Fact]
    public void Commands_grant_device_netdev_and_chardev()
    {
        var probe = Bare with { Commands = ["chardev-add", "device_add", "netdev_add"] };

        var set = ProbeCapabilityRules.Capabilities(probe);

        Assert.True(set.Has(QemuCapability.Device));
        Assert.True(set.Has(QemuCapability.Netdev));
        Assert.True(set.Has(QemuCapability.Chardev));
    }

    [Fact]
    public void Drive_option_parameters_grant_drive_and_drive_format()
    {
        var probe = Bare with { CommandLineOptions = Table(("drive", ["format", "aio"]), ("name", ["guest"])) };

        var set = ProbeCapabilityRules.Capabilities(probe);

        Assert.True(set.Has(QemuCapability.Drive));
        Assert.True(set.Has(QemuCapability.DriveFormat));
        Assert.True(set.Has(QemuCapability.DriveAio));
        Assert.True(set.Has(QemuCapability.Name));
        Assert.False(set.Has(QemuCapability.NameProcess));
        Assert.False(set.Has(QemuCapability.DriveSerial));
    }

    [Fact]
    public void Device_types_and_properties_grant_their_capabilities()
    {
        var probe = Bare with
        {
            DeviceTypes = ["ide-cd", "virtio-blk-pci"],
            DeviceProperties = Table(("virtio-blk-pci", ["bootindex", "event_idx"]), ("ide-hd", ["wwn"])),
        };

        var set = ProbeCapabilityRules.Capabilities(probe);

        Assert.True(set.Has(QemuCapability.IdeCd));
        Assert.True(set.Has(QemuCapability.BootIndex));
        Assert.True(set.Has(QemuCapability.VirtioBlkPciEventIdx));
        Assert.True(set.Has(QemuCapability.IdeDriveWwn));
        Assert.False(set.Has(QemuCapability.VirtioBlkPciIoeventfd));
    }

    [Fact]
    public void Kvm_is_granted_when_query_kvm_says_it_is_compiled_in()
    {
        Assert.False(ProbeCapabilityRules.Capabilities(Bare with { KvmBuiltIn = false }).Has(QemuCapability.Kvm));
        Assert.True(ProbeCapabilityRules.Capabilities(Bare with { KvmBuiltIn = true }).Has(QemuCapability.Kvm));
    }

    [Fact]
    public void Every_rule_names_a_distinct_capability()
    {
        var capabilities = ProbeCapabilityRules.Rules.Select(r => r.Capability).ToList();

        Assert.Equal(capabilities.Count, capabilities.Distinct().Count());
    }

    [Fact]
    public void Describe_adds_an_entry_per_alias_and_names_the_default_by_its_alias()
    {
        var probe = Bare with
        {
            Machines =
            [
                new ProbedMachine("pc-q35-7.2") { Alias = "q35", MaxCpus = 288 },
                new ProbedMachine("pc-i440fx-7.2") { Alias = "pc", IsDefault = true, MaxCpus = 255 },
                new ProbedMachine("none"),
            ],
            CpuModels = ["qemu64"],
        };

        var description = ProbeCapabilityRules.Describe(probe);

        Assert.Equal(["q35", "pc-q35-7.2", "pc", "pc-i440fx-7.2", "none"], description.Machines.Select(m => m.Name));
        Assert.Equal("pc-i440fx-7.2", description.CanonicalMachine("pc"));
        Assert.Equal("pc", description.DefaultMachineName);
        Assert.Equal(255, description.DefaultMachine?.MaxCpus);
        Assert.True(description.SupportsCpuModel("qemu64"));
        Assert.Equal("x86_64", description.Arch);
    }
}
