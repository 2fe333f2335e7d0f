namespace DomainLauncher.Drivers.Qemu.Plan.Blockdev;

/// <summary>
/// One <c>-blockdev</c> node: its name (unique in the guest, decided by the planner) and every option
/// QEMU receives, <c>driver</c> and <c>node-name</c> included, in the order they are written.
/// </summary>
public sealed record PlannedBlockNode(string NodeName, BlockObject Options);
