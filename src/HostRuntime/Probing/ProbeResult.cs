using System.Collections.Immutable;
using System.Text.Json.Serialization;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// What one QEMU binary told us over QMP and in its <c>-help</c> text. Names are QEMU's own, sorted
/// ordinally (machines too: QEMU lists them in no stable order). <see cref="ProbeCapabilityRules"/> turns it into libvirt
/// capability names. A recorded profile (<see cref="Profiles.EmulatorProfile"/>) holds one as JSON;
/// every property but <see cref="AcceleratorCpus"/> is required there, so a profile missing one is
/// refused rather than read as "absent" (<see cref="Profiles.EmulatorProfileReader"/>). The lists the
/// rules search (commands, device and object types, events) are kept sorted whatever they are given
/// as, so that a search is a binary one.
/// </summary>
public sealed record ProbeResult
{
    public required string Path { get; init; }

    /// <summary>The guest architecture from <c>query-target</c> (<c>x86_64</c>).</summary>
    public required string Arch { get; init; }

    [JsonConverter(typeof(QemuVersionJsonConverter))]
    public required QemuVersion Version { get; init; }

    /// <summary>The distribution's package string (<c>Debian 1:7.2+dfsg-7</c>); may be empty.</summary>
    public string Package { get; init; } = "";

    /// <summary>QMP commands (<c>query-commands</c>).</summary>
    public ImmutableArray<string> Commands { get; init => field = OrdinalNames.Sorted(value); } = [];

    /// <summary>Command-line options QEMU describes (<c>query-command-line-options</c>), each with its parameter names.</summary>
    public NameTable CommandLineOptions { get; init; } = NameTable.Empty;

    /// <summary>Concrete device types, <c>-device</c> drivers (<c>qom-list-types implements=device</c>).</summary>
    public ImmutableArray<string> DeviceTypes { get; init => field = OrdinalNames.Sorted(value); } = [];

    /// <summary>Concrete user-creatable object types, <c>-object</c> backends (<c>rng-random</c>, <c>memory-backend-ram</c>).</summary>
    public ImmutableArray<string> ObjectTypes { get; init => field = OrdinalNames.Sorted(value); } = [];

    /// <summary>Properties of the devices the command-line builder emits (<c>device-list-properties</c>), by device type.</summary>
    public NameTable DeviceProperties { get; init; } = NameTable.Empty;

    public ImmutableArray<ProbedMachine> Machines { get; init; } = [];

    /// <summary>CPU models for <c>-cpu</c> (<c>query-cpu-definitions</c>).</summary>
    public ImmutableArray<string> CpuModels { get; init; } = [];

    /// <summary>
    /// The CPU definitions and expansion per accelerator the probe could ask: the default one (TCG
    /// here) and KVM when this host's <c>/dev/kvm</c> worked. Not required: profiles recorded before
    /// it was probed read as empty, and the driver then checks CPU models by name only.
    /// </summary>
    public ImmutableArray<ProbedAcceleratorCpus> AcceleratorCpus
    {
        get => AcceleratorCpusSource.Views;
        init => AcceleratorCpusSource = new ProbedAcceleratorCpusSource(value);
    }

    /// <summary>Where <see cref="AcceleratorCpus"/> come from: given, or a profile's text of them read on first use.</summary>
    [JsonIgnore]
    public ProbedAcceleratorCpusSource AcceleratorCpusSource { get; init; } = ProbedAcceleratorCpusSource.Empty;

    /// <summary>Accelerators built in (<c>tcg</c>, <c>kvm</c>, <c>xen</c>): concrete types implementing <c>accel</c>, less the suffix.</summary>
    public ImmutableArray<string> Accelerators { get; init; } = [];

    /// <summary>
    /// KVM support is compiled in (<c>query-kvm</c> "present"); null when the query is missing. This says
    /// nothing about <c>/dev/kvm</c> on this host: the probe runs with no accelerator chosen.
    /// </summary>
    public bool? KvmBuiltIn { get; init; }

    /// <summary>
    /// The options <c>-help</c> lists, each with its synopses: the words after the option name on each
    /// of its lines, with their bracketed continuation lines (<c>netdev</c>: <c>user,id=str[,...]</c>,
    /// <c>tap,...</c>, <c>bridge,...</c>; <c>vga</c>: <c>[std|cirrus|...|none]</c>). Options QEMU never
    /// describes over QMP (<c>-uuid</c>, <c>-no-reboot</c>, <c>-vga</c>, <c>-no-kvm</c>) are known only from here.
    /// </summary>
    public NameTable HelpOptions { get; init; } = NameTable.Empty;

    /// <summary>QMP events the schema declares (<c>query-qmp-schema</c>): <c>BALLOON_CHANGE</c>, ...</summary>
    public ImmutableArray<string> Events { get; init => field = OrdinalNames.Sorted(value); } = [];

    /// <summary>
    /// Features the schema gives QMP commands, for commands that have any: <c>device_add</c> has
    /// <c>json-cli</c> when <c>-device</c> takes JSON.
    /// </summary>
    public NameTable CommandFeatures { get; init; } = NameTable.Empty;

    public bool HasHelpOption(string option) => HelpOptions.ContainsKey(option);

    /// <summary>A synopsis of <paramref name="option"/> in <c>-help</c> that starts with <paramref name="prefix"/> (<c>-netdev bridge</c>).</summary>
    public bool HasHelpSynopsis(string option, string prefix) =>
        HelpOptions.TryGetValue(option, out var synopses) && synopses.Any(s => s.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Some synopsis of <paramref name="option"/> in <c>-help</c> contains <paramref name="text"/>.</summary>
    public bool HelpSynopsisContains(string option, string text) =>
        HelpOptions.TryGetValue(option, out var synopses) && synopses.Any(s => s.Contains(text, StringComparison.Ordinal));

    public bool HasEvent(string name) => OrdinalNames.Contains(Events, name);

    public bool HasCommandFeature(string command, string feature) =>
        CommandFeatures.TryGetValue(command, out var features) && features.AsSpan().Contains(feature);

    public bool HasCommand(string name) => OrdinalNames.Contains(Commands, name);

    public bool HasDevice(string type) => OrdinalNames.Contains(DeviceTypes, type);

    public bool HasObject(string type) => OrdinalNames.Contains(ObjectTypes, type);

    public bool HasOption(string option) => CommandLineOptions.ContainsKey(option);

    public bool HasOptionParameter(string option, string parameter) =>
        CommandLineOptions.TryGetValue(option, out var parameters) && parameters.AsSpan().Contains(parameter);

    public bool HasDeviceProperty(string type, string property) =>
        DeviceProperties.TryGetValue(type, out var properties) && properties.AsSpan().Contains(property);

    /// <summary>The machine an alias or name stands for: <c>pc</c> gives <c>pc-i440fx-7.2</c>.</summary>
    public ProbedMachine? FindMachine(string nameOrAlias) =>
        Machines.FirstOrDefault(m => m.Name == nameOrAlias) ?? Machines.FirstOrDefault(m => m.Alias == nameOrAlias);

    [JsonIgnore]
    public ProbedMachine? DefaultMachine => Machines.FirstOrDefault(m => m.IsDefault);
}
