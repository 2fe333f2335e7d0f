using System.Globalization;
using System.Xml.Linq;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// Prints <see cref="HostCapabilities"/> in libvirt's layout of the host capabilities document:
/// <c>&lt;host&gt;</c> (uuid, cpu: arch, model, vendor, topology, features), then one
/// <c>&lt;guest&gt;</c> per arch (os_type, arch: wordsize, emulator, loader, machines, domains;
/// features), a blank line after each section. Readable again with <see cref="HostCapabilitiesParser"/>.
/// </summary>
public static class HostCapabilitiesWriter
{
    /// <summary>The document, for values known to be writable (tests, recorded profiles).</summary>
    public static string Write(HostCapabilities capabilities) =>
        TryWrite(capabilities, default).Text ?? throw new InvalidOperationException(TryWrite(capabilities, default).Refusal!.Message);

    /// <summary>
    /// The document, or a refusal located at <paramref name="source"/> (the emulator it came from) when
    /// a value from the emulator's answer holds a character XML cannot carry: refused, never dropped.
    /// </summary>
    public static (string? Text, Diagnostic? Refusal) TryWrite(HostCapabilities capabilities, SourceLocation source)
    {
        var root = ToElement(capabilities);
        return CapabilitiesXmlText.Unrepresentable(root) is { } problem
            ? (null, new Diagnostic(CapabilitiesXmlDiagnostics.Unwritable, Severity.Error,
                $"the emulator's answer holds {problem}, which an XML document cannot carry", source))
            : (CapabilitiesXmlText.Format(root, "host", "guest"), null);
    }

    internal static XElement ToElement(HostCapabilities caps) =>
        new("capabilities",
            new XElement("host",
                caps.HostUuid is null ? null : new XElement("uuid", caps.HostUuid),
                caps.Cpu is null ? null : Cpu(caps.Cpu)),
            caps.Guests.Select(Guest));

    private static XElement Cpu(HostCpu cpu) =>
        new("cpu",
            new XElement("arch", cpu.Arch),
            cpu.Model is null ? null : new XElement("model", cpu.Model),
            cpu.Vendor is null ? null : new XElement("vendor", cpu.Vendor),
            cpu.Topology is not { } t ? null : new XElement("topology",
                new XAttribute("sockets", Number(t.Sockets)), new XAttribute("cores", Number(t.Cores)), new XAttribute("threads", Number(t.Threads))),
            cpu.Features.Select(f => new XElement("feature", new XAttribute("name", f))));

    private static XElement Guest(GuestCapability guest) =>
        new("guest",
            new XElement("os_type", OsTypeXml.Table.ToXml(guest.OsType)),
            new XElement("arch", new XAttribute("name", guest.Arch),
                guest.WordSize is { } size ? new XElement("wordsize", Number(size)) : null,
                guest.Emulator is null ? null : new XElement("emulator", guest.Emulator),
                guest.Loader is null ? null : new XElement("loader", guest.Loader),
                guest.Machines.Select(Machine),
                guest.Domains.Select(Domain)),
            guest.Features.IsEmpty ? null : new XElement("features", guest.Features.Select(Feature)));

    private static XElement Machine(GuestMachine machine) =>
        new("machine",
            machine.Canonical is null ? null : new XAttribute("canonical", machine.Canonical),
            machine.MaxCpus is { } max ? new XAttribute("maxCpus", Number(max)) : null,
            machine.Deprecated ? new XAttribute("deprecated", "yes") : null,
            machine.Name);

    private static XElement Domain(GuestDomainType domain) =>
        new("domain", new XAttribute("type", DomainTypeXml.Table.ToXml(domain.Type)),
            domain.Emulator is null ? null : new XElement("emulator", domain.Emulator),
            domain.Machines.Select(Machine));

    private static XElement Feature(GuestFeature feature) =>
        new(feature.Name,
            feature.DefaultOn is { } on ? new XAttribute("default", on ? "on" : "off") : null,
            feature.Toggle is { } toggle ? new XAttribute("toggle", toggle ? "yes" : "no") : null);

    private static string Number(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
