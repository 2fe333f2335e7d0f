using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>
/// The VM generation ID device (<c>vmgenid</c>) with its GUID: the domain's, or for an empty <c>&lt;genid/&gt;</c>
/// the one handed in by the caller (<see cref="Build.QemuBuildOptions.GeneratedGenerationId"/>), never made up here.
/// </summary>
public sealed record PlannedGenerationId(Guid Guid, SourceLocation Location)
{
    public string QemuType => "vmgenid";

    public string Alias => "vmgenid0";
}
