using System.Collections.Frozen;

namespace DomainLauncher.Drivers.Qemu.Cpu.Modern;

/// <summary>
/// libvirt's CPU feature names in QEMU's spelling. QEMU names its CPU properties with dashes where
/// libvirt's CPU map has underscores (<c>lahf_lm</c> is <c>lahf-lm</c>); a few features have another
/// name altogether (libvirt's <c>pclmuldq</c> is QEMU's <c>pclmulqdq</c>). QEMU still reads the old
/// spellings as aliases; the command line uses its own names, as libvirt 9 does.
/// </summary>
internal static class QemuCpuFeatureNames
{
    private static readonly FrozenDictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pclmuldq"] = "pclmulqdq",
        ["i64"] = "lm",
        ["sse4_1"] = "sse4.1",
        ["sse4_2"] = "sse4.2",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string For(string libvirtName) =>
        Renamed.TryGetValue(libvirtName, out var renamed) ? renamed
        // sse4.1 and sse4.2 keep their dot; everything else takes dashes.
        : libvirtName.Replace('_', '-');
}
