namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// A secret value that a domain's <c>&lt;auth&gt;&lt;secret type usage/&gt;</c> refers to by usage
/// type and usage name (for ceph, the value is the base64 key).
/// </summary>
public sealed record HostSecret(SecretUsageType UsageType, string Usage, string Value)
{
    // Keep secret values out of logs and test output.
    public override string ToString() => $"HostSecret {{ UsageType = {UsageType}, Usage = {Usage}, Value = *** }}";
}
