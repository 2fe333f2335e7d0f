using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// A redirected USB device with its QEMU type (the word after <c>-device</c>), alias and boot index; its
/// chardev is <c>char</c> + alias.
/// </summary>
public sealed record PlannedRedirectedDevice(RedirectedDevice Device, string QemuType, string Alias)
{
    public string CharAlias => "char" + Alias;

    /// <summary><c>bootindex=N</c>, when boot order goes per device and the XML gives the device one.</summary>
    public uint? BootIndex { get; init; }
}
