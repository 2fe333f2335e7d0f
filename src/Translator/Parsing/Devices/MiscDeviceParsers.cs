using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads the libvirt 9 devices that have no family of their own: <c>&lt;rng&gt;</c>,
/// <c>&lt;tpm&gt;</c>, <c>&lt;iommu&gt;</c>, <c>&lt;vsock&gt;</c>, <c>&lt;panic&gt;</c>,
/// <c>&lt;shmem&gt;</c> and the <c>&lt;nvram&gt;</c> device.
/// </summary>
internal static class MiscDeviceParsers
{
    public static Rng? Rng(ElementReader rng)
    {
        var model = rng.RequiredEnum("model", VirtioModelXml.Table);
        var backendElement = rng.SingleChild("backend");
        if (backendElement is null)
            rng.Error(DiagnosticCatalog.MissingElement, "<rng> needs a <backend model='random|egd|builtin'> element");
        var backend = backendElement is null ? null : RngBackend(backendElement);
        var rate = rng.SingleChild("rate");
        var bytes = rate is null || rate.RequiredAttr("bytes") is null ? null : rate.Unsigned("bytes");
        var period = rate?.Unsigned("period");
        if (bytes == 0) rate!.AttrError("bytes", DiagnosticCatalog.NumberOutOfRange, "bytes must be 1 or more");
        if (period == 0) rate!.AttrError("period", DiagnosticCatalog.NumberOutOfRange, "period must be 1 or more");
        var driver = VirtioOptionsParser.Driver(rng);
        var alias = CommonParsers.Alias(rng);
        var acpi = VirtioOptionsParser.AcpiIndex(rng);
        var address = CommonParsers.Address(rng);
        if (model is null || backend is null) return null;
        return new Rng
        {
            Model = model.Value,
            Backend = backend,
            Rate = bytes is > 0 && period is not 0 ? new RngRate { Bytes = bytes.Value, Period = period } : null,
            Driver = driver,
            Alias = alias,
            AcpiIndex = acpi,
            Address = address,
            Location = rng.Location,
        };
    }

    private static RngBackend? RngBackend(ElementReader backend)
    {
        switch (backend.RequiredEnum("model", RngXml.BackendModel))
        {
            case RngBackendModel.Random:
                var path = backend.Text.Trim();
                return new RandomRngBackend { Device = path.Length == 0 ? null : path };
            case RngBackendModel.Egd:
                var type = backend.RequiredEnum("type", CharSourceXml.Type);
                var source = type is null ? null : CharSourceParser.Parse(backend, type.Value);
                return source is null ? null : new EgdRngBackend { Source = source };
            case RngBackendModel.Builtin:
                return new BuiltinRngBackend();
            default:
                // Unknown or missing model: already reported; its content means nothing.
                backend.ReadWhole();
                return null;
        }
    }

    public static Tpm? Tpm(ElementReader tpm)
    {
        var model = tpm.Enum("model", TpmXml.Model);
        var backendElement = tpm.SingleChild("backend");
        if (backendElement is null)
            tpm.Error(DiagnosticCatalog.MissingElement, "<tpm> needs a <backend type='passthrough|emulator|external'> element");
        var backend = backendElement is null ? null : TpmBackend(backendElement);
        var alias = CommonParsers.Alias(tpm);
        var address = CommonParsers.Address(tpm);
        if (backend is null) return null;
        return new Tpm { Model = model, Backend = backend, Alias = alias, Address = address, Location = tpm.Location };
    }

    private static TpmBackend? TpmBackend(ElementReader backend)
    {
        var type = backend.RequiredEnum("type", TpmXml.BackendType);
        var version = backend.Enum("version", TpmXml.Version);
        switch (type)
        {
            case TpmBackendType.Passthrough:
                return new PassthroughTpmBackend
                {
                    Version = version,
                    DevicePath = backend.SingleChild("device") is { } device ? device.RequiredAttr("path") : null,
                };
            case TpmBackendType.Emulator:
                return new EmulatorTpmBackend
                {
                    Version = version,
                    PersistentState = backend.YesNo("persistent_state"),
                    EncryptionSecret = backend.SingleChild("encryption") is { } encryption ? Uuid(encryption, "secret") : null,
                    ActivePcrBanks = backend.SingleChild("active_pcr_banks") is { } banks ? PcrBanks(banks) : null,
                };
            case TpmBackendType.External:
                return new ExternalTpmBackend { Version = version, SocketPath = ExternalSocket(backend) };
            default:
                backend.ReadWhole();
                return null;
        }
    }

    /// <summary>The banks named, each once, in canonical order (the reference keeps a set).</summary>
    private static ImmutableArray<TpmPcrBank> PcrBanks(ElementReader banks)
    {
        var named = new SortedSet<TpmPcrBank>();
        foreach (var (element, path) in banks.AllChildren())
        {
            if (element.NamespaceUri.Length != 0 || !TpmXml.PcrBank.TryParse(element.LocalName, out var bank)) continue;
            banks.Open(element, path);
            named.Add(bank);
        }
        return [.. named];
    }

    private static string? ExternalSocket(ElementReader backend)
    {
        var source = backend.SingleChild("source");
        if (source is null) return null;
        var type = source.Attr("type");
        if (type is not null and not "unix")
            source.AttrError("type", DiagnosticCatalog.UnknownEnumValue, $"'{type}' is not valid for attribute 'type'; allowed: unix");
        var mode = source.Attr("mode");
        if (mode is not null and not "connect")
            source.AttrError("mode", DiagnosticCatalog.UnknownEnumValue, $"'{mode}' is not valid for attribute 'mode'; allowed: connect");
        return source.Attr("path");
    }

    private static Guid? Uuid(ElementReader element, string name)
    {
        var text = element.RequiredAttr(name);
        if (text is null) return null;
        if (Guid.TryParse(text, out var uuid)) return uuid;
        element.AttrError(name, DiagnosticCatalog.InvalidValue, $"'{text}' is not a UUID");
        return null;
    }

    public static Iommu? Iommu(ElementReader iommu)
    {
        var model = iommu.RequiredEnum("model", IommuXml.Model);
        var driver = iommu.SingleChild("driver");
        var acpi = VirtioOptionsParser.AcpiIndex(iommu);
        var address = CommonParsers.Address(iommu);
        var alias = CommonParsers.Alias(iommu);
        if (model is null) return null;
        return new Iommu
        {
            Model = model.Value,
            Driver = driver is null
                ? null
                : new IommuDriver
                {
                    InterruptRemapping = driver.OnOff("intremap"),
                    CachingMode = driver.OnOff("caching_mode"),
                    Eim = driver.OnOff("eim"),
                    Iotlb = driver.OnOff("iotlb"),
                    AddressWidthBits = driver.UInt("aw_bits", 255),
                },
            AcpiIndex = acpi,
            Alias = alias,
            Address = address,
            Location = iommu.Location,
        };
    }

    public static Vsock Vsock(ElementReader vsock)
    {
        var cid = vsock.SingleChild("cid");
        return new Vsock
        {
            Model = vsock.Enum("model", VirtioModelXml.Table),
            CidAuto = cid?.YesNo("auto"),
            CidAddress = cid?.UInt("address"),
            Address = CommonParsers.Address(vsock),
            Alias = CommonParsers.Alias(vsock),
            AcpiIndex = VirtioOptionsParser.AcpiIndex(vsock),
            Driver = VirtioOptionsParser.Driver(vsock),
            Location = vsock.Location,
        };
    }

    public static Panic Panic(ElementReader panic) => new()
    {
        Model = panic.Enum("model", PanicXml.Model),
        Alias = CommonParsers.Alias(panic),
        Address = CommonParsers.Address(panic),
        Location = panic.Location,
    };

    public static Shmem? Shmem(ElementReader shmem)
    {
        var name = shmem.RequiredAttr("name");
        if (name is not null && name.Contains('/'))
        {
            shmem.AttrError("name", DiagnosticCatalog.InvalidValue, $"'{name}' is not a shared memory name: it must not contain '/'");
            name = null;
        }
        var role = shmem.Enum("role", ShmemXml.Role);
        var model = shmem.SingleChild("model") is { } modelElement ? modelElement.RequiredEnum("type", ShmemXml.Model) : null;
        var size = shmem.SingleChild("size") is { } sizeElement ? CommonParsers.MemoryElement(sizeElement, "B") : null;
        var server = shmem.SingleChild("server") is { } serverElement ? new ShmemServer { Path = serverElement.Attr("path") } : null;
        var msi = shmem.SingleChild("msi") is { } msiElement
            ? new ShmemMsi { Vectors = msiElement.UInt("vectors"), IoEventFd = msiElement.OnOff("ioeventfd") }
            : null;
        var alias = CommonParsers.Alias(shmem);
        var acpi = VirtioOptionsParser.AcpiIndex(shmem);
        var address = CommonParsers.Address(shmem);
        if (name is null) return null;
        return new Shmem
        {
            Name = name,
            Role = role,
            Model = model,
            Size = size,
            Server = server,
            Msi = msi,
            Alias = alias,
            AcpiIndex = acpi,
            Address = address,
            Location = shmem.Location,
        };
    }

    public static NvramDevice Nvram(ElementReader nvram) =>
        new() { Address = CommonParsers.Address(nvram), Location = nvram.Location };
}
