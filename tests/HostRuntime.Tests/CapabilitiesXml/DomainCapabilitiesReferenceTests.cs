using System.Xml.Linq;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.CapabilitiesXml;

/// <summary>
/// Our domain capabilities document against libvirt 9.0's for the same emulator, field for field on
/// everything the spec names: from hand-made probe results (no QEMU needed) and from a live probe.
/// </summary>
public sealed class DomainCapabilitiesReferenceTests(ProbedQemuFixture qemu) : IClassFixture<ProbedQemuFixture>
{
    public static TheoryData<string, string?, string?> Cases => new()
    {
        { ReferenceDocuments.DefaultMachine, null, null },
        { ReferenceDocuments.Q35, "q35", null },
        { ReferenceDocuments.ArchX86_64, null, "x86_64" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hand_made_QEMU_7_2_facts_give_libvirts_fields(string reference, string? machine, string? arch)
    {
        var ours = Write(HandMadeHosts.X86_64, HandMadeHosts.TcgOnlyHost, machine, arch);

        var expected = DomainCapabilitiesFields.Read(ReferenceDocuments.Read(reference));
        Assert.Contains("path = /usr/bin/qemu-system-x86_64", expected);
        Assert.Contains("devices/hostdev/enum[subsysType] = scsi", expected);
        Assert.Equal(expected, DomainCapabilitiesFields.Read(ours));
    }

    [LiveReferenceFact]
    public void Live_probe_gives_libvirts_fields_for_the_default_machine() => AssertLiveMatches(ReferenceDocuments.DefaultMachine, null, null);

    [LiveReferenceFact]
    public void Live_probe_gives_libvirts_fields_for_q35() => AssertLiveMatches(ReferenceDocuments.Q35, "q35", null);

    [LiveReferenceFact]
    public void Live_probe_gives_libvirts_fields_for_arch_x86_64() => AssertLiveMatches(ReferenceDocuments.ArchX86_64, null, "x86_64");

    [QemuBinaryFact]
    public void Live_document_is_laid_out_as_libvirt_prints_it_for_the_spec_elements()
    {
        var ours = Write(qemu.Result, HostFactsReader.Read() with { KvmUsable = false }, null, null);

        // libvirt's own document has more elements; ours must be its spec elements, in its order and indentation.
        var reference = ReferenceDocuments.Read(ReferenceDocuments.DefaultMachine).Split('\n');
        var lines = ours.TrimEnd('\n').Split('\n');
        var at = 0;
        foreach (var line in lines)
        {
            if (line.Contains("<value>/usr/share/", StringComparison.Ordinal)) continue; // firmware present on this host
            var found = Array.IndexOf(reference, line, at);
            Assert.True(found >= 0, $"line '{line}' is not in libvirt's document (after line {at + 1})");
            at = found + 1;
        }
    }

    private void AssertLiveMatches(string reference, string? machine, string? arch)
    {
        Assert.Equal("7.2", $"{qemu.Result.Version.Major}.{qemu.Result.Version.Minor}");
        // The reference was recorded under TCG: compare as type qemu whatever this host's /dev/kvm says.
        var ours = Write(qemu.Result, HostFactsReader.Read(), machine, arch);

        Assert.Equal(DomainCapabilitiesFields.Read(ReferenceDocuments.Read(reference)), DomainCapabilitiesFields.Read(ours));
    }

    private static string Write(ProbeResult probe, HostFacts host, string? machine, string? arch)
    {
        var built = DomainCapabilitiesBuilder.Build(probe, host,
            new DomainCapabilitiesRequest { Machine = machine, Arch = arch, VirtType = DomainType.Qemu });
        Assert.False(built.HasErrors, string.Join("; ", built.Diagnostics.Select(d => d.Format())));
        return DomainCapabilitiesWriter.Write(built.Value!);
    }
}

/// <summary>
/// A fact that compares a live probe with the libvirt recording: it needs the QEMU binary and the
/// firmware images the recording lists (it is skipped, saying which is missing, on a host without them).
/// </summary>
public sealed class LiveReferenceFactAttribute : FactAttribute
{
    public LiveReferenceFactAttribute()
    {
        if (!File.Exists(QemuBinaryFactAttribute.Path))
        {
            Skip = $"{QemuBinaryFactAttribute.Path} is not installed; these tests probe a real QEMU";
            return;
        }
        var missing = new[] { ReferenceDocuments.DefaultMachine, ReferenceDocuments.Q35 }
            .SelectMany(name => XDocument.Parse(ReferenceDocuments.Read(name)).Descendants("loader").Elements("value"))
            .Select(v => v.Value)
            .FirstOrDefault(path => !File.Exists(path));
        if (missing is not null) Skip = $"{missing}, listed by the libvirt recording, is not installed here (package ovmf)";
    }
}
