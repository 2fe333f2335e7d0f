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
        // The device steps pass the devices on from one to the next, reading of the domain only its type and its OS's
        // type and architecture, which no step changes; the controllers and channels go into DeviceDefaults' copy of
        // the devices. The domain is then copied once, with every part: a domain is a large record to copy (one copy
        // per step was six; one for the parts and one for the guest's values, 9.0 corpus x2 ~0.5M instructions more).
        var devices = DeviceDefaults.Apply(domain, domain.Devices,
            ControllerDefaults.Apply(domain), ChannelDefaults.Apply(domain.Devices.Channels, settings));
        devices = CharDeviceDefaults.Apply(domain, devices);
        devices = InputDefaults.Apply(domain, devices);
        devices = DisplayDefaults.Apply(domain, devices);
        var memory = MemoryDefaults.Apply(domain, settings);
        return domain with
        {
            Memory = memory,
            Clock = ClockDefaults.Apply(domain.Clock),
            Cpu = CpuDefaults.Apply(domain.Cpu),
            Os = BootDefaults.Apply(domain),
            SecurityLabels = SecurityLabelDefaults.Apply(domain.SecurityLabels),
            Devices = devices,
            OnPoweroff = GuestDefaults.OnPoweroff(domain),
            OnReboot = GuestDefaults.OnReboot(domain),
            OnCrash = GuestDefaults.OnCrash(domain),
            CurrentMemory = GuestDefaults.CurrentMemory(domain, memory),
            Vcpu = GuestDefaults.Vcpu(domain),
            NumaTune = GuestDefaults.NumaTune(domain),
        };
    }
}
