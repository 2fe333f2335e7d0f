namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// One guest-visible device of a domain and what identifies it in a running QEMU. Each facet that is
/// set is checked: the device id (<c>/machine/peripheral/ID</c>) and its QOM type, or, with no id, an
/// instance of the type anywhere in the machine; the PCI function (and its class when nothing else
/// names it); the MAC address; the block backend and its medium; the chardev a front end uses.
/// </summary>
public sealed record ExpectedDevice
{
    public required DeviceKind Kind { get; init; }

    /// <summary>For people: <c>disk vda (virtio, /images/guest.qcow2)</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The qdev id the command line gives the device (<c>id=virtio-disk0</c>), or null for an anonymous one.</summary>
    public string? Id { get; init; }

    /// <summary>The QOM type QEMU reports for the device (an alias on the command line resolved: <c>lsi</c> is <c>lsi53c895a</c>).</summary>
    public string? QemuType { get; init; }

    public PciSlot? Pci { get; init; }

    /// <summary>The PCI class code of an anonymous PCI function (0x0300 display, 0x0c03 USB).</summary>
    public ushort? PciClass { get; init; }

    /// <summary>The MAC address in lower case, colon separated.</summary>
    public string? Mac { get; init; }

    /// <summary>The block backend id (<c>drive-virtio-disk0</c>), the <c>device</c> of <c>query-block</c>.</summary>
    public string? Drive { get; init; }

    /// <summary>
    /// The block backend is anonymous (the front end of a <c>-blockdev</c> graph takes a node, not a named
    /// drive): its <c>query-block</c> entry is the one attached to the device <see cref="Id"/>; <see cref="Drive"/> only names it in reports.
    /// </summary>
    public bool BackendOfFrontEnd { get; init; }

    public MediumExpectation Medium { get; init; } = MediumExpectation.NotChecked;

    /// <summary>The image the medium should be, when it is a local file or block device.</summary>
    public string? MediumFile { get; init; }

    /// <summary>The chardev the device reads and writes (<c>charserial0</c>).</summary>
    public string? Chardev { get; init; }

    /// <summary>The facets as one line: <c>virtio-blk-pci id=virtio-disk0 pci=00:05.0 drive=drive-virtio-disk0 medium=/images/a.qcow2</c>.</summary>
    public string Expectation
    {
        get
        {
            var parts = new List<string>();
            if (QemuType is not null) parts.Add(Id is null ? $"a {QemuType}" : QemuType);
            if (Id is not null) parts.Add("id=" + Id);
            if (Pci is not null) parts.Add("pci=" + Pci);
            if (PciClass is { } c) parts.Add($"class=0x{c:x4}");
            if (Mac is not null) parts.Add("mac=" + Mac);
            if (Drive is not null) parts.Add("drive=" + Drive);
            switch (Medium)
            {
                case MediumExpectation.Empty:
                    parts.Add("medium=none");
                    break;
                case MediumExpectation.Inserted:
                    parts.Add("medium=" + (MediumFile ?? "any"));
                    break;
            }
            if (Chardev is not null) parts.Add("chardev=" + Chardev);
            return string.Join(' ', parts);
        }
    }
}
