using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Shared folders (virtio-9p): QEMU needs <c>-fsdev</c>; only a 'mount' of a host folder with the
/// 'path' (local) or 'handle' driver works, the handle driver only with passthrough access; the
/// write policy and read-only need their own capabilities.
/// </summary>
internal sealed class FilesystemChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        foreach (var fs in input.Domain.Devices.Filesystems)
        {
            if (fs.Driver?.Type == FilesystemDriverType.Virtiofs)
            {
                VirtiofsChecks.Check(fs, input, diagnostics);
                continue;
            }
            CapabilityNeeds.Check(input, diagnostics, QemuCapability.Fsdev, fs.Location, "a <filesystem>");
            if (fs.Source is not MountFilesystemSource || fs.Type is not (null or FilesystemType.Mount))
                diagnostics.Error(QemuDiagnostics.UnsupportedDevice, fs.Location,
                    $"filesystem type '{FilesystemXml.Type.ToXml(fs.Type ?? fs.Source.Type)}' is not supported by QEMU; allowed: 'mount'");
            var driver = fs.Driver?.Type;
            if (driver is FilesystemDriverType.Loop or FilesystemDriverType.Nbd)
                diagnostics.Error(QemuDiagnostics.UnsupportedDevice, fs.Location,
                    $"filesystem driver type '{FilesystemXml.DriverType.ToXml(driver.Value)}' is not supported by QEMU; allowed: 'path', 'handle'");
            if (driver == FilesystemDriverType.Handle && fs.AccessMode is { } mode && mode != FilesystemAccessMode.Passthrough)
                diagnostics.Error(QemuDiagnostics.UnsupportedDevice, fs.Location,
                    $"the 'handle' filesystem driver only supports accessmode 'passthrough', not '{FilesystemXml.AccessMode.ToXml(mode)}'");
            if (fs.Driver?.WritePolicy is not null)
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.FsdevWriteout, fs.Location, "<driver wrpolicy>");
            if (fs.ReadOnly)
                CapabilityNeeds.Check(input, diagnostics, QemuCapability.FsdevReadonly, fs.Location, "a read-only <filesystem>");
        }
    }
}
