using DomainLauncher.HostRuntime.Tests.Probing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>A theory that runs the real x86_64 emulator, skipped (saying why) when it is not installed.</summary>
public sealed class QemuBinaryTheoryAttribute : TheoryAttribute
{
    public QemuBinaryTheoryAttribute()
    {
        if (!File.Exists(QemuBinaryFactAttribute.Path)) Skip = $"{QemuBinaryFactAttribute.Path} is not installed; these tests launch a real QEMU";
    }
}
