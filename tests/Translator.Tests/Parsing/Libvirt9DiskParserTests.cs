using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Tests.Support;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>libvirt 9's disk grammar: new source types, source children, backing chains, driver and encryption settings.</summary>
public sealed class Libvirt9DiskParserTests
{
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices);

    private static Disk OnlyDisk(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.Disks);
    }

    private static Diagnostic OnlyError(string devices) => Assert.Single(Parse(devices).Diagnostics, d => d.IsError);

    [Fact]
    public void Volume_source_names_pool_volume_and_mode()
    {
        var disk = OnlyDisk("<disk type='volume' device='cdrom'><source pool='p' volume='v' mode='host' startupPolicy='requisite'/><target dev='hdc'/></disk>");
        var source = Assert.IsType<VolumeDiskSource>(disk.Source);
        Assert.Equal(("p", "v", VolumeMode.Host, StartupPolicy.Requisite), (source.Pool, source.Volume, source.Mode, source.StartupPolicy));
    }

    [Fact]
    public void Nvme_source_reads_namespace_and_the_bare_controller_address()
    {
        var disk = OnlyDisk("<disk type='nvme' device='disk'><source type='pci' managed='no' namespace='3'>" +
            "<address domain='0x0001' bus='0x02' slot='0x03' function='0x4'/></source><target dev='vda' bus='virtio'/></disk>");
        var source = Assert.IsType<NvmeDiskSource>(disk.Source);
        Assert.Equal(3u, source.Namespace);
        Assert.False(source.Managed);
        Assert.Equal((1u, 2u, 3u, 4u), (source.Address.Domain, source.Address.Bus, source.Address.Slot, source.Address.Function));
    }

    [Fact]
    public void Nvme_source_without_address_is_an_error()
    {
        var error = OnlyError("<disk type='nvme'><source type='pci' namespace='1'/><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<address>", error.Message);
    }

    [Fact]
    public void Vhostuser_source_must_be_a_unix_socket()
    {
        var error = OnlyError("<disk type='vhostuser'><source type='tcp' path='/s'/><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Equal("domain/devices/disk/source/@type", error.Location.Path);
    }

    [Fact]
    public void Network_source_reads_protocol_specific_children()
    {
        var disk = OnlyDisk("<disk type='network'><source protocol='https' name='/i.iso' query='x=1' index='2'><host name='h' port='443'/>" +
            "<ssl verify='no'/><cookies><cookie name='a'>b</cookie></cookies><readahead size='10'/><timeout seconds='3'/></source><target dev='vda'/></disk>");
        var source = Assert.IsType<NetworkDiskSource>(disk.Source);
        Assert.Equal(DiskProtocol.Https, source.Protocol);
        Assert.Equal("x=1", source.Query);
        Assert.Equal(2u, source.Index);
        Assert.False(source.SslVerify);
        Assert.Equal(new DiskCookie { Name = "a", Value = "b" }, Assert.Single(source.Cookies));
        Assert.Equal((10ul, 3ul), (source.ReadaheadSize, source.TimeoutSeconds));
    }

    [Fact]
    public void Zero_readahead_is_out_of_range()
    {
        var error = OnlyError("<disk type='network'><source protocol='http' name='/i'><host name='h'/><readahead size='0'/></source><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Equal("domain/devices/disk/source/readahead/@size", error.Location.Path);
    }

    [Fact]
    public void Encryption_inside_the_source_reads_luks_with_a_secret_by_usage()
    {
        var disk = OnlyDisk("<disk type='file'><source file='/a'><encryption format='luks' engine='qemu'><secret type='passphrase' usage='u'/>" +
            "<cipher name='aes' size='256'/></encryption></source><target dev='vda'/></disk>");
        var encryption = disk.Source!.Encryption!;
        Assert.Equal(DiskEncryptionFormat.Luks, encryption.Format);
        Assert.Equal(EncryptionEngine.Qemu, encryption.Engine);
        var secret = Assert.Single(encryption.Secrets);
        Assert.Equal(("u", (Guid?)null), (secret.Usage, secret.Uuid));
        Assert.Equal(256u, encryption.Cipher!.Size);
        Assert.Null(disk.Encryption);
    }

    [Fact]
    public void Encryption_secret_with_uuid_and_usage_is_an_error()
    {
        var error = OnlyError("<disk type='file'><source file='/a'/><target dev='vda'/><encryption format='qcow'>" +
            "<secret type='passphrase' usage='u' uuid='11111111-2222-3333-4444-555555555555'/></encryption></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
    }

    [Fact]
    public void Backing_chain_is_read_image_by_image_down_to_its_end()
    {
        var disk = OnlyDisk("<disk type='file'><source file='/top'/><backingStore type='file' index='1'><format type='qcow2'/><source file='/mid'/>" +
            "<backingStore type='block'><format type='raw'/><source dev='/dev/b'/><backingStore/></backingStore></backingStore><target dev='vda'/></disk>");
        var mid = disk.BackingStore!;
        Assert.Equal((DiskType.File, 1u, DiskFormat.Qcow2), (mid.Type!.Value, mid.Index!.Value, mid.Format!.Type));
        Assert.Equal("/mid", Assert.IsType<FileDiskSource>(mid.Source).File);
        var bottom = mid.Next!;
        Assert.Equal("/dev/b", Assert.IsType<BlockDiskSource>(bottom.Source).Dev);
        Assert.True(bottom.Next!.IsEnd);
    }

    [Fact]
    public void Backing_store_without_format_is_an_error()
    {
        var error = OnlyError("<disk type='file'><source file='/top'/><backingStore type='file'><source file='/b'/></backingStore><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<format>", error.Message);
    }

    [Fact]
    public void Backing_chain_longer_than_the_limit_is_refused_at_the_image_past_it()
    {
        // The loader's own depth limit is raised so that the chain limit is the one that speaks.
        var depth = DiskBackingStoreParser.MaxChainLength + 1;
        var chain = string.Concat(Enumerable.Repeat("<backingStore type='file'><format type='raw'/><source file='/b'/>", depth))
            + string.Concat(Enumerable.Repeat("</backingStore>", depth));
        var xml = "<domain type='qemu'><name>g</name><memory>1024</memory><devices><disk type='file'><source file='/top'/>" + chain
            + "<target dev='vda'/></disk></devices></domain>";
        var result = DomainParser.ParseText(xml, "chain", new XmlLimits { MaxDepth = 200 });
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Contains($"longer than {DiskBackingStoreParser.MaxChainLength}", error.Message);
        Assert.EndsWith("/backingStore", error.Location.Path);
    }

    [Fact]
    public void New_driver_attributes_are_read()
    {
        var disk = OnlyDisk("<disk type='file'><driver name='qemu' type='vdi' io='io_uring' discard='ignore' iothread='2' detect_zeroes='on' queues='2' queue_size='64' packed='on'>" +
            "<metadata_cache><max_size unit='MiB'>1</max_size></metadata_cache></driver><source file='/a'/><target dev='vda'/></disk>");
        var driver = disk.Driver!;
        Assert.Equal((DiskFormat.Vdi, DiskIo.IoUring, DiskDiscard.Ignore, DiskDetectZeroes.On), (driver.Format!.Value, driver.Io!.Value, driver.Discard!.Value, driver.DetectZeroes!.Value));
        Assert.Equal((2u, 2u, 64u), (driver.IoThread!.Value, driver.Queues!.Value, driver.QueueSize!.Value));
        Assert.True(driver.Virtio!.Packed);
        Assert.Equal(1024ul * 1024, driver.MetadataCache!.MaxSizeBytes);
    }

    [Fact]
    public void Zero_queues_is_out_of_range()
    {
        var error = OnlyError("<disk type='file'><driver queues='0'/><source file='/a'/><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
        Assert.Equal("domain/devices/disk/driver/@queues", error.Location.Path);
    }

    [Fact]
    public void Total_and_read_maximum_together_are_an_error()
    {
        var error = OnlyError("<disk type='file'><source file='/a'/><target dev='vda'/><iotune><total_bytes_sec_max>1</total_bytes_sec_max>" +
            "<read_bytes_sec_max>2</read_bytes_sec_max></iotune></disk>");
        Assert.Equal(DiagnosticCatalog.InconsistentValue, error.Code);
        Assert.Contains("total_bytes_sec_max", error.Message);
    }

    [Fact]
    public void Vendor_longer_than_eight_characters_is_an_error()
    {
        var error = OnlyError("<disk type='block' device='lun'><source dev='/dev/sda'/><target dev='sda' bus='scsi'/><vendor>TOO LONG 1</vendor></disk>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
        Assert.Equal("domain/devices/disk/vendor", error.Location.Path);
    }

    [Fact]
    public void Zero_rotation_rate_is_out_of_range()
    {
        var error = OnlyError("<disk type='file'><source file='/a'/><target dev='sda' bus='sata' rotation_rate='0'/></disk>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
    }

    [Fact]
    public void Optional_startup_policy_is_allowed_on_a_hard_disk()
    {
        var disk = OnlyDisk("<disk type='file'><source file='/a' startupPolicy='optional'/><target dev='vda'/></disk>");
        Assert.Equal(StartupPolicy.Optional, Assert.IsType<FileDiskSource>(disk.Source).StartupPolicy);
    }

    [Fact]
    public void Slice_of_size_zero_is_out_of_range()
    {
        var error = OnlyError("<disk type='file'><source file='/a'><slices><slice type='storage' offset='0' size='0'/></slices></source><target dev='vda'/></disk>");
        Assert.Equal(DiagnosticCatalog.NumberOutOfRange, error.Code);
    }
}
