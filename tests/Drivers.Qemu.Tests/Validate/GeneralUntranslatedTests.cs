using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Validate;

/// <summary>
/// libvirt 9's general parts that the command line does not carry yet are refused (DL4310) at their
/// element; what 0.10.2 documents said, and values equal to leaving a part out, still build.
/// </summary>
public sealed class GeneralUntranslatedTests
{
    private static readonly EmulatorDescription Emulator = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Capabilities = QemuCapabilitySet.Of(QemuCapability.Device, QemuCapability.Drive, QemuCapability.Chardev, QemuCapability.Accel),
        Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
        DeviceTypes = ["virtio-balloon-pci"],
        CpuModels = ["qemu64"],
    };

    /// <summary>Builds a domain whose <paramref name="body"/> starts on line 3.</summary>
    private static QemuBuildResult Build(string body, string os = "")
    {
        var parsed = DomainLoader.LoadText($"""
            <domain type='qemu'><name>g</name><memory>1048576</memory><vcpu>2</vcpu>
              <os><type arch='x86_64' machine='pc'>hvm</type>{os}</os>
            {body}
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
            </domain>
            """, "general.xml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return QemuCommandBuilder.Build(parsed.Domain!, Emulator, HostSettings.Default, new QemuBuildOptions());
    }

    [Theory]
    [InlineData("<cpu><topology sockets='1' dies='2' cores='1' threads='1'/></cpu>", "<topology dies>")]
    [InlineData("<sysinfo type='fwcfg'><entry name='opt/a'>v</entry></sysinfo>", "<sysinfo>")]
    [InlineData("<perf><event name='cmt' enabled='yes'/></perf>", "<perf>")]
    [InlineData("<blkiotune><device><path>/dev/sda</path><read_iops_sec>1</read_iops_sec></device></blkiotune>", "throttles")]
    public void A_libvirt_9_general_part_is_refused_at_its_element(string body, string what)
    {
        var result = Build(body);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4310");
        Assert.Contains(what, error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    /// <summary>CPU-level parts are -cpu properties, asked of emulators that describe their CPUs; this one does not.</summary>
    [Theory]
    [InlineData("<features><hyperv><vapic state='on'/></hyperv></features>", "<hyperv><vapic>")]
    [InlineData("<features><kvm><hidden state='on'/></kvm></features>", "<kvm><hidden>")]
    [InlineData("<cpu mode='maximum'/>", "<cpu mode='maximum'>")]
    [InlineData("<clock offset='utc'><timer name='hypervclock' present='yes'/></clock>", "<timer name='hypervclock'>")]
    public void A_CPU_level_part_is_refused_at_its_element_by_an_emulator_without_CPU_descriptions(string body, string what)
    {
        var result = Build(body);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4467");
        Assert.Contains(what, error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Flash_firmware_on_an_emulator_without_blockdev_is_refused_at_the_loader_naming_the_capability()
    {
        var result = Build("", os: "<loader readonly='yes' type='pflash'>/c.fd</loader><nvram>/v.fd</nvram>");

        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Id == "DL4310");
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4441");
        Assert.Contains("'blockdev'", error.Message);
        Assert.EndsWith("os/loader", error.Location.Path);
    }

    [Theory]
    [InlineData("<maxMemory slots='4'>2097152</maxMemory>", "<maxMemory>")]
    [InlineData("<memoryBacking><access mode='shared'/></memoryBacking>", "<memoryBacking>")]
    [InlineData("<numatune><memnode cellid='0' mode='strict' nodeset='0'/></numatune>", "<memnode>")]
    [InlineData("<iothreads>2</iothreads>", "<iothreads>")]
    public void Memory_parts_on_an_emulator_without_memory_backends_are_refused_naming_the_capability(string body, string what)
    {
        var result = Build(body);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Id == "DL4310");
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4445");
        Assert.Contains(what, error.Message);
        Assert.Contains("'memory-backend-ram'", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Theory]
    [InlineData("<cpu check='none'><topology sockets='1' dies='1' cores='2' threads='1'/></cpu>", "")]
    [InlineData("<features><acpi/><hap state='on'/></features>", "")]
    [InlineData("", "<loader type='rom'>/usr/share/seabios/bios.bin</loader>")]
    [InlineData("<cpu><numa><cell id='0' cpus='0-1' memory='1048576'/></numa></cpu>", "")]
    public void What_means_the_same_as_leaving_a_part_out_is_not_refused(string body, string os)
    {
        Assert.DoesNotContain(Build(body, os).Diagnostics, d => d.Code.Id == "DL4310");
    }
}
