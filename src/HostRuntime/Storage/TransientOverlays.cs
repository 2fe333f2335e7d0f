using System.Globalization;
using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Storage;

/// <summary>
/// Makes the overlays of a plan's transient disks before QEMU starts: an empty qcow2 image of the disk image's virtual
/// size (read with <c>qemu-img info -U</c>, which does not wait for another guest's lock on a shared image) at the
/// planned path. The overlay names no backing file of its own: the command line gives it the image's node as backing.
/// It lives in the run directory and goes with it, and with it the guest's writes.
/// </summary>
public static class TransientOverlays
{
    public static async Task<IReadOnlyList<Diagnostic>> CreateAsync(QemuPlan plan, string qemuImgPath, TimeSpan timeout, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var disk in plan.Disks)
        {
            if (disk.BlockGraph?.TransientOverlay is not { } overlay) continue;
            var where = disk.Disk.Location;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(timeout);
            try
            {
                var info = await Run(qemuImgPath, ["info", "-U", "--output=json", overlay.BaseImage], deadline.Token).ConfigureAwait(false);
                if (info.ExitCode != 0 || VirtualSize(info.StandardOutput) is not { } size)
                {
                    diagnostics.Error(RuntimeDiagnostics.TransientOverlayFailed, where,
                        $"disk {disk.Disk.Target.Dev} is <transient/>, and qemu-img could not read the size of its image '{overlay.BaseImage}': {Said(info)}");
                    continue;
                }
                Helpers.StateBases.CreatePrivate(Path.GetDirectoryName(overlay.Path)!);
                var created = await Run(qemuImgPath,
                    ["create", "-q", "-f", "qcow2", overlay.Path, size.ToString(CultureInfo.InvariantCulture)], deadline.Token).ConfigureAwait(false);
                if (created.ExitCode != 0)
                    diagnostics.Error(RuntimeDiagnostics.TransientOverlayFailed, where,
                        $"disk {disk.Disk.Target.Dev} is <transient/>, and qemu-img could not create its overlay '{overlay.Path}': {Said(created)}");
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                diagnostics.Error(RuntimeDiagnostics.TransientOverlayFailed, where, $"qemu-img did not make the overlay of disk {disk.Disk.Target.Dev} within {timeout.TotalSeconds:0.#} s");
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(RuntimeDiagnostics.TransientOverlayFailed, where, $"the overlay of disk {disk.Disk.Target.Dev} could not be made: {e.Message}");
            }
        }
        return diagnostics.ToList();
    }

    private static Task<BufferedCommandResult> Run(string qemuImgPath, IReadOnlyList<string> arguments, CancellationToken cancellation) =>
        Cli.Wrap(qemuImgPath).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, CancellationToken.None, cancellation);

    private static string Said(BufferedCommandResult result) => (result.StandardError + result.StandardOutput).Trim() is { Length: > 0 } text ? text : $"exit code {result.ExitCode}";

    /// <summary>The <c>virtual-size</c> of qemu-img's JSON description, or null.</summary>
    private static ulong? VirtualSize(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("virtual-size", out var size) && size.TryGetUInt64(out var bytes) ? bytes : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
