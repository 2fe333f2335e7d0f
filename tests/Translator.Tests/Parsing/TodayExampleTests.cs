using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Translator.Tests.Parsing;

/// <summary>
/// Issue 12: examples/virt-install-q35.xml is a domain as virt-install writes it today (q35,
/// firmware='efi', a TPM 2.0 emulator, virtio rng, qemu-xhci, virtio-gpu, the guest agent channel,
/// pcie-root-ports without index). It validates with no diagnostic at all, and reads as such.
/// </summary>
public sealed class TodayExampleTests
{
    private static readonly string File = Path.Combine(SharedCorpus.RepositoryRoot, "examples", "virt-install-q35.xml");

    [Fact]
    public void The_virt_install_example_validates_with_no_diagnostic()
    {
        var loaded = DomainLoader.LoadFile(InputFiles.Disk, File);
        Assert.True(loaded.Domain is not null && loaded.Diagnostics.Count == 0, string.Join("\n", loaded.Diagnostics.Select(d => d.Format())));
    }

    [Fact]
    public void The_virt_install_example_has_what_virt_install_writes()
    {
        var domain = DomainLoader.LoadFile(InputFiles.Disk, File).Domain!;
        Assert.Equal(OsFirmware.Efi, domain.Os!.Firmware);
        Assert.Equal("q35", domain.Os.Machine);
        var devices = domain.Devices;
        Assert.Equal(TpmVersion.V2_0, Assert.IsType<EmulatorTpmBackend>(Assert.Single(devices.Tpms).Backend).Version);
        Assert.Single(devices.Rngs);
        Assert.Contains(devices.Controllers, c => c is UsbController { Model: UsbControllerModel.QemuXhci });
        Assert.Equal(VideoModel.Virtio, Assert.Single(devices.Videos).Model);
        Assert.Contains(devices.Channels, c => c.Target is VirtioChannelTarget { Name: "org.qemu.guest_agent.0" });
        // Post-parse defaults numbered the root ports, which the document leaves without an index.
        var rootPorts = devices.Controllers.OfType<PciController>().Where(c => c.Model == PciControllerModel.PcieRootPort).ToList();
        Assert.Equal(14, rootPorts.Count);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => (uint?)i), rootPorts.Select(c => c.Index));
    }
}
