using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.CapabilitiesXml;

public sealed class DomainCapabilitiesWriterTests
{
    private static readonly DomainCapabilities Minimal = new()
    {
        Path = "/opt/q&a/qemu",
        Domain = DomainType.Kvm,
        Machine = "m",
        Arch = "x86_64",
        Disk = new DiskCapabilities { Supported = true, DiskDevice = [DiskDevice.Cdrom, DiskDevice.Disk], Bus = [DiskBus.Sata, DiskBus.Ide] },
        Hostdev = new HostdevCapabilities { Supported = true, Mode = [HostdevMode.Subsystem] },
    };

    [Fact]
    public void Enum_values_are_printed_in_libvirts_order_and_empty_enums_close_themselves()
    {
        var text = DomainCapabilitiesWriter.Write(Minimal);
        Assert.Contains("""
                  <enum name='diskDevice'>
                    <value>disk</value>
                    <value>cdrom</value>
                  </enum>
                  <enum name='bus'>
                    <value>ide</value>
                    <value>sata</value>
                  </enum>
            """.ReplaceLineEndings("\n"), text);
        Assert.Contains("      <enum name='capsType'/>\n", text);
    }

    [Fact]
    public void Without_vcpu_limit_or_loader_the_vcpu_element_is_left_out_and_os_is_unsupported()
    {
        var text = DomainCapabilitiesWriter.Write(Minimal);
        Assert.DoesNotContain("<vcpu", text);
        Assert.Contains("  <os supported='no'/>\n", text);
        Assert.StartsWith("<domainCapabilities>\n  <path>/opt/q&amp;a/qemu</path>\n  <domain>kvm</domain>\n", text);
        Assert.EndsWith("</domainCapabilities>\n", text);
    }
}
