using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Tests.Capabilities;

public sealed class QemuCapabilityTests
{
    [Fact]
    public void Every_capability_has_one_name_that_reads_back_to_it()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var capability in Enum.GetValues<QemuCapability>())
        {
            var name = QemuCapabilityNames.Name(capability);
            Assert.True(names.Add(name), $"name '{name}' used twice");
            Assert.True(QemuCapabilityNames.TryParse(name, out var back));
            Assert.Equal(capability, back);
        }
        Assert.Equal(Enum.GetValues<QemuCapability>().Length, QemuCapabilityNames.All.Count);
    }

    [Theory]
    [InlineData("drive", QemuCapability.Drive)]
    [InlineData("0.10", QemuCapability.Qemu0_10)]
    [InlineData("vga", QemuCapability.Vga)]
    [InlineData("VGA", QemuCapability.VgaDevice)]
    [InlineData("virtio-blk-pci.event_idx", QemuCapability.VirtioBlkPciEventIdx)]
    [InlineData("usb-redir.filter", QemuCapability.UsbRedirFilter)]
    [InlineData("monitor-json", QemuCapability.MonitorJson)]
    public void Capability_names_are_libvirts_spelling(string name, QemuCapability capability)
    {
        Assert.Equal(name, QemuCapabilityNames.Name(capability));
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        Assert.False(QemuCapabilityNames.TryParse("Drive", out _));
    }

    [Fact]
    public void Sets_with_the_same_capabilities_are_equal_whatever_the_order()
    {
        var a = QemuCapabilitySet.Of(QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev);
        var b = QemuCapabilitySet.Of(QemuCapability.Netdev, QemuCapability.Drive).With(QemuCapability.Device, QemuCapability.Drive);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.Without(QemuCapability.Device));
        Assert.Equal(3, a.Count);
    }

    [Fact]
    public void A_set_enumerates_and_prints_in_libvirts_order()
    {
        var set = QemuCapabilitySet.Of(QemuCapability.VncSharePolicy, QemuCapability.Drive, QemuCapability.Kqemu);
        Assert.Equal([QemuCapability.Kqemu, QemuCapability.Drive, QemuCapability.VncSharePolicy], set.ToArray());
        Assert.Equal("kqemu,drive,vnc-share-policy", set.ToString());
    }

    [Fact]
    public void Sets_are_immutable_with_and_without_return_new_sets()
    {
        var empty = QemuCapabilitySet.Empty;
        var one = empty.With(QemuCapability.Kvm);
        Assert.True(empty.IsEmpty);
        Assert.True(one.Has(QemuCapability.Kvm));
        Assert.False(one.Without(QemuCapability.Kvm).Has(QemuCapability.Kvm));
        Assert.True(one.Has(QemuCapability.Kvm));
    }

    [Fact]
    public void Union_holds_the_capabilities_of_both()
    {
        var union = QemuCapabilitySet.Of(QemuCapability.Drive).Union(QemuCapabilitySet.Of(QemuCapability.VncSharePolicy));
        Assert.Equal("drive,vnc-share-policy", union.ToString());
    }

    [Fact]
    public void Parse_reads_a_comma_separated_list_ignoring_blanks_and_empty_items()
    {
        var result = QemuCapabilitySet.Parse(" drive, device ,,netdev,");
        Assert.False(result.HasErrors);
        Assert.Equal(QemuCapabilitySet.Of(QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev), result.Set);
        Assert.True(QemuCapabilitySet.Parse("").Set.IsEmpty);
    }

    [Fact]
    public void Parse_round_trips_ToString()
    {
        var set = QemuCapabilitySet.Of(Enum.GetValues<QemuCapability>());
        Assert.Equal(set, QemuCapabilitySet.Parse(set.ToString()).Set);
    }

    [Fact]
    public void Unknown_capability_name_is_an_error_suggesting_close_names_only()
    {
        var result = QemuCapabilitySet.Parse("drvie,device", new SourceLocation("caps.txt", 3, 1, ""));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(QemuDiagnostics.UnknownCapability, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("'drvie'", error.Message);
        Assert.Contains("did you mean 'drive'", error.Message);
        Assert.True(error.Message.Length < 200, error.Message);
        Assert.Equal(3, error.Location.Line);
        Assert.Equal(QemuCapabilitySet.Of(QemuCapability.Device), result.Set);
    }

    [Fact]
    public void Misspelt_capability_suffix_suggests_the_capabilities_containing_it()
    {
        var message = Assert.Single(QemuCapabilitySet.Parse("event_idx").Diagnostics).Message;
        Assert.Contains("'virtio-blk-pci.event_idx'", message);
        Assert.Contains("'virtio-net-pci.event_idx'", message);
    }

    [Fact]
    public void Wrong_case_capability_name_suggests_the_right_case()
    {
        var message = Assert.Single(QemuCapabilitySet.Parse("Monitor-Json").Diagnostics).Message;
        Assert.Contains("'monitor-json'", message);
    }

    [Fact]
    public void Unrelated_unknown_name_suggests_nothing()
    {
        var message = Assert.Single(QemuCapabilitySet.Parse("zzzzzzzzzzzz").Diagnostics).Message;
        Assert.DoesNotContain("did you mean", message);
    }

    [Fact]
    public void Versions_parse_compare_and_give_libvirts_number()
    {
        Assert.Equal(new QemuVersion(1, 2, 0), QemuVersion.Parse("1.2"));
        Assert.Equal(1002003, QemuVersion.Parse("1.2.3")!.Value.Number);
        Assert.True(QemuVersion.Parse("0.15.1") < QemuVersion.Parse("1.0"));
        Assert.Null(QemuVersion.Parse("1"));
        Assert.Null(QemuVersion.Parse("1.x"));
        Assert.Null(QemuVersion.Parse("1.2.3.4"));
    }

    [Fact]
    public void Emulator_description_resolves_machine_aliases_and_the_default_machine()
    {
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64",
            Arch = "x86_64",
            Machines = [new MachineType("pc-1.2"), new MachineType("pc", "pc-1.2"), new MachineType("isapc")],
            Capabilities = QemuCapabilitySet.Of(QemuCapability.Kvm),
            CpuModels = ["qemu64"],
        };
        Assert.Equal("pc-1.2", emulator.CanonicalMachine("pc"));
        Assert.Equal("isapc", emulator.CanonicalMachine("isapc"));
        Assert.Equal("unknown", emulator.CanonicalMachine("unknown"));
        Assert.Equal("pc-1.2", emulator.DefaultMachine!.Name);
        Assert.Equal("isapc", (emulator with { DefaultMachineName = "isapc" }).DefaultMachine!.Name);
        Assert.True(emulator.Has(QemuCapability.Kvm));
        Assert.True(emulator.SupportsCpuModel("qemu64"));
        Assert.False(emulator.SupportsCpuModel("Haswell"));
    }
}
