namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>The default architecture and machine the host offers a Xen guest of one OS type.</summary>
public sealed record XenGuestArch(string Arch, string? Machine);

/// <summary>
/// What the host's capabilities say a config without an architecture runs as: the default guest
/// of each kind (HVM, and paravirtualized "xen"). A config read for a host that offers no guest of
/// its kind is refused, as the reference refuses it.
/// </summary>
public sealed record XenGuestDefaults(XenGuestArch? Hvm, XenGuestArch? Paravirt);
