using System.Text;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Translator.Tests.Writing;

/// <summary>
/// Issue 11 (item 11 and the writers' property test), for the domain XML writer: random strings,
/// seeded, rich in what breaks out of some syntax (<c>, : ' " \ ( ) [ ] = &lt; &gt; &amp;</c>, spaces,
/// newlines, carriage returns, controls, non-characters, lone surrogates, supplementary characters),
/// put in a name, a description and a disk path, are written and read back: the value read is exactly
/// the value written, or the writer refused it (DL1090) or the loader refused the document with an
/// error (a name libvirt's rules forbid, say). Never a different value, never an exception. One
/// reading rule is the loader's, not the writer's: a name is read with white space at its ends
/// trimmed (DomainParser), so a name is compared trimmed.
/// </summary>
public sealed class XmlWriterRoundTripPropertyTests
{
    private const int Cases = 3000;

    private const string Document =
        "<domain type='qemu'><name>guest</name><memory>65536</memory><vcpu>1</vcpu>"
        + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><emulator>/usr/bin/qemu-system-x86_64</emulator>"
        + "<disk type='file' device='disk'><source file='/var/lib/images/a.img'/><target dev='hda' bus='ide'/></disk>"
        + "</devices></domain>";

    private static readonly string[] Pieces =
    [
        ",", ",,", ":", "\\:", "'", "\"", "\\", "(", ")", "[", "]", "=", " ", "  ", "\n", "\r", "\r\n", "\t", "<", ">", "&",
        "&amp;", "]]>", "<!--", "\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u2028", "\uFEFF", "\uFFFE", "\uFFFF",
        "\uD800", "\uDFFF", "\U0001F600", "é", "/", "..", "a", "b", "disk", "x y",
    ];

    private static string RandomValue(Random random)
    {
        var text = new StringBuilder();
        var count = 1 + random.Next(8);
        for (var i = 0; i < count; i++)
            text.Append(random.Next(4) == 0 ? ((char)random.Next(0x10000)).ToString() : Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }

    private enum Field { Name, Description, DiskFile }

    [Fact]
    public void Random_values_read_back_exactly_or_are_refused()
    {
        var random = new Random(11);
        var baseDomain = DomainLoader.LoadText(Document, "base.xml").Domain!;
        var exact = 0;
        var failures = new List<string>();
        for (var n = 0; n < Cases; n++)
        {
            var field = (Field)(n % 3);
            var value = RandomValue(random);
            var domain = field switch
            {
                Field.Name => baseDomain with { Name = value },
                Field.Description => baseDomain with { Description = value },
                _ => baseDomain with
                {
                    Devices = baseDomain.Devices with
                    {
                        Disks = [baseDomain.Devices.Disks[0] with { Source = new FileDiskSource { File = value } }],
                    },
                },
            };

            var written = DomainXmlWriter.TryWrite(domain, "random.xml");
            if (written.Text is null)
            {
                if (XmlCharacters.FirstUnrepresentable(value) < 0)
                    failures.Add($"{field} {Show(value)}: refused though XML can carry it");
                continue;
            }
            if (XmlCharacters.FirstUnrepresentable(value) >= 0)
            {
                failures.Add($"{field} {Show(value)}: written though XML cannot carry it");
                continue;
            }
            var reread = DomainLoader.LoadText(written.Text, "written.xml");
            if (reread.Domain is null)
            {
                if (!reread.Diagnostics.Any(d => d.IsError)) failures.Add($"{field} {Show(value)}: no domain and no error");
                continue;
            }
            var back = field switch
            {
                Field.Name => reread.Domain.Name,
                Field.Description => reread.Domain.Description,
                _ => (reread.Domain.Devices.Disks[0].Source as FileDiskSource)?.File,
            };
            var expected = field == Field.Name ? value.Trim() : value;
            if (back == expected) exact++;
            else failures.Add($"{field} {Show(value)} read back as {Show(back)}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} values changed:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(exact > Cases / 10, $"only {exact} of {Cases} values made the round trip: the property says little");
    }

    private static string Show(string? value) =>
        value is null ? "(null)" : "\"" + string.Concat(value.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:X4}")) + "\"";
}
