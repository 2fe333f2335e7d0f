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

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Children_opened_by_place_have_the_paths_of_their_names(int disks)
    {
        // Few children are indexed by a walk over their siblings, many through a table: both give the same paths.
        var xml = "<domain><devices><emulator/>" + string.Concat(Enumerable.Repeat("<disk/><input/>", disks)) + "<graphics/></devices></domain>";
        var devices = Root(xml).Child("devices")!;
        var count = devices.Element.Children.Length;
        var paths = Enumerable.Range(0, count).Select(i => devices.ChildAt(i).Location.Path).ToList();
        Assert.Equal("domain/devices/emulator", paths[0]);
        Assert.Equal("domain/devices/disk[1]", paths[1]);
        Assert.Equal("domain/devices/input[1]", paths[2]);
        Assert.Equal($"domain/devices/disk[{disks}]", paths[count - 3]);
        Assert.Equal($"domain/devices/input[{disks}]", paths[count - 2]);
        Assert.Equal("domain/devices/graphics", paths[count - 1]);
        Assert.Equal(paths, devices.AllChildren().Select(c => c.Path));
    }

    [Fact]
    public void Locations_as_keys_by_place_are_equal_as_locations_are()
    {
        var os = Root("<domain>\n<os><type>hvm</type><boot/></os></domain>").Child("os")!;
        var type = os.Child("type")!.Location;
        var places = new Dictionary<SourceLocation, int>(SourceLocationPlaces.Comparer) { [type] = 1 };
        Assert.Equal(1, places[new SourceLocation("t.xml", type.Line, type.Column, "domain/os/type")]);
        Assert.False(places.ContainsKey(type with { Path = "domain/os/boot" }));
        Assert.False(places.ContainsKey(os.Child("boot")!.Location));
        Assert.True(type.HasPath);
        Assert.False(default(SourceLocation).HasPath);
    }
}
