using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// One host-side backend that <c>check</c> replaced because this host cannot provide it: the device
/// (<c>disk vda</c>, <c>interface 52:54:00:..</c>, <c>serial 0</c>), what the domain asked for and what
/// QEMU gets instead. The guest-visible device stays the same; only its host end changes.
/// </summary>
public sealed record Substitution(string Device, string Original, string Replacement, SourceLocation Location);
