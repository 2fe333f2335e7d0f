using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Xen;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>What reading a host capabilities file for Xen produced.</summary>
public sealed record XenHostCapabilitiesResult(XenGuestDefaults? Guests, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads, from a host <c>&lt;capabilities&gt;</c> document, the default Xen guest of each OS type:
/// the first <c>&lt;guest&gt;</c> with that <c>&lt;os_type&gt;</c> offering <c>&lt;domain type='xen'/&gt;</c>,
/// its arch and the arch's first machine (as the reference picks its defaults).
/// </summary>
public static class XenHostCapabilities
{
    public static XenHostCapabilitiesResult LoadFile(string path)
    {
        var load = SafeXmlLoader.LoadFile(InputFiles.Disk, path);
        if (load.Root is null) return new(null, [load.Error!]);
        if (load.Root.LocalName != "capabilities")
            return new(null, [new Diagnostic(XenXmDiagnostics.InvalidManifest, Severity.Error,
                $"the root element is <{load.Root.LocalName}>; host capabilities start with <capabilities>",
                new SourceLocation(path, load.Root.Line, load.Root.Column, ""))]);
        XenGuestArch? hvm = null, paravirt = null, pvh = null;
        foreach (var guest in load.Root.Children.Where(c => c.LocalName == "guest"))
        {
            var osType = guest.Children.FirstOrDefault(c => c.LocalName == "os_type")?.Text.Trim();
            foreach (var arch in guest.Children.Where(c => c.LocalName == "arch"))
            {
                var name = arch.Attribute("name")?.Value;
                var xen = arch.Children.Any(c => c.LocalName == "domain" && c.Attribute("type")?.Value == "xen");
                if (name is null || !xen) continue;
                var machine = arch.Children.FirstOrDefault(c => c.LocalName == "machine")?.Text.Trim();
                var loader = arch.Children.FirstOrDefault(c => c.LocalName == "loader")?.Text.Trim();
                var found = new XenGuestArch(name, machine, osType == "hvm" ? loader : null);
                if (osType == "hvm") hvm ??= found;
                else if (osType is "xen" or "linux") paravirt ??= found;
                else if (osType == "xenpvh") pvh ??= found;
            }
        }
        return new(new XenGuestDefaults(hvm, paravirt, pvh, DefaultXenGuests.Guests.FirmwareDir), []);
    }
}
