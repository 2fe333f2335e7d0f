using System.Numerics;
using DomainLauncher.Drivers.Xen.Planning;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// <c>name</c>, <c>uuid</c>, <c>maxmem</c>/<c>memory</c> (MiB) and <c>vcpus</c>/<c>vcpu_avail</c>/<c>cpus</c>.
/// </summary>
internal static class XmIdentitySection
{
    /// <summary>The most vCPUs a Xen guest may have (MAX_VIRT_CPUS on a 64-bit host).</summary>
    public const int MaxVcpus = 64;

    /// <summary>The memory of a config that gives none: twice Xen's smallest guest, in MiB.</summary>
    public const long DefaultMemoryMiB = 128;

    /// <summary>The vCPUs online at start are a bit mask in a machine word: fewer than this many can be described.</summary>
    public const int MaxVcpuAvailBits = 64;

    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx)
    {
        var domain = ctx.Domain;
        yield return Xm.String("name", domain.Name);
        // The validator made sure the UUID and the memory size are there.
        yield return Xm.String("uuid", domain.Uuid!.Value.ToString("D"));
        var memory = domain.Memory!.Value;
        // A balloon target above the maximum is lowered to it, as the reference's XML reader does.
        var current = Math.Min(domain.CurrentMemory?.Kibibytes ?? memory.Kibibytes, memory.Kibibytes);
        yield return Xm.Integer("maxmem", (long)MaxmemMebibytes(memory));
        yield return Xm.Integer("memory", (long)DivideUp(current, 1024));

        if (ctx.Target.XmMaxVcpus)
        {
            if (ctx.StartVcpus < ctx.MaxVcpus) yield return Xm.Integer("maxvcpus", ctx.MaxVcpus);
            yield return Xm.Integer("vcpus", ctx.StartVcpus);
        }
        else
        {
            yield return Xm.Integer("vcpus", ctx.MaxVcpus);
            if (ctx.StartVcpus < ctx.MaxVcpus) yield return Xm.Integer("vcpu_avail", (long)((1UL << (int)ctx.StartVcpus) - 1));
        }
        if (domain.Vcpu?.CpuSet is { } cpuSet)
            yield return Xm.String("cpus", CpuSet.Canonical(cpuSet) ?? throw new InvalidOperationException($"the validator lets no cpuset '{cpuSet}' through"));
    }

    public static string? ReadName(XmSettings settings, SourceLocation file)
    {
        var name = settings.String("name");
        if (name is null && !settings.Has("name"))
            settings.Diagnostics.Error(XenXmDiagnostics.MissingKey, file, "the config has no 'name' setting; every domain needs a name");
        else if (name is not null && name.Trim().Length == 0)
            settings.Invalid(settings.Entry("name")!.Value, "name", "'name' must not be empty");
        return name;
    }

    /// <summary>The UUID; null when absent (the reference would make a random one, which a pure reader cannot).</summary>
    public static Guid? ReadUuid(XmSettings settings)
    {
        var text = settings.String("uuid");
        if (text is null) return null;
        // The reference accepts the hex digits with or without dashes.
        var digits = text.Trim().Replace("-", "", StringComparison.Ordinal);
        if (digits.Length == 32 && Guid.TryParseExact(digits, "N", out var uuid)) return uuid;
        settings.Invalid(settings.Entry("uuid")!.Value, "uuid", $"'uuid' must be 32 hexadecimal digits (dashes allowed); \"{text}\" is not a UUID");
        return null;
    }

    /// <summary><c>maxmem</c> and <c>memory</c> in MiB, as the maximum and current sizes.</summary>
    public static (MemorySize Maximum, MemorySize Current)? ReadMemory(XmSettings settings)
    {
        var current = settings.Integer("memory", DefaultMemoryMiB);
        if (current is null) return null;
        var maximum = settings.Integer("maxmem", current);
        if (maximum is null) return null;
        var ok = true;
        foreach (var (name, value) in new[] { ("memory", current.Value), ("maxmem", maximum.Value) })
        {
            if (value is >= 0 and <= long.MaxValue / (1024L * 1024)) continue;
            if (settings.Entry(name) is { } entry) settings.Invalid(entry.Value, name, $"'{name}' is {value} MiB, which is not a memory size");
            ok = false;
        }
        return ok ? (new MemorySize((ulong)maximum.Value * 1024), new MemorySize((ulong)current.Value * 1024)) : null;
    }

    public static VcpuConfig? ReadVcpu(XmSettings settings)
    {
        var count = settings.Integer("vcpus", 1);
        if (count is null) return null;
        if (count is < 1 or > MaxVcpus)
        {
            settings.Invalid(settings.Entry("vcpus")!.Value, "vcpus", $"'vcpus' must be from 1 to {MaxVcpus}; it is {count}");
            return null;
        }
        // vcpu_avail is a bit mask of the vCPUs that start; the reference counts its set bits.
        var available = settings.Integer("vcpu_avail", -1);
        if (available is null) return null;
        var active = Math.Min(BitOperations.PopCount((ulong)available.Value), (int)count.Value);
        // libxl's 'maxvcpus' is the most vCPUs, 'vcpus' then those online at start.
        if (settings.Has("maxvcpus"))
        {
            var max = settings.Integer("maxvcpus");
            if (max is null) return null;
            if (max < count || max > MaxVcpus)
            {
                settings.Invalid(settings.Entry("maxvcpus")!.Value, "maxvcpus", $"'maxvcpus' must be from 'vcpus' ({count}) to {MaxVcpus}; it is {max}");
                return null;
            }
            active = Math.Min(active, (int)count.Value);
            count = max;
        }
        string? cpuSet = null;
        if (settings.String("cpus") is { } cpus)
        {
            cpuSet = CpuSet.Canonical(cpus);
            if (cpuSet is null)
                settings.Invalid(settings.Entry("cpus")!.Value, "cpus", $"'cpus' must be a CPU set such as \"0-3,^2,6\"; \"{cpus}\" is not one");
        }
        return new VcpuConfig
        {
            Count = (uint)count.Value,
            Current = active < count ? (uint)active : null,
            Placement = Placement.Static,
            CpuSet = cpuSet,
        };
    }

    /// <summary>The <c>maxmem</c> written for a memory size: whole MiB, rounded up.</summary>
    public static ulong MaxmemMebibytes(MemorySize memory) => DivideUp(memory.Kibibytes, 1024);

    private static ulong DivideUp(ulong value, ulong by) => value / by + (value % by == 0 ? 0UL : 1UL);
}
