using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>
/// Writes a <see cref="Domain"/> as domain XML in the canonical form of the reference
/// implementation (libvirt 0.10.2's formatter): its element and attribute order, two-space
/// indentation, single-quoted attributes, memory in KiB. What the model leaves out stays out,
/// except where the reference always writes a value: there its default is written (vCPU
/// placement, current memory, lifecycle actions, the clock offset, ...), so that writing, reading
/// back and writing again gives the same text.
/// </summary>
public static class DomainXmlWriter
{
    /// <summary>The qemu:commandline namespace, declared on the root when the domain uses it.</summary>
    public const string QemuNamespace = "http://libvirt.org/schemas/domain/qemu/1.0";

    /// <summary>
    /// The document text of <paramref name="domain"/>, ending with a newline, or the located errors
    /// (DL1090) of values holding a character XML 1.0 cannot carry: such a domain is refused, never
    /// written as a malformed document or with the character silently dropped.
    /// </summary>
    public static DomainXmlWriteResult TryWrite(Domain domain, string sourceName)
    {
        var tree = ToTree(domain);
        var refused = XmlTreeCharacterCheck.Check(tree, sourceName);
        return refused.Count == 0 ? new DomainXmlWriteResult(XmlTextFormatter.Format(tree), []) : new DomainXmlWriteResult(null, refused);
    }

    /// <summary>
    /// The document text of <paramref name="domain"/>, ending with a newline. For a domain read from
    /// XML, which cannot hold a character XML cannot carry; a caller holding a domain from another
    /// source uses <see cref="TryWrite"/> and prints its diagnostics.
    /// </summary>
    /// <exception cref="ArgumentException">A value holds a character XML 1.0 cannot carry.</exception>
    public static string Write(Domain domain)
    {
        var written = TryWrite(domain, "<domain>");
        return written.Text ?? throw new ArgumentException(
            "the domain cannot be written as XML: " + string.Join("; ", written.Diagnostics.Select(d => d.Message)), nameof(domain));
    }

    /// <summary>The element tree, in libvirt's order of sections.</summary>
    internal static XmlElement ToTree(Domain domain)
    {
        var context = new WriteContext(domain);
        return Element("domain",
        [
            Attr("type", domain.Type, Model.DomainTypeXml.Table),
            Attr("id", domain.Id),
            domain.QemuCommandLine is null && domain.QemuCapabilities is null && domain.QemuOverride is null && domain.QemuDeprecation is null ? null : Attr("xmlns:qemu", QemuNamespace),
            .. GeneralWriter.Identity(domain),
            .. GeneralWriter.Memory(domain),
            TuningWriter.BlockIoTune(domain.BlockIoTune),
            TuningWriter.MemoryTune(domain.MemoryTune),
            TuningWriter.MemoryBacking(domain.MemoryBacking),
            TuningWriter.Vcpu(domain.Vcpu),
            .. TuningWriter.Threads(domain),
            TuningWriter.CpuTune(domain.CpuTune),
            TuningWriter.NumaTune(domain.NumaTune),
            HostIntegrationWriter.Resource(domain.HostIntegration),
            SysinfoWriter.Write(domain.Sysinfo),
            .. OsWriter.Write(domain, context),
            GuestIdentityWriter.IdMap(domain.IdMap),
            FeaturesWriter.Features(domain.Features),
            CpuWriter.Write(domain.Cpu),
            ClockWriter.Write(domain.Clock),
            .. GeneralWriter.Lifecycle(domain),
            HostIntegrationWriter.OnLockFailure(domain.HostIntegration),
            FeaturesWriter.PowerManagement(domain.PowerManagement),
            HostIntegrationWriter.Perf(domain.HostIntegration),
            Devices.DevicesWriter.Write(domain.Devices, context),
            .. domain.SecurityLabels.Select(SecurityLabelWriter.Domain),
            HostIntegrationWriter.KeyWrap(domain.HostIntegration),
            GuestIdentityWriter.LaunchSecurity(domain.LaunchSecurity),
            QemuCommandLineWriter.Write(domain.QemuCommandLine),
            QemuCommandLineWriter.Capabilities(domain.QemuCapabilities),
            QemuCommandLineWriter.Override(domain.QemuOverride),
            QemuCommandLineWriter.Deprecation(domain.QemuDeprecation),
        ]);
    }
}
