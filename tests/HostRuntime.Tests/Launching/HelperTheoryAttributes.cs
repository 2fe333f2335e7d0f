using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.HostRuntime.Tests.Probing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>Why a launch test needing helpers cannot run here (QEMU or the helper missing), or null.</summary>
internal static class HelperAvailability
{
    public static string? SwtpmMissing() =>
        !File.Exists(QemuBinaryFactAttribute.Path) ? $"{QemuBinaryFactAttribute.Path} is not installed; these tests launch a real QEMU"
        : HelperPrograms.OfThisHost().SwtpmUnavailable is { } why ? why + "; these tests start a real swtpm"
        : null;

    public static string? StorageDaemonMissing() =>
        !File.Exists(QemuBinaryFactAttribute.Path) ? $"{QemuBinaryFactAttribute.Path} is not installed; these tests launch a real QEMU"
        : HelperPrograms.OfThisHost().StorageDaemonUnavailable is { } why ? why + "; these tests start a real qemu-storage-daemon"
        : null;

    public static string? PrHelperMissing() =>
        HelperPrograms.OfThisHost().PrHelperUnavailable is { } why ? why + "; these tests start a real qemu-pr-helper" : null;

    public static string? VirtiofsdMissing() =>
        !File.Exists(QemuBinaryFactAttribute.Path) ? $"{QemuBinaryFactAttribute.Path} is not installed; these tests launch a real QEMU"
        : HelperPrograms.OfThisHost().VirtiofsdUnavailable() is { } why ? why + "; these tests start a real virtiofsd"
        : null;
}

/// <summary>A theory that launches a guest with an emulated TPM, skipped (saying why) without QEMU or swtpm.</summary>
public sealed class SwtpmTheoryAttribute : TheoryAttribute
{
    public SwtpmTheoryAttribute() => Skip = HelperAvailability.SwtpmMissing();
}

/// <summary>A fact that launches a guest with an emulated TPM, skipped (saying why) without QEMU or swtpm.</summary>
public sealed class SwtpmFactAttribute : FactAttribute
{
    public SwtpmFactAttribute() => Skip = HelperAvailability.SwtpmMissing();
}

/// <summary>A theory that launches a guest with a virtiofs share, skipped (saying why) without QEMU or a virtiofsd that can run.</summary>
public sealed class VirtiofsdTheoryAttribute : TheoryAttribute
{
    public VirtiofsdTheoryAttribute() => Skip = HelperAvailability.VirtiofsdMissing();
}

/// <summary>A fact that launches a guest with a virtiofs share, skipped (saying why) without QEMU or a virtiofsd that can run.</summary>
public sealed class VirtiofsdFactAttribute : FactAttribute
{
    public VirtiofsdFactAttribute() => Skip = HelperAvailability.VirtiofsdMissing();
}

/// <summary>A fact that checks a guest whose disk qemu-storage-daemon serves, skipped (saying why) without QEMU or the daemon.</summary>
public sealed class StorageDaemonFactAttribute : FactAttribute
{
    public StorageDaemonFactAttribute() => Skip = HelperAvailability.StorageDaemonMissing();
}

/// <summary>A fact that starts a real qemu-pr-helper, skipped (saying why) without one.</summary>
public sealed class PrHelperFactAttribute : FactAttribute
{
    public PrHelperFactAttribute() => Skip = HelperAvailability.PrHelperMissing();
}
