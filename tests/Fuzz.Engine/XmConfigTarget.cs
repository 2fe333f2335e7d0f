using System.Text;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Fuzz;

/// <summary>
/// The xm config reader (the text decoded as UTF-8, as from-native reads a file), then, for a
/// domain it accepts, the XML writer, which must write it or refuse it with a diagnostic.
/// </summary>
public sealed class XmConfigTarget(IReadOnlyList<byte[]> seeds) : FuzzTarget
{
    private static readonly XenTarget Target = XenTarget.For(XendConfigVersion.Xen3_1_0);

    public override string Name => "xm";

    public override IReadOnlyList<byte[]> Seeds { get; } = seeds;

    public override IReadOnlyList<(string Open, string Close)> NestingTokens { get; } =
        [("[", "]"), ("(", ")"), ("{", "}"), ("'", "'")];

    public override void Run(byte[] input)
    {
        var read = XmConfigReader.ReadText(Encoding.UTF8.GetString(input), "fuzz.cfg", Target, DefaultXenGuests.Guests);
        if (read.Domain is null) return;
        DomainXmlWriter.TryWrite(read.Domain, "fuzz.cfg");
    }
}
