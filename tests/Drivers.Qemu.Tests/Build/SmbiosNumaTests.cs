using DomainLauncher.Drivers.Qemu.Capabilities;
using static DomainLauncher.Drivers.Qemu.Tests.Build.FocusedBuild;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

public sealed class SmbiosNumaTests
{
    private const string Sysinfo = """
        <sysinfo type='smbios'>
          <bios><entry name='version'>1.2, beta</entry><entry name='vendor'>V</entry></bios>
          <system><entry name='family'>F</entry><entry name='manufacturer'>M</entry></system>
        </sysinfo>
        """;

    [Fact]
    public void Sysinfo_mode_emits_bios_then_system_blocks_in_libvirts_key_order_after_the_smp_option()
    {
        var argv = Words("", "<smbios mode='sysinfo'/>", Sysinfo, QemuCapability.SmbiosType);
        ArgvAssert.Contains(argv,
            "-smp", "1",
            "-smbios", "type=0,vendor=V,version=1.2,, beta",
            "-smbios", "type=1,manufacturer=M,family=F",
            "-nographic");
    }

    [Fact]
    public void An_empty_block_is_left_out()
    {
        var words = Words("", "<smbios mode='sysinfo'/>",
            "<sysinfo type='smbios'><system><entry name='sku'>9</entry></system></sysinfo>", QemuCapability.SmbiosType);
        Assert.Equal("type=1,sku=9", ValueOf(words, "-smbios"));
        Assert.Single(words, w => w == "-smbios");
    }

    [Fact]
    public void Emulate_mode_emits_nothing_and_needs_no_capability()
    {
        Assert.DoesNotContain("-smbios", Words("", "<smbios mode='emulate'/>", Sysinfo));
    }

    [Fact]
    public void Sysinfo_mode_without_the_capability_is_refused_naming_it()
    {
        var error = Assert.Single(Result("", "<smbios mode='sysinfo'/>", Sysinfo).Diagnostics);
        Assert.Equal("DL4050", error.Code.Id);
        Assert.Contains("'smbios-type'", error.Message);
    }

    [Fact]
    public void Sysinfo_mode_without_sysinfo_is_refused()
    {
        var error = Assert.Single(Result("", "<smbios mode='sysinfo'/>", "", QemuCapability.SmbiosType).Diagnostics);
        Assert.Equal("DL4101", error.Code.Id);
    }

    [Fact]
    public void Host_mode_is_refused_because_the_host_settings_carry_no_smbios_tables()
    {
        var error = Assert.Single(Result("", "<smbios mode='host'/>", "", QemuCapability.SmbiosType).Diagnostics);
        Assert.Equal("DL4051", error.Code.Id);
        Assert.Contains("mode='host'", error.Message);
    }

    [Fact]
    public void Each_numa_cell_is_a_node_with_its_cpus_and_memory_rounded_up_to_mebibytes()
    {
        var argv = Words("", "", """
            <cpu><numa><cell cpus='0' memory='109550'/><cell cpus='1' memory='1024'/></numa></cpu>
            """);
        ArgvAssert.Contains(argv,
            "-smp", "1",
            "-numa", "node,nodeid=0,cpus=0,mem=107",
            "-numa", "node,nodeid=1,cpus=1,mem=1",
            "-nographic");
    }

    [Fact]
    public void A_numa_cell_given_as_a_list_of_one_run_is_written_as_a_range()
    {
        var words = Words("", "", "<cpu><numa><cell cpus='0,1,2,3' memory='1024'/></numa></cpu>");
        Assert.Equal("node,nodeid=0,cpus=0-3,mem=1", ValueOf(words, "-numa"));
    }

    [Fact]
    public void A_numa_cell_of_several_ranges_is_refused_naming_them()
    {
        var error = Assert.Single(Result("", "", "<cpu><numa><cell cpus='0-1,4-5' memory='1024'/></numa></cpu>").Diagnostics);
        Assert.Equal("DL4102", error.Code.Id);
        Assert.Contains("0-1, 4-5", error.Message);
    }

    [Fact]
    public void A_numa_cell_whose_cpus_are_not_a_cpu_set_is_refused()
    {
        var error = Assert.Single(Result("", "", "<cpu><numa><cell cpus='0-x' memory='1024'/></numa></cpu>").Diagnostics);
        Assert.Equal("DL4102", error.Code.Id);
        Assert.Contains("'0-x'", error.Message);
    }
}
