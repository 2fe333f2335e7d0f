using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;lease&gt;</c>: lockspace, key, target.</summary>
internal static class LeaseWriter
{
    public static XmlElement Write(Lease lease) =>
        Element("lease",
            TextElement("lockspace", lease.Lockspace),
            TextElement("key", lease.Key),
            Element("target", Attr("path", lease.TargetPath), Attr("offset", lease.TargetOffset)));
}
