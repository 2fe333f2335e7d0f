using System.Security.Cryptography;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// A <c>&lt;transient/&gt;</c> disk launched for real: the guest writes to an overlay in the run directory, the image
/// itself is never written, and the overlay goes when the guest does.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TransientDiskTests : GuestTestBase
{
    [QemuBinaryFact]
    public async Task The_guests_writes_go_to_an_overlay_in_the_run_directory_and_leave_the_image_as_it_was()
    {
        var image = Path.Combine(StateBase.FullName, "base.qcow2");
        await ExampleGuests.CreateImageAsync(image, "qcow2");
        var before = SHA256.HashData(await File.ReadAllBytesAsync(image));
        var parsed = DomainParser.ParseText($"""
            <domain type='qemu'><name>transient-guest</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>{QemuBinaryFactAttribute.Path}</emulator>
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{image}'/><target dev='vda' bus='virtio'/><transient/></disk>
                <memballoon model='none'/>
              </devices></domain>
            """);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));

        var launch = await GuestLauncher.LaunchAsync(await Request(parsed.Domain!) with { Paused = true }, CancellationToken.None);
        Assert.True(launch.Succeeded, string.Join("\n", launch.Diagnostics));
        var guest = launch.Guest!;
        try
        {
            var overlay = Assert.Single(Directory.GetFiles(Path.Combine(guest.RunDirectory, "transient")));
            Assert.Empty(await AllocatedAsync(overlay));
            // The guest's disk takes a write (QEMU's own qemu-io on the device's block backend): it lands in the overlay.
            var written = await GuestControl.MonitorCommandAsync(RunBase.FullName, guest.Name,
                "qemu-io -d virtio-disk0/virtio-backend \"write -P 0xab 0 64k\"", human: true, Timeout);
            Assert.Empty(written.Diagnostics);
            // The overlay's qcow2 tables reach the file when QEMU flushes them.
            Assert.Empty((await GuestControl.MonitorCommandAsync(RunBase.FullName, guest.Name, "qemu-io -d virtio-disk0/virtio-backend flush", human: true, Timeout)).Diagnostics);
            Assert.Contains("\"start\": 0", await AllocatedAsync(overlay), StringComparison.Ordinal);

            Assert.Equal("destroyed", (await Control(GuestControl.DestroyAsync(RunBase.FullName, guest.Name, Timeout))).State);
            Assert.False(File.Exists(overlay), "the overlay outlived the guest");
            Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(image)));
        }
        finally
        {
            await EmulatorLiveness.KillAsync(guest.Pid, Timeout);
        }
    }

    /// <summary>The data extents an image holds itself (qemu-img map, sharing the running QEMU's lock), as JSON lines.</summary>
    private static async Task<string> AllocatedAsync(string image)
    {
        var map = await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(
            CliWrap.Cli.Wrap("qemu-img").WithArguments(["map", "-U", "--output=json", image]));
        return string.Join("\n", map.StandardOutput.Split('\n').Where(l => l.Contains("\"depth\": 0", StringComparison.Ordinal) && l.Contains("\"data\": true", StringComparison.Ordinal)));
    }
}
