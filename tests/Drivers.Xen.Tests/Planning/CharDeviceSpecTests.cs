using DomainLauncher.Drivers.Xen.Sexpr;
using DomainLauncher.Drivers.Xen.Planning;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Planning;

/// <summary>The one character device spec both Xen outputs write, and its one escaping rule.</summary>
public sealed class CharDeviceSpecTests
{
    public static TheoryData<CharSource> Sources() =>
    [
        new PtyCharSource(),
        new NullCharSource(),
        new VcCharSource(),
        new StdioCharSource(),
        new DevCharSource { Path = "/dev/ttyS0" },
        new FileCharSource { Path = @"/var/log/xen/bob's\console.log" },
        new PipeCharSource { Path = "/var/run/xen/\"lp\"" },
        new TcpCharSource { Mode = CharSourceMode.Bind, Host = "0.0.0.0", Service = "9999", Protocol = TcpProtocol.Raw },
        new TcpCharSource { Mode = CharSourceMode.Connect, Host = "h", Service = "23", Protocol = TcpProtocol.Telnet },
        new UdpCharSource { ConnectHost = "h", ConnectService = "98", BindHost = "0.0.0.0", BindService = "99" },
        new UnixCharSource { Mode = CharSourceMode.Bind, Path = @"/tmp/it's\here.sock" },
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_written_spec_reads_back_to_its_source(CharSource source)
    {
        var read = CharDeviceSpec.Parse(CharDeviceSpec.Format(source), out var error);
        Assert.Null(error);
        Assert.Equal(source, read);
    }

    [Fact]
    public void A_quote_or_backslash_is_escaped_wherever_it_is_in_the_spec_by_the_xm_writer_and_kept_in_a_quoted_sexpr_atom()
    {
        var file = new FileCharSource { Path = @"/a\b'c" };
        Assert.Equal(@"file:/a\b'c", CharDeviceSpec.Format(file));
        Assert.Equal(@"""file:/a\\b\'c""", XmConfigWriter.Quote(CharDeviceSpec.Format(file)));
        Assert.Equal(@"'file:/a\\b\'c'", SexprWriter.Write(new SexprSymbol(CharDeviceSpec.Format(file))));
        Assert.Equal(@"tcp:it's:1", CharDeviceSpec.Format(new TcpCharSource { Host = "it's", Service = "1", Protocol = TcpProtocol.Raw }));
    }

    [Fact]
    public void A_device_without_a_type_is_a_pty_and_spicevmc_has_no_spec()
    {
        Assert.Equal("pty", CharDeviceSpec.Format(null));
        Assert.False(CharDeviceSpec.IsSupported(new SpicevmcCharSource()));
        Assert.True(CharDeviceSpec.IsSupported(null));
    }

    [Fact]
    public void The_sexpr_and_the_xm_config_write_the_same_serial_spec_quoted_with_the_same_escapes()
    {
        var xml = """
            <domain type='xen'>
              <name>g</name>
              <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>
              <memory>262144</memory>
              <os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader></os>
              <devices>
                <serial type='file'><source path="/var/log/it's\a.log"/><target port='0'/></serial>
              </devices>
            </domain>
            """;
        var domain = DomainParser.ParseText(xml).Domain!;
        var target = XenTarget.For(XendConfigVersion.Xen3_0_4);
        const string Spec = @"file:/var/log/it\'s\\a.log";
        Assert.Contains($"(serial '{Spec}')", XenSexprBuilder.Build(domain, target).Text);
        Assert.Contains($"serial = \"{Spec}\"\n", XmConfigBuilder.Build(domain, target).Text);
    }
}
