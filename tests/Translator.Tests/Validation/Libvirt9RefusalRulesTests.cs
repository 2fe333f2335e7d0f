using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Validation;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Validation;

/// <summary>The rules by which libvirt 9 refuses a domain, each with an accepted neighbour.</summary>
public sealed class Libvirt9RefusalRulesTests
{
    private const string Q35 = "<os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>";
    private const string Pc = "<os><type arch='x86_64' machine='pc'>hvm</type></os>";

    private static IReadOnlyList<Diagnostic> Load(string inner, string type = "kvm") =>
        DomainLoader.LoadText($"<domain type='{type}'><name>v</name><memory>1048576</memory>\n{inner}\n</domain>", "t.xml").Diagnostics;

    private static IReadOnlyList<Diagnostic> Errors(string inner, string type = "kvm") => [.. Load(inner, type).Where(d => d.IsError)];

    private static Diagnostic SingleError(string inner, DiagnosticCode code, string type = "kvm")
    {
        var error = Assert.Single(Errors(inner, type));
        Assert.Equal(code, error.Code);
        Assert.True(error.Location.Line > 1, "reported at the element, not at <domain>");
        return error;
    }

    private static string Os(string firmware, string body) =>
        $"<os{firmware}><type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n{body}</os>";

    [Theory]
    [InlineData(" firmware='efi'", "<loader>/ovmf/CODE.fd</loader>", "'type'")]
    [InlineData(" firmware='efi'", "<loader type='pflash'/>", "'type'")]
    [InlineData(" firmware='efi'", "<loader readonly='yes'/>", "'readonly'")]
    [InlineData(" firmware='efi'", "<loader secure='no'/>", "'secure'")]
    [InlineData(" firmware='bios'", "<nvram>/vars.fd</nvram>", "'bios' does not support nvram")]
    [InlineData(" firmware='bios'", "<loader stateless='no'/>", "only EFI firmware permits NVRAM")]
    [InlineData(" firmware='efi'", "<firmware><feature enabled='yes' name='enrolled-keys'/><feature enabled='no' name='secure-boot'/></firmware>", "'enrolled-keys'")]
    [InlineData("", "<loader readonly='yes' type='pflash'>/ovmf/CODE.fd</loader><firmware><feature enabled='no' name='enrolled-keys'/></firmware>", "need firmware autoselection")]
    [InlineData("", "<loader stateless='yes' readonly='yes' type='pflash'>/ovmf/CODE.fd</loader><nvram>/vars.fd</nvram>", "NVRAM is not permitted")]
    [InlineData("", "<loader stateless='yes' readonly='yes' type='pflash'>/ovmf/CODE.fd</loader><nvram template='/t.fd'/>", "NVRAM template")]
    public void Firmware_settings_that_exclude_each_other_are_refused(string firmware, string body, string says) =>
        Assert.Contains(says, SingleError(Os(firmware, body), DiagnosticCatalog.FirmwareConflict).Message);

    [Theory]
    [InlineData(" firmware='efi'", "<loader secure='yes'/>")]
    [InlineData(" firmware='efi'", "<loader stateless='yes'/>")]
    [InlineData(" firmware='efi'", "<nvram>/vars.fd</nvram>")]
    [InlineData(" firmware='bios'", "<loader stateless='yes'/>")]
    [InlineData(" firmware='efi'", "<firmware><feature enabled='yes' name='enrolled-keys'/><feature enabled='yes' name='secure-boot'/></firmware>")]
    [InlineData("", "<loader readonly='yes' type='pflash'>/ovmf/CODE.fd</loader><nvram template='/t.fd'>/vars.fd</nvram>")]
    public void Consistent_firmware_settings_are_accepted(string firmware, string body) =>
        Assert.Empty(Errors(Os(firmware, body)));

    private static string Disk(string inner, string target = "<target dev='vda' bus='virtio'/>", string type = "file") =>
        $"<devices><disk type='{type}' device='disk'>\n{inner}\n{target}</disk></devices>";

    [Theory]
    [InlineData("cow", "'cow'")]
    [InlineData("dir", "'dir'")]
    [InlineData("iso", "'iso'")]
    public void Storage_formats_qemu_cannot_open_are_refused(string format, string says) =>
        Assert.Contains(says, SingleError(Disk($"<driver name='qemu' type='{format}'/><source file='/i'/>"), DiagnosticCatalog.UnusableStorageFormat).Message);

    [Fact]
    public void Storage_format_rule_is_for_qemu_guests_only() =>
        Assert.Empty(Errors(Disk("<driver name='file' type='iso'/><source file='/i'/>", "<target dev='xvda' bus='xen'/>"), "xen"));

    [Fact]
    public void Shareable_qcow2_disk_is_warned_about_and_raw_is_not()
    {
        var warning = Assert.Single(Load(Disk("<driver name='qemu' type='qcow2'/><source file='/i'/><shareable/>")), d => d.Code == DiagnosticCatalog.UnusableStorageFormat);
        Assert.False(warning.IsError);
        Assert.DoesNotContain(Load(Disk("<driver name='qemu' type='raw'/><source file='/i'/><shareable/>")), d => d.Code == DiagnosticCatalog.UnusableStorageFormat);
    }

    [Fact]
    public void Partition_as_disk_target_is_refused()
    {
        Assert.Contains("'vdb1'", SingleError(Disk("<source file='/i'/>", "<target dev='vdb1' bus='virtio'/>"), DiagnosticCatalog.PartitionTarget).Message);
        Assert.Empty(Errors(Disk("<source file='/i'/>", "<target dev='vdab' bus='virtio'/>")));
    }

    [Theory]
    [InlineData("vdb1", true)]
    [InlineData("sdaa12", true)]
    [InlineData("xvdc3", true)]
    [InlineData("ubda1", true)]
    [InlineData("fdb0", true)]
    [InlineData("vdb", false)]
    [InlineData("vd1", false)]
    [InlineData("vdb1a", false)]
    [InlineData("vdB1", false)]
    [InlineData("nvme0n1", false)]
    [InlineData("vdb1\n", false)]
    [InlineData("", false)]
    public void A_partition_name_is_a_disk_prefix_then_letters_then_digits(string target, bool partition) =>
        Assert.Equal(partition, DiskPartitionTargetCheck.IsPartitionName(target));

    private static string NetworkDisk(string protocol, string secretType) => Disk(
        $"<auth username='u'><secret type='{secretType}' usage='x'/></auth><source protocol='{protocol}' name='n/1'><host name='h'/></source>", type: "network");

    [Theory]
    [InlineData("iscsi", "ceph")]
    [InlineData("rbd", "iscsi")]
    public void Auth_secret_of_another_protocol_is_refused(string protocol, string secretType) =>
        Assert.Contains($"'{secretType}'", SingleError(NetworkDisk(protocol, secretType), DiagnosticCatalog.WrongSecretType).Message);

    [Theory]
    [InlineData("iscsi", "iscsi")]
    [InlineData("rbd", "ceph")]
    public void Auth_secret_of_the_protocol_is_accepted(string protocol, string secretType) =>
        Assert.Empty(Errors(NetworkDisk(protocol, secretType)));

    private const string Luks = "<encryption format='luks'><secret type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/>{0}</encryption>";

    [Fact]
    public void Luks_cipher_in_a_domain_is_refused()
    {
        var encryption = string.Format(Luks, "<cipher name='serpent' size='256' mode='cbc' hash='sha256'/>");
        Assert.Contains("<cipher>", SingleError(Disk("<source file='/i'/>" + encryption), DiagnosticCatalog.EncryptionConflict).Message);
        Assert.Empty(Errors(Disk("<source file='/i'/>" + string.Format(Luks, ""))));
    }

    [Fact]
    public void Encryption_on_disk_and_source_is_refused()
    {
        var encryption = string.Format(Luks, "");
        SingleError(Disk($"<source file='/i'>{encryption}</source>\n{encryption}"), DiagnosticCatalog.EncryptionConflict);
        Assert.Empty(Errors(Disk($"<source file='/i'>{encryption}</source>")));
    }

    [Fact]
    public void Usb_disk_with_a_pci_address_is_refused()
    {
        var usb = "<target dev='sda' bus='usb'/>";
        Assert.Contains("'pci'", SingleError(Disk("<source file='/i'/><address type='pci' domain='0' bus='0' slot='6' function='0'/>", usb), DiagnosticCatalog.AddressTypeMismatch).Message);
        Assert.Empty(Errors(Disk("<source file='/i'/><address type='usb' bus='0' port='1'/>", usb)));
    }

    [Theory]
    [InlineData("<graphics type='sdl'/>\n<graphics type='egl-headless'/>", "'sdl'")]
    [InlineData("<graphics type='spice'><gl enable='yes'/></graphics>\n<graphics type='egl-headless'/>", "multiple OpenGL")]
    [InlineData("<graphics type='egl-headless'/>\n<graphics type='egl-headless'/>", "multiple OpenGL")]
    public void Graphics_that_cannot_be_combined_are_refused(string graphics, string says) =>
        Assert.Contains(says, SingleError($"<devices>{graphics}</devices>", DiagnosticCatalog.GraphicsConflict).Message);

    [Theory]
    [InlineData("<graphics type='spice'><gl enable='no'/></graphics><graphics type='egl-headless'/>")]
    [InlineData("<graphics type='vnc'/><graphics type='egl-headless'/>")]
    [InlineData("<graphics type='sdl'/><graphics type='vnc'/>")]
    public void Graphics_that_combine_are_accepted(string graphics) =>
        Assert.Empty(Errors($"<devices>{graphics}</devices>"));

    private static string Mdev(string uuidEnd, string ramfb) =>
        $"<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='{ramfb}'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1{uuidEnd}'/></source></hostdev>\n";

    [Fact]
    public void Second_ramfb_mediated_device_is_refused()
    {
        SingleError($"<devices><graphics type='vnc'/>{Mdev("dc", "on")}{Mdev("dd", "on")}</devices>", DiagnosticCatalog.HostDeviceConflict);
        Assert.Empty(Errors($"<devices><graphics type='vnc'/>{Mdev("dc", "on")}{Mdev("dd", "off")}</devices>"));
    }

    [Fact]
    public void Boot_order_on_a_vhost_scsi_host_device_is_refused()
    {
        const string Vhost = "<hostdev mode='subsystem' type='scsi_host'><source protocol='vhost' wwpn='naa.5123456789abcde0'/>{0}</hostdev>";
        SingleError($"<devices>{string.Format(Vhost, "<boot order='1'/>")}</devices>", DiagnosticCatalog.HostDeviceConflict);
        Assert.Empty(Errors($"<devices>{string.Format(Vhost, "")}</devices>"));
    }

    private const string Virtiofs =
        "<memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking><devices><filesystem type='mount' accessmode='passthrough'>" +
        "<driver type='virtiofs'/><source dir='/path'/><target dir='tag'/>{0}</filesystem></devices>";

    [Fact]
    public void Read_only_virtiofs_is_refused()
    {
        SingleError(string.Format(Virtiofs, "\n<readonly/>"), DiagnosticCatalog.UnsupportedMode);
        Assert.Empty(Errors(string.Format(Virtiofs, "")));
    }

    [Theory]
    [InlineData(Pc, "", "<iommu model='intel'/>", "'intel'")]
    [InlineData(Pc, "<features><acpi/></features>", "<iommu model='virtio'/>", "q35")]
    [InlineData(Q35, "", "<iommu model='virtio'/>", "ACPI")]
    public void Iommu_on_the_wrong_machine_is_refused(string os, string features, string iommu, string says) =>
        Assert.Contains(says, SingleError($"{os}{features}<devices>\n{iommu}</devices>", DiagnosticCatalog.MachineConflict).Message);

    [Theory]
    [InlineData("<iommu model='intel'/>")]
    [InlineData("<iommu model='virtio'/>")]
    public void Iommu_on_q35_with_acpi_is_accepted(string iommu) =>
        Assert.Empty(Errors($"{Q35}<features><acpi/></features><devices>{iommu}</devices>"));

    private static string Tseg(string os, string size) => $"{os}<features>\n<smm state='on'><tseg unit='{size}'>{(size == "KiB" ? "1536" : "48")}</tseg></smm></features>";

    [Fact]
    public void Tseg_off_q35_or_not_in_whole_mib_is_refused()
    {
        Assert.Contains("q35", SingleError(Tseg(Pc, "MiB"), DiagnosticCatalog.MachineConflict).Message);
        Assert.Contains("whole number of MiB", SingleError(Tseg(Q35, "KiB"), DiagnosticCatalog.MachineConflict).Message);
        Assert.Empty(Errors(Tseg(Q35, "MiB")));
    }

    private static string HugePages(string nodeset, int cells) =>
        $"<memoryBacking>\n<hugepages><page size='2048' unit='KiB' nodeset='{nodeset}'/></hugepages></memoryBacking>" +
        $"<vcpu>4</vcpu><cpu><numa>{string.Concat(Enumerable.Range(0, cells).Select(i => $"<cell id='{i}' cpus='{i}' memory='262144'/>"))}</numa></cpu>";

    [Theory]
    [InlineData("1", 0, "node 1")]
    [InlineData("0,2-4", 4, "node 4")]
    public void Hugepages_for_a_missing_guest_node_are_refused(string nodeset, int cells, string says) =>
        Assert.Contains(says, SingleError(HugePages(nodeset, cells), DiagnosticCatalog.MissingGuestNumaNode).Message);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("0-3", 4)]
    public void Hugepages_for_existing_guest_nodes_are_accepted(string nodeset, int cells) =>
        Assert.Empty(Errors(HugePages(nodeset, cells)));

    private const string ScsiHostdev =
        "<hostdev mode='subsystem' type='scsi'><source><adapter name='scsi_host2'/><address bus='0' target='0' unit='1'/></source>{0}</hostdev>";

    [Fact]
    public void Disk_whose_implied_address_a_scsi_host_device_took_is_refused()
    {
        var disk = "<disk type='block' device='disk'><source dev='/dev/sdz'/>\n<target dev='sda' bus='scsi'/></disk>";
        Assert.Contains("'sda'", SingleError($"<devices>{disk}{string.Format(ScsiHostdev, "")}</devices>", DiagnosticCatalog.DuplicateAddress).Message);
        // The host device on another unit leaves sda its implied controller 0, unit 0.
        Assert.Empty(Errors($"<devices>{disk}{string.Format(ScsiHostdev, "<address type='drive' controller='0' bus='0' target='0' unit='1'/>")}</devices>"));
        Assert.Empty(Errors($"<devices>{disk.Replace("sda", "sdb", StringComparison.Ordinal)}{string.Format(ScsiHostdev, "")}</devices>"));
    }
}
