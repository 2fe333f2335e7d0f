namespace DomainLauncher.HostRuntime.Tests.Probing;

/// <summary>A fact that runs the real x86_64 emulator, skipped (saying why) when it is not installed.</summary>
public sealed class QemuBinaryFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/qemu-system-x86_64";

    public QemuBinaryFactAttribute()
    {
        if (!File.Exists(Path)) Skip = $"{Path} is not installed; these tests probe a real QEMU";
    }
}

/// <summary>A fact that needs a Unix host (shebang scripts, /bin/true, /proc).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux (/bin/true, shebang scripts, /proc)";
    }
}
