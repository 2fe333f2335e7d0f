using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// <c>-compat</c>: what QEMU does with a deprecated command or argument it is given (<c>deprecated-input</c>: accept,
/// reject or crash; null leaves QEMU's accept) and with the deprecated fields of what it reports
/// (<c>deprecated-output</c>: hide).
/// </summary>
public sealed record PlannedCompat(string? DeprecatedInput, string DeprecatedOutput)
{
    /// <summary>
    /// libvirt's <c>&lt;qemu:deprecation behavior&gt;</c>: 'omit' hides deprecated output; 'reject' and 'crash' hide it
    /// and make deprecated input an error or an abort; 'none' leaves QEMU's defaults (no <c>-compat</c>).
    /// </summary>
    public static PlannedCompat? For(QemuDeprecationBehavior behavior) => behavior switch
    {
        QemuDeprecationBehavior.Omit => new(null, "hide"),
        QemuDeprecationBehavior.Reject => new("reject", "hide"),
        QemuDeprecationBehavior.Crash => new("crash", "hide"),
        _ => null,
    };
}
