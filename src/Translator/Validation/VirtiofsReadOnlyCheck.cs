using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>virtiofs has no read-only mode (libvirt 9 refuses <c>&lt;readonly/&gt;</c> on it).</summary>
internal sealed class VirtiofsReadOnlyCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        foreach (var filesystem in domain.Devices.Filesystems)
            if (filesystem is { ReadOnly: true, Driver.Type: FilesystemDriverType.Virtiofs })
                diagnostics.Error(DiagnosticCatalog.UnsupportedMode, filesystem.Location,
                    "virtiofs does not yet support read-only mode");
    }
}
