namespace DomainLauncher.Translator.Diagnostics;

/// <summary>
/// A stable diagnostic code (<c>DL1001</c>) and a short title. Codes are grouped by area:
/// DL1xxx reading the input, DL2xxx the domain model, DL3xxx domain validation, DL4xxx QEMU,
/// DL5xxx Xen, DL6xxx probing, launching and checking. The shared ones are in <see cref="DiagnosticCatalog"/>;
/// each project keeps its own beside it (QemuDiagnostics, CheckDiagnostics, ...), and a test holds them unique.
/// </summary>
public sealed record DiagnosticCode(string Id, string Title)
{
    public override string ToString() => Id;
}
