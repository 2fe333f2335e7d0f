using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.XmConfig;

public sealed class DomainDumpTests
{
    private const string Xml = """
        <domain type='xen'>
          <name>g</name>
          <memory>1024</memory>
          <os><type>hvm</type></os>
          <devices>
            <disk type='file' device='disk'><source file='/a'/><target dev='hda'/></disk>
            <serial type='tcp'><source mode='bind' host='h' service='1'/><target port='0'/></serial>
          </devices>
        </domain>
        """;

    private static Domain Parse(string xml) => DomainParser.ParseText(xml).Domain!;

    [Fact]
    public void Two_parses_of_one_document_are_equal_although_their_arrays_are_different_objects()
    {
        Assert.Null(DomainDump.Difference(Parse(Xml), Parse(Xml)));
    }

    [Fact]
    public void Documents_differing_in_a_nested_value_are_reported_with_the_path_of_the_value()
    {
        var difference = DomainDump.Difference(Parse(Xml), Parse(Xml.Replace("service='1'", "service='2'")));
        Assert.NotNull(difference);
        Assert.Contains("domain.Devices.Serials[0].Source.Service", difference);
    }

    [Fact]
    public void Source_locations_do_not_count()
    {
        Assert.Null(DomainDump.Difference(Parse(Xml), Parse("\n\n" + Xml)));
    }

    [Fact]
    public void A_record_subclass_counts()
    {
        var difference = DomainDump.Difference(Parse(Xml), Parse(Xml.Replace("type='file' device='disk'><source file='/a'/>", "type='block' device='disk'><source dev='/a'/>")));
        Assert.NotNull(difference);
        Assert.Contains("BlockDiskSource", difference);
    }
}
