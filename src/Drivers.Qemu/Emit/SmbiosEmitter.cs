using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -smbios type=0 (BIOS) and -smbios type=1 (system) from <sysinfo> when <smbios mode='sysinfo'>.
internal static class SmbiosEmitter
{
    // libvirt's fixed key order for each block, whatever order the XML lists the entries in.
    private static readonly string[] BiosKeys = ["vendor", "version", "date", "release"];
    private static readonly string[] SystemKeys = ["manufacturer", "product", "version", "serial", "uuid", "sku", "family"];

    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (ctx.Domain.Os?.Smbios != SmbiosMode.Sysinfo || ctx.Domain.Sysinfo is not { } sysinfo) return;
        foreach (var (type, entries, keys) in new[] { (0, sysinfo.Bios, BiosKeys), (1, sysinfo.System, SystemKeys) })
        {
            var opts = new QemuOpts().Add("type", type);
            var any = false;
            foreach (var key in keys)
            {
                if (entries.FirstOrDefault(e => e.Name == key) is not { } entry) continue;
                opts.Add(key, entry.Value);
                any = true;
            }
            if (!any) continue;
            args.Add("-smbios");
            args.Add(opts.ToString());
        }
    }
}
