using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// The secret of a network disk's authentication is of the protocol's kind: <c>iscsi</c> for an
/// iSCSI source, <c>ceph</c> for an RBD one.
/// </summary>
internal sealed class DiskSecretCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        foreach (var disk in domain.Devices.Disks)
        {
            if (disk.Source is not NetworkDiskSource source) continue;
            var expected = source.Protocol switch
            {
                DiskProtocol.Iscsi => AuthSecretType.Iscsi,
                DiskProtocol.Rbd => AuthSecretType.Ceph,
                _ => (AuthSecretType?)null,
            };
            if (expected is null) continue;
            foreach (var auth in new[] { disk.Auth, source.Auth })
                if (auth is not null && auth.Secret.Type != expected)
                    diagnostics.Error(DiagnosticCatalog.WrongSecretType, auth.Location,
                        $"invalid secret type '{DiskXml.AuthSecret.ToXml(auth.Secret.Type)}' for a " +
                        $"'{DiskXml.Protocol.ToXml(source.Protocol)}' disk; it must be '{DiskXml.AuthSecret.ToXml(expected.Value)}'");
        }
    }
}
