using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Xen.Tests.Hostile;

/// <summary>
/// Issue 11: control characters are refused wherever a value reaches a path. XML can carry a tab,
/// a newline and the C1 controls (U+0080 to U+009F) in an attribute; the S-expression writer could
/// quote them, but the value would reach xend, a device path or a terminal as written, so the
/// build refuses it, naming the lists the value sits in.
/// </summary>
public sealed class SexprForbiddenCharacterTests
{
    private static XenSexprResult Build(string diskSource) => XenSexprBuilder.Build(DomainParser.ParseText($"""
        <domain type='xen'>
          <name>g</name>
          <memory>262144</memory>
          <os><type>linux</type><kernel>/boot/vmlinuz</kernel></os>
          <devices>
            <disk type='file' device='disk'><source file='{diskSource}'/><target dev='xvda'/></disk>
          </devices>
        </domain>
        """).Domain!, XenTarget.For(XendConfigVersion.Xen3_0_4));

    [Theory]
    [InlineData("/srv/a&#10;b.img", "U+000A")]
    [InlineData("/srv/a&#9;b.img", "U+0009")]
    [InlineData("/srv/a\u0085b.img", "U+0085")]
    [InlineData("/srv/a\u009bb.img", "U+009B")]
    public void A_disk_path_with_a_control_character_is_refused_naming_the_character_and_the_value(string path, string character)
    {
        var built = Build(path);
        Assert.Null(built.Text);
        var error = Assert.Single(built.Diagnostics, d => d.IsError);
        Assert.Equal("DL5042", error.Code.Id);
        Assert.Contains(character, error.Message);
        Assert.Contains("(vm (device (vbd (uname ...)", error.Message);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void The_same_disk_with_a_plain_path_is_written()
    {
        var built = Build("/srv/a b&apos;c.img");
        Assert.NotNull(built.Text);
        Assert.Contains(@"'file:/srv/a b\'c.img'", built.Text);
    }
}
