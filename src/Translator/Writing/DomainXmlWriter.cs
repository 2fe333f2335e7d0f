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

    /// <summary>The document text of <paramref name="domain"/>, ending with a newline.</summary>
    public static string Write(Domain domain) => XmlTextFormatter.Format(ToTree(domain));

    /// <summary>The element tree, in libvirt's order of sections.</summary>
    internal static XmlElement ToTree(Domain domain)
    {
        var context = new WriteContext(domain);
        return Element("domain",
        [
            Attr("type", domain.Type, Model.DomainTypeXml.Table),
            Attr("id", domain.Id),
            domain.QemuCommandLine is null ? null : Attr("xmlns:qemu", QemuNamespace),
            .. GeneralWriter.Identity(domain),
            .. GeneralWriter.Memory(domain),
            TuningWriter.BlockIoTune(domain.BlockIoTune),
            TuningWriter.MemoryTune(domain.MemoryTune),
            TuningWriter.MemoryBacking(domain.MemoryBacking),
            TuningWriter.Vcpu(domain.Vcpu),
            TuningWriter.CpuTune(domain.CpuTune),
            TuningWriter.NumaTune(domain.NumaTune, domain.Vcpu),
            SysinfoWriter.Write(domain.Sysinfo),
            .. OsWriter.Write(domain, context),
            FeaturesWriter.Features(domain.Features),
            CpuWriter.Write(domain.Cpu),
            ClockWriter.Write(domain.Clock),
            .. GeneralWriter.Lifecycle(domain),
            FeaturesWriter.PowerManagement(domain.PowerManagement),
            Devices.DevicesWriter.Write(domain.Devices, context),
            .. domain.SecurityLabels.Select(SecurityLabelWriter.Domain),
            QemuCommandLineWriter.Write(domain.QemuCommandLine),
        ]);
    }
}
