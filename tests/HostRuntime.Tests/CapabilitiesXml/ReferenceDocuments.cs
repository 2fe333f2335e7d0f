namespace DomainLauncher.HostRuntime.Tests.CapabilitiesXml;

/// <summary>The libvirt 9.0 recordings in Reference/ (see its README).</summary>
internal static class ReferenceDocuments
{
    public const string DefaultMachine = "domcapabilities-qemu-x86_64-default.xml";
    public const string Q35 = "domcapabilities-qemu-x86_64-q35.xml";
    public const string ArchX86_64 = "domcapabilities-qemu-x86_64-arch-x86_64.xml";
    public const string HostCapabilities = "capabilities.xml";

    public static string Folder { get; } =
        Path.Combine(SharedCorpus.RepositoryRoot, "tests", "HostRuntime.Tests", "CapabilitiesXml", "Reference");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
}
