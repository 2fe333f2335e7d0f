using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.ArgvGolden.Tests;

/// <summary>
/// The fixed host and emulator the QEMU golden cases are built against: a stock libvirt host with a
/// fixed environment, one Ceph secret, a small CPU map and a Core 2 host CPU. Only the capability set
/// changes from case to case (see <see cref="QemuGoldenTests"/>).
/// </summary>
internal static class QemuGoldenHost
{
    public static HostSettings Settings { get; } = HostSettings.Default with
    {
        Environment = new ProcessEnvironment
        {
            Set =
            [
                new("LC_ALL", "C"), new("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), new("HOME", "/root"),
                new("USER", "root"), new("LOGNAME", "root"),
            ],
        },
        HugetlbfsMount = "/dev/hugepages",
        Secrets = [new HostSecret(SecretUsageType.Ceph, "client.libvirt secret", "AQBm2Z5QgGoldenCephKeyForTests0A==")],
        Capabilities = HostCapabilitiesParser.ParseText("""
            <capabilities>
              <host>
                <cpu>
                  <arch>x86_64</arch>
                  <model>core2duo</model>
                  <vendor>Intel</vendor>
                  <topology sockets='1' cores='2' threads='1'/>
                  <feature name='ssse3'/>
                </cpu>
              </host>
              <guest>
                <os_type>hvm</os_type>
                <arch name='x86_64'>
                  <wordsize>64</wordsize>
                  <emulator>/usr/bin/qemu-system-x86_64</emulator>
                  <machine>pc</machine>
                  <domain type='qemu'/>
                  <domain type='kvm'/>
                </arch>
              </guest>
            </capabilities>
            """, "<golden host>").Value,
        CpuMap = CpuMapParser.ParseText("""
            <cpus>
              <arch name='x86'>
                <vendor name='Intel' string='GenuineIntel'/>
                <feature name='fpu'><cpuid function='0x00000001' edx='0x00000001'/></feature>
                <feature name='vme'><cpuid function='0x00000001' edx='0x00000002'/></feature>
                <feature name='sse'><cpuid function='0x00000001' edx='0x02000000'/></feature>
                <feature name='sse2'><cpuid function='0x00000001' edx='0x04000000'/></feature>
                <feature name='ssse3'><cpuid function='0x00000001' ecx='0x00000200'/></feature>
                <feature name='lm'><cpuid function='0x80000001' edx='0x20000000'/></feature>
                <model name='qemu64'><feature name='fpu'/><feature name='vme'/><feature name='sse'/><feature name='sse2'/><feature name='lm'/></model>
                <model name='core2duo'><model name='qemu64'/><vendor name='Intel'/><feature name='ssse3'/></model>
              </arch>
            </cpus>
            """, "<golden cpu map>").Value,
    };

    public static EmulatorDescription Emulator(string path, IEnumerable<string> capabilityNames)
    {
        var parsed = QemuCapabilitySet.Parse(capabilityNames);
        if (parsed.Diagnostics.Count > 0)
            throw new InvalidOperationException(string.Join("; ", parsed.Diagnostics.Select(d => d.Message)));
        return new EmulatorDescription
        {
            Path = path,
            Arch = "x86_64",
            Capabilities = parsed.Set,
            Machines = [new MachineType("pc"), new MachineType("pc-1.2"), new MachineType("isapc")],
            CpuModels = ["qemu64", "core2duo"],
        };
    }
}
