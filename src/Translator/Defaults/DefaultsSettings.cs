namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// Host values the defaults stage needs to fill what libvirt fills after parsing. Each is optional:
/// what cannot be filled without it stays absent, for the driver to refuse if it needs it.
/// </summary>
public sealed record DefaultsSettings
{
    public static readonly DefaultsSettings None = new();

    /// <summary>
    /// The directory of this domain's channel sockets (libvirt's
    /// <c>channel_target_dir/domain-ID-NAME</c>): virtio channels of type unix without a path get
    /// a socket there.
    /// </summary>
    public string? ChannelDirectory { get; init; }
}
