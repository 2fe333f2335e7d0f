using DomainLauncher.Drivers.Qemu.Syntax;
using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -name, -uuid, -domid, -xen-domid.
internal static class IdentityEmitter
{
    public static void Name(QemuContext ctx, List<string> args)
    {
        if (!ctx.Has(QemuCapability.Name)) return;
        args.Add("-name");
        // QEMU reads -name as an option list (name[,process=...]), so a comma in the name is doubled.
        args.Add(QemuOpts.Escape(ctx.Domain.Name));
    }

    public static void Uuid(QemuContext ctx, List<string> args)
    {
        if (!ctx.Has(QemuCapability.Uuid) || ctx.Domain.Uuid is not { } uuid) return;
        args.Add("-uuid");
        args.Add(uuid.ToString("D"));
    }

    public static void DomainId(QemuContext ctx, List<string> args)
    {
        if (!IsXenGuest(ctx.Domain)) return;
        var id = (ctx.Options.DomainId ?? -1).ToString(CultureInfo.InvariantCulture);
        if (ctx.Has(QemuCapability.XenDomid))
        {
            args.Add("-xen-attach");
            args.Add("-xen-domid");
            args.Add(id);
        }
        else if (ctx.Has(QemuCapability.Domid))
        {
            args.Add("-domid");
            args.Add(id);
        }
    }

    /// <summary>A Xen paravirtualized guest run by QEMU (xenner): it gets the domain id.</summary>
    public static bool IsXenGuest(Domain domain) =>
        domain.Type == DomainType.Xen || domain.Os?.Type is OsType.Xen or OsType.Linux;
}
