namespace DomainLauncher.Drivers.Qemu.Check;

/// <summary>Whether this host can run guests under KVM: <c>/dev/kvm</c> exists and we may open it for reading and writing.</summary>
public static class HostKvm
{
    public const string DevicePath = "/dev/kvm";

    public static bool IsUsable()
    {
        try
        {
            using var device = new FileStream(DevicePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 1);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
