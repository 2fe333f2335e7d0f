using DomainLauncher.Translator.Writing;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Tests.Writing;

public sealed class XmlTextFormatterTests
{
    [Theory]
    [InlineData("a&b", "a&amp;b")]
    [InlineData("<tag>", "&lt;tag&gt;")]
    [InlineData("it's", "it&apos;s")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    [InlineData("/plain/path", "/plain/path")]
    public void The_five_xml_specials_become_entities(string raw, string escaped) =>
        Assert.Equal(escaped, XmlEscaping.Escape(raw));

    [Fact]
    public void Control_characters_are_dropped_but_tab_newline_and_return_are_kept() =>
        Assert.Equal("a\tb\nc\rd", XmlEscaping.Escape("a\u0001\tb\n\u001fc\rd\u0000"));

    [Fact]
    public void Attribute_values_are_single_quoted_and_escaped()
    {
        var text = XmlTextFormatter.Format(Element("source", Attr("dev", "/dev/vg/guest'\"&<>")));
        Assert.Equal("<source dev='/dev/vg/guest&apos;&quot;&amp;&lt;&gt;'/>\n", text);
    }

    [Fact]
    public void Children_are_indented_two_spaces_per_level_and_text_stays_on_its_line()
    {
        var tree = Element("domain",
            Attr("type", "xen"),
            TextElement("name", "a&b"),
            Element("devices", Element("disk", Element("readonly"))));
        Assert.Equal(
            "<domain type='xen'>\n" +
            "  <name>a&amp;b</name>\n" +
            "  <devices>\n" +
            "    <disk>\n" +
            "      <readonly/>\n" +
            "    </disk>\n" +
            "  </devices>\n" +
            "</domain>\n",
            XmlTextFormatter.Format(tree));
    }

    [Fact]
    public void Absent_parts_leave_no_trace()
    {
        var tree = Element("target", Attr("dev", "hda"), Attr("bus", (string?)null), Flag("readonly", false), TextElement("serial", (string?)null));
        Assert.Equal("<target dev='hda'/>\n", XmlTextFormatter.Format(tree));
    }

    [Fact]
    public void An_element_marked_always_open_is_written_with_both_tags_even_when_empty() =>
        Assert.Equal("<devices>\n</devices>\n", XmlTextFormatter.Format(Element("devices") with { AlwaysOpen = true }));

    [Fact]
    public void Hexadecimal_attributes_are_padded_to_the_given_width() =>
        Assert.Equal("<address domain='0x0000' bus='0x0c' function='0x2'/>\n",
            XmlTextFormatter.Format(Element("address", Hex("domain", 0u, 4), Hex("bus", 12u, 2), Hex("function", 2u, 1))));
}
