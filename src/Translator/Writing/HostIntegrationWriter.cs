using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes resource, on_lockfailure, perf and keywrap, each at its place in libvirt 9's order.</summary>
internal static class HostIntegrationWriter
{
    public static XmlElement? Resource(HostIntegration? host) =>
        host?.Resource is { } resource
            ? Element("resource",
                TextElement("partition", resource.Partition),
                resource.FibreChannelAppId is null ? null : Element("fibrechannel", Attr("appid", resource.FibreChannelAppId)))
            : null;

    public static XmlElement? OnLockFailure(HostIntegration? host) =>
        host?.OnLockFailure is { } action ? TextElement("on_lockfailure", HostIntegrationXml.LockFailure.ToXml(action)) : null;

    public static XmlElement? Perf(HostIntegration? host) =>
        host is null || host.PerfEvents.IsEmpty
            ? null
            : Element("perf", [.. host.PerfEvents.Select(e => Element("event", Attr("name", e.Name), YesNo("enabled", e.Enabled)))]);

    public static XmlElement? KeyWrap(HostIntegration? host) =>
        host is null || host.KeyWrap.IsEmpty
            ? null
            : Element("keywrap",
                [.. host.KeyWrap.Select(c => Element("cipher", Attr("name", c.Name, HostIntegrationXml.Cipher), OnOff("state", c.State)))]);
}
