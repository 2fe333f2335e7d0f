using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The post-parse stage: fills what libvirt fills after reading a document and before checking it
/// (lifecycle actions, current memory, clock, CPU mode, boot device, controller indexes and the
/// implicit controllers a machine always has, port numbers, consoles, the implicit mouse and memory
/// balloon, generated channel sockets, the memory size NUMA cells give, ...).
/// Kept apart from the parser, which returns what the document said; the XML writer writes the
/// model as it is, so a document read, written and read again gives the same domain. Applying it
/// twice gives the same domain as applying it once.
/// </summary>
public static class DomainDefaults
{
    public static Domain Apply(Domain domain, DefaultsSettings? settings = null)
    {
        settings ??= DefaultsSettings.None;
        // The controller step reads the domain as the document gave it (its OS before the boot defaults).
        var original = domain;
        // One copy for the memory and the parts below, then one for the guest's values and the devices: none of
        // these parts reads what GuestDefaults fills (lifecycle actions, current memory, placements).
        domain = domain with
        {
            Memory = MemoryDefaults.Apply(domain, settings),
            Clock = ClockDefaults.Apply(domain.Clock),
            Cpu = CpuDefaults.Apply(domain.Cpu),
            Os = BootDefaults.Apply(domain),
            SecurityLabels = SecurityLabelDefaults.Apply(domain.SecurityLabels),
        };
        // The device steps pass the devices on from one to the next and the domain is copied once at the end, with
        // the guest's values: they change nothing else of it, read none of the guest's values, and a domain is a large
        // record to copy (four copies fewer than one per step). The controllers and channels go into the devices' first
        // copy, DeviceDefaults' (one copy of the devices fewer: 9.0 corpus x2 ~0.4M instructions).
        var devices = DeviceDefaults.Apply(domain, domain.Devices,
            ControllerDefaults.Apply(original), ChannelDefaults.Apply(domain.Devices.Channels, settings));
        devices = CharDeviceDefaults.Apply(domain, devices);
        devices = InputDefaults.Apply(domain, devices);
        devices = DisplayDefaults.Apply(domain, devices);
        return GuestDefaults.Apply(domain, devices);
    }
}
