using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>
/// One hand-written document holding every element and attribute family of the specification
/// (Documents/whole-spec.xml): it must load with no diagnostic at all, so nothing in it is merely
/// tolerated as unknown, and a sample of it must land in the model.
/// </summary>
public sealed class WholeSpecificationTests
{
    private static readonly string DocumentPath =
        Path.Combine(AppContext.BaseDirectory, "Parsing", "Documents", "whole-spec.xml");

    [Fact]
    public void Whole_specification_document_loads_without_any_diagnostic_but_its_taint()
    {
        var result = DomainLoader.LoadFile(InputFiles.Disk, DocumentPath);
        // It holds <qemu:commandline>, which the loader always points out.
        Assert.True(result.Diagnostics.All(d => d.Code == Translator.Diagnostics.DiagnosticCatalog.Tainted) && result.Diagnostics.Count == 1,
            string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.NotNull(result.Domain);
    }

    [Fact]
    public void Whole_specification_document_fills_every_device_family()
    {
        var d = DomainLoader.LoadFile(InputFiles.Disk, DocumentPath).Domain!;
        var devices = d.Devices;
        Assert.Equal(8, devices.Disks.Length);
        Assert.Single(devices.Filesystems);
        // The eight declared, and the pci-root bus the defaults stage adds for the i440fx machine.
        Assert.Equal(9, devices.Controllers.Length);
        Assert.Single(devices.Leases);
        Assert.Equal(2, devices.HostDevices.Length);
        Assert.Equal(3, devices.Smartcards.Length);
        Assert.Single(devices.RedirectedDevices);
        Assert.Equal(2, devices.RedirectionFilter!.Rules.Length);
        Assert.Equal(12, devices.Interfaces.Length);
        Assert.Equal(3, devices.Inputs.Length);
        Assert.Single(devices.Hubs);
        Assert.Equal(6, devices.Graphics.Length);
        Assert.Equal(2, devices.Videos.Length);
        Assert.Single(devices.Parallels);
        Assert.Equal(9, devices.Serials.Length);
        Assert.Single(devices.Consoles);
        Assert.Equal(3, devices.Channels.Length);
        Assert.Equal(2, devices.Sounds.Length);
        Assert.NotNull(devices.Watchdog);
        Assert.NotNull(devices.MemBalloon);
        Assert.Equal(2UL * 1024 * 1024, d.Memory!.Value.Kibibytes);
        Assert.Equal(5, d.Cpu!.Features.Length);
        Assert.Equal(6, d.Clock!.Timers.Length);
        Assert.Single(d.SecurityLabels);
        Assert.Equal<string>(["-newarg"], d.QemuCommandLine!.Args);
    }
}
