using System.Collections.Immutable;
using System.Text.Json.Serialization;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// What one QEMU binary told us over QMP and in its <c>-help</c> text. Names are QEMU's own, sorted
/// ordinally (machines too: QEMU lists them in no stable order). <see cref="ProbeCapabilityRules"/> turns it into libvirt
/// capability names. A recorded profile (<see cref="Profiles.EmulatorProfile"/>) holds one as JSON;
/// every property is required there, so a profile missing one is refused rather than read as "absent".
/// </summary>
public sealed record ProbeResult
{
    [JsonRequired]
    public required string Path { get; init; }

    /// <summary>The guest architecture from <c>query-target</c> (<c>x86_64</c>).</summary>
    [JsonRequired]
    public required string Arch { get; init; }

    [JsonRequired]
    [JsonConverter(typeof(QemuVersionJsonConverter))]
    public required QemuVersion Version { get; init; }

    /// <summary>The distribution's package string (<c>Debian 1:7.2+dfsg-7</c>); may be empty.</summary>
    [JsonRequired]
    public string Package { get; init; } = "";

    /// <summary>QMP commands (<c>query-commands</c>).</summary>
    [JsonRequired]
    public ImmutableArray<string> Commands { get; init; } = [];

    /// <summary>Command-line options QEMU describes (<c>query-command-line-options</c>), each with its parameter names.</summary>
    [JsonRequired]
    public ImmutableDictionary<string, ImmutableArray<string>> CommandLineOptions { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Concrete device types, <c>-device</c> drivers (<c>qom-list-types implements=device</c>).</summary>
    [JsonRequired]
    public ImmutableArray<string> DeviceTypes { get; init; } = [];

    /// <summary>Concrete user-creatable object types, <c>-object</c> backends (<c>rng-random</c>, <c>memory-backend-ram</c>).</summary>
    [JsonRequired]
    public ImmutableArray<string> ObjectTypes { get; init; } = [];

    /// <summary>Properties of the devices the command-line builder emits (<c>device-list-properties</c>), by device type.</summary>
    [JsonRequired]
    public ImmutableDictionary<string, ImmutableArray<string>> DeviceProperties { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    [JsonRequired]
    public ImmutableArray<ProbedMachine> Machines { get; init; } = [];

    /// <summary>CPU models for <c>-cpu</c> (<c>query-cpu-definitions</c>).</summary>
    [JsonRequired]
    public ImmutableArray<string> CpuModels { get; init; } = [];

    /// <summary>
    /// The CPU definitions and expansion per accelerator the probe could ask: the default one (TCG
    /// here) and KVM when this host's <c>/dev/kvm</c> worked. Not required: profiles recorded before
    /// it was probed read as empty, and the driver then checks CPU models by name only.
    /// </summary>
    public ImmutableArray<ProbedAcceleratorCpus> AcceleratorCpus { get; init; } = [];

    /// <summary>Accelerators built in (<c>tcg</c>, <c>kvm</c>, <c>xen</c>): concrete types implementing <c>accel</c>, less the suffix.</summary>
    [JsonRequired]
    public ImmutableArray<string> Accelerators { get; init; } = [];

    /// <summary>
    /// KVM support is compiled in (<c>query-kvm</c> "present"); null when the query is missing. This says
    /// nothing about <c>/dev/kvm</c> on this host: the probe runs with no accelerator chosen.
    /// </summary>
    [JsonRequired]
    public bool? KvmBuiltIn { get; init; }

    /// <summary>
    /// The options <c>-help</c> lists, each with its synopses: the words after the option name on each
    /// of its lines, with their bracketed continuation lines (<c>netdev</c>: <c>user,id=str[,...]</c>,
    /// <c>tap,...</c>, <c>bridge,...</c>; <c>vga</c>: <c>[std|cirrus|...|none]</c>). Options QEMU never
    /// describes over QMP (<c>-uuid</c>, <c>-no-reboot</c>, <c>-vga</c>, <c>-no-kvm</c>) are known only from here.
    /// </summary>
    [JsonRequired]
    public ImmutableDictionary<string, ImmutableArray<string>> HelpOptions { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>QMP events the schema declares (<c>query-qmp-schema</c>): <c>BALLOON_CHANGE</c>, ...</summary>
    [JsonRequired]
    public ImmutableArray<string> Events { get; init; } = [];

    /// <summary>
    /// Features the schema gives QMP commands, for commands that have any: <c>device_add</c> has
    /// <c>json-cli</c> when <c>-device</c> takes JSON.
    /// </summary>
    [JsonRequired]
    public ImmutableDictionary<string, ImmutableArray<string>> CommandFeatures { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    public bool HasHelpOption(string option) => HelpOptions.ContainsKey(option);

    /// <summary>A synopsis of <paramref name="option"/> in <c>-help</c> that starts with <paramref name="prefix"/> (<c>-netdev bridge</c>).</summary>
    public bool HasHelpSynopsis(string option, string prefix) =>
        HelpOptions.TryGetValue(option, out var synopses) && synopses.Any(s => s.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Some synopsis of <paramref name="option"/> in <c>-help</c> contains <paramref name="text"/>.</summary>
    public bool HelpSynopsisContains(string option, string text) =>
        HelpOptions.TryGetValue(option, out var synopses) && synopses.Any(s => s.Contains(text, StringComparison.Ordinal));

    public bool HasEvent(string name) => Events.Contains(name, StringComparer.Ordinal);

    public bool HasCommandFeature(string command, string feature) =>
        CommandFeatures.TryGetValue(command, out var features) && features.Contains(feature, StringComparer.Ordinal);

    public bool HasCommand(string name) => Commands.Contains(name, StringComparer.Ordinal);

    public bool HasDevice(string type) => DeviceTypes.Contains(type, StringComparer.Ordinal);

    public bool HasObject(string type) => ObjectTypes.Contains(type, StringComparer.Ordinal);

    public bool HasOption(string option) => CommandLineOptions.ContainsKey(option);

    public bool HasOptionParameter(string option, string parameter) =>
        CommandLineOptions.TryGetValue(option, out var parameters) && parameters.Contains(parameter, StringComparer.Ordinal);

    public bool HasDeviceProperty(string type, string property) =>
        DeviceProperties.TryGetValue(type, out var properties) && properties.Contains(property, StringComparer.Ordinal);

    /// <summary>The machine an alias or name stands for: <c>pc</c> gives <c>pc-i440fx-7.2</c>.</summary>
    public ProbedMachine? FindMachine(string nameOrAlias) =>
        Machines.FirstOrDefault(m => m.Name == nameOrAlias) ?? Machines.FirstOrDefault(m => m.Alias == nameOrAlias);

    [JsonIgnore]
    public ProbedMachine? DefaultMachine => Machines.FirstOrDefault(m => m.IsDefault);
}
