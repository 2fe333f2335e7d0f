using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.HostRuntime.Tests.Hostile;

/// <summary>
/// Issue 11, "a property test over every writer": the capabilities documents and the check report
/// carry values from an emulator's answers and from the domain (paths, machine and model names,
/// device ids). Seeded random strings of quotes, separators, brackets, controls and non-characters
/// go in; a reader of the syntax gives exactly the same values back, or the writer refused, and then
/// only because a value holds a character the syntax cannot carry.
/// </summary>
public sealed class OutputRoundTripPropertyTests
{
    private const int Rounds = 3000;

    // Mostly characters that break quoting; now and then one that XML cannot carry (a C0 control, a
    // non-character), so that both outcomes are exercised.
    private static string Hostile(Random random, bool surrogates = true)
    {
        const string quoting = ",:'\"\\=<>&; \n\t\r\u0085é中\u00a0\u2028ab/()[]]]>$`";
        const string unwritable = "\u0001\u001b\u007f\uFFFE\uFFFF";
        var text = new StringBuilder();
        for (var i = random.Next(0, 20); i > 0; i--)
            text.Append(random.Next(60) == 0 ? unwritable[random.Next(unwritable.Length)] : quoting[random.Next(quoting.Length)]);
        if (random.Next(10) == 0) text.Append(surrogates && random.Next(2) == 0 ? "\uD800" : "😀");
        return text.ToString();
    }

    private static bool Writable(params string[] values) => values.All(v => XmlCharacters.FirstUnrepresentable(v) < 0);

    [Fact]
    public void Domain_capabilities_values_read_back_exactly_or_are_refused_for_a_character_xml_cannot_carry()
    {
        var random = new Random(11_20);
        var written = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var (path, machine, arch, firmware) = (Hostile(random), Hostile(random), Hostile(random), Hostile(random));
            var capabilities = new DomainCapabilities
            {
                Path = path, Domain = DomainType.Kvm, Machine = machine, Arch = arch,
                Loader = new LoaderCapabilities { Values = [firmware] },
                Disk = new DiskCapabilities(), Hostdev = new HostdevCapabilities(),
            };
            var (text, refusal) = DomainCapabilitiesWriter.TryWrite(capabilities, SourceLocation.OfFile("/usr/bin/qemu"));
            if (text is null)
            {
                Assert.False(Writable(path, machine, arch, firmware), $"refused a writable document: {refusal}");
                Assert.Equal("DL6108", refusal!.Code.Id);
                continue;
            }
            written++;
            var root = XDocument.Parse(text, LoadOptions.PreserveWhitespace).Root!;
            Assert.Equal(path, root.Element("path")!.Value);
            Assert.Equal(machine, root.Element("machine")!.Value);
            Assert.Equal(arch, root.Element("arch")!.Value);
            Assert.Equal(firmware, root.Element("os")!.Element("loader")!.Element("value")!.Value);
        }
        Assert.True(written > Rounds / 10, $"only {written} documents were writable; the property was hardly exercised");
    }

    [Fact]
    public void Host_capabilities_values_read_back_exactly_or_are_refused_for_a_character_xml_cannot_carry()
    {
        var random = new Random(11_21);
        var written = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var (emulator, machine, canonical) = (Hostile(random), Hostile(random), Hostile(random));
            var capabilities = new HostCapabilities
            {
                Guests =
                [
                    new GuestCapability
                    {
                        OsType = OsType.Hvm, Arch = "x86_64", Emulator = emulator,
                        Machines = [new GuestMachine(machine) { Canonical = canonical }],
                    },
                ],
            };
            var (text, refusal) = HostCapabilitiesWriter.TryWrite(capabilities, SourceLocation.OfFile("/usr/bin/qemu"));
            if (text is null)
            {
                Assert.False(Writable(emulator, machine, canonical), $"refused a writable document: {refusal}");
                continue;
            }
            written++;
            var arch = XDocument.Parse(text, LoadOptions.PreserveWhitespace).Root!.Element("guest")!.Element("arch")!;
            Assert.Equal(emulator, arch.Element("emulator")!.Value);
            var machineElement = arch.Element("machine")!;
            Assert.Equal(machine, machineElement.Value);
            Assert.Equal(canonical, machineElement.Attribute("canonical")?.Value);
        }
        Assert.True(written > Rounds / 10, $"only {written} documents were writable");
    }

    [Fact]
    public void The_check_report_json_reads_back_exactly()
    {
        var random = new Random(11_22);
        for (var i = 0; i < Rounds; i++)
        {
            // No lone surrogates: what the report holds comes from XML and from UTF-8-checked QMP
            // answers, neither of which can carry one.
            var (domain, emulator, device, detail) = (Hostile(random, false), Hostile(random, false), Hostile(random, false), Hostile(random, false));
            var report = new CheckReportJson(domain, emulator, [Hostile(random, false)], false, 0, 1,
                [new CheckRowJson("disk", device, "present", false, detail)], null);
            var json = JsonSerializer.Serialize(report, CheckJsonContext.Readable.CheckReportJson);
            using var read = JsonDocument.Parse(json);
            var root = read.RootElement;
            Assert.Equal(domain, root.GetProperty("domain").GetString());
            Assert.Equal(emulator, root.GetProperty("emulator").GetString());
            var row = root.GetProperty("devices")[0];
            Assert.Equal(device, row.GetProperty("device").GetString());
            Assert.Equal(detail, row.GetProperty("detail").GetString());
        }
    }

}
