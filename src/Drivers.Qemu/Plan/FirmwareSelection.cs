using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// What <c>&lt;os firmware='efi|bios'&gt;</c> asks of the automatically chosen firmware, and the choice:
/// the first description, in the host's priority order, whose interface, arch and machine fit and whose
/// features meet every requirement, as QEMU's firmware interop document tells management software to choose.
/// </summary>
internal sealed record FirmwareSelection(OsFirmware Interface, string Arch, string Machine)
{
    /// <summary>Features the image must have (<c>&lt;feature enabled='yes'&gt;</c>, <c>secure='yes'</c> needing <c>requires-smm</c>).</summary>
    public List<string> Required { get; } = [];

    /// <summary>Features the image must not have (<c>&lt;feature enabled='no'&gt;</c>, SMM switched off).</summary>
    public List<string> Refused { get; } = [];

    /// <summary>A loader path the domain names: the image must be that file.</summary>
    public string? Executable { get; init; }

    /// <summary><c>&lt;loader type&gt;</c>: the image must be mapped that way.</summary>
    public FirmwareDevice? Device { get; init; }

    /// <summary><c>&lt;loader stateless='yes|no'&gt;</c>: the image must (not) be one without a variable store.</summary>
    public bool? Stateless { get; init; }

    /// <summary>The spec's name of the interface asked for.</summary>
    public string InterfaceName => Interface == OsFirmware.Efi ? "uefi" : "bios";

    public static FirmwareSelection For(Domain domain, OsConfig os, OsFirmware firmware, string arch, string machine)
    {
        var loader = os.LoaderSettings;
        var selection = new FirmwareSelection(firmware, arch, machine)
        {
            Executable = os.Loader,
            Device = loader?.Type switch { LoaderType.Pflash => FirmwareDevice.Flash, LoaderType.Rom => FirmwareDevice.Memory, _ => null },
            Stateless = loader?.Stateless,
        };
        foreach (var feature in os.FirmwareFeatures)
            (feature.Enabled ? selection.Required : selection.Refused).Add(OsFirmwareXml.FeatureName.ToXml(feature.Name));
        if (loader?.Secure == true) selection.Required.Add(FirmwareFeatures.RequiresSmm);
        if (loader?.Secure == false || domain.Features?.Smm is { State: false }) selection.Refused.Add(FirmwareFeatures.RequiresSmm);
        return selection;
    }

    public FirmwareDescription? Choose(IEnumerable<FirmwareDescription> descriptions) => descriptions.FirstOrDefault(Fits);

    private bool Fits(FirmwareDescription d) =>
        d.Interfaces.Contains(InterfaceName, StringComparer.Ordinal)
        && d.Targets.Any(t => t.Architecture == Arch && t.Machines.Any(pattern => MachineGlob.Matches(pattern, Machine)))
        && Required.All(d.Has) && !Refused.Any(d.Has)
        && (Executable is null || d.Mapping.Executable.Path == Executable)
        && (Device is null || d.Mapping.Device == Device)
        // A combined image needs a private writable copy of the code, which nothing here makes: not chosen.
        && !(d.Mapping.Device == FirmwareDevice.Flash && d.Mapping.Mode == FirmwareFlashMode.Combined)
        && (Stateless is null || Stateless == IsStateless(d));

    private static bool IsStateless(FirmwareDescription d) =>
        d.Mapping.Device == FirmwareDevice.Memory || d.Mapping.Mode == FirmwareFlashMode.Stateless || d.Mapping.NvramTemplate is null;

    /// <summary>What was asked, for a refusal: "uefi firmware for x86_64 machine pc-q35-7.2 with secure-boot, without enrolled-keys".</summary>
    public string Describe()
    {
        var text = $"{InterfaceName} firmware for {Arch} machine {Machine}";
        if (Required.Count > 0) text += " with " + string.Join(", ", Required);
        if (Refused.Count > 0) text += " without " + string.Join(", ", Refused);
        if (Executable is not null) text += $" whose image is {Executable}";
        if (Stateless is { } stateless) text += stateless ? " that is stateless" : " that has a variable store";
        return text;
    }
}

/// <summary>The feature names of QEMU's firmware interop document the driver acts on.</summary>
internal static class FirmwareFeatures
{
    public const string RequiresSmm = "requires-smm";
}
