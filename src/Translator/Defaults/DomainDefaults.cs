using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The post-parse stage: fills what libvirt fills after reading a document and before checking it
/// (controller indexes, the implicit controllers a machine always has, generated channel sockets,
/// the memory size NUMA cells give).
/// Kept apart from the parser, which returns what the document said. Applying it twice gives the
/// same domain as applying it once.
/// </summary>
public static class DomainDefaults
{
    public static Domain Apply(Domain domain, DefaultsSettings? settings = null)
    {
        settings ??= DefaultsSettings.None;
        var controllers = ControllerDefaults.Apply(domain);
        var channels = ChannelDefaults.Apply(domain.Devices.Channels, settings);
        var memory = MemoryDefaults.Apply(domain);
        if (controllers == domain.Devices.Controllers && channels == domain.Devices.Channels && memory == domain.Memory) return domain;
        return domain with { Memory = memory, Devices = domain.Devices with { Controllers = controllers, Channels = channels } };
    }
}
