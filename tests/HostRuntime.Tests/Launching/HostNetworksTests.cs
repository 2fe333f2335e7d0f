using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// Host networks at launch (issue 14): a bridge, or the bridge of a libvirt network, through QEMU's bridge
/// helper where it is installed, the bridge exists and the helper's ACL allows it; otherwise refused at the
/// interface, saying how to allow it. The host is given as data, so these run anywhere.
/// </summary>
public sealed class HostNetworksTests
{
    private static HostNetworks.Host HostWith(Dictionary<string, string> files, string? helper = "/usr/lib/qemu/qemu-bridge-helper", params string[] bridges) => new()
    {
        ReadFile = path => files.TryGetValue(path, out var text) ? text : null,
        BridgeExists = bridges.Contains,
        BridgeHelper = helper,
    };

    private static Domain Parse(string nic)
    {
        var parsed = DomainParser.ParseText($"""
            <domain type='qemu'><name>g</name><memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices>{nic}</devices></domain>
            """);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return parsed.Domain!;
    }

    [Fact]
    public void A_libvirt_network_becomes_the_bridge_its_definition_names_keeping_the_guest_side()
    {
        var host = HostWith(new()
        {
            ["/etc/libvirt/qemu/networks/default.xml"] = "<network><name>default</name><forward mode='nat'/><bridge name='virbr0' stp='on'/></network>",
            [BridgeHelperAcl.DefaultFile] = "allow virbr0\n",
        }, bridges: "virbr0");
        var diagnostics = new List<Diagnostic>();

        var domain = HostNetworks.Resolve(Parse("<interface type='network'><mac address='52:54:00:00:00:01'/><source network='default'/><model type='virtio'/></interface>"), host, diagnostics);

        Assert.Empty(diagnostics);
        var nic = Assert.IsType<BridgeInterface>(Assert.Single(domain!.Devices.Interfaces));
        Assert.Equal("virbr0", nic.Bridge);
        Assert.Equal(("52:54:00:00:00:01", "virtio"), (nic.Mac?.ToString(), nic.Model));
    }

    [Fact]
    public void A_running_network_s_status_is_read_before_its_definition()
    {
        var host = HostWith(new()
        {
            ["/run/libvirt/network/lab.xml"] = "<networkstatus><network><name>lab</name><bridge name='virbr7'/></network></networkstatus>",
            ["/etc/libvirt/qemu/networks/lab.xml"] = "<network><name>lab</name><bridge name='virbr-old'/></network>",
        });

        Assert.Equal("virbr7", HostNetworks.BridgeOf("lab", host));
    }

    [Fact]
    public void An_undefined_network_is_refused_at_its_interface()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(HostNetworks.Resolve(Parse("<interface type='network'><source network='nowhere'/></interface>"), HostWith([]), diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal(HelperDiagnostics.NetworkUnknown, error.Code);
        Assert.Contains("'nowhere'", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void A_bridge_is_refused_without_the_helper_without_the_bridge_and_without_an_allow_rule()
    {
        const string Bridged = "<interface type='bridge'><source bridge='br0'/></interface>";
        var acl = new Dictionary<string, string> { [BridgeHelperAcl.DefaultFile] = "allow br0\n" };
        (HostNetworks.Host Host, DiagnosticCode Code)[] cases =
        [
            (HostWith(acl, helper: null, "br0"), HelperDiagnostics.BridgeHelperMissing),
            (HostWith(acl), HelperDiagnostics.BridgeMissing),
            (HostWith(new() { [BridgeHelperAcl.DefaultFile] = "allow virbr0\n" }, bridges: "br0"), HelperDiagnostics.BridgeNotAllowed),
        ];
        foreach (var (host, code) in cases)
        {
            var diagnostics = new List<Diagnostic>();
            Assert.Null(HostNetworks.Resolve(Parse(Bridged), host, diagnostics));
            Assert.Equal(code, Assert.Single(diagnostics).Code);
        }
        var allowed = new List<Diagnostic>();
        Assert.NotNull(HostNetworks.Resolve(Parse(Bridged), HostWith(acl, bridges: "br0"), allowed));
        Assert.Empty(allowed);
    }

    [Theory]
    [InlineData("allow br0", true)]
    [InlineData("allow all", true)]
    [InlineData("# allow br0", false)]
    [InlineData("allow br1", false)]
    [InlineData("allow all\ndeny br0", false)]
    [InlineData("deny br0\nallow br0", false)]
    [InlineData("include /etc/qemu/more.conf", true)]
    [InlineData("allow br0\ninclude /etc/qemu/denied.conf", false)]
    public void The_helper_s_ACL_allows_a_bridge_only_when_some_rule_allows_it_and_none_denies_it(string acl, bool allowed)
    {
        var files = new Dictionary<string, string>
        {
            [BridgeHelperAcl.DefaultFile] = acl,
            ["/etc/qemu/more.conf"] = "allow br0\n",
            ["/etc/qemu/denied.conf"] = "deny all\n",
        };

        Assert.Equal(allowed, BridgeHelperAcl.Allows("br0", path => files.GetValueOrDefault(path)));
    }

    [Fact]
    public void An_unreadable_ACL_is_not_taken_for_a_refusal()
    {
        Assert.Null(BridgeHelperAcl.Allows("br0", _ => null));
    }
}
