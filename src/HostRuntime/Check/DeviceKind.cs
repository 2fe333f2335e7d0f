namespace DomainLauncher.HostRuntime.Check;

/// <summary>The families of guest-visible devices the live check looks for, as the report names them.</summary>
public enum DeviceKind
{
    Disk,
    Cdrom,
    Floppy,
    Nic,
    Serial,
    Parallel,
    Console,
    Channel,
    Controller,
    Video,
    Sound,
    Watchdog,
    Memballoon,
    Input,
    Hub,
    Redirdev,
    Filesystem,
    Smartcard,
    Hostdev,
}

/// <summary>The one name table of <see cref="DeviceKind"/>: the words the report and its JSON use (libvirt's element names).</summary>
public static class DeviceKindNames
{
    public static string Name(DeviceKind kind) => kind switch
    {
        DeviceKind.Disk => "disk",
        DeviceKind.Cdrom => "cdrom",
        DeviceKind.Floppy => "floppy",
        DeviceKind.Nic => "interface",
        DeviceKind.Serial => "serial",
        DeviceKind.Parallel => "parallel",
        DeviceKind.Console => "console",
        DeviceKind.Channel => "channel",
        DeviceKind.Controller => "controller",
        DeviceKind.Video => "video",
        DeviceKind.Sound => "sound",
        DeviceKind.Watchdog => "watchdog",
        DeviceKind.Memballoon => "memballoon",
        DeviceKind.Input => "input",
        DeviceKind.Hub => "hub",
        DeviceKind.Redirdev => "redirdev",
        DeviceKind.Filesystem => "filesystem",
        DeviceKind.Smartcard => "smartcard",
        DeviceKind.Hostdev => "hostdev",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown device kind"),
    };
}
