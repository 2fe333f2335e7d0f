using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Tests.Probing;

public sealed class ProbeCapabilityRulesTests
{
    private static readonly ProbeResult Bare = new() { Path = "/usr/bin/qemu", Arch = "x86_64", Version = new QemuVersion(7, 2, 0) };

    private static NameTable Table(params (string Key, string[] Values)[] rows) =>
        NameTable.Of(rows.Select(r => KeyValuePair.Create(r.Key, r.Values.ToImmutableArray())));

    [Fact]
    public void A_bare_probe_has_only_what_the_version_the_target_and_qmp_itself_tell()
    {
        var set = ProbeCapabilityRules.Capabilities(Bare);

        Assert.Equal(
            "vnc-colon,migrate-qemu-tcp,migrate-qemu-exec,0.10,migrate-qemu-unix,monitor-json,migrate-qemu-fd,pci-multibus," +
            "cpu-host,device-video-primary,ipv6-migration,explicit-booleans,guestfwd-chardev,machine-graphics,chardev-serial",
            set.ToString());
    }

    [Fact]
    public void A_bare_probe_of_an_old_non_x86_qemu_has_only_monitor_json()
    {
        var set = ProbeCapabilityRules.Capabilities(Bare with { Arch = "ppc64", Version = new QemuVersion(0, 8, 0) });

        Assert.Equal(QemuCapabilitySet.Of(QemuCapability.MonitorJson), set);
    }

    [Fact]
    public void Every_capability_name_has_exactly_one_rule()
    {
        var ruled = ProbeCapabilityRules.Rules.Select(r => r.Capability).ToList();

        Assert.Equal(ruled.Count, ruled.Distinct().Count());
        Assert.Empty(Enum.GetValues<QemuCapability>().Except(ruled).Select(QemuCapabilityNames.Name));
    }

    [Fact]
    public void Kvm_means_the_no_kvm_option_of_the_kvm_fork_not_kvm_compiled_in()
    {
        var compiledIn = Bare with { KvmBuiltIn = true, Accelerators = ["kvm", "tcg"], HelpOptions = Help(("enable-kvm", [])) };
        var fork = Bare with { HelpOptions = Help(("no-kvm", []), ("enable-kvm", [])) };

        Assert.False(ProbeCapabilityRules.Capabilities(compiledIn).Has(QemuCapability.Kvm));
        Assert.True(ProbeCapabilityRules.Capabilities(compiledIn).Has(QemuCapability.EnableKvm));
        Assert.True(ProbeCapabilityRules.Capabilities(fork).Has(QemuCapability.Kvm));
    }

    [Fact]
    public void Mlock_means_realtime_mlock_and_overcommit_means_overcommit_mem_lock()
    {
        var old = Bare with { HelpOptions = Help(("realtime", ["[mlock=on|off]"])) };
        var modern = Bare with { HelpOptions = Help(("overcommit", ["[mem-lock=on|off][cpu-pm=on|off]"])) };

        Assert.True(ProbeCapabilityRules.Capabilities(old).Has(QemuCapability.Mlock));
        Assert.False(ProbeCapabilityRules.Capabilities(old).Has(QemuCapability.Overcommit));
        Assert.False(ProbeCapabilityRules.Capabilities(modern).Has(QemuCapability.Mlock));
        Assert.True(ProbeCapabilityRules.Capabilities(modern).Has(QemuCapability.Overcommit));
    }

    [Fact]
    public void Help_synopses_decide_vga_choices_cache_modes_bridge_and_spicevmc()
    {
        var probe = Bare with
        {
            HelpOptions = Help(
                ("vga", ["[std|cirrus|vmware|qxl|xenfb|tcx|cg3|virtio|none]"]),
                ("drive", ["[file=file][,if=type][,cache=writethrough|writeback|none|directsync|unsafe][,format=f]"]),
                ("netdev", ["user,id=str[,ipv4=on|off]", "bridge,id=str[,br=bridge][,helper=helper]"]),
                ("chardev", ["null,id=id", "spicevmc,id=id,name=name[,debug=debug]"])),
        };

        var set = ProbeCapabilityRules.Capabilities(probe);

        foreach (var c in new[] { QemuCapability.Vga, QemuCapability.VgaQxl, QemuCapability.VgaNone, QemuCapability.DriveCacheV2,
                     QemuCapability.CacheDirectsync, QemuCapability.CacheUnsafe, QemuCapability.Bridge, QemuCapability.ChardevSpicevmc })
            Assert.True(set.Has(c), QemuCapabilityNames.Name(c));
        Assert.False(set.Has(QemuCapability.DriveBoot));
        Assert.False(set.Has(QemuCapability.VhostNet));
    }

    [Fact]
    public void Old_drive_cache_syntax_and_boot_on_are_read_from_the_help_text()
    {
        var probe = Bare with { HelpOptions = Help(("drive", ["[file=file][,cache=on|off][,format=f][,boot=on|off]"]), ("std-vga", []), ("vga", ["[std|cirrus]"])) };

        var set = ProbeCapabilityRules.Capabilities(probe);

        Assert.False(set.Has(QemuCapability.DriveCacheV2));
        Assert.True(set.Has(QemuCapability.DriveBoot));
        Assert.False(set.Has(QemuCapability.Vga)); // -std-vga era: libvirt wrote -std-vga, not -vga
    }

    [Fact]
    public void Domid_is_only_for_an_emulator_without_xen_domid()
    {
        Assert.True(ProbeCapabilityRules.Capabilities(Bare with { HelpOptions = Help(("domid", [])) }).Has(QemuCapability.Domid));
        var both = ProbeCapabilityRules.Capabilities(Bare with { HelpOptions = Help(("domid", []), ("xen-domid", [])) });
        Assert.False(both.Has(QemuCapability.Domid));
        Assert.True(both.Has(QemuCapability.XenDomid));
    }

    [Fact]
    public void Xen_domid_and_enable_kvm_need_their_accelerator_when_the_probe_lists_accelerators()
    {
        var help = Help(("xen-domid", []), ("xen-attach", []), ("enable-kvm", []));

        var withoutXen = ProbeCapabilityRules.Capabilities(Bare with { HelpOptions = help, Accelerators = ["kvm", "tcg"] });
        var tcgOnly = ProbeCapabilityRules.Capabilities(Bare with { HelpOptions = help, Accelerators = ["tcg"] });
        var unknown = ProbeCapabilityRules.Capabilities(Bare with { HelpOptions = help });

        Assert.False(withoutXen.Has(QemuCapability.XenDomid));
        Assert.True(withoutXen.Has(QemuCapability.EnableKvm));
        Assert.False(tcgOnly.Has(QemuCapability.EnableKvm));
        Assert.True(unknown.Has(QemuCapability.XenDomid));
        Assert.True(unknown.Has(QemuCapability.EnableKvm));
    }

    [Fact]
    public void Device_json_comes_from_the_json_cli_feature_of_device_add()
    {
        var with = Bare with { CommandFeatures = NameTable.Of(("device_add", ["json-cli", "json-cli-hotplug"])) };

        Assert.True(ProbeCapabilityRules.Capabilities(with).Has(QemuCapability.DeviceJson));
        Assert.False(ProbeCapabilityRules.Capabilities(Bare).Has(QemuCapability.DeviceJson));
    }

    [Fact]
    public void Version_rules_follow_the_release_that_brought_the_feature()
    {
        var v59 = ProbeCapabilityRules.Capabilities(Bare with { Version = new QemuVersion(5, 2, 0) });
        var v60 = ProbeCapabilityRules.Capabilities(Bare with { Version = new QemuVersion(6, 0, 0) });
        var v011 = ProbeCapabilityRules.Capabilities(Bare with { Version = new QemuVersion(0, 11, 0) });

        Assert.False(v59.Has(QemuCapability.ExplicitBooleans));
        Assert.True(v60.Has(QemuCapability.ExplicitBooleans));
        Assert.True(v011.Has(QemuCapability.Qemu0_10));
        Assert.False(v011.Has(QemuCapability.MigrateQemuUnix));
        Assert.False(v011.Has(QemuCapability.DeviceVideoPrimary));
    }

    [Fact]
    public void Balloon_event_comes_from_the_schema_events()
    {
        Assert.True(ProbeCapabilityRules.Capabilities(Bare with { Events = ["BALLOON_CHANGE"] }).Has(QemuCapability.BalloonEvent));
    }

    private static NameTable Help(params (string Key, string[] Values)[] rows) => Table(rows);

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
