using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// How to start an emulator that we then talk to over QMP: the binary, its arguments (without the
/// QMP option, which <see cref="EmulatorProcess"/> adds unless they hold one), the unix socket path QMP listens on, extra
/// environment variables, and where its standard output and error go besides the captured text.
/// </summary>
public sealed record EmulatorStartRequest
{
    public required string Path { get; init; }

    public ImmutableArray<string> Arguments { get; init; } = [];

    /// <summary>Where QEMU creates its QMP socket; the folder must exist and be private to us.</summary>
    public required string QmpSocketPath { get; init; }

    /// <summary>
    /// The arguments already open a QMP server on <see cref="QmpSocketPath"/> (the command-line builder's
    /// monitor), so no <c>-qmp</c> option is added.
    /// </summary>
    public bool QmpInArguments { get; init; }

    /// <summary>Variables set for the emulator on top of ours (a null value removes one).</summary>
    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>A file that receives everything the emulator writes to standard output and error, if any.</summary>
    public string? LogFile { get; init; }

    /// <summary>How long the emulator may take to open QMP and answer the greeting, and each command after that.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
