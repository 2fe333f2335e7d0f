using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// A host SCSI LUN (<c>&lt;hostdev type='scsi'&gt;</c>) is a scsi-generic device on a -blockdev node: the host's
/// SCSI generic device for a LUN on an adapter, QEMU's iSCSI initiator for one on a target; at its drive address or,
/// given none, at the first free unit as libvirt places it; refused where the host, the emulator or the address cannot
/// have it.
/// </summary>
public sealed class ScsiHostDeviceTests
{
    private static readonly QemuCapabilitySet Modern = QemuCapabilitySet.Of(
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Chardev, QemuCapability.MonitorJson, QemuCapability.NoUserConfig,
        QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.Accel, QemuCapability.ExplicitBooleans, QemuCapability.Blockdev,
        QemuCapability.BootIndex, QemuCapability.VirtioScsiPci, QemuCapability.Lsi, QemuCapability.ScsiGeneric);

    private static readonly HostSettings Host = FocusedBuild.Host with
    {
        ScsiGenericDevices = ImmutableDictionary<string, string>.Empty.Add("2:0:0:0", "/dev/sg3").Add("2:0:1:4", "/dev/sg4"),
    };

    private static QemuBuildResult Build(string devices, QemuCapabilitySet? caps = null)
    {
        var parsed = DomainParser.ParseText($"""
            <domain type='qemu'><name>g</name><memory>219100</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
            {devices}
              </devices></domain>
            """);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64", Arch = "x86_64", Capabilities = caps ?? Modern,
            Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
        };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, Host);
    }

    private static IReadOnlyList<string> Words(string devices)
    {
        var result = Build(devices);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    private static string Lun(string source, string extra = "") =>
        $"<hostdev mode='subsystem' type='scsi'><source>{source}</source>{extra}</hostdev>";

    private const string Adapter = "<adapter name='scsi_host2'/><address bus='0' target='0' unit='0'/>";

    [Fact]
    public void A_lun_on_a_host_adapter_is_a_scsi_generic_device_on_the_hosts_scsi_generic_node_at_its_drive_address()
    {
        var words = Words($"""
            <controller type='scsi' index='0' model='virtio-scsi'/>
            {Lun(Adapter, "<readonly/><shareable/><boot order='1'/><address type='drive' controller='0' bus='0' target='4' unit='8'/>")}
            """);

        var index = words.ToList().IndexOf("""{"driver":"host_device","filename":"/dev/sg3","node-name":"hostdev1-backend","read-only":true}""");
        Assert.True(index > 0 && words[index - 1] == "-blockdev");
        Assert.Equal(["-device", "scsi-generic,drive=hostdev1-backend,id=hostdev0,bus=scsi0.0,channel=0,scsi-id=4,lun=8,bootindex=1,share-rw=on"],
            words.Skip(index + 1).Take(2));
    }

    [Fact]
    public void A_lun_on_an_iscsi_target_is_read_through_qemus_initiator_with_its_logins_secret()
    {
        var words = Words("""
            <hostdev mode='subsystem' type='scsi'>
              <source protocol='iscsi' name='iqn.2000-01.com.example:disk/3'><host name='example.org' port='3261'/>
                <auth username='me'><secret type='iscsi' usage='cluster'/></auth><initiator><iqn name='iqn.2020-07.com.example:me'/></initiator>
              </source>
              <address type='drive' controller='0' bus='0' target='0' unit='2'/>
            </hostdev>
            """);

        Assert.Contains(ArgvAssert.Values(words, "-object"), o => o.StartsWith("secret,id=hostdev1-backend-auth-secret,", StringComparison.Ordinal));
        Assert.Contains("""{"driver":"iscsi","portal":"example.org:3261","target":"iqn.2000-01.com.example:disk","lun":3,"transport":"tcp","user":"me","password-secret":"hostdev1-backend-auth-secret","initiator-name":"iqn.2020-07.com.example:me","node-name":"hostdev1-backend","read-only":false}""",
            ArgvAssert.Values(words, "-blockdev"));
        // The LSI controller the domain gets addresses by unit.
        Assert.Contains("scsi-generic,drive=hostdev1-backend,id=hostdev0,bus=scsi0.0,scsi-id=2", ArgvAssert.Values(words, "-device"));
        Assert.Contains(ArgvAssert.Values(words, "-device"), d => d.StartsWith("lsi,id=scsi0,", StringComparison.Ordinal));
    }

    [Fact]
    public void Luns_without_an_address_take_the_first_free_units_past_the_addressed_disks_and_luns_on_a_narrow_bus()
    {
        var words = Words(string.Join("\n",
            "<controller type='scsi' index='0' model='virtio-scsi'/>",
            "<disk type='file' device='disk'><source file='/a.img'/><target dev='sdz' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>",
            Lun(Adapter, "<address type='drive' controller='0' bus='0' target='0' unit='1'/>"),
            string.Concat(Enumerable.Repeat(Lun("<adapter name='scsi_host2'/><address bus='0' target='1' unit='4'/>"), 6))));

        var placed = ArgvAssert.Values(words, "-device").Where(d => d.StartsWith("scsi-generic,", StringComparison.Ordinal)).Select(d => d[(d.IndexOf(",bus=", StringComparison.Ordinal) + 1)..]);
        // Units 0 to 6 of controller 0, then the next controller, which the domain gets (an LSI one, addressed by unit).
        Assert.Equal(
            ["bus=scsi0.0,channel=0,scsi-id=0,lun=1", "bus=scsi0.0,channel=0,scsi-id=0,lun=2", "bus=scsi0.0,channel=0,scsi-id=0,lun=3",
             "bus=scsi0.0,channel=0,scsi-id=0,lun=4", "bus=scsi0.0,channel=0,scsi-id=0,lun=5", "bus=scsi0.0,channel=0,scsi-id=0,lun=6",
             "bus=scsi1.0,scsi-id=0"],
            placed);
        Assert.Contains(ArgvAssert.Values(words, "-device"), d => d.StartsWith("lsi,id=scsi1,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_aliases_made_for_host_devices_count_only_the_devices_without_a_users_alias()
    {
        var words = Words(Lun(Adapter, "<alias name='ua-tape'/>") + Lun(Adapter) + Lun(Adapter));

        Assert.Equal(["ua-tape", "hostdev0", "hostdev1"],
            ArgvAssert.Values(words, "-device").Where(d => d.StartsWith("scsi-generic,", StringComparison.Ordinal))
                .Select(d => d.Split(',').Single(p => p.StartsWith("id=", StringComparison.Ordinal))[3..]));
    }

    [Theory]
    [InlineData("<adapter name='scsi_host2'/><address bus='0' target='0' unit='9'/>", "", "DL4508",
        "this host has no SCSI generic device for LUN 2:0:0:9 (adapter scsi_host2, bus 0, target 0, unit 9): /sys/bus/scsi/devices/2:0:0:9/scsi_generic names none")]
    [InlineData("<adapter name='host2'/><address bus='0' target='0' unit='0'/>", "", "DL2006",
        "adapter 'host2' is no host SCSI adapter name: the host's adapters are scsi_hostN (/sys/class/scsi_host)")]
    [InlineData(Adapter, "<address type='pci' domain='0' bus='0' slot='9' function='0'/>", "DL3205",
        "a host SCSI LUN sits on a SCSI controller and takes a drive address, not a 'pci' one")]
    public void A_lun_the_host_or_its_address_cannot_have_is_refused_at_it(string source, string extra, string code, string message)
    {
        var result = Build(Lun(source, extra));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, message), (error.Code.Id, error.Message));
    }

    [Fact]
    public void A_lun_needs_blockdev_and_the_hosts_sgio_and_rawio_settings_are_refused_as_not_translated()
    {
        Assert.Contains(Build(Lun(Adapter), Modern.Without(QemuCapability.Blockdev)).Diagnostics,
            d => d.Code == QemuDiagnostics.UnsupportedByEmulator && d.Message.StartsWith("a host SCSI LUN is passed through", StringComparison.Ordinal));
        var refused = Build(Lun(Adapter).Replace("type='scsi'>", "type='scsi' sgio='unfiltered' rawio='yes'>"));
        Assert.Equal(["<hostdev sgio> (the host's SG_IO filtering of the LUN)", "<hostdev rawio> (raw I/O capability for the emulator)"],
            refused.Diagnostics.Where(d => d.Code == QemuDiagnostics.NotTranslated).Select(d => d.Message[..d.Message.IndexOf(" is not", StringComparison.Ordinal)]));
    }
}
