using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>libvirt 9's rng, tpm, iommu, vsock, panic, shmem and nvram devices, and the new balloon and watchdog settings.</summary>
public sealed class MiscDeviceParserTests
{
    private static Model.Devices Devices(string devices)
    {
        var result = DeviceDocument.Parse(devices, "kvm");
        Assert.Empty(result.Diagnostics);
        return result.Domain!.Devices;
    }

    [Fact]
    public void Rng_backends_rate_driver_and_device_info_are_read()
    {
        var devices = Devices(
            "<rng model='virtio-transitional'><backend model='random'>/dev/urandom</backend><rate bytes='1234' period='2000'/>" +
            "<driver iommu='on' ats='off' packed='on' page_per_vq='off'/><alias name='rng0'/><acpi index='2'/>" +
            "<address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/></rng>" +
            "<rng model='virtio'><backend model='egd' type='unix'><source mode='connect' path='/run/egd'/></backend></rng>" +
            "<rng model='virtio-non-transitional'><backend model='builtin'/></rng>");
        var random = devices.Rngs[0];
        Assert.Equal(VirtioModel.VirtioTransitional, random.Model);
        Assert.Equal("/dev/urandom", Assert.IsType<RandomRngBackend>(random.Backend).Device);
        Assert.Equal(new RngRate { Bytes = 1234, Period = 2000 }, random.Rate);
        Assert.Equal(new VirtioOptions { Iommu = true, Ats = false, Packed = true, PagePerVq = false }, random.Driver);
        Assert.Equal(("rng0", 2u), (random.Alias, random.AcpiIndex));
        Assert.IsType<PciAddress>(random.Address);
        var egd = Assert.IsType<EgdRngBackend>(devices.Rngs[1].Backend);
        Assert.Equal("/run/egd", Assert.IsType<UnixCharSource>(egd.Source).Path);
        Assert.IsType<BuiltinRngBackend>(devices.Rngs[2].Backend);
    }

    [Fact]
    public void An_rng_without_a_backend_or_with_a_zero_rate_is_refused()
    {
        DeviceDocument.SingleError(DeviceDocument.Parse("<rng model='virtio'/>"), DiagnosticCatalog.MissingElement);
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<rng model='virtio'><backend model='builtin'/><rate bytes='0'/></rng>"),
            DiagnosticCatalog.NumberOutOfRange);
    }

    [Fact]
    public void Tpm_backends_are_read()
    {
        var tpms = Devices(
            "<tpm model='tpm-tis'><backend type='passthrough'><device path='/dev/tpm0'/></backend></tpm>" +
            "<tpm model='tpm-crb'><backend type='emulator' version='2.0' persistent_state='yes'>" +
            "<encryption secret='11111111-2222-3333-4444-555555555555'/>" +
            "<active_pcr_banks><sha512/><sha256/></active_pcr_banks></backend></tpm>" +
            "<tpm model='spapr-tpm-proxy'><backend type='external'><source type='unix' mode='connect' path='/run/swtpm'/></backend></tpm>").Tpms;
        Assert.Equal([TpmModel.Tis, TpmModel.Crb, TpmModel.SpaprProxy], tpms.Select(t => t.Model!.Value));
        Assert.Equal("/dev/tpm0", Assert.IsType<PassthroughTpmBackend>(tpms[0].Backend).DevicePath);
        var emulator = Assert.IsType<EmulatorTpmBackend>(tpms[1].Backend);
        Assert.Equal(TpmVersion.V2_0, emulator.Version);
        Assert.True(emulator.PersistentState);
        Assert.Equal(Guid.Parse("11111111-2222-3333-4444-555555555555"), emulator.EncryptionSecret);
        Assert.Equal(new[] { TpmPcrBank.Sha256, TpmPcrBank.Sha512 }, emulator.ActivePcrBanks!.Value.ToArray());
        Assert.Equal("/run/swtpm", Assert.IsType<ExternalTpmBackend>(tpms[2].Backend).SocketPath);
    }

    [Fact]
    public void A_tpm_with_an_unknown_version_is_refused() =>
        DeviceDocument.SingleError(
            DeviceDocument.Parse("<tpm model='tpm-tis'><backend type='emulator' version='3.0'/></tpm>"),
            DiagnosticCatalog.UnknownEnumValue);

    [Fact]
    public void Iommu_vsock_panic_and_nvram_are_read()
    {
        var devices = Devices(
            "<iommu model='intel'><driver intremap='on' caching_mode='on' eim='off' iotlb='on' aw_bits='48'/></iommu>" +
            "<vsock model='virtio'><cid auto='no' address='4'/></vsock>" +
            "<panic model='hyperv'/><panic model='isa'><address type='isa' iobase='0x505'/></panic>" +
            "<nvram><address type='spapr-vio' reg='0x3000'/></nvram>");
        Assert.Equal(IommuModel.Intel, devices.Iommu!.Model);
        Assert.Equal(new IommuDriver { InterruptRemapping = true, CachingMode = true, Eim = false, Iotlb = true, AddressWidthBits = 48 },
            devices.Iommu.Driver);
        Assert.Equal((VirtioModel.Virtio, false, 4u), (devices.Vsock!.Model!.Value, devices.Vsock.CidAuto!.Value, devices.Vsock.CidAddress!.Value));
        Assert.Equal([PanicModel.Hyperv, PanicModel.Isa], devices.Panics.Select(p => p.Model!.Value));
        Assert.IsType<SpaprVioAddress>(devices.Nvram!.Address);
    }

    [Fact]
    public void A_second_iommu_is_refused() =>
        DeviceDocument.SingleError(DeviceDocument.Parse("<iommu model='intel'/><iommu model='virtio'/>"), DiagnosticCatalog.DuplicateElement);

    [Fact]
    public void Shmem_is_read_and_its_name_may_not_hold_a_slash()
    {
        var shmem = Assert.Single(Devices(
            "<shmem name='shm0' role='peer'><model type='ivshmem-doorbell'/><size unit='M'>4</size>" +
            "<server path='/run/ivshmem'/><msi vectors='2' ioeventfd='on'/></shmem>").Shmems);
        Assert.Equal(("shm0", ShmemRole.Peer, ShmemModel.IvshmemDoorbell), (shmem.Name, shmem.Role!.Value, shmem.Model!.Value));
        Assert.Equal(4096ul, shmem.Size!.Value.Kibibytes);
        Assert.Equal("/run/ivshmem", shmem.Server!.Path);
        Assert.Equal(new ShmemMsi { Vectors = 2, IoEventFd = true }, shmem.Msi);
        DeviceDocument.SingleError(DeviceDocument.Parse("<shmem name='a/b'/>"), DiagnosticCatalog.InvalidValue);
    }

    [Fact]
    public void Memballoon_and_watchdog_take_libvirt_9_models_and_settings()
    {
        var devices = Devices(
            "<watchdog model='diag288' action='inject-nmi'><acpi index='1'/></watchdog>" +
            "<memballoon model='virtio-non-transitional' autodeflate='on' freePageReporting='off'>" +
            "<stats period='10'/><driver iommu='on'/></memballoon>");
        Assert.Equal((WatchdogModel.Diag288, WatchdogAction.InjectNmi, 1u),
            (devices.Watchdog!.Model, devices.Watchdog.Action!.Value, devices.Watchdog.AcpiIndex!.Value));
        var balloon = devices.MemBalloon!;
        Assert.Equal(MemBalloonModel.VirtioNonTransitional, balloon.Model);
        Assert.True(balloon.AutoDeflate);
        Assert.False(balloon.FreePageReporting);
        Assert.Equal(10u, balloon.StatsPeriod);
        Assert.True(balloon.Driver!.Iommu);
    }
}
