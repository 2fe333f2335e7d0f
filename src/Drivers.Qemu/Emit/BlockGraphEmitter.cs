using DomainLauncher.Drivers.Qemu.Plan.Blockdev;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: a vhost-user disk's -chardev socket, a disk's -object secret/throttle-group/tls-creds-x509 and its -blockdev nodes, in the plan's order.
internal static class BlockGraphEmitter
{
    public static void Emit(PlannedBlockGraph graph, List<string> args)
    {
        if (graph.VhostUser is { } socket)
        {
            args.Add("-chardev");
            args.Add(new QemuOpts("socket").Add("id", socket.ChardevId).Add("path", socket.Path).Add("reconnect", socket.ReconnectSeconds).ToString());
        }
        foreach (var o in graph.Objects)
        {
            var opts = new QemuOpts(o.QomType).Add("id", o.Id);
            foreach (var (key, value) in o.Properties) opts.Add(key, value);
            args.Add("-object");
            args.Add(opts.ToString());
        }
        foreach (var node in graph.Nodes)
        {
            args.Add("-blockdev");
            args.Add(BlockdevJson.Write(node.Options));
        }
    }
}
