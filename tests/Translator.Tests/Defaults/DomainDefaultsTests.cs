using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Tests.Writing;
using DomainLauncher.Translator.Writing;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Defaults;

/// <summary>The post-parse defaults stage: controller indexes, implicit controllers, channel sockets.</summary>
public sealed class DomainDefaultsTests
{
    private static Domain Parse(string devices, string machine = "pc", string type = "kvm", string arch = "x86_64")
    {
        var result = DomainParser.ParseText(
            $"<domain type='{type}'><name>g</name><memory>1024</memory><os><type arch='{arch}' machine='{machine}'>hvm</type></os>" +
            $"<devices>{devices}</devices></domain>");
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return result.Domain!;
    }

    [Fact]
    public void Unindexed_controllers_get_the_lowest_free_index_of_their_type_in_document_order()
    {
        var domain = DomainDefaults.Apply(Parse(
            "<controller type='usb'/><controller type='usb' index='0' model='ich9-ehci1'/><controller type='usb'/><controller type='scsi'/>"));
        var indexes = domain.Devices.Controllers.Where(c => c.Type != ControllerType.Pci).Select(c => (c.Type, c.Index)).ToList();
        Assert.Equal([(ControllerType.Usb, 1u), (ControllerType.Usb, 0u), (ControllerType.Usb, 2u), (ControllerType.Scsi, 0u)], indexes);
    }

    [Fact]
    public void Parser_keeps_the_index_absent() =>
        Assert.Null(Assert.Single(Parse("<controller type='usb'/>").Devices.Controllers).Index);

    [Fact]
    public void Unindexed_pci_bridges_start_at_one_as_bus_zero_is_the_root()
    {
        var domain = DomainDefaults.Apply(Parse(
            "<controller type='pci' model='pcie-root-port'/><controller type='pci' model='pcie-root-port'/>", machine: "q35"));
        var pci = domain.Devices.Controllers.OfType<PciController>().OrderBy(c => c.Index).ToList();
        Assert.Equal([(0u, PciControllerModel.PcieRoot), (1u, PciControllerModel.PcieRootPort), (2u, PciControllerModel.PcieRootPort)],
            pci.Select(c => (c.Index!.Value, c.Model)));
    }

    [Theory]
    [InlineData("pc", PciControllerModel.PciRoot)]
    [InlineData("pc-i440fx-7.2", PciControllerModel.PciRoot)]
    [InlineData("q35", PciControllerModel.PcieRoot)]
    [InlineData("pc-q35-7.2", PciControllerModel.PcieRoot)]
    public void An_x86_qemu_guest_gets_the_root_bus_of_its_machine(string machine, PciControllerModel model)
    {
        var root = Assert.Single(DomainDefaults.Apply(Parse("", machine)).Devices.Controllers.OfType<PciController>());
        Assert.Equal((0u, model), (root.Index, root.Model));
    }

    [Fact]
    public void Isapc_has_no_pci_bus() =>
        Assert.Empty(DomainDefaults.Apply(Parse("", "isapc")).Devices.Controllers);

    [Fact]
    public void A_declared_bus_zero_is_kept_and_nothing_is_added()
    {
        var domain = DomainDefaults.Apply(Parse("<controller type='pci' index='0' model='pci-root'/>"));
        Assert.Single(domain.Devices.Controllers);
    }

    [Fact]
    public void A_non_x86_guest_gets_no_root_bus() =>
        Assert.Empty(DomainDefaults.Apply(Parse("", machine: "pseries", arch: "ppc64")).Devices.Controllers);

    [Fact]
    public void A_xen_guest_is_left_without_an_implicit_xenbus()
    {
        // libxl adds one, xend did not: the legacy xm reader's domains must stay comparable.
        Assert.Empty(DomainDefaults.Apply(Parse("", type: "xen", machine: "xenfv")).Devices.Controllers);
        var declared = DomainDefaults.Apply(Parse("<controller type='xenbus' maxGrantFrames='64'/>", type: "xen", machine: "xenfv"));
        var xenbus = Assert.IsType<XenbusController>(Assert.Single(declared.Devices.Controllers));
        Assert.Equal((0u, 64u), (xenbus.Index, xenbus.MaxGrantFrames));
    }

    [Fact]
    public void Applying_twice_is_applying_once()
    {
        var once = DomainDefaults.Apply(Parse(
            "<controller type='usb'/><controller type='pci' model='pci-bridge'/><serial type='pty'/><graphics type='vnc' listen='::1'/>"
            + "<video><model type='qxl'/></video><disk type='file'><source file='/d'/><target dev='hda'/></disk>"));
        var twice = DomainDefaults.Apply(once);
        Assert.Empty(ModelLeaves.Missing(once, twice));
        Assert.Empty(ModelLeaves.Missing(twice, once));
        Assert.Equal(DomainXmlWriter.Write(once), DomainXmlWriter.Write(twice));
    }

    private static Domain WithUnixChannel(string? name, DeviceAddress? address) => Parse("") with
    {
        Devices = new Model.Devices
        {
            Channels =
            [
                new CharDevice
                {
                    Kind = CharDeviceKind.Channel,
                    Source = new UnixCharSource { Mode = CharSourceMode.Bind, Path = null },
                    Target = new VirtioChannelTarget { Name = name },
                    Address = address,
                },
            ],
        },
    };

    private static string? ChannelPath(Domain domain) =>
        Assert.IsType<UnixCharSource>(Assert.Single(domain.Devices.Channels).Source).Path;

    [Fact]
    public void A_named_unix_channel_gets_its_socket_in_the_channel_directory() =>
        Assert.Equal("/run/ch/domain-1-g/org.qemu.guest_agent.0", ChannelPath(DomainDefaults.Apply(
            WithUnixChannel("org.qemu.guest_agent.0", null), new DefaultsSettings { ChannelDirectory = "/run/ch/domain-1-g" })));

    [Fact]
    public void An_unnamed_unix_channel_gets_a_socket_named_after_its_address() =>
        Assert.Equal("/run/ch/vioser-00-00-02.sock", ChannelPath(DomainDefaults.Apply(
            WithUnixChannel(null, new VirtioSerialAddress { Controller = 0, Bus = 0, Port = 2 }), new DefaultsSettings { ChannelDirectory = "/run/ch" })));

    [Fact]
    public void Without_a_channel_directory_the_path_stays_absent() =>
        Assert.Null(ChannelPath(DomainDefaults.Apply(WithUnixChannel("org.qemu.guest_agent.0", null))));

    [Fact]
    public void The_loader_applies_the_defaults_and_the_parser_does_not()
    {
        const string xml = "<domain type='kvm'><name>g</name><memory>1024</memory><os><type arch='x86_64' machine='q35'>hvm</type></os>" +
            "<devices><controller type='sata'/></devices></domain>";
        Assert.Single(DomainParser.ParseText(xml).Domain!.Devices.Controllers);
        var loaded = DomainLoader.LoadText(xml).Domain!;
        Assert.Equal([ControllerType.Sata, ControllerType.Pci], loaded.Devices.Controllers.Select(c => c.Type));
        Assert.Equal(0u, loaded.Devices.Controllers[0].Index);
    }

    private static Domain WithNumaCells(string memory) =>
        DomainParser.ParseText(
            $"<domain type='xen'><name>g</name>{memory}<vcpu>2</vcpu><os><type arch='x86_64' machine='xenfv'>hvm</type></os>" +
            "<cpu><numa><cell id='0' cpus='0' memory='2097152'/><cell id='1' cpus='1' memory='2097152'/></numa></cpu></domain>").Domain!;

    [Theory]
    [InlineData("<memory unit='KiB'>1048576</memory>", 4194304UL)] // smaller than the cells: raised to their total
    [InlineData("<memory unit='KiB'>8388608</memory>", 8388608UL)] // larger: kept
    [InlineData("", 4194304UL)]                                     // absent: the cells' total
    public void Defining_takes_the_numa_cells_total_as_memory_unless_a_larger_one_is_stated(string memory, ulong kibibytes) =>
        Assert.Equal(new MemorySize(kibibytes), DomainDefaults.Apply(WithNumaCells(memory)).Memory);

    [Theory]
    [InlineData("<memory unit='KiB'>1048576</memory>", 1048576UL)] // smaller than the cells: kept as stated
    [InlineData("<memory unit='KiB'>8388608</memory>", 8388608UL)]
    [InlineData("", 4194304UL)]                                     // absent: still the cells' total
    public void A_conversion_keeps_the_stated_memory_and_fills_only_an_absent_one(string memory, ulong kibibytes)
    {
        var domain = DomainDefaults.Apply(WithNumaCells(memory), DefaultsSettings.Conversion);
        Assert.Equal(new MemorySize(kibibytes), domain.Memory);
        Assert.Equal(domain.Memory, domain.CurrentMemory);
    }

    [Fact]
    public void A_conversion_loads_numa_cells_holding_more_than_the_stated_memory_without_an_error()
    {
        const string xml = "<domain type='xen'><name>g</name><uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid><memory unit='KiB'>1048576</memory>" +
            "<vcpu>2</vcpu><os><type arch='x86_64' machine='xenfv'>hvm</type></os>" +
            "<cpu><numa><cell id='0' cpus='0' memory='2097152'/><cell id='1' cpus='1' memory='2097152'/></numa></cpu></domain>";
        var converted = DomainLoader.LoadText(xml, "g.xml", defaults: DefaultsSettings.Conversion);
        Assert.True(converted.Domain is not null, string.Join("\n", converted.Diagnostics.Select(d => d.Format())));
        Assert.Empty(converted.Diagnostics);
        Assert.Equal(new MemorySize(1048576), converted.Domain.Memory);
        Assert.Equal(new MemorySize(4194304), DomainLoader.LoadText(xml, "g.xml").Domain!.Memory);
    }

    [Fact]
    public void Numa_cells_totalling_more_than_a_size_can_hold_are_refused()
    {
        // Each cell alone is a size (under 16 EiB); 1100 of them are not.
        var cells = string.Concat(Enumerable.Range(0, 1100).Select(i => $"<cell id='{i}' cpus='{i}' memory='15' unit='EiB'/>"));
        var xml = "<domain type='kvm'><name>g</name><vcpu>1100</vcpu><os><type arch='x86_64'>hvm</type></os>" +
            $"<cpu><numa>{cells}</numa></cpu></domain>";
        foreach (var settings in new[] { DefaultsSettings.None, DefaultsSettings.Conversion })
        {
            var loaded = DomainLoader.LoadText(xml, "g.xml", defaults: settings);
            Assert.Null(loaded.Domain);
            Assert.Contains(loaded.Diagnostics, d => d.Code == Diagnostics.DiagnosticCatalog.InvalidMemory);
        }
    }
}
