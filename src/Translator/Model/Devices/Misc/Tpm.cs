using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;tpm model&gt;</c>: a TPM the guest sees, backed by a host TPM, an emulator or an external socket.</summary>
public sealed record Tpm
{
    /// <summary>The interface model; null when absent (the hypervisor picks one).</summary>
    public TpmModel? Model { get; init; }

    public required TpmBackend Backend { get; init; }
    public string? Alias { get; init; }
    public DeviceAddress? Address { get; init; }
    public SourceLocation Location { get; init; }
}

public enum TpmModel { Tis, Crb, Spapr, SpaprProxy }

public enum TpmBackendType { Passthrough, Emulator, External }

/// <summary>The TPM specification version an emulator implements.</summary>
public enum TpmVersion { V1_2, V2_0 }

/// <summary>A PCR bank an emulated TPM 2.0 activates.</summary>
public enum TpmPcrBank { Sha1, Sha256, Sha384, Sha512 }

public static class TpmXml
{
    public static readonly XmlEnum<TpmModel> Model = new(
        ("tpm-tis", TpmModel.Tis), ("tpm-crb", TpmModel.Crb), ("tpm-spapr", TpmModel.Spapr),
        ("spapr-tpm-proxy", TpmModel.SpaprProxy));

    public static readonly XmlEnum<TpmBackendType> BackendType = new(
        ("passthrough", TpmBackendType.Passthrough), ("emulator", TpmBackendType.Emulator),
        ("external", TpmBackendType.External));

    public static readonly XmlEnum<TpmVersion> Version = new(("1.2", TpmVersion.V1_2), ("2.0", TpmVersion.V2_0));

    /// <summary>Element names of the banks, in the order libvirt writes them.</summary>
    public static readonly XmlEnum<TpmPcrBank> PcrBank = new(
        ("sha1", TpmPcrBank.Sha1), ("sha256", TpmPcrBank.Sha256), ("sha384", TpmPcrBank.Sha384),
        ("sha512", TpmPcrBank.Sha512));
}

/// <summary>The <c>&lt;backend type&gt;</c> of a TPM: a closed family chosen by <c>type</c>.</summary>
public abstract record TpmBackend
{
    private protected TpmBackend() { }

    public abstract TpmBackendType Type { get; }

    /// <summary><c>version</c>; null when absent.</summary>
    public TpmVersion? Version { get; init; }
}

/// <summary><c>type='passthrough'</c>: the host TPM at <c>&lt;device path/&gt;</c> (the host default when null).</summary>
public sealed record PassthroughTpmBackend : TpmBackend
{
    public override TpmBackendType Type => TpmBackendType.Passthrough;
    public string? DevicePath { get; init; }
}

/// <summary><c>type='emulator'</c>: a swtpm process the host starts for the guest.</summary>
public sealed record EmulatorTpmBackend : TpmBackend
{
    public override TpmBackendType Type => TpmBackendType.Emulator;

    /// <summary><c>persistent_state</c>: keep the state when the guest is undefined.</summary>
    public bool? PersistentState { get; init; }

    /// <summary><c>&lt;encryption secret/&gt;</c>: the secret that encrypts the state.</summary>
    public Guid? EncryptionSecret { get; init; }

    /// <summary><c>&lt;active_pcr_banks&gt;</c>; null when absent, else the banks named (in canonical order).</summary>
    public ImmutableArray<TpmPcrBank>? ActivePcrBanks { get; init; }
}

/// <summary><c>type='external'</c>: a TPM emulator the host already runs, at a UNIX socket.</summary>
public sealed record ExternalTpmBackend : TpmBackend
{
    public override TpmBackendType Type => TpmBackendType.External;

    /// <summary><c>&lt;source type='unix' mode='connect' path/&gt;</c>: the socket path.</summary>
    public string? SocketPath { get; init; }
}
