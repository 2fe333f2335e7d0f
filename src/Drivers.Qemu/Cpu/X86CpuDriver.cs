using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Cpu;

/// <summary>
/// libvirt's x86 CPU rules over one CPU map family: compare a guest CPU request with the host CPU
/// and compute the CPUID bits the guest gets (<see cref="Compute"/>), then describe those bits as
/// the closest CPU model the emulator accepts plus added and removed features (<see cref="Decode"/>).
/// </summary>
internal sealed class X86CpuDriver(CpuMapArch map, DiagnosticBag diagnostics, SourceLocation where)
{
    /// <summary>The host arches whose CPUs this driver understands.</summary>
    public static bool Handles(string hostArch) => GuestArchitectureFamilies.IsX86(hostArch);

    /// <summary>
    /// The guest's CPUID bits: what the host offers, cut down to what the guest asks for when it
    /// wants an exact match, plus forced and minus disabled features. Null, with an error, when the
    /// host cannot run the guest CPU.
    /// </summary>
    public CpuidData? Compute(HostCpu host, GuestCpuSpec guest)
    {
        if (guest.Vendor is not null && guest.Vendor != host.Vendor)
            return Incompatible($"the host CPU vendor {(host.Vendor is null ? "is unknown" : $"'{host.Vendor}'")} does not match the required CPU vendor '{guest.Vendor}'");
        if (host.Model is null) return null;
        var hostData = ModelData(host.Model);
        var hostFeatures = FeatureData(host.Features);
        var force = FeatureData(guest, CpuFeaturePolicy.Force);
        var require = FeatureData(guest, CpuFeaturePolicy.Require);
        var optional = FeatureData(guest, CpuFeaturePolicy.Optional);
        var disable = FeatureData(guest, CpuFeaturePolicy.Disable);
        var forbid = FeatureData(guest, CpuFeaturePolicy.Forbid);
        var guestModel = ModelData(guest.Model);
        if (hostData is null || hostFeatures is null || guestModel is null
            || force is null || require is null || optional is null || disable is null || forbid is null)
            return null;
        hostData = hostData.Union(hostFeatures);

        var forbidden = forbid.Intersect(hostData);
        if (!forbidden.IsEmpty)
            return Incompatible($"the host CPU provides forbidden features: {Names(forbidden)}");

        // The model's own features count as required unless the request forces, allows or disables them.
        var required = guestModel.Union(require).Subtract(force).Subtract(optional).Subtract(disable);
        if (!hostData.Contains(required))
            return Incompatible($"the host CPU does not provide required features: {Names(required.Subtract(hostData))}");

        var extra = hostData.Subtract(optional).Subtract(required).Subtract(disable).Subtract(force);
        if (!extra.IsEmpty && guest.Match == CpuMatch.Strict)
            return Incompatible($"the host CPU does not strictly match the guest CPU: extra features {Names(extra)}");

        var data = guest.Match == CpuMatch.Exact ? hostData.Subtract(extra) : hostData;
        return data.Union(force).Subtract(disable);
    }

    /// <summary>
    /// The emulator-accepted model that describes <paramref name="data"/> with the fewest added and
    /// removed features; <paramref name="preferred"/> wins whenever the emulator accepts it. When it
    /// does not, fallback <c>forbid</c> refuses and <c>allow</c> takes the closest model.
    /// </summary>
    public DecodedCpu? Decode(CpuidData data, ImmutableArray<string> allowed, string? preferred, CpuFallback fallback)
    {
        DecodedCpu? best = null;
        // libvirt keeps the map's models in reverse document order, so later models win ties.
        foreach (var candidate in Enumerable.Reverse(map.Models))
        {
            if (!allowed.Contains(candidate.Name, StringComparer.Ordinal))
            {
                if (candidate.Name == preferred && fallback == CpuFallback.Forbid)
                {
                    diagnostics.Error(CpuDiagnostics.CpuModelNotSupported, where,
                        $"CPU model '{preferred}' is not supported by the emulator and fallback is 'forbid'; the emulator supports: {string.Join(", ", allowed)}");
                    return null;
                }
                continue;
            }
            var modelData = ModelData(candidate.Name);
            if (modelData is null) return null;
            var described = new DecodedCpu(candidate.Name,
                TakeFeatures(data.Subtract(modelData)), TakeFeatures(modelData.Subtract(data)));
            if (candidate.Name == preferred) return described;
            if (best is null || best.FeatureCount > described.FeatureCount) best = described;
        }
        if (best is null)
            diagnostics.Error(CpuDiagnostics.NoSuitableCpuModel, where,
                $"no CPU model the emulator supports ({string.Join(", ", allowed)}) is defined in the CPU map for '{map.Name}'");
        return best;
    }

    public bool HasFeature(CpuidData data, string feature) =>
        map.FindFeature(feature) is { } f && data.Contains(CpuidData.Of(f.Cpuid));

    /// <summary>Every CPUID bit of a model, its base models' included; null (with an error) when the map lacks it.</summary>
    public CpuidData? ModelData(string model)
    {
        var features = map.FeaturesOf(model);
        if (features is null)
        {
            diagnostics.Error(CpuDiagnostics.UnknownCpuModel, where,
                $"CPU model '{model}' is not defined in the CPU map for '{map.Name}'");
            return null;
        }
        return FeatureData(features.Value);
    }

    private CpuidData? FeatureData(GuestCpuSpec guest, CpuFeaturePolicy policy) =>
        FeatureData(guest.Features.Where(f => f.Policy == policy).Select(f => f.Name));

    private CpuidData? FeatureData(IEnumerable<string> names)
    {
        var data = CpuidData.Empty;
        var ok = true;
        foreach (var name in names)
        {
            if (map.FindFeature(name) is { } feature)
            {
                data = data.Union(CpuidData.Of(feature.Cpuid));
                continue;
            }
            diagnostics.Error(CpuDiagnostics.UnknownCpuFeature, where,
                $"CPU feature '{name}' is not defined in the CPU map for '{map.Name}'");
            ok = false;
        }
        return ok ? data : null;
    }

    // Names the features that make up the bits, in libvirt's order (the map's, reversed); each
    // feature is taken once and its bits leave the pool.
    private ImmutableArray<string> TakeFeatures(CpuidData data)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var feature in Enumerable.Reverse(map.Features))
        {
            var bits = CpuidData.Of(feature.Cpuid);
            if (bits.IsEmpty || !data.Contains(bits)) continue;
            names.Add(feature.Name);
            data = data.Subtract(bits);
        }
        return names.ToImmutable();
    }

    private string Names(CpuidData data)
    {
        var names = TakeFeatures(data);
        return names.IsEmpty ? "(unnamed CPUID bits)" : string.Join(", ", names);
    }

    private CpuidData? Incompatible(string reason)
    {
        diagnostics.Error(CpuDiagnostics.IncompatibleWithHost, where, $"guest and host CPU are not compatible: {reason}");
        return null;
    }
}
