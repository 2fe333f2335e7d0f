using System.Collections.Immutable;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// Extra QEMU arguments and environment variables (<c>&lt;qemu:commandline&gt;</c> in the
/// <c>http://libvirt.org/schemas/domain/qemu/1.0</c> namespace), passed through verbatim.
/// </summary>
public sealed record QemuCommandLine
{
    public ImmutableArray<string> Args { get; init; } = [];

    /// <summary>Where <c>&lt;qemu:commandline&gt;</c> is in the document.</summary>
    public Diagnostics.SourceLocation Location { get; init; }
    public ImmutableArray<QemuEnvironmentVariable> Environment { get; init; } = [];
}

/// <summary><c>&lt;qemu:env name value/&gt;</c>; a missing value sets the variable to the empty string.</summary>
public sealed record QemuEnvironmentVariable(string Name, string? Value);
