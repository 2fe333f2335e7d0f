using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes a container's <c>&lt;idmap&gt;</c> and <c>&lt;launchSecurity&gt;</c>.</summary>
internal static class GuestIdentityWriter
{
    public static XmlElement? IdMap(IdMap? idmap) =>
        idmap is null
            ? null
            : Element("idmap",
            [
                .. idmap.Uids.Select(r => Range("uid", r)),
                .. idmap.Gids.Select(r => Range("gid", r)),
            ]);

    private static XmlElement Range(string name, IdMapRange range) =>
        Element(name, Attr("start", range.Start), Attr("target", range.Target), Attr("count", range.Count));

    /// <summary>In libvirt 9's order: cbitpos, reducedPhysBits, policy (0x and four hex digits), handle, dhCert, session.</summary>
    public static XmlElement? LaunchSecurity(LaunchSecurity? security) =>
        security is null
            ? null
            : Element("launchSecurity",
                Attr("type", security.Type, LaunchSecurityXml.Type),
                YesNo("kernelHashes", security.KernelHashes),
                TextElement("cbitpos", security.CbitPos),
                TextElement("reducedPhysBits", security.ReducedPhysBits),
                security.Policy is { } policy
                    ? TextElement("policy", "0x" + policy.ToString("x4", System.Globalization.CultureInfo.InvariantCulture))
                    : null,
                TextElement("handle", security.Handle),
                TextElement("dhCert", security.DhCert),
                TextElement("session", security.Session));
}
