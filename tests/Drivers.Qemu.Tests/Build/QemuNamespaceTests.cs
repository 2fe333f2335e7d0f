using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// The qemu namespace's developer settings, as libvirt 9 gives them to QEMU: <c>&lt;qemu:deprecation&gt;</c> as
/// <c>-compat</c>, <c>&lt;qemu:capabilities&gt;</c> as the capabilities the whole build goes by, and
/// <c>&lt;qemu:override&gt;</c> as front-end properties of the -device the alias names; a launch refuses the last two
/// (the domain is tainted) unless allowed.
/// </summary>
public sealed class QemuNamespaceTests
{
    private static readonly QemuCapabilitySet Modern = QemuCapabilitySet.Of(
        QemuCapability.Name, QemuCapability.Drive, QemuCapability.Device, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.NoUserConfig, QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.IdeCd, QemuCapability.Accel,
        QemuCapability.ExplicitBooleans, QemuCapability.Blockdev, QemuCapability.BootIndex, QemuCapability.CompatDeprecated);

    private static QemuBuildResult Build(string inside, QemuCapabilitySet? caps = null, QemuBuildOptions? options = null)
    {
        var xml = $"""
            <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>g</name><memory>219100</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
                <disk type='file' device='disk'><source file='/a.img'/><target dev='hda' bus='ide'/><alias name='ua-disk'/></disk>
              </devices>
            {inside}
            </domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64",
            Arch = "x86_64",
            Capabilities = caps ?? Modern,
            Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
        };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, FocusedBuild.Host, options);
    }

    private static IReadOnlyList<string> Words(string inside, QemuCapabilitySet? caps = null)
    {
        var result = Build(inside, caps);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    private static string? ValueOf(IReadOnlyList<string> words, string option) =>
        words.Where((w, i) => i > 0 && words[i - 1] == option).SingleOrDefault();

    private static string IdeDisk(IReadOnlyList<string> words) =>
        words.Where((w, i) => i > 0 && words[i - 1] == "-device" && w.StartsWith("ide-hd,", StringComparison.Ordinal)).First();

    [Theory]
    [InlineData("crash", "deprecated-output=hide,deprecated-input=crash")]
    [InlineData("reject", "deprecated-output=hide,deprecated-input=reject")]
    [InlineData("omit", "deprecated-output=hide")]
    [InlineData("none", null)]
    public void A_deprecation_behaviour_is_the_compat_option(string behavior, string? compat) =>
        Assert.Equal(compat, ValueOf(Words($"<qemu:deprecation behavior='{behavior}'/>"), "-compat"));

    [Fact]
    public void A_deprecation_behaviour_an_emulator_without_compat_cannot_take_is_left_out_with_a_warning()
    {
        var result = Build("<qemu:deprecation behavior='crash'/>", Modern.Without(QemuCapability.CompatDeprecated));

        Assert.True(result.Succeeded);
        Assert.DoesNotContain("-compat", result.CommandLine!.Words);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.UnsupportedByEmulator);
        Assert.Equal((Severity.Warning, "domain/qemu:deprecation"), (warning.Severity, warning.Location.Path));
    }

    [Fact]
    public void Capabilities_the_document_adds_and_deletes_are_what_the_build_goes_by()
    {
        var words = Words("""
            <qemu:capabilities><qemu:del capability='name'/><qemu:add capability='compat-deprecated'/></qemu:capabilities>
            <qemu:deprecation behavior='reject'/>
            """, Modern.Without(QemuCapability.CompatDeprecated));

        Assert.DoesNotContain("-name", words);
        Assert.Equal("deprecated-output=hide,deprecated-input=reject", ValueOf(words, "-compat"));
    }

    [Fact]
    public void A_capability_name_this_tool_does_not_know_is_named_in_a_warning()
    {
        var result = Build("<qemu:capabilities><qemu:add capability='no-such-cap'/></qemu:capabilities>");

        Assert.True(result.Succeeded);
        Assert.Contains("'no-such-cap'", Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.UnknownCapability).Message);
    }

    [Fact]
    public void Front_end_properties_are_set_replaced_and_removed_on_the_device_the_alias_names_in_document_order()
    {
        var words = Words("""
            <qemu:commandline><qemu:arg value='-device'/><qemu:arg value='ide-hd,id=ua-disk'/></qemu:commandline>
            <qemu:override><qemu:device alias='ua-disk'><qemu:frontend>
              <qemu:property name='serial' type='string' value='a,b'/>
              <qemu:property name='bootindex' type='unsigned' value='5'/>
              <qemu:property name='rotation_rate' type='signed' value='-1'/>
              <qemu:property name='x-on' type='bool' value='true'/>
              <qemu:property name='x-off' type='bool' value='false'/>
              <qemu:property name='x-off' type='remove'/>
              <qemu:property name='unit' type='remove'/>
            </qemu:frontend></qemu:device></qemu:override>
            """);

        Assert.Equal("ide-hd,bus=ide.0,drive=node1-format,id=ua-disk,bootindex=5,serial=a,,b,rotation_rate=-1,x-on=on", IdeDisk(words));
        // The document's own raw -device is passed on as written.
        Assert.Equal("ide-hd,id=ua-disk", words[^1]);
    }

    [Fact]
    public void An_override_of_an_alias_no_device_has_is_refused_at_it()
    {
        var result = Build("<qemu:override><qemu:device alias='ua-nothing'><qemu:frontend><qemu:property name='a' type='string' value='b'/></qemu:frontend></qemu:device></qemu:override>");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == QemuDiagnostics.OverrideWithoutDevice);
        Assert.Equal("domain/qemu:override/qemu:device", error.Location.Path);
    }

    [Fact]
    public void A_launch_refuses_device_property_overrides_unless_allowed()
    {
        const string overrides = "<qemu:override><qemu:device alias='ua-disk'><qemu:frontend><qemu:property name='serial' type='string' value='s'/></qemu:frontend></qemu:device></qemu:override>";

        var refused = Build(overrides, options: new QemuBuildOptions { RefuseTainted = true });
        var allowed = Build(overrides, options: new QemuBuildOptions { RefuseTainted = false });

        Assert.Equal("domain/qemu:override", Assert.Single(refused.Diagnostics, d => d.Code == QemuDiagnostics.Tainted).Location.Path);
        Assert.True(allowed.Succeeded, string.Join("\n", allowed.Diagnostics));
    }
}
