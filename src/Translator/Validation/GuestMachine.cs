using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// What the document says about the QEMU machine, for rules that only hold for QEMU/KVM guests.
/// An x86 guest without a machine gets libvirt's default, the i440FX <c>pc</c> machine.
/// </summary>
internal static class GuestMachine
{
    public static bool IsQemu(Domain domain) => domain.Type is DomainType.Qemu or DomainType.Kvm or DomainType.Kqemu;

    public static bool IsQ35(Domain domain) =>
        domain.Os?.Machine is { } machine && machine.Contains("q35", StringComparison.Ordinal);

    public static bool IsArmVirt(Domain domain) =>
        domain.Os?.Machine is { } machine && (machine == "virt" || machine.StartsWith("virt-", StringComparison.Ordinal));
}
