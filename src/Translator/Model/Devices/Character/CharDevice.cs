using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// A <c>&lt;parallel&gt;</c>, <c>&lt;serial&gt;</c>, <c>&lt;console&gt;</c> or <c>&lt;channel&gt;</c>:
/// how the host side is connected (<see cref="Source"/>, from the <c>type</c> attribute) and how the
/// guest sees it (<see cref="Target"/>, whose record matches <see cref="Kind"/>: a
/// <see cref="ParallelTarget"/>, <see cref="SerialTarget"/>, <see cref="ConsoleTarget"/>, or for a
/// channel a <see cref="GuestfwdChannelTarget"/> or <see cref="VirtioChannelTarget"/>).
/// </summary>
public sealed record CharDevice
{
    public required CharDeviceKind Kind { get; init; }

    /// <summary>
    /// The host side; null when the element has no <c>type</c> attribute (the Xen-era
    /// <c>&lt;console tty='...'/&gt;</c>), which the reference implementation treats as a pty.
    /// </summary>
    public CharSource? Source { get; init; }

    /// <summary>The <c>&lt;target&gt;</c>; null when absent (never for a channel, which needs one).</summary>
    public CharTarget? Target { get; init; }

    /// <summary>
    /// The <c>tty</c> attribute of the device element: the pseudo terminal of a running pty
    /// console, written there for compatibility with the Xen-era form.
    /// </summary>
    public string? Tty { get; init; }

    /// <summary><c>&lt;log file append/&gt;</c>: a copy of the device's output goes to a file.</summary>
    public CharLog? Log { get; init; }

    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public uint? AcpiIndex { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;log file append/&gt;</c>.</summary>
public sealed record CharLog
{
    public required string File { get; init; }
    public bool? Append { get; init; }
}

/// <summary>Which element a character device came from.</summary>
public enum CharDeviceKind
{
    Parallel,
    Serial,
    Console,
    Channel,
}
