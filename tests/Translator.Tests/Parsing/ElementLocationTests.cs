using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>An element reader's location, whose path is made when asked: the same text, equality and hash as a location given its path.</summary>
public sealed class ElementLocationTests
{
    private static ElementReader Root(string xml) =>
        new ParseContext("t.xml").Root(SafeXmlLoader.LoadText(xml, "t.xml").Root!);

    [Fact]
    public void A_child_location_names_its_path_indexed_among_same_named_siblings()
    {
        var devices = Root("<domain><devices><disk/><disk><target dev='b'/></disk><emulator/></devices></domain>").Child("devices")!;
        var target = devices.Children("disk").ElementAt(1).Child("target")!;
        var location = target.Location;
        Assert.Equal("domain/devices/disk[2]/target", location.Path);
        Assert.Equal(1, location.Line);
        Assert.Equal("t.xml", location.File);
        Assert.Equal("domain/devices/emulator", devices.Child("emulator")!.Location.Path);
    }

    [Fact]
    public void A_location_made_from_a_reader_equals_the_same_location_given_its_path()
    {
        var target = Root("<domain>\n<os><type>hvm</type></os></domain>").Child("os")!.Child("type")!;
        var given = new SourceLocation("t.xml", 2, 6, "domain/os/type");
        Assert.Equal(given, target.Location);
        Assert.Equal(given.GetHashCode(), target.Location.GetHashCode());
        Assert.NotEqual(given with { Path = "domain/os" }, target.Location);
        Assert.Equal("domain/os/type/@arch", target.Location.WithPath(target.Location.Path + "/@arch").Path);
    }

    [Fact]
    public void A_location_never_given_a_path_has_none()
    {
        Assert.Null(default(SourceLocation).Path);
        Assert.Equal("", SourceLocation.OfFile("f").Path);
    }
}
