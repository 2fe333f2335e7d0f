using System.Security;
using DomainLauncher.Drivers.Xen.Planning;
using DomainLauncher.Drivers.Xen.Sexpr;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Hostile;

/// <summary>
/// Issue 11, item 2: HVM serial and parallel sources (file, pipe, dev, unix, tcp, udp) written as
/// bare atoms let a path add a top-level device. Each source holding the issue's payload is
/// written, read back with a strict xend-style reader, and must give exactly one device and the
/// source intact.
/// </summary>
public sealed class SexprBreakoutTests
{
    private const string Payload = "/tmp/x)))(device (vbd (dev hdb:disk)(uname phy:/dev/sda)(mode w)))(image (hvm (serial pty";

    public static TheoryData<string> Sources()
    {
        var p = SecurityElement.Escape(Payload);
        var q = SecurityElement.Escape(@"/tmp/it's \ (x) ;comment ""q""");
        return new TheoryData<string>
        {
            $"type='file'><source path='{p}'/>",
            $"type='pipe'><source path='{p}'/>",
            $"type='dev'><source path='{p}'/>",
            $"type='unix'><source mode='connect' path='{p}'/>",
            $"type='tcp'><source mode='connect' host='{p}' service='23'/><protocol type='raw'/>",
            $"type='udp'><source mode='connect' host='{p}' service='1'/><source mode='bind' host='{p}' service='2'/>",
            $"type='file'><source path='{q}'/>",
        };
    }

    private static Domain Hvm(string serial, string parallel) => DomainParser.ParseText($"""
        <domain type='xen'>
          <name>g</name>
          <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
          <memory>262144</memory>
          <os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader></os>
          <devices>
            <disk type='file' device='disk'><source file='/srv/a.img'/><target dev='hda'/></disk>
            {serial}
            {parallel}
          </devices>
        </domain>
        """).Domain!;

    private static SexprListValue Written(Domain domain)
    {
        var built = XenSexprBuilder.Build(domain, XenTarget.For(XendConfigVersion.Xen3_0_4));
        Assert.True(built.Text is not null, string.Join("\n", built.Diagnostics));
        return Assert.IsType<SexprListValue>(StrictSexprReader.Read(built.Text));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_hostile_serial_source_stays_one_value_and_adds_no_device(string source)
    {
        var domain = Hvm($"<serial {source}<target port='0'/></serial>", "");
        var vm = Written(domain);

        Assert.Single(vm.Items.OfType<SexprListValue>(), l => l.Name == "device");
        var serial = Assert.Single(vm.Descendants("serial"));
        Assert.Equal(2, serial.Items.Count);
        Assert.Equal(CharDeviceSpec.Format(domain.Devices.Serials[0].Source), Assert.IsType<SexprAtomValue>(serial.Items[1]).Text);
        Assert.Single(vm.Descendants("image"));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_hostile_parallel_source_stays_one_value_and_adds_no_device(string source)
    {
        var domain = Hvm("", $"<parallel {source}<target port='0'/></parallel>");
        var vm = Written(domain);

        Assert.Single(vm.Items.OfType<SexprListValue>(), l => l.Name == "device");
        var parallel = Assert.Single(vm.Descendants("parallel"));
        Assert.Equal(CharDeviceSpec.Format(domain.Devices.Parallels[0].Source), Assert.IsType<SexprAtomValue>(parallel.Items[1]).Text);
    }

    [Fact]
    public void Two_hostile_serial_ports_are_two_values_of_one_list()
    {
        var p = SecurityElement.Escape(Payload);
        var domain = Hvm($"<serial type='file'><source path='{p}'/><target port='0'/></serial><serial type='pty'><target port='1'/></serial>", "");
        var vm = Written(domain);

        var serial = Assert.Single(vm.Descendants("serial"));
        var ports = Assert.IsType<SexprListValue>(serial.Items[1]);
        Assert.Equal(["file:" + Payload, "pty"], ports.Items.Select(i => Assert.IsType<SexprAtomValue>(i).Text));
        Assert.Single(vm.Items.OfType<SexprListValue>(), l => l.Name == "device");
    }
}
