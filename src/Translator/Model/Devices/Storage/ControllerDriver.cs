using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;driver&gt;</c> of a controller: queue count, SCSI command queue depth and transfer size,
/// ioeventfd, the I/O thread serving it, and the virtio transport options.
/// </summary>
public sealed record ControllerDriver
{
    public uint? Queues { get; init; }
    public uint? CmdPerLun { get; init; }
    public uint? MaxSectors { get; init; }
    public bool? Ioeventfd { get; init; }
    public uint? IoThread { get; init; }
    public bool? Iommu { get; init; }
    public bool? Ats { get; init; }
    public bool? Packed { get; init; }
    public bool? PagePerVq { get; init; }
    public SourceLocation Location { get; init; }
}
