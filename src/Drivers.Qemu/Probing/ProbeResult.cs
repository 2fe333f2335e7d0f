using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.Drivers.Qemu.Probing;

/// <summary>
/// What one QEMU binary told us over QMP. Names are QEMU's own, sorted ordinally (machines keep
/// QEMU's order). <see cref="ProbeCapabilityRules"/> turns it into libvirt capability names.
/// </summary>
public sealed record ProbeResult
{
    public required string Path { get; init; }

    /// <summary>The guest architecture from <c>query-target</c> (<c>x86_64</c>).</summary>
    public required string Arch { get; init; }

    public required QemuVersion Version { get; init; }

    /// <summary>The distribution's package string (<c>Debian 1:7.2+dfsg-7</c>); may be empty.</summary>
    public string Package { get; init; } = "";

    /// <summary>QMP commands (<c>query-commands</c>).</summary>
    public ImmutableArray<string> Commands { get; init; } = [];

    /// <summary>Command-line options QEMU describes (<c>query-command-line-options</c>), each with its parameter names.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> CommandLineOptions { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Concrete device types, <c>-device</c> drivers (<c>qom-list-types implements=device</c>).</summary>
    public ImmutableArray<string> DeviceTypes { get; init; } = [];

    /// <summary>Concrete user-creatable object types, <c>-object</c> backends (<c>rng-random</c>, <c>memory-backend-ram</c>).</summary>
    public ImmutableArray<string> ObjectTypes { get; init; } = [];

    /// <summary>Properties of the devices the command-line builder emits (<c>device-list-properties</c>), by device type.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> DeviceProperties { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    public ImmutableArray<ProbedMachine> Machines { get; init; } = [];

    /// <summary>CPU models for <c>-cpu</c> (<c>query-cpu-definitions</c>).</summary>
    public ImmutableArray<string> CpuModels { get; init; } = [];

    /// <summary>Accelerators built in (<c>tcg</c>, <c>kvm</c>, <c>xen</c>): concrete types implementing <c>accel</c>, less the suffix.</summary>
    public ImmutableArray<string> Accelerators { get; init; } = [];

    /// <summary>
    /// KVM support is compiled in (<c>query-kvm</c> "present"); null when the query is missing. This says
    /// nothing about <c>/dev/kvm</c> on this host: the probe runs with no accelerator chosen.
    /// </summary>
    public bool? KvmBuiltIn { get; init; }

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

    public ProbedMachine? DefaultMachine => Machines.FirstOrDefault(m => m.IsDefault);
}
