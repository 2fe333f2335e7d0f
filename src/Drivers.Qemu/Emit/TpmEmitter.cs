using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -tpmdev (passthrough, or emulator with its -chardev socket) and the TPM's -device.
internal static class TpmEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        foreach (var tpm in ctx.Plan.Misc.Tpms)
        {
            var tpmdev = new QemuOpts(tpm.BackendType).Add("id", tpm.TpmdevId);
            if (tpm.SocketPath is { } socket)
            {
                args.Add("-chardev");
                args.Add(new QemuOpts("socket").Add("id", tpm.CharId).Add("path", socket).ToString());
                tpmdev.Add("chardev", tpm.CharId);
            }
            tpmdev.Add("path", tpm.DevicePath);
            args.Add("-tpmdev");
            args.Add(tpmdev.ToString());
            args.Add("-device");
            args.Add(new QemuOpts(tpm.QemuType).Add("tpmdev", tpm.TpmdevId).Add("id", tpm.Alias).ToString());
        }
    }
}
