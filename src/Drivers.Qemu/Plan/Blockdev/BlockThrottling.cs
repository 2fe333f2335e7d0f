using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// <c>&lt;iotune&gt;</c> as a <c>throttle-group</c> object and a <c>throttle</c> filter node above the
/// disk's image. Disks naming the same <c>&lt;group_name&gt;</c> share one group, whose limits are those
/// of its first disk (as libvirt applies a group's limits once); a disk without a group name has a group
/// of its own. Group ids are the planner's (<c>throttle-N</c>), never the document's name.
/// </summary>
internal sealed class BlockThrottling
{
    // Made at the first named group: a planner is made for every document, nearly all without disk limits.
    private Dictionary<string, string>? _groupIds;
    private int _groups;

    /// <summary>The group the disk's filter names, and the group object when this disk is its first member.</summary>
    public (string GroupId, PlannedQemuObject? Object) Group(DiskIoTune tune)
    {
        if (tune.GroupName is { } name && _groupIds is not null && _groupIds.TryGetValue(name, out var shared)) return (shared, null);
        var id = "throttle-" + (++_groups).ToString(CultureInfo.InvariantCulture);
        if (tune.GroupName is { } groupName) (_groupIds ??= new Dictionary<string, string>(StringComparer.Ordinal))[groupName] = id;
        return (id, new PlannedQemuObject("throttle-group", id, Limits(tune)));
    }

    /// <summary>Whether the tuning sets any limit (an <c>&lt;iotune&gt;</c> with only zeroes throttles nothing).</summary>
    public static bool HasLimits(DiskIoTune? tune) => tune is not null && !Limits(tune).IsEmpty;

    /// <summary>The group's limits as its <c>x-*</c> properties (QEMU 7.2 reads no <c>limits.*</c> keys on -object); zero means unlimited and is left out.</summary>
    public static ImmutableArray<KeyValuePair<string, string>> Limits(DiskIoTune t)
    {
        var limits = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        void Add(string key, ulong? value)
        {
            if (value is { } v and > 0) limits.Add(new("x-" + key, v.ToString(CultureInfo.InvariantCulture)));
        }
        Add("bps-total", t.TotalBytesSec);
        Add("bps-read", t.ReadBytesSec);
        Add("bps-write", t.WriteBytesSec);
        Add("iops-total", t.TotalIopsSec);
        Add("iops-read", t.ReadIopsSec);
        Add("iops-write", t.WriteIopsSec);
        Add("bps-total-max", t.TotalBytesSecMax);
        Add("bps-read-max", t.ReadBytesSecMax);
        Add("bps-write-max", t.WriteBytesSecMax);
        Add("iops-total-max", t.TotalIopsSecMax);
        Add("iops-read-max", t.ReadIopsSecMax);
        Add("iops-write-max", t.WriteIopsSecMax);
        Add("iops-size", t.SizeIopsSec);
        Add("bps-total-max-length", t.TotalBytesSecMaxLength);
        Add("bps-read-max-length", t.ReadBytesSecMaxLength);
        Add("bps-write-max-length", t.WriteBytesSecMaxLength);
        Add("iops-total-max-length", t.TotalIopsSecMaxLength);
        Add("iops-read-max-length", t.ReadIopsSecMaxLength);
        Add("iops-write-max-length", t.WriteIopsSecMaxLength);
        return limits.ToImmutable();
    }
}
