using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Drivers.Qemu.Build;

/// <summary>How QEMU runs the guest's instructions: TCG (QEMU's own translator) or KVM (the host kernel).</summary>
public enum QemuAccelerator
{
    Tcg,
    Kvm,
}

/// <summary>The accelerators' names as <c>-accel</c> and <c>--accel</c> spell them.</summary>
public static class QemuAcceleratorNames
{
    public static readonly XmlEnum<QemuAccelerator> Table = new(("tcg", QemuAccelerator.Tcg), ("kvm", QemuAccelerator.Kvm));
}
