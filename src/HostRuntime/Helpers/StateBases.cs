using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Where a launcher without a daemon keeps what outlives a run (STATE): a domain's TPM state
/// (<c>STATE/NAME/tpm</c>) and UEFI variable stores (<c>STATE/nvram/NAME_VARS.fd</c>). Unlike the run
/// directory, which is deleted when the guest stops, STATE is kept across launches, as libvirt keeps
/// <c>/var/lib/libvirt/swtpm</c> and <c>/var/lib/libvirt/qemu/nvram</c>.
/// </summary>
public static class StateBases
{
    /// <summary>
    /// <c>$XDG_STATE_HOME/domainlauncher</c> when XDG_STATE_HOME is set (and absolute, as the XDG rule
    /// asks), else <c>/var/lib/domainlauncher</c> for root, else <c>~/.local/state/domainlauncher</c>.
    /// </summary>
    public static string DefaultBase(Func<string, string?> environment, bool isRoot, string? home)
    {
        var xdg = environment("XDG_STATE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "domainlauncher");
        if (isRoot) return "/var/lib/domainlauncher";
        var folder = !string.IsNullOrEmpty(home) && Path.IsPathRooted(home) ? home : "/tmp";
        return Path.Combine(folder, ".local", "state", "domainlauncher");
    }

    public static string ForThisUser() =>
        DefaultBase(Environment.GetEnvironmentVariable, Environment.IsPrivilegedProcess,
            Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The folder of a domain's kept TPM state: <c>STATE/NAME/tpm</c>.</summary>
    public static string TpmStateFolder(string stateBase, string domainName) => Path.Combine(stateBase, domainName, "tpm");

    /// <summary>The folder of the domains' UEFI variable stores that name no file of their own: <c>STATE/nvram</c>.</summary>
    public static string NvramFolder(string stateBase) => Path.Combine(stateBase, "nvram");

    /// <summary>Creates a folder (and its parents) readable by its user only where we create it.</summary>
    public static void CreatePrivate(string folder)
    {
        if (Directory.Exists(folder)) return;
        if (Path.GetDirectoryName(folder) is { Length: > 0 } parent) CreatePrivate(parent);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
