namespace DomainLauncher.Cli.Tests;

/// <summary>A fact that runs the installed x86_64 QEMU (and qemu-img), skipped (saying why) when they are absent.</summary>
public sealed class QemuInstalledFactAttribute : FactAttribute
{
    public const string Qemu = "/usr/bin/qemu-system-x86_64";

    public QemuInstalledFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Qemu) || !File.Exists("/usr/bin/qemu-img"))
            Skip = $"needs Linux with {Qemu} and qemu-img; these tests start a real QEMU";
    }
}
