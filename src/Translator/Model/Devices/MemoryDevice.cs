using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;memory model access discard&gt;</c> in <c>&lt;devices&gt;</c>: hot-pluggable guest memory
/// (a DIMM, an NVDIMM, virtio-pmem, virtio-mem or SGX enclave memory) with its host source, its
/// guest target and its address.
/// </summary>
public sealed record MemoryDevice
{
    public required MemoryDeviceModel Model { get; init; }
    public NumaMemAccess? Access { get; init; }
    public bool? Discard { get; init; }
    /// <summary><c>&lt;uuid&gt;</c> (nvdimm on ppc64 in the grammar).</summary>
    public Guid? Uuid { get; init; }
    public MemoryDeviceSource? Source { get; init; }
    public required MemoryDeviceTarget Target { get; init; }
    /// <summary>A <c>type='dimm'</c> address (slot, base).</summary>
    /// <summary>Any other address type (PCI for virtio-mem and virtio-pmem).</summary>
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

public enum MemoryDeviceModel { Dimm, Nvdimm, VirtioPmem, VirtioMem, SgxEpc }

/// <summary><c>&lt;source&gt;</c>: host page size and nodes, or the backing file with its alignment and pmem flag.</summary>
public sealed record MemoryDeviceSource
{
    public MemorySize? PageSize { get; init; }
    public string? NodeMask { get; init; }
    public string? Path { get; init; }
    public MemorySize? AlignSize { get; init; }
    public bool Pmem { get; init; }
}

/// <summary><c>&lt;target&gt;</c>: size, guest node, virtio-mem block/requested/current sizes, NVDIMM label and read-only flag.</summary>
public sealed record MemoryDeviceTarget
{
    public MemorySize? Size { get; init; }
    public uint? Node { get; init; }
    public MemorySize? Block { get; init; }
    public MemorySize? Requested { get; init; }
    public MemorySize? Current { get; init; }
    public MemorySize? LabelSize { get; init; }
    public bool Readonly { get; init; }
}

public static class MemoryDeviceXml
{
    public static readonly XmlEnum<MemoryDeviceModel> Model = new(
        ("dimm", MemoryDeviceModel.Dimm), ("nvdimm", MemoryDeviceModel.Nvdimm), ("virtio-pmem", MemoryDeviceModel.VirtioPmem),
        ("virtio-mem", MemoryDeviceModel.VirtioMem), ("sgx-epc", MemoryDeviceModel.SgxEpc));
}
