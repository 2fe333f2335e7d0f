using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the RNG backends (-object rng-random|rng-egd|rng-builtin, the egd chardev) and -device virtio-rng-pci.
internal static class RngEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        foreach (var rng in ctx.Plan.Misc.Rngs)
        {
            if (rng.Rng.Backend is EgdRngBackend egd)
            {
                args.Add("-chardev");
                args.Add(CharSourceSyntax.Chardev(egd.Source, rng.CharId, ctx));
            }
            var backend = new QemuOpts(rng.BackendType).Add("id", rng.ObjectId).Add("filename", rng.RandomFile);
            if (rng.Rng.Backend is EgdRngBackend) backend.Add("chardev", rng.CharId);
            args.Add("-object");
            args.Add(backend.ToString());

            var device = new QemuOpts(rng.QemuType).Add("rng", rng.ObjectId).Add("id", rng.Alias)
                .Add("max-bytes", rng.Rng.Rate?.Bytes).Add("period", rng.Period);
            VirtioOptionsSyntax.Add(device, rng.Rng.Driver);
            args.Add("-device");
            args.Add(PciEmitter.AddAddress(device, rng.Pci, ctx.Plan.PciBuses).ToString());
        }
    }
}
