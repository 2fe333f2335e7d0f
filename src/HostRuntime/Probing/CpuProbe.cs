using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// Asks a running emulator what guest CPUs its accelerator offers: the CPU definitions with their
/// unavailable features, and the full expansion of <c>host</c> (KVM) or <c>max</c> (any other
/// accelerator). The main probe runs under QEMU's default accelerator; when that was not KVM and
/// this host's <c>/dev/kvm</c> works, a second emulator is started under <c>-accel kvm</c> for its view,
/// which depends on the host CPU. A KVM start that fails leaves KVM out: absence is an answer.
/// </summary>
internal static class CpuProbe
{
    public static async Task<ProbedAcceleratorCpus?> QueryAsync(QmpClient qmp, string accelerator, bool hasExpansion,
        TimeSpan timeout, CancellationToken deadline)
    {
        var context = QmpJsonContext.Default;
        var definitions = await qmp.QueryAsync("query-cpu-definitions", null, context.QmpCpuDefinitionArray, timeout, deadline).ConfigureAwait(false);
        var result = new ProbedAcceleratorCpus(accelerator)
        {
            Definitions = [.. definitions.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new ProbedCpuDefinition(d.Name)
            {
                AliasOf = d.AliasOf, Static = d.Static ?? false, MigrationSafe = d.MigrationSafe ?? false,
                Deprecated = d.Deprecated ?? false, UnavailableFeatures = [.. d.UnavailableFeatures ?? []],
            })],
        };
        if (!hasExpansion) return result;

        var model = accelerator == "kvm" ? "host" : "max";
        var argument = JsonSerializer.SerializeToElement(
            new QmpCpuModelExpansionArguments("full", new QmpCpuModelInfo(model, null)), context.QmpCpuModelExpansionArguments);
        var expansion = await qmp.QueryAsync("query-cpu-model-expansion", argument, context.QmpCpuModelExpansion, timeout, deadline).ConfigureAwait(false);
        var props = expansion.Model.Props ?? [];
        // Only switches are features; numbers and strings (family, vendor, hv-spinlocks) are settings.
        return result with
        {
            ExpandedModel = model,
            FeaturesOn = Sorted(props.Where(p => p.Value.ValueKind == JsonValueKind.True).Select(p => p.Key)),
            FeaturesOff = Sorted(props.Where(p => p.Value.ValueKind == JsonValueKind.False).Select(p => p.Key)),
        };
    }

    /// <summary>KVM's view, from an emulator started under <c>-accel kvm</c>; null when KVM cannot be used here or the start fails.</summary>
    public static async Task<ProbedAcceleratorCpus?> ProbeKvmAsync(string path, bool hasExpansion, TimeSpan timeout, CancellationToken cancellation)
    {
        if (!HostKvm.IsUsable()) return null;
        var folder = Directory.CreateTempSubdirectory("dl-probe-kvm-");
        try
        {
            var start = await EmulatorProcess.StartAsync(new EmulatorStartRequest
            {
                Path = path,
                Arguments = ["-machine", "none", "-accel", "kvm", "-nodefaults", "-nographic", "-S"],
                QmpSocketPath = System.IO.Path.Combine(folder.FullName, "qmp.sock"),
                Timeout = timeout,
            }, cancellation).ConfigureAwait(false);
            if (start.Process is not { } emulator) return null;
            await using (emulator.ConfigureAwait(false))
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                deadline.CancelAfter(timeout);
                try
                {
                    var kvm = await QueryAsync(emulator.Qmp, "kvm", hasExpansion, timeout, deadline.Token).ConfigureAwait(false);
                    await emulator.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                    return kvm;
                }
                catch (Exception e) when (e is OperationCanceledException or TimeoutException or QmpCommandException
                    or QmpProtocolException or IOException or System.Net.Sockets.SocketException)
                {
                    if (cancellation.IsCancellationRequested) throw;
                    return null;
                }
            }
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static ImmutableArray<string> Sorted(IEnumerable<string> names) => [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
