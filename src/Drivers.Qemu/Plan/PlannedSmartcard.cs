using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// A smartcard with its QEMU type (the word after <c>-device</c>), alias and the CCID bus it sits on
/// (<c>ccid0.0</c>); <see cref="CharAlias"/> names its chardev when it has one (a passthrough card).
/// </summary>
public sealed record PlannedSmartcard(Smartcard Card, string QemuType, string Alias, string Bus)
{
    /// <summary>The chardev the card reads (<c>char</c> + alias), or null when the emulator makes the card itself.</summary>
    public string? CharAlias { get; init; }
}
