using System.Text;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Hostile;

/// <summary>
/// Issue 11, item 7: the 8 MiB document limit admitted over 100,000 devices, and every later stage
/// walks them. <c>&lt;devices&gt;</c> holds at most <see cref="DevicesParser.MaxDevices"/> elements;
/// one more is refused once, at that element, and the rest is neither read nor reported.
/// (Time is measured by bench/hostile-sizes.sh, not by a test.)
/// </summary>
public sealed class DeviceCountTests
{
    private static string Domain(int inputs)
    {
        var text = new StringBuilder("<domain type='kvm'><name>v</name><memory>65536</memory>\n<devices>\n");
        for (var i = 0; i < inputs; i++) text.Append("<input type='mouse' bus='ps2'/>\n");
        return text.Append("</devices></domain>").ToString();
    }

    [Fact]
    public void The_largest_allowed_number_of_devices_is_read()
    {
        var loaded = DomainLoader.LoadText(Domain(DevicesParser.MaxDevices), "many.xml");
        Assert.True(loaded.Domain is not null, string.Join("\n", loaded.Diagnostics.Take(3).Select(d => d.Format())));
        Assert.Equal(DevicesParser.MaxDevices, loaded.Domain!.Devices.Inputs.Length);
    }

    [Fact]
    public void One_device_more_is_refused_once_at_that_device()
    {
        var loaded = DomainLoader.LoadText(Domain(DevicesParser.MaxDevices + 5), "many.xml");
        Assert.Null(loaded.Domain);
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal(DiagnosticCatalog.TooManyDevices, error.Code);
        // The document's first device is on line 3.
        Assert.Equal(3 + DevicesParser.MaxDevices, error.Location.Line);
    }

    [Fact]
    public void A_hundred_thousand_devices_within_the_size_limit_give_one_diagnostic()
    {
        var loaded = DomainLoader.LoadText(Domain(100_000), "many.xml");
        Assert.Equal(DiagnosticCatalog.TooManyDevices, Assert.Single(loaded.Diagnostics).Code);
    }
}
