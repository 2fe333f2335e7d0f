using System.Globalization;
using System.Text.Json;
using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Tests;

/// <summary>The q35 guest with UEFI Secure Boot and a TPM 2.0 through the commands: status --json lists its swtpm, destroy stops it.</summary>
public sealed class HelperLifecycleCommandTests : IDisposable
{
    private readonly LifecycleSupport _support = new();

    public void Dispose() => _support.Dispose();

    [SwtpmInstalledFact]
    public async Task Status_json_lists_the_swtpm_of_a_TPM_guest_and_destroy_leaves_none()
    {
        var launch = await _support.LaunchAsync(await _support.ExampleAsync("q35-secure-boot-tpm"));
        Assert.True(launch.ExitCode == 0, launch.Stderr);
        const string Name = "example-q35-secure-boot-tpm";

        var status = _support.Run("status", "--json", Name);
        Assert.True(status.ExitCode == 0, status.ToString());
        int swtpm;
        using (var json = JsonDocument.Parse(status.Stdout))
        {
            var helper = Assert.Single(json.RootElement.GetProperty("helpers").EnumerateArray());
            Assert.Equal("swtpm", helper.GetProperty("kind").GetString());
            Assert.Equal("tpm0", helper.GetProperty("alias").GetString());
            swtpm = helper.GetProperty("pid").GetInt32();
        }
        Assert.True(EmulatorLiveness.IsAlive(swtpm));
        var arguments = File.ReadAllText($"/proc/{swtpm.ToString(CultureInfo.InvariantCulture)}/cmdline").Split('\0');
        Assert.Contains(arguments, a => a.Contains(Path.Combine(_support.StateBase, Name, "tpm"), StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_support.StateBase, "nvram", Name + "_VARS.fd")));

        var destroy = _support.Run("destroy", Name);
        Assert.True(destroy.ExitCode == 0, destroy.ToString());
        Assert.False(EmulatorLiveness.IsAlive(swtpm), "swtpm outlived its guest");
        Assert.False(Directory.Exists(Path.Combine(_support.RunBase, Name)));
    }
}

/// <summary>A fact that launches a guest with a TPM emulator, skipped (saying why) without QEMU, qemu-img or swtpm.</summary>
public sealed class SwtpmInstalledFactAttribute : FactAttribute
{
    public SwtpmInstalledFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(QemuInstalledFactAttribute.Qemu) || !File.Exists("/usr/bin/qemu-img"))
            Skip = $"needs Linux with {QemuInstalledFactAttribute.Qemu} and qemu-img; these tests start a real QEMU";
        else if (HelperPrograms.OfThisHost().SwtpmUnavailable is { } why)
            Skip = why + "; these tests start a real swtpm";
    }
}
