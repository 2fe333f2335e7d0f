using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes the libvirt 9 devices without a family of their own (rng, tpm, iommu, vsock, panic,
/// shmem, nvram) and the pieces many devices share: virtio driver options and the ACPI index.
/// </summary>
internal static class MiscDeviceWriters
{
    /// <summary><c>&lt;acpi index/&gt;</c>, written between the alias and the address.</summary>
    public static XmlElement? Acpi(uint? index) => index is null ? null : Element("acpi", Attr("index", index));

    /// <summary>iommu, ats, packed, page_per_vq in the reference's order.</summary>
    public static IEnumerable<XmlAttribute?> VirtioAttributes(VirtioOptions? options) =>
        options is null
            ? []
            :
            [
                OnOff("iommu", options.Iommu),
                OnOff("ats", options.Ats),
                OnOff("packed", options.Packed),
                OnOff("page_per_vq", options.PagePerVq),
            ];

    /// <summary>A <c>&lt;driver&gt;</c> with only virtio options, or null when there are none.</summary>
    public static XmlElement? Driver(VirtioOptions? options) =>
        options is null ? null : UnlessEmpty(Element("driver", [.. VirtioAttributes(options)]));

    public static XmlElement Rng(Rng rng) =>
        Element("rng",
        [
            Attr("model", rng.Model, VirtioModelXml.Table),
            Driver(rng.Driver),
            rng.Rate is { } rate ? Element("rate", Attr("bytes", rate.Bytes), Attr("period", rate.Period)) : null,
            RngBackend(rng.Backend),
            DeviceInfoWriter.Alias(rng.Alias),
            Acpi(rng.AcpiIndex),
            DeviceInfoWriter.Address(rng.Address),
        ]);

    private static XmlElement RngBackend(RngBackend backend) => backend switch
    {
        RandomRngBackend random => TextElement("backend", random.Device, Attr("model", random.Model, RngXml.BackendModel))
                                   ?? Element("backend", Attr("model", random.Model, RngXml.BackendModel)),
        EgdRngBackend egd => Element("backend",
            [Attr("model", egd.Model, RngXml.BackendModel), .. CharSourceWriter.TypeAndSource(egd.Source)]),
        BuiltinRngBackend builtin => Element("backend", Attr("model", builtin.Model, RngXml.BackendModel)),
        _ => throw new InvalidOperationException($"no writer for RNG backend {backend.GetType().Name}"),
    };

    public static XmlElement Tpm(Tpm tpm) =>
        Element("tpm",
            Attr("model", tpm.Model, TpmXml.Model),
            TpmBackend(tpm.Backend),
            DeviceInfoWriter.Alias(tpm.Alias),
            DeviceInfoWriter.Address(tpm.Address));

    private static XmlElement TpmBackend(TpmBackend backend) => backend switch
    {
        PassthroughTpmBackend passthrough => Element("backend",
            Attr("type", passthrough.Type, TpmXml.BackendType),
            Attr("version", passthrough.Version, TpmXml.Version),
            passthrough.DevicePath is null ? null : Element("device", Attr("path", passthrough.DevicePath))),
        EmulatorTpmBackend emulator => Element("backend",
            Attr("type", emulator.Type, TpmXml.BackendType),
            Attr("version", emulator.Version, TpmXml.Version),
            YesNo("persistent_state", emulator.PersistentState),
            emulator.EncryptionSecret is { } secret ? Element("encryption", Attr("secret", Uuid(secret))) : null,
            emulator.ActivePcrBanks is { } banks
                ? Element("active_pcr_banks", [.. banks.Select(bank => Element(TpmXml.PcrBank.ToXml(bank)))])
                : null),
        ExternalTpmBackend external => Element("backend",
            Attr("type", external.Type, TpmXml.BackendType),
            Attr("version", external.Version, TpmXml.Version),
            external.SocketPath is null
                ? null
                : Element("source", Attr("type", "unix"), Attr("mode", "connect"), Attr("path", external.SocketPath))),
        _ => throw new InvalidOperationException($"no writer for TPM backend {backend.GetType().Name}"),
    };

    public static XmlElement Iommu(Iommu iommu) =>
        Element("iommu",
            Attr("model", iommu.Model, IommuXml.Model),
            iommu.Driver is { } driver
                ? UnlessEmpty(Element("driver",
                    OnOff("intremap", driver.InterruptRemapping),
                    OnOff("caching_mode", driver.CachingMode),
                    OnOff("eim", driver.Eim),
                    OnOff("iotlb", driver.Iotlb),
                    Attr("aw_bits", driver.AddressWidthBits)))
                : null,
            DeviceInfoWriter.Alias(iommu.Alias),
            Acpi(iommu.AcpiIndex),
            DeviceInfoWriter.Address(iommu.Address));

    public static XmlElement Vsock(Vsock vsock) =>
        Element("vsock",
            Attr("model", vsock.Model, VirtioModelXml.Table),
            vsock.CidAuto is null && vsock.CidAddress is null
                ? null
                : Element("cid", YesNo("auto", vsock.CidAuto), Attr("address", vsock.CidAddress)),
            DeviceInfoWriter.Alias(vsock.Alias),
            Acpi(vsock.AcpiIndex),
            DeviceInfoWriter.Address(vsock.Address),
            Driver(vsock.Driver));

    public static XmlElement Panic(Panic panic) =>
        Element("panic",
            Attr("model", panic.Model, PanicXml.Model),
            DeviceInfoWriter.Alias(panic.Alias),
            DeviceInfoWriter.Address(panic.Address));

    /// <summary>The size is written in MiB when it is a whole number of them (as the reference does), else in KiB.</summary>
    public static XmlElement Shmem(Shmem shmem) =>
        Element("shmem",
            Attr("name", shmem.Name),
            Attr("role", shmem.Role, ShmemXml.Role),
            shmem.Model is null ? null : Element("model", Attr("type", shmem.Model, ShmemXml.Model)),
            shmem.Size is { } size
                ? size.Kibibytes % 1024 == 0
                    ? TextElement("size", size.Kibibytes / 1024, Attr("unit", "M"))
                    : TextElement("size", size.Kibibytes, Attr("unit", "KiB"))
                : null,
            shmem.Server is { } server ? Element("server", Attr("path", server.Path)) : null,
            shmem.Msi is { } msi ? Element("msi", Attr("vectors", msi.Vectors), OnOff("ioeventfd", msi.IoEventFd)) : null,
            DeviceInfoWriter.Alias(shmem.Alias),
            Acpi(shmem.AcpiIndex),
            DeviceInfoWriter.Address(shmem.Address));

    public static XmlElement Nvram(NvramDevice nvram) => Element("nvram", DeviceInfoWriter.Address(nvram.Address));
}
