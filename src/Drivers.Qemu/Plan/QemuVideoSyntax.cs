namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>How the video cards are given: all with <c>-device</c>, the primary with <c>-vga</c> (others with <c>-device</c>), or libvirt 0.10.2's oldest flags.</summary>
public enum QemuVideoSyntax
{
    Devices,
    VgaOption,
    LegacyOptions,
}
