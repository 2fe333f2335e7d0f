using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the pflash -blockdev nodes (a protocol node and a format node per flash drive, named by
// -machine pflash0=/pflash1=), -global driver=cfi.pflash01,property=secure,value=on.
internal static class FirmwareEmitter
{
    public static void Blockdevs(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Firmware is not { } firmware) return;
        foreach (var drive in new[] { firmware.Code, firmware.Vars })
        {
            if (drive is null) continue;
            args.Add("-blockdev");
            // auto-read-only: QEMU opens the file read-only when the format node above it is.
            args.Add(new QemuOpts()
                .Add("driver", drive.BlockDevice ? "host_device" : "file")
                .Add("filename", drive.Path)
                .Add("node-name", drive.StorageNode)
                .Add("auto-read-only", "on")
                .Add("discard", "unmap")
                .ToString());
            args.Add("-blockdev");
            args.Add(new QemuOpts()
                .Add("node-name", drive.FormatNode)
                .AddOnOff("read-only", drive.ReadOnly)
                .Add("driver", drive.Format)
                .Add("file", drive.StorageNode)
                .ToString());
        }
    }

    public static void Globals(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Firmware is { SecureFlash: true })
        {
            args.Add("-global");
            args.Add(new QemuOpts().Add("driver", "cfi.pflash01").Add("property", "secure").Add("value", "on").ToString());
        }
    }
}
