namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// Host values the defaults stage needs to fill what libvirt fills after parsing. Each is optional:
/// what cannot be filled without it stays absent, for the driver to refuse if it needs it.
/// </summary>
public sealed record DefaultsSettings
{
    public static readonly DefaultsSettings None = new();

    /// <summary>
    /// What a conversion of a document (<c>to-native</c>, <c>from-native</c>) fills: what the
    /// document states is kept (<see cref="NumaCellsRaiseMemory"/> off), as libvirt's
    /// <c>domxml-to-native</c> keeps it.
    /// </summary>
    /// <remarks>
    /// libvirt's xm and xl readers (<c>domxml-from-native</c>) fill their domain as if defining it,
    /// and would raise a file's <c>maxmem</c> to its vnuma nodes' total. Reading keeps it here too,
    /// so that a config file comes back as it was (config -> XML -> config) and the XML says what
    /// the file says; xl itself refuses such a file, and no case of libvirt's suites reads one.
    /// </remarks>
    public static readonly DefaultsSettings Conversion = new() { NumaCellsRaiseMemory = false };

    /// <summary>
    /// The directory of this domain's channel sockets (libvirt's
    /// <c>channel_target_dir/domain-ID-NAME</c>): virtio channels of type unix without a path get
    /// a socket there.
    /// </summary>
    public string? ChannelDirectory { get; init; }

    /// <summary>
    /// Whether NUMA cells that hold more memory than a stated <c>&lt;memory&gt;</c> raise it to
    /// their total. libvirt 9 does so when it defines a domain (its parse may update the ABI, and
    /// a guest's memory is its cells' memory); a conversion keeps what the document states, and
    /// the cells' total fills only an absent <c>&lt;memory&gt;</c>. On by default: a domain read
    /// to run is read as it would be defined.
    /// </summary>
    public bool NumaCellsRaiseMemory { get; init; } = true;
}
