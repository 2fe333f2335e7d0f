using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the smartcard on the CCID bus: -device (ccid-card-emulated), or -chardev + -device (ccid-card-passthru).
internal static class SmartcardEmitter
{
    /// <summary>The NSS database libvirt hands to certificate-backed smartcards when the XML names none.</summary>
    private const string DefaultDatabase = "/etc/pki/nssdb";

    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Smartcard is not { } planned) return;
        var opts = new QemuOpts(planned.QemuType);
        switch (planned.Card)
        {
            case HostSmartcard:
                opts.Add("backend", "nss-emulated");
                break;
            case HostCertificatesSmartcard certs:
                opts.Add("backend", "certificates");
                for (var i = 0; i < certs.Certificates.Length; i++) opts.Add($"cert{i + 1}", certs.Certificates[i]);
                opts.Add("database", certs.Database ?? DefaultDatabase);
                break;
            case PassthroughSmartcard passthrough:
                var charAlias = planned.CharAlias ?? throw new InvalidOperationException($"smartcard {planned.Alias} has no chardev in the plan");
                args.Add("-chardev");
                args.Add(CharSourceSyntax.Chardev(passthrough.Source, charAlias, ctx, spiceName: "smartcard"));
                opts.Add("chardev", charAlias);
                break;
            default:
                throw new InvalidOperationException($"unknown smartcard {planned.Card.GetType().Name}");
        }
        args.Add("-device");
        args.Add(opts.Add("id", planned.Alias).Add("bus", planned.Bus).ToString());
    }
}
