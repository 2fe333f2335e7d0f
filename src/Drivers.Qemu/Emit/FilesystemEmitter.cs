using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -fsdev local|handle + -device (virtio-9p-pci), one pair per <filesystem type='mount'>.
internal static class FilesystemEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        foreach (var planned in ctx.Plan.Filesystems)
        {
            var fs = planned.Filesystem;
            if (planned.VirtiofsSocket is { } socket)
            {
                args.Add("-chardev");
                args.Add(new QemuOpts("socket").Add("id", VirtiofsPlanning.CharId(planned)).Add("path", socket).ToString());
                var virtiofs = new QemuOpts(planned.QemuType).Add("id", planned.Alias).Add("chardev", VirtiofsPlanning.CharId(planned))
                    .Add("queue-size", (ulong?)fs.Driver?.Queue).Add("tag", fs.TargetDir).Add("bootindex", (ulong?)planned.BootIndex);
                VirtioOptionsSyntax.Add(virtiofs, fs.Driver?.Virtio);
                args.Add("-device");
                args.Add(PciEmitter.AddAddress(virtiofs, planned.Pci, ctx.Plan.PciBuses).ToString());
                continue;
            }
            var fsdevId = planned.FsdevId;
            var handle = fs.Driver?.Type == FilesystemDriverType.Handle;
            var opts = new QemuOpts(handle ? "handle" : "local");
            if (!handle) opts.Add("security_model", SecurityModel(fs.AccessMode ?? FilesystemAccessMode.Passthrough));
            if (fs.Driver?.WritePolicy is FilesystemWritePolicy.Immediate) opts.Add("writeout", "immediate");
            if (fs.MultiDevs is { } multidevs and not FilesystemMultiDevs.Default) opts.Add("multidevs", FilesystemXml.MultiDevs.ToXml(multidevs));
            opts.Add("fmode", Octal(fs.FileMode)).Add("dmode", Octal(fs.DirectoryMode));
            opts.Add("id", fsdevId).Add("path", SourceDir(fs)).Switch("readonly", fs.ReadOnly ? true : null, ctx.ExplicitBooleans);
            args.Add("-fsdev");
            args.Add(opts.ToString());
            var device = new QemuOpts(planned.QemuType).Add("id", planned.Alias).Add("fsdev", fsdevId).Add("mount_tag", fs.TargetDir);
            VirtioOptionsSyntax.Add(device, fs.Driver?.Virtio);
            args.Add("-device");
            args.Add(PciEmitter.AddAddress(device, planned.Pci, ctx.Plan.PciBuses).ToString());
        }
    }

    /// <summary>A file mode as QEMU reads it: octal with a leading zero (<c>0644</c>).</summary>
    private static string? Octal(uint? mode) => mode is { } m ? "0" + Convert.ToString(m, 8) : null;

    private static string SecurityModel(FilesystemAccessMode mode) => mode switch
    {
        FilesystemAccessMode.Passthrough => "passthrough",
        FilesystemAccessMode.Mapped => "mapped",
        FilesystemAccessMode.Squash => "none",
        _ => throw new InvalidOperationException($"unknown access mode {mode}"),
    };

    private static string SourceDir(Filesystem fs) => fs.Source switch
    {
        MountFilesystemSource m => m.Dir,
        _ => throw new InvalidOperationException($"filesystem source {fs.Source.GetType().Name} passed validation"),
    };
}
