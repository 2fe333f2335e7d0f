using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// A virtiofs share: virtiofsd maps the guest's memory, so the memory must be shared with it (libvirt's rule:
/// <c>&lt;memoryBacking&gt;&lt;access mode='shared'/&gt;</c>, or every NUMA cell <c>memAccess='shared'</c>); and
/// virtiofs exports a folder with passthrough access only.
/// </summary>
internal static class VirtiofsChecks
{
    public static void Check(Filesystem fs, QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var domain = input.Domain;
        var cells = domain.Cpu?.NumaCells ?? [];
        var shared = domain.MemoryBacking?.AccessMode == NumaMemAccess.Shared
            ? cells.All(c => c.MemAccess != NumaMemAccess.Private)
            : !cells.IsEmpty && cells.All(c => c.MemAccess == NumaMemAccess.Shared);
        if (!shared)
            diagnostics.Error(QemuDiagnostics.UnsupportedDevice, fs.Location,
                "a virtiofs share needs the guest's memory shared with virtiofsd: <memoryBacking><access mode='shared'/></memoryBacking> (or memAccess='shared' on every NUMA cell)");
        if (fs.AccessMode is { } mode && mode != FilesystemAccessMode.Passthrough)
            diagnostics.Error(QemuDiagnostics.UnsupportedDevice, fs.Location,
                $"virtiofs exports a folder with passthrough access only, not '{FilesystemXml.AccessMode.ToXml(mode)}'");
        if (fs.Source is not (MountFilesystemSource or SocketMountFilesystemSource) || fs.Type is not (null or FilesystemType.Mount))
            diagnostics.Error(QemuDiagnostics.UnsupportedDevice, fs.Location,
                $"a virtiofs filesystem of type '{FilesystemXml.Type.ToXml(fs.Type ?? fs.Source.Type)}' is not supported; allowed: 'mount'");
    }
}
