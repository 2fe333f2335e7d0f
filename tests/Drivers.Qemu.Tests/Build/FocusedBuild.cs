using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>Builds a small domain (devices, os extras and domain-level elements given inline) for the focused builder tests.</summary>
internal static class FocusedBuild
{
    public static readonly HostSettings Host = HostSettings.Default with
    {
        Monitor = new MonitorSettings { Path = "/run/mon" },
        Environment = new ProcessEnvironment { Set = [new("PATH", "/bin")] },
        Secrets = [new HostSecret(SecretUsageType.Ceph, "cluster_user", "AQCVn5hO6HzFAhAAq0NCv8jtJcIcE+HOBlMQ1A")],
    };

    public static QemuBuildResult Result(string devices, string os = "", string domain = "", params QemuCapability[] caps)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>1</vcpu>{domain}
              <os><type arch='i686' machine='pc'>hvm</type>{os}</os>
              <devices><emulator>/usr/bin/qemu</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu", Arch = "i686", Capabilities = QemuCapabilitySet.Of(caps) };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, Host);
    }

    public static IReadOnlyList<string> Words(string devices, string os = "", string domain = "", params QemuCapability[] caps)
    {
        var result = Result(devices, os, domain, caps);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    /// <summary>The value that follows the first occurrence of the option whose value starts with the prefix.</summary>
    public static string ValueOf(IReadOnlyList<string> words, string option, string prefix = "")
    {
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] == option && words[i + 1].StartsWith(prefix, StringComparison.Ordinal)) return words[i + 1];
        throw new Xunit.Sdk.XunitException($"no {option} {prefix}... in the words:\n  {string.Join("\n  ", words)}");
    }
}
