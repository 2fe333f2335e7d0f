using DomainLauncher.Drivers.Qemu.Syntax;
using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -name, -uuid, -domid, -xen-domid.
internal static class IdentityEmitter
{
    public static IEnumerable<string> Name(QemuContext ctx)
    {
        if (!ctx.Has(QemuCapability.Name)) yield break;
        yield return "-name";
        // QEMU reads -name as an option list (name[,process=...]), so a comma in the name is doubled.
        yield return QemuOpts.Escape(ctx.Domain.Name);
    }

    public static IEnumerable<string> Uuid(QemuContext ctx)
    {
        if (!ctx.Has(QemuCapability.Uuid) || ctx.Domain.Uuid is not { } uuid) yield break;
        yield return "-uuid";
        yield return uuid.ToString("D");
    }

    public static IEnumerable<string> DomainId(QemuContext ctx)
    {
        if (!IsXenGuest(ctx.Domain)) yield break;
        var id = (ctx.Options.DomainId ?? -1).ToString(CultureInfo.InvariantCulture);
        if (ctx.Has(QemuCapability.XenDomid))
        {
            yield return "-xen-attach";
            yield return "-xen-domid";
            yield return id;
        }
        else if (ctx.Has(QemuCapability.Domid))
        {
            yield return "-domid";
            yield return id;
        }
    }

    /// <summary>A Xen paravirtualized guest run by QEMU (xenner): it gets the domain id.</summary>
    public static bool IsXenGuest(Domain domain) =>
        domain.Type == DomainType.Xen || domain.Os?.Type is OsType.Xen or OsType.Linux;
}
