using System.Text.Json;
using DomainLauncher.HostRuntime.Check;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>check --json writes text as it is: JSON's own escapes only, no HTML escapes such as <c>-\u003E</c>.</summary>
public sealed class CheckJsonTests
{
    [Fact]
    public void Arrows_and_angle_brackets_are_written_as_they_are_and_read_back()
    {
        var report = new DeviceCheckReport
        {
            Domain = "web<1>",
            Emulator = "/usr/bin/qemu-system-x86_64",
            Substitutions = ["disk vda: /var/lib/a.qcow2 -> /tmp/f0.qcow2 & 'quoted'"],
        };

        var json = report.ToJson();

        Assert.Contains("web<1>", json);
        Assert.Contains("-> /tmp/f0.qcow2 & 'quoted'", json);
        Assert.DoesNotContain("\\u003", json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("web<1>", document.RootElement.GetProperty("domain").GetString());
    }
}
