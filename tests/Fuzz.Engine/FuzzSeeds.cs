namespace DomainLauncher.Fuzz;

/// <summary>
/// The seed inputs: domain documents and xm files of the conformance corpus (<c>conformance/**</c>
/// under the shared folder) and the repository's <c>examples/</c>. A target with no seed found gets
/// a small built-in one, so that a run works without the corpus (it is then weaker, and says so).
/// </summary>
public sealed record FuzzSeeds(IReadOnlyList<byte[]> DomainDocuments, IReadOnlyList<byte[]> XmFiles, IReadOnlyList<string> Folders)
{
    private const string FallbackDomain =
        "<domain type='qemu'><name>seed</name><memory>65536</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>"
        + "<devices><disk type='file' device='disk'><source file='/tmp/a.img'/><target dev='hda'/></disk></devices></domain>";

    private const string FallbackXm = "name = \"seed\"\nmemory = 64\nkernel = \"/boot/vmlinuz\"\ndisk = [ 'phy:/dev/sda,hda,w' ]\nvif = [ 'mac=00:16:3e:00:00:01,bridge=br0' ]\n";

    /// <summary>Reads every *.xml and *.cfg under the given folders (missing folders are skipped), in a stable order.</summary>
    public static FuzzSeeds Load(IEnumerable<string> folders)
    {
        var existing = folders.Where(Directory.Exists).Select(Path.GetFullPath).ToList();
        List<string> Files(string pattern) =>
            [.. existing.SelectMany(f => Directory.EnumerateFiles(f, pattern, SearchOption.AllDirectories)).Order(StringComparer.Ordinal)];
        var domains = Files("*.xml").Where(f => File.ReadAllText(f).Contains("<domain", StringComparison.Ordinal)).Select(File.ReadAllBytes).ToList();
        var xm = Files("*.cfg").Select(File.ReadAllBytes).ToList();
        return new FuzzSeeds(
            domains.Count > 0 ? domains : [System.Text.Encoding.UTF8.GetBytes(FallbackDomain)],
            xm.Count > 0 ? xm : [System.Text.Encoding.UTF8.GetBytes(FallbackXm)],
            existing);
    }

    /// <summary>The corpus beside the repository (or where DL_SHARED points) and the repository's examples.</summary>
    public static FuzzSeeds LoadDefault(string repositoryRoot)
    {
        var shared = Environment.GetEnvironmentVariable("DL_SHARED");
        if (string.IsNullOrEmpty(shared)) shared = Path.Combine(repositoryRoot, "..", "shared");
        return Load([Path.Combine(shared, "conformance"), Path.Combine(repositoryRoot, "examples")]);
    }
}
