using System.Collections.Frozen;
using System.Collections.Immutable;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig.Sections;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>What reading an xm config produced: the domain (null after any error) and every diagnostic.</summary>
public sealed record XmConfigReadResult(Domain? Domain, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Domain is not null;
}

/// <summary>
/// Reads an xm config file into a domain as libvirt 0.10.2 did, with the values its XML shows for
/// that domain: the defaults of absent settings, the host's default architecture and machine, the
/// console every guest has, the mouse a framebuffer brings, the clock offset and its adjustment.
/// The text is read as data (see <see cref="XmConfigParser"/>); unknown settings, settings of the
/// wrong kind and malformed values are located errors.
/// </summary>
public static class XmConfigReader
{
    /// <summary>Every setting the reader knows (some only matter for one kind of guest or xend version).</summary>
    public static readonly FrozenSet<string> KnownSettings = FrozenSet.ToFrozenSet(
    [
        "name", "uuid", "builder", "memory", "maxmem", "vcpus", "vcpu_avail", "cpus",
        "kernel", "boot", "pae", "acpi", "apic", "hap", "viridian", "hpet", "cdrom",
        "bootloader", "bootargs", "ramdisk", "extra", "root",
        "localtime", "rtc_timeoffset", "on_poweroff", "on_reboot", "on_crash",
        "device_model", "usb", "usbdevice",
        "vnc", "vncunused", "vncdisplay", "vnclisten", "vncpasswd", "keymap", "sdl", "display", "xauthority", "vfb",
        "disk", "vif", "pci", "parallel", "serial", "soundhw",
    ], StringComparer.Ordinal);

    public static XmConfigReadResult ReadText(string text, string sourceName, XenTarget target, XenGuestDefaults guests)
    {
        var parsed = XmConfigParser.Parse(text, sourceName);
        if (parsed.File is null) return new XmConfigReadResult(null, parsed.Diagnostics);
        var read = Read(parsed.File, SourceLocation.OfFile(sourceName), target, guests);
        return new XmConfigReadResult(read.Domain, [.. parsed.Diagnostics, .. read.Diagnostics]);
    }

    public static XmConfigReadResult Read(XmConfigFile file, SourceLocation fileLocation, XenTarget target, XenGuestDefaults guests)
    {
        var diagnostics = new DiagnosticBag();
        CheckKeys(file, diagnostics);
        foreach (var entry in file.Entries) CheckCharacters(entry.Name, entry.Value, diagnostics);
        if (diagnostics.HasErrors) return new XmConfigReadResult(null, Ordered(diagnostics));
        var settings = new XmSettings(file, diagnostics);

        var name = XmIdentitySection.ReadName(settings, fileLocation);
        var uuid = XmIdentitySection.ReadUuid(settings);
        var hvm = settings.String("builder") == "hvm";
        var guest = hvm ? guests.Hvm : guests.Paravirt;
        if (guest is null)
            diagnostics.Error(XenXmDiagnostics.Unsupported, fileLocation,
                $"the host offers no guest architecture for os type '{(hvm ? "hvm" : "xen")}'");
        var os = guest is null ? null : XmOsSection.Read(settings, hvm, guest, fileLocation);
        var memory = XmIdentitySection.ReadMemory(settings);
        var vcpu = XmIdentitySection.ReadVcpu(settings);
        var lifecycle = XmLifecycleSection.Read(settings);
        var clock = XmClockSection.Read(settings, hvm, target);
        var emulator = settings.String("device_model");
        var disks = XmDiskSection.Read(settings, hvm, target);
        var interfaces = XmVifSection.Read(settings);
        var hostDevices = XmPciSection.Read(settings);
        var usbInput = XmHvmDeviceSection.ReadUsbInput(settings, hvm);
        var graphics = XmGraphicsSection.Read(settings, hvm, target);
        var chars = XmCharSection.Read(settings, hvm);
        var sounds = XmSoundSection.Read(settings, hvm);

        if (diagnostics.HasErrors || name is null || os is null || memory is null || vcpu is null || lifecycle is null || clock is null)
            return new XmConfigReadResult(null, Ordered(diagnostics));

        var inputs = ImmutableArray.CreateBuilder<InputDevice>();
        if (usbInput is not null) inputs.Add(usbInput);
        // A framebuffer brings its mouse: PS/2 on HVM guests, the Xen input device on PV ones.
        if (graphics is not null) inputs.Add(new InputDevice { Type = InputType.Mouse, Bus = hvm ? InputBus.Ps2 : InputBus.Xen });

        var domain = new Domain
        {
            Type = DomainType.Xen,
            Name = name,
            Uuid = uuid,
            Os = os.Os,
            Bootloader = os.Bootloader,
            BootloaderArgs = os.BootloaderArgs,
            Memory = memory.Value.Maximum,
            CurrentMemory = memory.Value.Current,
            Vcpu = vcpu,
            OnPoweroff = lifecycle.Value.Poweroff,
            OnReboot = lifecycle.Value.Reboot,
            OnCrash = lifecycle.Value.Crash,
            Features = os.Features,
            Clock = clock,
            Devices = new Devices
            {
                Emulator = emulator,
                Disks = disks,
                Interfaces = interfaces,
                HostDevices = hostDevices,
                Inputs = inputs.ToImmutable(),
                Graphics = graphics is null ? [] : [graphics],
                Parallels = chars.Parallels,
                Serials = chars.Serials,
                Consoles = chars.Consoles,
                Sounds = sounds,
            },
            Location = fileLocation,
        };
        return new XmConfigReadResult(domain, Ordered(diagnostics));
    }

    private static void CheckKeys(XmConfigFile file, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, XmEntry>(StringComparer.Ordinal);
        foreach (var entry in file.Entries)
        {
            if (!KnownSettings.Contains(entry.Name))
            {
                var suggestion = Closest(entry.Name);
                diagnostics.Error(XenXmDiagnostics.UnknownKey, entry.Location,
                    $"'{XmLimits.Shorten(entry.Name)}' is not an xm config setting this reader knows" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
            }
            if (seen.TryGetValue(entry.Name, out var first))
                diagnostics.Error(XenXmDiagnostics.DuplicateKey, entry.Location,
                    $"'{XmLimits.Shorten(entry.Name)}' is set again; it was first set on line {first.Location.Line}");
            else seen.Add(entry.Name, entry);
        }
    }

    /// <summary>
    /// A value with a forbidden character is refused where it starts (see <see cref="XenForbiddenCharacters"/>);
    /// lists are at most <see cref="XmLimits.MaxDepth"/> deep, so the recursion is bounded.
    /// </summary>
    private static void CheckCharacters(string path, XmValue value, DiagnosticBag diagnostics)
    {
        switch (value)
        {
            case XmString s when XenForbiddenCharacters.IndexOf(s.Text) is var index and >= 0:
                diagnostics.Error(XenXmDiagnostics.ForbiddenCharacter, s.Location.WithPath(path),
                    $"the value of '{path}' holds {XenForbiddenCharacters.Describe(s.Text, index)} at character {index + 1};"
                    + " control characters and non-characters are refused, not dropped");
                break;
            case XmList list:
                for (var i = 0; i < list.Items.Length; i++) CheckCharacters($"{path}[{i}]", list.Items[i], diagnostics);
                break;
        }
    }

    // Only short names get a suggestion: the known names are short, and the distance costs the product of the lengths.
    private static string? Closest(string name) =>
        name.Length > XmLimits.MaxSuggestedNameLength ? null :
        KnownSettings.Select(k => (Key: k, Distance: NameSuggestions.Distance(name, k)))
            .Where(c => c.Distance <= Math.Max(1, name.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).FirstOrDefault();

    private static List<Diagnostic> Ordered(DiagnosticBag diagnostics) =>
        [.. diagnostics.Items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)];
}
