using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads the settings of <see cref="InterfaceOptions"/>; null when the interface gives none.</summary>
internal static class InterfaceOptionsParser
{
    public static InterfaceOptions? Parse(ElementReader nic)
    {
        var mac = nic.Child("mac");
        var target = nic.Child("target");
        var guest = nic.SingleChild("guest");
        var options = new InterfaceOptions
        {
            TrustGuestRxFilters = nic.YesNo("trustGuestRxFilters"),
            MacType = mac?.Enum("type", InterfaceOptionsXml.MacType),
            MacCheck = mac?.YesNo("check"),
            TargetManaged = target?.YesNo("managed"),
            GuestDev = guest?.Attr("dev"),
            GuestActual = guest?.Attr("actual"),
            DownScript = nic.SingleChild("downscript")?.RequiredAttr("path"),
            BackendDomain = nic.SingleChild("backenddomain")?.RequiredAttr("name"),
            Backend = nic.SingleChild("backend") is { } backend
                ? new InterfaceBackendFiles
                {
                    Type = backend.Enum("type", InterfaceOptionsXml.BackendType),
                    Tap = backend.Attr("tap"),
                    Vhost = backend.Attr("vhost"),
                    LogFile = backend.Attr("logFile"),
                }
                : null,
            Mtu = nic.SingleChild("mtu") is { } mtu ? mtu.RequiredAttr("size") is null ? null : mtu.UInt("size", ushort.MaxValue) : null,
            Coalesce = nic.SingleChild("coalesce") is { } coalesce
                ? new InterfaceCoalesce { RxFramesMax = coalesce.SingleChild("rx")?.SingleChild("frames")?.UInt("max") }
                : null,
            Port = nic.SingleChild("port") is { } port ? new InterfacePort { Isolated = port.YesNo("isolated") } : null,
            Teaming = nic.SingleChild("teaming") is { } teaming ? TeamingParser.Parse(teaming) : null,
            AcpiIndex = nic.SingleChild("acpi")?.UInt("index"),
        };
        return options == new InterfaceOptions() ? null : options;
    }
}
