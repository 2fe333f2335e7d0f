using System.Globalization;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// Creates what <see cref="HostSubstitution"/> asked for: empty folders, and images with
/// <c>qemu-img create</c> (started directly through CliWrap with an argument list, bounded by a timeout,
/// killed on timeout or cancellation). Failures are diagnostics naming the image and qemu-img's words.
/// </summary>
public static class ScratchFiles
{
    public static async Task<IReadOnlyList<Diagnostic>> CreateAsync(
        HostSubstitutionResult substitution, string qemuImgPath, TimeSpan timeout, CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var folder in substitution.Folders) Directory.CreateDirectory(folder);
        foreach (var image in substitution.Images)
        {
            var where = SourceLocation.OfFile(image.Path);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(timeout);
            try
            {
                var result = await Cli.Wrap(qemuImgPath)
                    .WithArguments(["create", "-q", "-f", image.Format, image.Path, image.SizeBytes.ToString(CultureInfo.InvariantCulture)])
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, CancellationToken.None, deadline.Token)
                    .ConfigureAwait(false);
                if (result.ExitCode != 0)
                    diagnostics.Error(CheckDiagnostics.ScratchImageFailed, where,
                        $"qemu-img could not create the {image.Format} scratch image '{image.Path}' (exit code {result.ExitCode}): {(result.StandardError + result.StandardOutput).Trim()}");
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                diagnostics.Error(CheckDiagnostics.ScratchImageFailed, where,
                    $"qemu-img did not create '{image.Path}' within {timeout.TotalSeconds:0.#} s");
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                diagnostics.Error(CheckDiagnostics.ScratchImageFailed, where, $"'{qemuImgPath}' could not be started: {e.Message}");
            }
        }
        return diagnostics.ToList();
    }
}
