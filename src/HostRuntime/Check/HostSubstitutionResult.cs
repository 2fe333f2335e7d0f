using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// The outcome of <see cref="HostSubstitution.Apply"/>: the domain with host-side backends replaced
/// (null when anything must be refused), the substitutions made, the scratch images and folders to
/// create before QEMU starts, and the refusals.
/// </summary>
public sealed record HostSubstitutionResult
{
    public Domain? Domain { get; init; }

    public ImmutableArray<Substitution> Substitutions { get; init; } = [];

    public ImmutableArray<ScratchImage> Images { get; init; } = [];

    /// <summary>Empty folders standing in for host folders shared with the guest (<c>&lt;filesystem&gt;</c>).</summary>
    public ImmutableArray<string> Folders { get; init; } = [];

    /// <summary>The qemu-storage-daemon exports to start before QEMU, one per vhost-user-blk disk.</summary>
    public ImmutableArray<Helpers.StorageDaemonRequest> StorageExports { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The build options for the substituted domain: this host's KVM usability, which the accelerator choice follows.</summary>
    public QemuBuildOptions BuildOptions { get; init; } = QemuBuildOptions.Default;

    public bool Succeeded => Domain is not null;
}
