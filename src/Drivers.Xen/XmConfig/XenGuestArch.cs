namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// The default architecture and machine the host offers a Xen guest of one OS type, and for HVM
/// guests the loader (hvmloader) libxl boots them with when the config names none.
/// </summary>
public sealed record XenGuestArch(string Arch, string? Machine, string? Loader = null);

/// <summary>
/// What the host's capabilities say a config without an architecture runs as: the default guest
/// of each kind (HVM, paravirtualized "xen" and, with libxl, PVH). A config read for a host that
/// offers no guest of its kind is refused, as the reference refuses it. <see cref="FirmwareDir"/>
/// is where libxl finds firmware such as OVMF (<c>bios = "ovmf"</c> reads as its <c>ovmf.bin</c>).
/// </summary>
public sealed record XenGuestDefaults(XenGuestArch? Hvm, XenGuestArch? Paravirt, XenGuestArch? Pvh = null, string? FirmwareDir = null);
