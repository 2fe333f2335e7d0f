using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the smartcard on the CCID bus: -device ccid-card-emulated, or -chardev + -device ccid-card-passthru.
internal static class SmartcardEmitter
{
    /// <summary>The NSS database libvirt hands to certificate-backed smartcards when the XML names none.</summary>
    private const string DefaultDatabase = "/etc/pki/nssdb";

    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        // Validation allows one smartcard, on CCID controller 0 slot 0.
        if (ctx.Domain.Devices.Smartcards is not [var card]) yield break;
        var alias = card.Alias ?? "smartcard0";
        QemuOpts opts;
        switch (card)
        {
            case HostSmartcard:
                opts = new QemuOpts("ccid-card-emulated").Add("backend", "nss-emulated");
                break;
            case HostCertificatesSmartcard certs:
                opts = new QemuOpts("ccid-card-emulated").Add("backend", "certificates");
                for (var i = 0; i < certs.Certificates.Length; i++) opts.Add($"cert{i + 1}", certs.Certificates[i]);
                opts.Add("database", certs.Database ?? DefaultDatabase);
                break;
            case PassthroughSmartcard passthrough:
                var charAlias = "char" + alias;
                yield return "-chardev";
                yield return CharSourceSyntax.Chardev(passthrough.Source, charAlias, ctx, spiceName: "smartcard");
                opts = new QemuOpts("ccid-card-passthru").Add("chardev", charAlias);
                break;
            default:
                throw new InvalidOperationException($"unknown smartcard {card.GetType().Name}");
        }
        yield return "-device";
        yield return opts.Add("id", alias).Add("bus", $"ccid{card.Address?.Controller ?? 0}.0").ToString();
    }
}
