namespace DomainLauncher.HostRuntime.Storage;

/// <summary>Where the qemu-img that goes with an emulator is.</summary>
public static class QemuImg
{
    /// <summary>The qemu-img installed beside the emulator (the same package ships both), else the one on PATH.</summary>
    public static string Beside(string emulatorPath)
    {
        var beside = Path.Combine(Path.GetDirectoryName(emulatorPath) ?? "", "qemu-img");
        return File.Exists(beside) ? beside : "qemu-img";
    }
}
