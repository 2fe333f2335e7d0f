using DomainLauncher.Drivers.Xen.XmConfig.Sections;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Validate;

/// <summary>
/// The parts of libvirt 9's domain model that libxl's config files carry and xend's do not. They
/// are taken out of the domain before the check for parts the Xen writers do not translate (see
/// <see cref="Untranslated.XenUntranslatedChecks"/>), so that the check refuses exactly what the
/// writer of the target would leave out. One list, kept next to the sections that write them.
/// </summary>
internal static class LibxlWrittenParts
{
    public static Domain Remove(XmConfigContext ctx)
    {
        var domain = ctx.Domain;
        if (!ctx.Target.XmCommonSettingsFirst) return domain;
        var devices = domain.Devices;
        domain = domain with
        {
            // XmFeatureSection: hap = 0, e820_host, passthrough.
            Features = domain.Features is { } features ? features with { HapState = null, Xen = null } : null,
            Devices = devices with
            {
                // XmPciSection: permissive=1.
                HostDevices = [.. devices.HostDevices.Select(h => h.Source is PciHostDeviceSource { WriteFiltering: false } pci
                    ? h with { Source = pci with { WriteFiltering = null } } : h)],
                // XmGraphicsSection: a listen on the host's default address is no listen at all.
                Graphics = [.. devices.Graphics.Select(g => g is VncGraphics { Listens: [AddressListen { Address: null }] } vnc ? vnc with { Listens = [] } : g)],
                // XmVifSection: every ip, the Open vSwitch VLAN, the outbound rate.
                Interfaces = [.. devices.Interfaces.Select(nic => nic with
                {
                    Ips = nic.Ips.IsDefaultOrEmpty ? nic.Ips : [new InterfaceIp { Address = nic.Ips[0].Address, Location = nic.Ips[0].Location }],
                    Vlan = nic.VirtualPort?.Type == VirtualPortType.OpenVSwitch ? null : nic.Vlan,
                    VirtualPort = nic.VirtualPort is { Type: VirtualPortType.OpenVSwitch, InterfaceId: null, ProfileId: null } ? null : nic.VirtualPort,
                    Bandwidth = nic.Bandwidth is { Outbound: { Peak: null, Burst: null } } bandwidth ? bandwidth with { Outbound = null } is { Inbound: null } ? null : bandwidth with { Outbound = null } : nic.Bandwidth,
                })],
            },
        };
        if (!ctx.Xl) return domain;
        var os = domain.Os;
        devices = domain.Devices;
        return domain with
        {
            // XlOsSection: bios = "ovmf", acpi_firmware.
            Os = os is null ? null : os with
            {
                // XlOsSection: type = "pvh".
                Type = os.Type == OsType.Xenpvh ? OsType.Linux : os.Type,
                LoaderSettings = os.LoaderSettings is { Type: LoaderType.Pflash, Secure: null or false, Stateless: null } ? null : os.LoaderSettings,
                Loader = os.LoaderSettings is { Type: LoaderType.Pflash } ? null : os.Loader,
                AcpiTables = [],
            },
            // XlDomainSection: nestedhvm, cpuid, vnuma.
            Cpu = ctx.Hvm && domain.Cpu is { } cpu ? cpu with
            {
                Mode = cpu.Mode == CpuMode.HostPassthrough ? null : cpu.Mode,
                Features = [],
                NumaCells = [.. cpu.NumaCells.Select(c => c with { Distances = [] })],
            } : domain.Cpu,
            Devices = devices with
            {
                // XlDomainSection: max_grant_frames, max_event_channels; XlDeviceSection: usbctrl.
                Controllers = [.. devices.Controllers.Select(c => c switch
                {
                    XenbusController xenbus => xenbus with { MaxGrantFrames = null, MaxEventChannels = null },
                    UsbController usb when XlDeviceSection.UsbVersion(usb) is not null => usb with { Model = null, Ports = null },
                    _ => c,
                })],
                // XlDeviceSection: channel.
                Channels = [.. devices.Channels.Where(c => !XlDeviceSection.IsExpressibleChannel(c))],
            },
        };
    }
}
