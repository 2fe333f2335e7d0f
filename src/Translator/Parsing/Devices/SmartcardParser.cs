using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;smartcard mode='...'&gt;</c> and what its mode calls for.</summary>
internal static class SmartcardParser
{
    private const int CertificateCount = 3;

    public static Smartcard? Parse(ElementReader element)
    {
        Smartcard? smartcard = element.RequiredEnum("mode", SmartcardModeXml.Table) switch
        {
            SmartcardMode.Host => new HostSmartcard(),
            SmartcardMode.HostCertificates => HostCertificates(element),
            SmartcardMode.Passthrough => Passthrough(element),
            _ => null,
        };
        var address = ReadCcidAddress(element);
        var alias = CommonParsers.Alias(element);
        return smartcard is null ? null : smartcard with { Address = address, Alias = alias, Location = element.Location };
    }

    private static HostCertificatesSmartcard? HostCertificates(ElementReader element)
    {
        var certificates = element.Children("certificate").ToList();
        foreach (var extra in certificates.Skip(CertificateCount))
            extra.Error(DiagnosticCatalog.DuplicateElement,
                $"mode 'host-certificates' takes exactly {CertificateCount} <certificate> elements; this is number {certificates.IndexOf(extra) + 1}");
        if (certificates.Count < CertificateCount)
            element.Error(DiagnosticCatalog.MissingElement,
                $"mode 'host-certificates' takes exactly {CertificateCount} <certificate> elements; found {certificates.Count}");

        var database = element.SingleChild("database");
        var databasePath = database?.Text;
        if (database is not null && !databasePath!.StartsWith('/'))
            database.Error(DiagnosticCatalog.InvalidValue,
                $"'{databasePath}' is not an absolute path; <database> names the NSS database directory, e.g. /etc/pki/nssdb");

        return certificates.Count != CertificateCount
            ? null
            : new HostCertificatesSmartcard
            {
                Certificates = [.. certificates.Select(c => c.Text)],
                Database = databasePath,
            };
    }

    private static PassthroughSmartcard? Passthrough(ElementReader element)
    {
        var type = element.RequiredEnum("type", CharSourceXml.Type);
        var source = type is null ? null : CharSourceParser.Parse(element, type.Value);
        return source is null ? null : new PassthroughSmartcard { Source = source };
    }

    private static CcidAddress? ReadCcidAddress(ElementReader element)
    {
        var address = CommonParsers.Address(element);
        if (address is null or CcidAddress) return (CcidAddress?)address;
        element.Child("address")!.AttrError("type", DiagnosticCatalog.InvalidValue,
            $"a smartcard sits on a CCID controller: its address type must be 'ccid', not '{AddressTypeXml.Table.ToXml(address.Type)}'");
        return null;
    }
}
