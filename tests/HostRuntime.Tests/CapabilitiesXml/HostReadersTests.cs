using DomainLauncher.Drivers.Qemu.Capabilities;
using System.Runtime.Versioning;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Tests.Probing;

namespace DomainLauncher.HostRuntime.Tests.CapabilitiesXml;

/// <summary>Reading the host: /proc/cpuinfo, firmware description folders, emulators on PATH.</summary>
[SupportedOSPlatform("linux")]
public sealed class HostReadersTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("dl-capsxml-");

    public void Dispose() => _temp.Delete(recursive: true);

    private const string CpuInfo = """
        processor	: 0
        vendor_id	: AuthenticAMD
        physical id	: 0
        siblings	: 4
        cpu cores	: 2
        flags		: fpu vme sse4_1 sse4_2 pclmulqdq rep_good constant_tsc svm

        processor	: 1
        vendor_id	: AuthenticAMD
        physical id	: 0
        siblings	: 4
        cpu cores	: 2
        flags		: fpu vme sse4_1 sse4_2 pclmulqdq rep_good constant_tsc svm

        """;

    [Fact]
    public void Cpuinfo_gives_vendor_topology_and_flags_in_libvirts_names_without_kernel_only_flags()
    {
        var cpu = HostCpuReader.Parse(CpuInfo, "x86_64");
        Assert.Equal("x86_64", cpu.Arch);
        Assert.Equal("AMD", cpu.Vendor);
        Assert.Equal(new DomainLauncher.Drivers.Qemu.Host.HostCpuTopology(1, 2, 2), cpu.Topology);
        Assert.Equal(["fpu", "vme", "sse4.1", "sse4.2", "pclmuldq", "svm"], cpu.Features.AsEnumerable());
    }

    [Fact]
    public void Cpuinfo_without_processors_gives_only_the_arch()
    {
        var cpu = HostCpuReader.Parse("", "aarch64");
        Assert.Equal("aarch64", cpu.Arch);
        Assert.Empty(cpu.Features.AsEnumerable());
        Assert.Null(cpu.Topology);
    }

    private const string Descriptor = """
        {
            "description": "test",
            "interface-types": ["uefi"],
            "mapping": { "device": "flash", "executable": { "filename": "EXE", "format": "raw" } },
            "targets": [ { "architecture": "x86_64", "machines": ["pc-q35-*"] } ],
            "features": [], "tags": []
        }
        """;

    private string Folder(string name)
    {
        var path = Path.Combine(_temp.FullName, name);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void Firmware_descriptions_are_read_by_file_name_with_higher_folders_hiding_lower_ones()
    {
        var etc = Folder("etc");
        var share = Folder("share");
        var image = Path.Combine(_temp.FullName, "CODE.fd");
        File.WriteAllText(image, "");
        File.WriteAllText(Path.Combine(share, "60-b.json"), Descriptor.Replace("EXE", "/share/60"));
        File.WriteAllText(Path.Combine(share, "50-a.json"), Descriptor.Replace("EXE", image));
        File.WriteAllText(Path.Combine(share, "70-masked.json"), Descriptor.Replace("EXE", "/share/70"));
        File.WriteAllText(Path.Combine(etc, "70-masked.json"), "");
        File.WriteAllText(Path.Combine(etc, "60-b.json"), Descriptor.Replace("EXE", "/etc/60"));
        File.WriteAllText(Path.Combine(etc, "10-broken.json"), "{ not json");

        var read = FirmwareDescriptorReader.ReadFolders([etc, share, Path.Combine(_temp.FullName, "missing")]);

        Assert.Equal([image, "/etc/60"], read.Select(d => d.Executable));
        Assert.Equal([true, false], read.Select(d => d.ExecutableExists));
        Assert.True(read[0].Fits("x86_64", "pc-q35-7.2"));
        Assert.False(read[0].Fits("x86_64", "pc-i440fx-7.2"));
    }

    [Fact]
    public void Memory_mapped_firmware_is_its_file_and_kernel_firmware_is_no_loader()
    {
        var memory = FirmwareDescriptorReader.Parse("""{"mapping": {"device": "memory", "filename": "/fw/bios.bin"}, "targets": []}""", "m.json");
        Assert.Equal("/fw/bios.bin", memory!.Executable);
        Assert.Null(FirmwareDescriptorReader.Parse("""{"mapping": {"device": "kernel", "filename": "/fw/k"}}""", "k.json"));
    }

    private string Executable(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return path;
    }

    [UnixFact]
    public void Emulators_on_path_come_best_first_once_each()
    {
        var first = Folder("a");
        var second = Folder("b");
        var x86 = Executable(second, "qemu-system-x86_64");
        Executable(first, "qemu-system-x86_64-microvm");
        var kvm = Path.Combine(first, "kvm");
        File.CreateSymbolicLink(kvm, x86);
        var qemuKvm = Executable(first, "qemu-kvm");
        var aarch64 = Executable(first, "qemu-system-aarch64");
        File.WriteAllText(Path.Combine(first, "qemu-system-ppc"), ""); // not executable
        Executable(first, "qemu-img");
        Directory.CreateDirectory(Path.Combine(first, "qemu-system-riscv64")); // a folder, not a binary
        var linked = Path.Combine(_temp.FullName, "linked");
        Directory.CreateSymbolicLink(linked, second);

        var found = EmulatorDiscovery.Find($"{first}:{second}:{linked}");

        Assert.Equal([aarch64, x86, Path.Combine(first, "qemu-system-x86_64-microvm"), qemuKvm], found);
        Assert.Equal(x86, EmulatorDiscovery.DefaultFor("x86_64", "x86_64", $"{first}:{second}"));
        Assert.Equal(qemuKvm, EmulatorDiscovery.DefaultFor("x86_64", "x86_64", first));
        Assert.Null(EmulatorDiscovery.DefaultFor("i686", "x86_64", $"{first}:{second}"));
        // Looked for by name: a file that is not executable and a folder are no emulators, and kvm comes after qemu-kvm.
        Assert.Equal(aarch64, EmulatorDiscovery.DefaultFor("aarch64", "x86_64", $"{second}:{first}"));
        Assert.Null(EmulatorDiscovery.DefaultFor("ppc", "x86_64", first));
        Assert.Null(EmulatorDiscovery.DefaultFor("riscv64", "x86_64", first));
        var kvmOnly = Folder("c");
        File.CreateSymbolicLink(Path.Combine(kvmOnly, "kvm"), x86);
        Assert.Equal(Path.Combine(kvmOnly, "kvm"), EmulatorDiscovery.DefaultFor("x86_64", "x86_64", kvmOnly));
        Assert.Null(EmulatorDiscovery.DefaultFor("aarch64", "x86_64", kvmOnly + ":" + Path.Combine(_temp.FullName, "missing")));
    }

    [UnixFact]
    public void Kvm_is_usable_only_when_the_device_opens_read_write()
    {
        Assert.False(HostFactsReader.CanOpenReadWrite(Path.Combine(_temp.FullName, "no-such-device")));
        var readOnly = Path.Combine(_temp.FullName, "ro");
        File.WriteAllText(readOnly, "");
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead);
        // root opens anything; the rule is checked for other users.
        if (Environment.UserName != "root") Assert.False(HostFactsReader.CanOpenReadWrite(readOnly));
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.True(HostFactsReader.CanOpenReadWrite(readOnly));
    }

    [Fact]
    public void Qemu_target_names_map_to_libvirt_arch_names_and_back()
    {
        Assert.Equal("i686", GuestArchitectures.NameOf("i386"));
        Assert.Equal("armv7l", GuestArchitectures.NameOf("arm"));
        Assert.Equal("x86_64", GuestArchitectures.NameOf("x86_64"));
        Assert.Equal("i386", GuestArchitectures.QemuTargetOf("i686"));
        Assert.Equal("newarch", GuestArchitectures.NameOf("newarch"));
        Assert.True(GuestArchitectures.KvmRuns("x86_64", "i686"));
        Assert.False(GuestArchitectures.KvmRuns("i686", "x86_64"));
    }
}
