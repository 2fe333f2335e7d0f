namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The display a guest without graphics gets: <c>-nographic</c>, or, for a daemonized QEMU (which refuses
/// <c>-nographic</c>) beside <c>-nodefaults</c>, <c>-display none</c>; a guest with graphics gets its server.
/// </summary>
public enum QemuDisplayMode
{
    Graphics,
    NoGraphic,
    DisplayNone,
}
