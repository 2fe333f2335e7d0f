using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.Drivers.Qemu.Tests.Capabilities;

public sealed class ManifestCapabilityNamesTests
{
    [SharedCorpusFact]
    public void Every_capability_name_in_the_qemuxml2argv_manifest_is_known()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedCorpus.Suite("qemuxml2argv"), "manifest.json")));
        var host = manifest.RootElement.GetProperty("host");
        var names = new List<string>();
        foreach (var c in manifest.RootElement.GetProperty("cases").EnumerateArray())
            names.AddRange(c.GetProperty("caps").EnumerateArray().Select(e => e.GetString()!));
        names.AddRange(host.GetProperty("capsAlwaysSet").EnumerateArray().Select(e => e.GetString()!));
        foreach (var arch in host.GetProperty("capsSetForArch").EnumerateObject())
            names.AddRange(arch.Value.EnumerateArray().Select(e => e.GetString()!));
        names.Add(host.GetProperty("jsonMonitorWhenCap").GetString()!);
        names.Add(host.GetProperty("domainIdWhenCap").GetProperty("cap").GetString()!);
        names.Add(host.GetProperty("addressAssignmentWhenCap").GetString()!);

        var unknown = names.Distinct().Where(n => !QemuCapabilityNames.TryParse(n, out _)).ToList();
        Assert.True(unknown.Count == 0, "unknown: " + string.Join(", ", unknown));
        Assert.True(names.Distinct().Count() >= 80);
    }
}
