using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// An <c>-object</c> a block node refers to by id: a <c>secret</c>, a <c>throttle-group</c> or a
/// <c>tls-creds-x509</c>; its properties (after <c>id</c>) in the order they are written.
/// </summary>
public sealed record PlannedQemuObject(string QomType, string Id, ImmutableArray<KeyValuePair<string, string>> Properties);
