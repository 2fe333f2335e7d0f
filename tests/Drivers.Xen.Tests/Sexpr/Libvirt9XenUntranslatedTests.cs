using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Sexpr;

/// <summary>
/// libvirt 9's storage, host device and interface parts the Xen writers do not write are refused
/// (DL5041) at the element; libvirt 0.10.2's forms are written as before.
/// </summary>
public sealed class Libvirt9XenUntranslatedTests
{
    private static XenSexprResult Build(string devices)
    {
        var loaded = DomainLoader.LoadText($"""
            <domain type='xen'>
              <name>guest</name>
              <memory unit='KiB'>524288</memory>
              <os><type>linux</type><kernel>/boot/vmlinuz</kernel></os>
              <devices>
            {devices}
              </devices>
            </domain>
            """, "test.xml");
        Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);
        return XenSexprBuilder.Build(loaded.Domain!, new XenTarget { ConfigVersion = (XendConfigVersion)3 });
    }

    [Fact]
    public void A_volume_disk_is_refused_at_its_source()
    {
        var result = Build("<disk type='volume'><source pool='p' volume='v'/><target dev='xvda'/></disk>");
        Assert.Null(result.Text);
        var error = Assert.Single(result.Diagnostics, d => d.Code == XenSexprDiagnostics.NotTranslated);
        Assert.Contains("type='volume'", error.Message);
        Assert.Equal("domain/devices/disk/source", error.Location.Path);
    }

    [Theory]
    [InlineData("<disk type='nvme'><source type='pci' namespace='1'><address domain='0' bus='1' slot='0' function='0'/></source><target dev='xvda'/></disk>")]
    [InlineData("<disk type='vhostuser'><source type='unix' path='/s'/><target dev='xvda'/></disk>")]
    [InlineData("<hostdev mode='subsystem' type='mdev' model='vfio-pci'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/></source></hostdev>")]
    [InlineData("<interface type='vdpa'><source dev='/dev/vhost-vdpa-0'/></interface>")]
    public void Every_new_variant_is_refused_by_both_writers(string device)
    {
        var result = Build(device);
        Assert.Null(result.Text);
        Assert.Contains(result.Diagnostics, d => d.Code == XenSexprDiagnostics.NotTranslated);
        var loaded = DomainLoader.LoadText($"<domain type='xen'><name>g</name><uuid>11111111-2222-3333-4444-555555555555</uuid><memory>524288</memory>" +
            $"<os><type>linux</type><kernel>/boot/vmlinuz</kernel></os><devices>{device}</devices></domain>", "xm.xml");
        var xm = DomainLauncher.Drivers.Xen.XmConfig.XmConfigBuilder.Build(loaded.Domain!, XenTarget.For((XendConfigVersion)3));
        Assert.Contains(xm.Diagnostics, d => d.Code == XenSexprDiagnostics.NotTranslated);
    }

    [Fact]
    public void A_kvm_back_end_for_a_pci_device_is_refused_but_xen_is_not()
    {
        var refused = Build("<hostdev mode='subsystem' type='pci'><driver name='vfio'/><source><address domain='0' bus='1' slot='2' function='3'/></source></hostdev>");
        Assert.Contains(refused.Diagnostics, d => d.Code == XenSexprDiagnostics.NotTranslated && d.Message.Contains("vfio", StringComparison.Ordinal));
        var accepted = Build("<hostdev mode='subsystem' type='pci'><driver name='xen'/><source><address domain='0' bus='1' slot='2' function='3'/></source></hostdev>");
        Assert.DoesNotContain(accepted.Diagnostics, d => d.Code == XenSexprDiagnostics.NotTranslated);
    }

    [Fact]
    public void A_second_interface_address_is_refused()
    {
        var result = Build("<interface type='bridge'><source bridge='br0'/><ip address='192.0.2.1'/><ip address='192.0.2.2'/></interface>");
        var error = Assert.Single(result.Diagnostics, d => d.Code == XenSexprDiagnostics.NotTranslated);
        Assert.Equal("domain/devices/interface/ip[2]", error.Location.Path);
    }

    [Fact]
    public void One_bare_interface_address_is_written_as_before()
    {
        var result = Build("<interface type='bridge'><source bridge='br0'/><ip address='192.0.2.1'/></interface>");
        Assert.NotNull(result.Text);
        Assert.Contains("(ip '192.0.2.1')", result.Text, StringComparison.Ordinal);
    }
}
