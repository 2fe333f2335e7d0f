using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Tests.Build;

namespace DomainLauncher.Drivers.Qemu.Tests.Hostile;

/// <summary>
/// Issue 11, item 5: without <c>-chardev</c> a port is one legacy <c>-serial</c>/<c>-parallel</c> word. A
/// unix path <c>s1,logfile=/some/path</c> has its commas doubled, so QEMU's option parser reads it back as
/// the path, not as a <c>logfile</c> option; tcp and udp hosts and services, which that word cannot escape,
/// must be host names and ports, or the port is refused at its element.
/// </summary>
public sealed class LegacyCharDeviceTests
{
    [Fact]
    public void A_unix_path_with_an_option_in_it_stays_the_path()
    {
        var words = FocusedBuild.Words("<serial type='unix'><source mode='bind' path='s1,logfile=/some/path'/><target port='0'/></serial>");

        var word = FocusedBuild.ValueOf(words, "-serial", "unix:");
        Assert.Equal("unix:s1,,logfile=/some/path,server,nowait", word);
        var options = HostileReaders.QemuOptions(word["unix:".Length..], impliedKey: "path");
        Assert.Equal([("path", "s1,logfile=/some/path"), ("server", null), ("nowait", null)], options);
    }

    [Fact]
    public void A_file_path_with_commas_is_taken_whole()
    {
        var words = FocusedBuild.Words("<parallel type='file'><source path='/tmp/p,logfile=/x'/><target port='0'/></parallel>");

        ArgvAssert.Contains(words, "-parallel", "file:/tmp/p,logfile=/x");
    }

    [Theory]
    [InlineData("<serial type='unix'><source mode='connect' path='logfile=/some/path'/><target port='0'/></serial>")]
    [InlineData("<serial type='tcp'><source mode='connect' host='h,logfile=/some/path' service='4555'/><target port='0'/></serial>")]
    [InlineData("<serial type='tcp'><source mode='connect' host='h' service='4555,logfile=/some/path'/><target port='0'/></serial>")]
    [InlineData("<serial type='tcp'><source mode='bind' host='::1' service='4555'/><target port='0'/></serial>")]
    [InlineData("<serial type='udp'><source mode='connect' host='h@x' service='4555'/><target port='0'/></serial>")]
    [InlineData("<serial type='udp'><source mode='bind' host='0.0.0.0' service='4556,logfile=/x'/><source mode='connect' host='h' service='4555'/><target port='0'/></serial>")]
    [InlineData("<parallel type='dev'><source path='file:/tmp/x'/><target port='0'/></parallel>")]
    [InlineData("<serial type='file'><source path='/tmp/a&#x9;b'/><target port='0'/></serial>")]
    public void A_source_the_legacy_word_cannot_carry_is_refused_at_its_device(string device)
    {
        var result = FocusedBuild.Result(device);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("DL4103", error.Code.Id);
        Assert.Equal(3, error.Location.Line);
        Assert.True(error.Location.Column > 0);
        Assert.DoesNotContain('\t', error.Message);
    }

    [Fact]
    public void With_chardev_the_same_sources_are_options_with_doubled_commas()
    {
        var words = FocusedBuild.Words("<serial type='tcp'><source mode='connect' host='h,logfile=/x' service='4555'/><target port='0'/></serial>",
            caps: [QemuCapability.Device, QemuCapability.Chardev]);

        var chardev = HostileReaders.QemuOptions(FocusedBuild.ValueOf(words, "-chardev", "socket,id=charserial0"));
        Assert.Contains(("host", "h,logfile=/x"), chardev);
        Assert.DoesNotContain(chardev, o => o.Name == "logfile");
    }
}
