using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Drivers.Xen.XmConfig.Sections;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.XmConfig;

/// <summary>xl config files and libxl's xm files (libvirt 9): the spellings that differ from xend's, both ways.</summary>
public sealed class XlConfigTests
{
    private static readonly XenGuestDefaults Guests = new(
        new XenGuestArch("x86_64", "xenfv", "/usr/lib/xen/boot/hvmloader"), new XenGuestArch("x86_64", "xenpv"),
        new XenGuestArch("x86_64", "xenpvh"), "/usr/lib/xen/boot");

    private static string Hvm(string devices = "", string extra = "", string clock = "offset='variable' adjustment='0' basis='utc'") => $"""
        <domain type='xen'>
          <name>g</name>
          <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
          <memory>1048576</memory>
          <os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader><boot dev='cdrom'/></os>
          <features><acpi/><apic/><pae/></features>
          {extra}
          <clock {clock}/>
          <devices>
            {devices}
          </devices>
        </domain>
        """;

    private static string Text(string xml, XenTarget target, XenConfigFormat format)
    {
        var parsed = DomainParser.ParseText(xml);
        Assert.True(parsed.Domain is not null, string.Join("\n", parsed.Diagnostics));
        var built = XmConfigBuilder.Build(parsed.Domain, target, format);
        Assert.True(built.Text is not null, string.Join("\n", built.Diagnostics));
        return built.Text;
    }

    private static Domain Read(string cfg, XenConfigFormat format = XenConfigFormat.Xl)
    {
        var read = XmConfigReader.ReadText(cfg, "g.cfg", XenTarget.Libxl, Guests, format);
        Assert.True(read.Domain is not null, string.Join("\n", read.Diagnostics));
        return read.Domain;
    }

    [Fact]
    public void An_hvm_framebuffer_is_vnc_1_and_its_settings_at_every_xend_version_and_with_libxl()
    {
        const string vnc = "<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>";
        var xml = Hvm(vnc);
        foreach (var version in new[] { 2, 3, 4 })
        {
            var text = Text(version == 4 ? xml : Hvm(vnc, clock: "offset='utc'"), XenTarget.For((XendConfigVersion)version), XenConfigFormat.Xm);
            Assert.Contains("sdl = 0\nvnc = 1\nvncunused = 1\nvnclisten = \"127.0.0.1\"\n", text);
            Assert.DoesNotContain("vfb", text);
        }
        Assert.Contains("vnc = 1\nvncunused = 1\n", Text(xml, XenTarget.Libxl, XenConfigFormat.Xl));
    }

    [Fact]
    public void Libxl_writes_the_shared_settings_first_then_the_boot_then_the_disks()
    {
        var text = Text(Hvm("<disk type='block'><driver name='phy' type='raw'/><source dev='/dev/vg/g'/><target dev='hda'/></disk>"),
            XenTarget.Libxl, XenConfigFormat.Xm);
        var order = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(' ')]).ToList();
        Assert.Equal(["name", "uuid", "maxmem", "memory", "vcpus", "pae", "acpi", "apic", "viridian", "rtc_timeoffset", "localtime",
            "on_poweroff", "on_reboot", "on_crash", "parallel", "serial", "builder", "kernel", "boot", "disk"], order);
    }

    [Fact]
    public void An_xl_disk_is_key_value_with_the_target_last_and_an_xm_disk_stays_positional()
    {
        var xml = Hvm("""
            <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='/iso/a,b.iso'/><target dev='hdc'/><readonly/></disk>
            """);
        Assert.Contains("disk = [ \"format=raw,vdev=hdc,access=ro,backendtype=qdisk,devtype=cdrom,target=/iso/a,b.iso\" ]", Text(xml, XenTarget.Libxl, XenConfigFormat.Xl));
    }

    [Theory]
    [InlineData("target=/img/a,b.raw,vdev=xvda", "/img/a,b.raw,vdev=xvda", null, null)]
    [InlineData("/img/a.qcow2,qcow2,xvdb,rw", "/img/a.qcow2", "qcow2", "xvdb")]
    [InlineData("/img/a,,xvdc,,backendtype=phy", "/img/a", null, "xvdc")]
    [InlineData("format=raw,vdev=hdd,access=ro,devtype=cdrom", null, "raw", "hdd")]
    public void An_xl_disk_spec_fills_positional_parts_in_order_and_target_takes_the_rest(string spec, string? target, string? format, string? vdev)
    {
        var parts = XlSyntax.ParseDisk(spec, [], out var error);
        Assert.Null(error);
        Assert.NotNull(parts);
        Assert.Equal(target, parts.Target);
        Assert.Equal(format, parts.Format);
        Assert.Equal(vdev, parts.Vdev);
    }

    [Fact]
    public void A_fifth_positional_disk_part_is_refused()
    {
        Assert.Null(XlSyntax.ParseDisk("/a,raw,xvda,rw,extra", [], out var error));
        Assert.Contains("fifth positional part", error);
    }

    [Fact]
    public void An_xl_disk_reads_with_libxls_backends_and_a_cdrom_is_read_only()
    {
        var domain = Read("""
            name = "g"
            builder = "hvm"
            disk = [ "/dev/vg/g,,hda,w,backendtype=phy", "/iso/boot.iso,raw,hdc,rw,devtype=cdrom", "/img/h,qcow2,hdb,rw" ]
            """);
        var disks = domain.Devices.Disks;
        Assert.Equal(DiskType.Block, disks[0].Type);
        Assert.Equal(new DiskDriver { Name = "phy", Format = DiskFormat.Raw }, disks[0].Driver);
        Assert.True(disks[1].ReadOnly);
        Assert.Equal(DiskDevice.Cdrom, disks[1].Device);
        Assert.Equal(new DiskDriver { Name = "qemu", Format = DiskFormat.Qcow2 }, disks[2].Driver);
        Assert.Equal(new DriveAddress { Controller = 0, Bus = 1, Target = 0, Unit = 0 }, disks[1].Address);
        Assert.Equal([ControllerType.Xenbus, ControllerType.Ide], domain.Devices.Controllers.Select(c => c.Type));
    }

    [Fact]
    public void An_open_vswitch_vif_carries_its_vlan_on_the_bridge_name_both_ways()
    {
        var trunk = Read("""
            name = "g"
            vif = [ "mac=00:16:3e:00:00:01,bridge=ovsbr0:42:43,script=vif-openvswitch,rate=2MB/s" ]
            """).Devices.Interfaces[0];
        var bridge = Assert.IsType<BridgeInterface>(trunk);
        Assert.Equal("ovsbr0", bridge.Bridge);
        Assert.Equal([42u, 43u], bridge.Vlan!.Tags.ToArray());
        Assert.True(bridge.Vlan.Trunk);
        Assert.Equal(VirtualPortType.OpenVSwitch, bridge.VirtualPort!.Type);
        Assert.Equal(2048ul, bridge.Bandwidth!.Outbound!.Average);

        var tagged = Hvm("""
            <interface type='bridge'><mac address='00:16:3e:00:00:01'/><source bridge='ovsbr0'/><vlan><tag id='42'/></vlan>
            <virtualport type='openvswitch'/><script path='vif-openvswitch'/><model type='netfront'/></interface>
            """);
        Assert.Contains("vif = [ \"mac=00:16:3e:00:00:01,bridge=ovsbr0.42,script=vif-openvswitch,type=vif\" ]", Text(tagged, XenTarget.Libxl, XenConfigFormat.Xl));
        Assert.Contains("type=netfront", Text(tagged, XenTarget.Libxl, XenConfigFormat.Xm));
    }

    [Fact]
    public void A_vif_rate_that_is_not_a_rate_is_refused_at_the_vif()
    {
        var read = XmConfigReader.ReadText("name = \"g\"\nvif = [ \"mac=00:16:3e:00:00:01,rate=fast\" ]", "g.cfg", XenTarget.Libxl, Guests, XenConfigFormat.Xl);
        Assert.Null(read.Domain);
        var error = Assert.Single(read.Diagnostics, d => d.IsError);
        Assert.Equal(XenXmDiagnostics.InvalidValue, error.Code);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Cpuid_names_translate_between_libvirt_and_xl_and_policies_read_back()
    {
        var cpu = new CpuConfig
        {
            Mode = CpuMode.HostPassthrough,
            Features = [new CpuFeature("pni", CpuFeaturePolicy.Force), new CpuFeature("tm", CpuFeaturePolicy.Disable), new CpuFeature("pdpe1gb", CpuFeaturePolicy.Optional)],
        };
        var text = XlCpuid.Format(cpu);
        Assert.Equal("host,sse3=1,tm=0,page1gb=x", text);
        Assert.Equal(cpu.Features, XlCpuid.Parse(text!, out _));
        Assert.Null(XlCpuid.Parse("host,tm=2", out var error));
        Assert.Contains("0, 1, x, k or s", error);
    }

    [Fact]
    public void Vnuma_distances_not_given_come_from_the_other_direction_else_10_and_20()
    {
        var cells = System.Collections.Immutable.ImmutableArray.Create(
            new NumaCell("0", new MemorySize(1024)) { Id = 0, Distances = [new NumaDistance(0, 10), new NumaDistance(1, 21), new NumaDistance(2, 31)] },
            new NumaCell("1", new MemorySize(1024)) { Id = 1 },
            new NumaCell("2", new MemorySize(1024)) { Id = 2 });
        var matrix = XlDomainSection.Distances(cells);
        Assert.Equal([10u, 21u, 31u], matrix[0]);
        Assert.Equal([21u, 10u, 20u], matrix[1]);
        Assert.Equal([31u, 20u, 10u], matrix[2]);
    }

    [Theory]
    [InlineData(1048576, 524288, false)] // 512 + 512 MiB, maxmem 1024: they add up
    [InlineData(1048576, 1048576, true)] // 1024 + 512 MiB: xl would refuse the file
    [InlineData(1049600, 525312, false)] // 513 + 512 MiB, maxmem 1025
    [InlineData(1048577, 524288, true)]  // maxmem rounds up to 1025 MiB, the nodes hold 1024
    public void Vnuma_sizes_that_do_not_add_up_to_maxmem_are_written_with_a_warning(ulong memory, ulong firstCell, bool warned)
    {
        var xml = Hvm(extra: $"<cpu><numa><cell id='0' cpus='0' memory='{firstCell}'/><cell id='1' cpus='1' memory='524288'/></numa></cpu>")
            .Replace("<memory>1048576</memory>", $"<memory>{memory}</memory>", StringComparison.Ordinal);
        var parsed = DomainParser.ParseText(xml);
        Assert.True(parsed.Domain is not null, string.Join("\n", parsed.Diagnostics));
        var built = XmConfigBuilder.Build(parsed.Domain, XenTarget.Libxl, XenConfigFormat.Xl);
        Assert.NotNull(built.Text);
        Assert.Contains("vnuma = [ [ \"pnode=0\"", built.Text);
        if (!warned) Assert.Empty(built.Diagnostics);
        else Assert.Equal((XenLibxlDiagnostics.VnumaSizeMismatch, Translator.Diagnostics.Severity.Warning),
            (Assert.Single(built.Diagnostics).Code, built.Diagnostics[0].Severity));
    }

    [Fact]
    public void A_pvh_guest_is_type_pvh_with_its_kernel_and_reads_back_as_xenpvh()
    {
        var cfg = Text("""
            <domain type='xen'><name>g</name><uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid><memory>524288</memory>
            <os><type>xenpvh</type><kernel>/boot/vmlinuz</kernel><cmdline>root=/dev/xvda1</cmdline></os></domain>
            """, XenTarget.Libxl, XenConfigFormat.Xl);
        Assert.Contains("type = \"pvh\"\nkernel = \"/boot/vmlinuz\"\ncmdline = \"root=/dev/xvda1\"\n", cfg);
        var domain = Read(cfg);
        Assert.Equal(OsType.Xenpvh, domain.Os!.Type);
        Assert.Equal("xenpvh", domain.Os.Machine);
        Assert.Equal([InputType.Mouse, InputType.Keyboard], domain.Devices.Inputs.Select(i => i.Type));
        Assert.Equal(MemBalloonModel.Xen, domain.Devices.MemBalloon!.Model);
    }

    [Fact]
    public void Ovmf_reads_as_the_pflash_loader_in_the_firmware_folder_and_writes_back_as_bios_ovmf()
    {
        var domain = Read("name = \"g\"\nbuilder = \"hvm\"\nbios = \"ovmf\"\n");
        Assert.Equal("/usr/lib/xen/boot/ovmf.bin", domain.Os!.Loader);
        Assert.Equal(LoaderType.Pflash, domain.Os.LoaderSettings!.Type);
        var built = XmConfigBuilder.Build(domain with { Uuid = Guid.Empty, Memory = new MemorySize(131072) }, XenTarget.Libxl, XenConfigFormat.Xl);
        Assert.Contains("builder = \"hvm\"\nbios = \"ovmf\"\n", built.Text);
    }

    [Fact]
    public void Xl_only_settings_are_unknown_to_the_xend_reader()
    {
        var read = XmConfigReader.ReadText("name = \"g\"\ncpuid = \"host\"\n", "g.cfg", XenTarget.For(XendConfigVersion.Xen3_1_0), Guests);
        Assert.Null(read.Domain);
        var error = Assert.Single(read.Diagnostics, d => d.Code == XenXmDiagnostics.UnknownKey);
        Assert.Contains("'cpuid' is a setting of libxl's config files", error.Message);
        Assert.Contains("--toolstack libxl", error.Message);
    }

    [Fact]
    public void An_rbd_volume_is_qemus_rbd_string_with_escaped_monitors_and_reads_back()
    {
        var rbd = new NetworkDiskSource
        {
            Protocol = DiskProtocol.Rbd,
            Name = "pool/image",
            Hosts = [new DiskSourceHost { Name = "mon1.example.org", Port = 6321 }, new DiskSourceHost { Name = "mon2" }],
        };
        var target = XlSyntax.RbdTarget(rbd);
        Assert.Equal("rbd:pool/image:auth_supported=none:mon_host=mon1.example.org\\:6321\\;mon2", target);
        var read = XlSyntax.ParseRbd(target);
        Assert.Equal("pool/image", read!.Name);
        Assert.Equal(rbd.Hosts.ToArray(), read.Hosts.ToArray());
        Assert.Null(XlSyntax.ParseRbd("/var/lib/images/a.img"));
    }
}
