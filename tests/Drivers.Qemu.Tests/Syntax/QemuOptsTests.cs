using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Tests.Syntax;

public sealed class QemuOptsTests
{
    [Fact]
    public void Items_are_joined_with_commas_after_the_leading_value()
    {
        var opts = new QemuOpts("virtio-blk-pci").Add("bus", "pci.0").AddHex("addr", 4).Add("drive", "drive-virtio-disk0");
        Assert.Equal("virtio-blk-pci,bus=pci.0,addr=0x4,drive=drive-virtio-disk0", opts.ToString());
    }

    [Fact]
    public void Null_values_are_left_out()
    {
        var opts = new QemuOpts().Add("a", (string?)null).Add("b", "1").Add("c", (long?)null).AddOnOff("d", null).Bare(null);
        Assert.Equal("b=1", opts.ToString());
    }

    [Fact]
    public void Empty_builder_gives_empty_text()
    {
        Assert.True(new QemuOpts().IsEmpty);
        Assert.Equal("", new QemuOpts().ToString());
    }

    [Fact]
    public void Comma_in_a_value_is_doubled()
    {
        Assert.Equal("file=/images/a,,b.img,if=none", new QemuOpts().Add("file", "/images/a,b.img").Add("if", "none").ToString());
        Assert.Equal("file=,,,,", new QemuOpts().Add("file", ",,").ToString());
    }

    [Fact]
    public void Items_added_after_the_text_was_made_go_on_from_it()
    {
        var opts = new QemuOpts("socket").Add("id", "a,b");
        Assert.Equal("socket,id=a,,b", opts.ToString());
        Assert.Equal("socket,id=a,,b", opts.ToString());
        opts.Add("path", "/tmp/m");
        Assert.Equal("socket,id=a,,b,path=/tmp/m", opts.ToString());
    }

    [Fact]
    public void Options_built_side_by_side_keep_their_own_text()
    {
        var netdev = new QemuOpts("tap").Add("id", "hostnet0");
        var device = new QemuOpts("virtio-net-pci").Add("netdev", "hostnet0");
        netdev.Add("vhost", "on");
        Assert.Equal("virtio-net-pci,netdev=hostnet0", device.ToString());
        Assert.Equal("tap,id=hostnet0,vhost=on", netdev.ToString());
    }

    [Fact]
    public void A_long_option_is_written_whole()
    {
        var value = new string('x', 300) + "," + new string('y', 300);
        var opts = new QemuOpts("drive").Add("file", value).Add("if", "none");
        Assert.Equal("drive,file=" + value.Replace(",", ",,") + ",if=none", opts.ToString());
    }

    [Fact]
    public void Comma_in_a_bare_value_is_doubled()
    {
        Assert.Equal("a,,b,x=1", new QemuOpts("a,b").Add("x", "1").ToString());
    }

    [Theory]
    [InlineData("a=b", "k=a=b")]
    [InlineData("with space", "k=with space")]
    [InlineData("it's \"quoted\"", "k=it's \"quoted\"")]
    [InlineData("line\nbreak", "k=line\nbreak")]
    [InlineData("-leading-dash", "k=-leading-dash")]
    [InlineData("", "k=")]
    [InlineData("back\\slash", "k=back\\slash")]
    public void Other_characters_pass_through_unchanged_for_the_shell_writer_to_quote(string value, string expected)
    {
        Assert.Equal(expected, new QemuOpts().Add("k", value).ToString());
    }

    [Fact]
    public void Flags_are_bare_and_conditional()
    {
        var opts = new QemuOpts("socket").Add("id", "charmonitor").Add("path", "/tmp/m").Flag("server").Flag("nowait").Flag("never", when: false);
        Assert.Equal("socket,id=charmonitor,path=/tmp/m,server,nowait", opts.ToString());
    }

    [Fact]
    public void Numbers_booleans_and_hex_use_fixed_spellings()
    {
        var opts = new QemuOpts().Add("n", -5L).Add("u", 18446744073709551615UL).AddHex("h", 255)
            .AddOnOff("on", true).AddOnOff("off", false).AddYesNo("yes", true).AddYesNo("no", false);
        Assert.Equal("n=-5,u=18446744073709551615,h=0xff,on=on,off=off,yes=yes,no=no", opts.ToString());
    }

    [Fact]
    public void Numbers_at_their_limits_are_written_whole()
    {
        var opts = new QemuOpts().Add("min", long.MinValue).Add("max", long.MaxValue).AddHex("hex", ulong.MaxValue)
            .AddHex("zero", 0).Add("none", (long?)null).Add("also-none", (ulong?)null).AddHex("no-hex", null);
        Assert.Equal("min=-9223372036854775808,max=9223372036854775807,hex=0xffffffffffffffff,zero=0x0", opts.ToString());
    }

    [Fact]
    public void A_value_given_as_characters_is_escaped_like_a_string()
    {
        var opts = new QemuOpts("d").Add("a", "x,y".AsSpan()).Add("b", ReadOnlySpan<char>.Empty);
        Assert.Equal("d,a=x,,y,b=", opts.ToString());
        Assert.Throws<ArgumentException>(() => new QemuOpts().Add("a=b", "v".AsSpan()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,b")]
    [InlineData("a=b")]
    public void Invalid_key_is_a_bug_and_throws(string key)
    {
        Assert.Throws<ArgumentException>(() => new QemuOpts().Add(key, "v"));
        Assert.Throws<ArgumentException>(() => new QemuOpts().Flag(key));
    }

    [Fact]
    public void Invalid_key_throws_even_when_the_value_is_null()
    {
        Assert.Throws<ArgumentException>(() => new QemuOpts().Add("a,b", (string?)null));
    }
}
