namespace DomainLauncher.HostRuntime.Check;

/// <summary>A disk image <c>check</c> needs in its scratch folder: created empty with <c>qemu-img create -f Format Path Size</c>.</summary>
public sealed record ScratchImage(string Path, string Format, long SizeBytes);
