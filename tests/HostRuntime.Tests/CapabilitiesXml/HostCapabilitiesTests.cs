using System.Xml.Linq;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.CapabilitiesXml;

/// <summary>The host capabilities document: the spec's structure, the guest rules, and libvirt's guest entry for the live emulator.</summary>
public sealed class HostCapabilitiesTests(ProbedQemuFixture qemu) : IClassFixture<ProbedQemuFixture>
{
    private static readonly HostCpu Cpu = new() { Arch = "x86_64", Vendor = "AMD", Features = ["vmx", "sse4.2"] };

    private static XElement Document(HostFacts host, params DomainLauncher.HostRuntime.Probing.ProbeResult[] emulators) =>
        XDocument.Parse(HostCapabilitiesWriter.Write(HostCapabilitiesBuilder.Build(Cpu, host, emulators))).Root!;

    [Fact]
    public void Document_has_the_specs_structure()
    {
        var root = Document(HandMadeHosts.TcgOnlyHost, HandMadeHosts.X86_64);

        Assert.Equal("capabilities", root.Name.LocalName);
        Assert.Equal("x86_64", root.Element("host")!.Element("cpu")!.Element("arch")!.Value);
        Assert.Equal(["vmx", "sse4.2"], root.Element("host")!.Element("cpu")!.Elements("feature").Select(f => f.Attribute("name")!.Value));
        var guest = Assert.Single(root.Elements("guest"));
        Assert.Equal("hvm", guest.Element("os_type")!.Value);
        var arch = guest.Element("arch")!;
        Assert.Equal("x86_64", arch.Attribute("name")!.Value);
        Assert.Equal("64", arch.Element("wordsize")!.Value);
        Assert.Equal(HandMadeHosts.Emulator, arch.Element("emulator")!.Value);
        Assert.Equal(["qemu"], arch.Elements("domain").Select(d => d.Attribute("type")!.Value));
    }

    [Fact]
    public void Machines_are_canonical_with_alias_entries_default_first_and_without_none()
    {
        var machines = Document(HandMadeHosts.TcgOnlyHost, HandMadeHosts.X86_64).Element("guest")!.Element("arch")!.Elements("machine")
            .Select(m => $"{m.Value} canonical={m.Attribute("canonical")?.Value} max={m.Attribute("maxCpus")?.Value} deprecated={m.Attribute("deprecated")?.Value}");
        Assert.Equal(
        [
            "pc-i440fx-7.2 canonical= max=255 deprecated=",
            "pc canonical=pc-i440fx-7.2 max=255 deprecated=",
            "pc-q35-7.2 canonical= max=288 deprecated=",
            "q35 canonical=pc-q35-7.2 max=288 deprecated=",
            "isapc canonical= max=1 deprecated=",
            "pc-i440fx-1.5 canonical= max=255 deprecated=yes",
        ], machines);
    }

    [Fact]
    public void Kvm_domain_appears_only_where_dev_kvm_is_usable()
    {
        var domains = Document(HandMadeHosts.KvmHost, HandMadeHosts.X86_64).Element("guest")!.Element("arch")!.Elements("domain");
        Assert.Equal(["qemu", "kvm"], domains.Select(d => d.Attribute("type")!.Value));
    }

    [Fact]
    public void One_guest_per_arch_from_the_first_emulator_for_it_sorted_by_arch()
    {
        var i386 = HandMadeHosts.X86_64 with { Path = "/usr/bin/qemu-system-i386", Arch = "i386" };
        var variant = HandMadeHosts.X86_64 with { Path = "/usr/bin/qemu-system-x86_64-microvm" };
        var guests = Document(HandMadeHosts.TcgOnlyHost, HandMadeHosts.X86_64, variant, i386).Elements("guest").ToList();

        Assert.Equal(["i686", "x86_64"], guests.Select(g => g.Element("arch")!.Attribute("name")!.Value));
        Assert.Equal(["32", "64"], guests.Select(g => g.Element("arch")!.Element("wordsize")!.Value));
        Assert.Equal(HandMadeHosts.Emulator, guests[1].Element("arch")!.Element("emulator")!.Value);
        Assert.Equal(["pae", "nonpae", "acpi", "apic", "cpuselection", "deviceboot", "disksnapshot"],
            guests[0].Element("features")!.Elements().Select(f => f.Name.LocalName));
    }

    [Fact]
    public void An_emulator_with_neither_tcg_nor_usable_kvm_gives_no_guest()
    {
        var kvmOnly = HandMadeHosts.X86_64 with { Accelerators = ["kvm"] };
        Assert.Empty(Document(HandMadeHosts.TcgOnlyHost, kvmOnly).Elements("guest"));
    }

    [Fact]
    public void Written_document_reads_back_into_the_same_model()
    {
        var built = HostCapabilitiesBuilder.Build(Cpu with { Topology = new HostCpuTopology(1, 2, 1) }, HandMadeHosts.KvmHost, [HandMadeHosts.X86_64]);
        var read = HostCapabilitiesParser.ParseText(HostCapabilitiesWriter.Write(built));

        Assert.Empty(read.Diagnostics);
        var guest = read.Value!.FindGuest(OsType.Hvm, "x86_64")!;
        Assert.Equal(built.Guests[0].Machines.AsEnumerable(), guest.Machines.AsEnumerable());
        Assert.Equal(built.Guests[0].Features.AsEnumerable(), guest.Features.AsEnumerable());
        Assert.Equal([DomainType.Qemu, DomainType.Kvm], guest.Domains.Select(d => d.Type));
        Assert.Equal(built.Cpu!.Features.AsEnumerable(), read.Value.Cpu!.Features.AsEnumerable());
        Assert.Equal(built.Cpu.Topology, read.Value.Cpu.Topology);
    }

    [Fact]
    public void Libvirts_recorded_document_reads_without_warnings()
    {
        var read = HostCapabilitiesParser.ParseText(ReferenceDocuments.Read(ReferenceDocuments.HostCapabilities));
        Assert.Empty(read.Diagnostics);
        Assert.Contains(read.Value!.FindGuest(OsType.Hvm, "x86_64")!.Machines, m => m.Deprecated);
    }

    [QemuBinaryFact]
    public void Live_x86_64_guest_equals_libvirts_guest_entry()
    {
        var ours = Document(HostFactsReader.Read() with { KvmUsable = false }, qemu.Result).Element("guest")!;
        var theirs = XDocument.Parse(ReferenceDocuments.Read(ReferenceDocuments.HostCapabilities)).Root!.Elements("guest")
            .Single(g => g.Element("arch")!.Attribute("name")!.Value == "x86_64");

        Assert.Equal(Lines(theirs), Lines(ours));
    }

    private static string[] Lines(XElement element) => element.ToString().Split('\n').Select(l => l.Trim()).ToArray();
}
