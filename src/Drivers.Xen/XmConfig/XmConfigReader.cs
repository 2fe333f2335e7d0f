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

    /// <summary>The settings libxl reads besides xend's: in xm and xl files, and some only in xl files.</summary>
    public static readonly FrozenSet<string> LibxlSettings = FrozenSet.ToFrozenSet(
    [
        "maxvcpus", "device_model_override", "e820_host", "passthrough", "tsc_mode",
        "type", "cmdline", "bios", "acpi_firmware", "nestedhvm", "cpuid", "vnuma", "max_grant_frames", "max_event_channels",
        "spice", "spicehost", "spiceport", "spicetls_port", "spicedisable_ticketing", "spicepasswd", "spiceagent_mouse",
        "spicevdagent", "spice_clipboard_sharing", "usbctrl", "usbdev", "channel",
    ], StringComparer.Ordinal);

    public static XmConfigReadResult ReadText(string text, string sourceName, XenTarget target, XenGuestDefaults guests, XenConfigFormat format = XenConfigFormat.Xm)
    {
        var parsed = XmConfigParser.Parse(text, sourceName);
        if (parsed.File is null) return new XmConfigReadResult(null, parsed.Diagnostics);
        var read = Read(parsed.File, SourceLocation.OfFile(sourceName), target, guests, format);
        return new XmConfigReadResult(read.Domain, [.. parsed.Diagnostics, .. read.Diagnostics]);
    }

    public static XmConfigReadResult Read(XmConfigFile file, SourceLocation fileLocation, XenTarget target, XenGuestDefaults guests,
        XenConfigFormat format = XenConfigFormat.Xm)
    {
        var diagnostics = new DiagnosticBag();
        var libxl = target.LibxlReadDefaults;
        CheckKeys(file, libxl, diagnostics);
        foreach (var entry in file.Entries) CheckCharacters(entry.Name, entry.Value, diagnostics);
        if (diagnostics.HasErrors) return new XmConfigReadResult(null, Ordered(diagnostics));
        var settings = new XmSettings(file, diagnostics);

        var name = XmIdentitySection.ReadName(settings, fileLocation);
        var uuid = XmIdentitySection.ReadUuid(settings);
        XmOsSettings? os;
        if (libxl) os = XlOsSection.Read(settings, format, guests, fileLocation);
        else
        {
            var xendHvm = settings.String("builder") == "hvm";
            var guest = xendHvm ? guests.Hvm : guests.Paravirt;
            if (guest is null)
                diagnostics.Error(XenXmDiagnostics.Unsupported, fileLocation,
                    $"the host offers no guest architecture for os type '{(xendHvm ? "hvm" : "xen")}'");
            os = guest is null ? null : XmOsSection.Read(settings, xendHvm, guest, fileLocation);
        }
        var hvm = os?.Os.Type == OsType.Hvm;
        var memory = XmIdentitySection.ReadMemory(settings);
        var vcpu = XmIdentitySection.ReadVcpu(settings);
        var lifecycle = XmLifecycleSection.Read(settings);
        var clock = XmClockSection.Read(settings, hvm, target);
        var emulator = settings.String("device_model");
        if (libxl && settings.String("device_model_override") is { } overridden) emulator = overridden;
        var disks = XmDiskSection.Read(settings, hvm, target, format);
        var interfaces = XmVifSection.Read(settings, target);
        var hostDevices = XmPciSection.Read(settings, libxl);
        var usbInputs = XmHvmDeviceSection.ReadUsbInputs(settings, hvm);
        var graphics = XmGraphicsSection.Read(settings, hvm, target);
        var chars = XmCharSection.Read(settings, hvm);
        var sounds = XmSoundSection.Read(settings, hvm);
        var libxlParts = libxl ? LibxlReader.Read(settings, hvm, format) : null;

        if (diagnostics.HasErrors || name is null || os is null || memory is null || vcpu is null || lifecycle is null || clock is null)
            return new XmConfigReadResult(null, Ordered(diagnostics));

        var inputs = ImmutableArray.CreateBuilder<InputDevice>();
        inputs.AddRange(usbInputs);
        // A framebuffer brings its mouse: PS/2 on HVM guests, the Xen input device on PV ones.
        if (graphics is not null && !libxl) inputs.Add(new InputDevice { Type = InputType.Mouse, Bus = hvm ? InputBus.Ps2 : InputBus.Xen });

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
            Features = libxl ? XmFeatureSection.Read(settings, hvm) : os.Features,
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
        if (libxlParts is not null) domain = LibxlReader.Apply(domain, libxlParts);
        if (diagnostics.HasErrors) return new XmConfigReadResult(null, Ordered(diagnostics));
        return new XmConfigReadResult(domain, Ordered(diagnostics));
    }

    private static void CheckKeys(XmConfigFile file, bool libxl, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, XmEntry>(StringComparer.Ordinal);
        foreach (var entry in file.Entries)
        {
            if (!libxl && LibxlSettings.Contains(entry.Name))
                diagnostics.Error(XenXmDiagnostics.UnknownKey, entry.Location,
                    $"'{entry.Name}' is a setting of libxl's config files (Xen 4.5 and later), which xend's do not have;"
                    + " read the file for the libxl toolstack (--toolstack libxl)");
            else if (!KnownSettings.Contains(entry.Name) && !(libxl && LibxlSettings.Contains(entry.Name)))
            {
                var suggestion = Closest(entry.Name, libxl);
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
    private static string? Closest(string name, bool libxl) =>
        name.Length > XmLimits.MaxSuggestedNameLength ? null :
        (libxl ? KnownSettings.Concat(LibxlSettings) : KnownSettings).Select(k => (Key: k, Distance: NameSuggestions.Distance(name, k)))
            .Where(c => c.Distance <= Math.Max(1, name.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).FirstOrDefault();

    private static List<Diagnostic> Ordered(DiagnosticBag diagnostics) =>
        [.. diagnostics.Items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)];
}
