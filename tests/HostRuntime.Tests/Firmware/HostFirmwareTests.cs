using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Firmware;

namespace DomainLauncher.HostRuntime.Tests.Firmware;

/// <summary>QEMU firmware description files read into the driver's records, in priority order, with masking.</summary>
public sealed class HostFirmwareTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("dl-fw-");

    public void Dispose() => _root.Delete(recursive: true);

    private const string SecureFlash = """
        {
          "description": "UEFI with secure boot",
          "interface-types": ["uefi"],
          "mapping": {
            "device": "flash",
            "executable": { "filename": "/fw/CODE.secboot.fd", "format": "raw" },
            "nvram-template": { "filename": "/fw/VARS.fd", "format": "raw" }
          },
          "targets": [ { "architecture": "x86_64", "machines": ["pc-q35-*"] } ],
          "features": ["requires-smm", "secure-boot"],
          "tags": []
        }
        """;

    [Theory]
    [InlineData("<type>hvm</type>", false)]
    [InlineData("<type>hvm</type><loader>/fw/bios.bin</loader>", false)]
    [InlineData("<type>hvm</type><loader type='rom'>/fw/bios.bin</loader>", false)]
    [InlineData("<type>hvm</type><loader readonly='yes' type='pflash'>/fw/CODE.fd</loader>", true)]
    public void Only_a_flash_loader_or_os_firmware_needs_the_host_s_descriptions(string os, bool needed)
    {
        Assert.Equal(needed, HostFirmware.NeededBy(Domain($"<os>{os}</os>")));
        Assert.True(HostFirmware.NeededBy(Domain($"<os firmware='efi'>{os}</os>")));
    }

    private static Translator.Model.Domain Domain(string os)
    {
        var parsed = Translator.Parsing.DomainParser.ParseText(
            $"<domain type='qemu'><name>g</name><memory>131072</memory>{os}<devices/></domain>");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return parsed.Domain!;
    }

    [Fact]
    public void A_flash_description_keeps_its_interfaces_files_targets_and_features()
    {
        var description = HostFirmware.Parse(SecureFlash, "50-secure.json");

        Assert.NotNull(description);
        Assert.Equal("uefi", Assert.Single(description.Interfaces));
        Assert.Equal(FirmwareDevice.Flash, description.Mapping.Device);
        Assert.Equal(FirmwareFlashMode.Split, description.Mapping.Mode);
        Assert.Equal("/fw/CODE.secboot.fd", description.Mapping.Executable.Path);
        Assert.Equal("/fw/VARS.fd", description.Mapping.NvramTemplate!.Path);
        Assert.Equal("pc-q35-*", Assert.Single(Assert.Single(description.Targets).Machines));
        Assert.True(description.Has("requires-smm"));
    }

    [Fact]
    public void A_memory_image_is_its_file_and_a_kernel_or_broken_file_is_no_loader()
    {
        var bios = HostFirmware.Parse("""{"interface-types":["bios"],"mapping":{"device":"memory","filename":"/fw/bios.bin"},"targets":[]}""", "b.json");

        Assert.Equal(FirmwareDevice.Memory, bios!.Mapping.Device);
        Assert.Equal("/fw/bios.bin", bios.Mapping.Executable.Path);
        Assert.Null(HostFirmware.Parse("""{"mapping":{"device":"kernel","filename":"/fw/k"}}""", "k.json"));
        Assert.Null(HostFirmware.Parse("{ not json", "x.json"));
    }

    [Fact]
    public void Folders_are_read_in_file_name_order_and_a_higher_folder_masks_the_same_name()
    {
        var etc = _root.CreateSubdirectory("etc");
        var share = _root.CreateSubdirectory("share");
        File.WriteAllText(Path.Combine(share.FullName, "60-plain.json"), SecureFlash.Replace("CODE.secboot", "CODE", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(share.FullName, "50-secure.json"), SecureFlash);
        File.WriteAllText(Path.Combine(etc.FullName, "50-secure.json"), ""); // masks without replacing

        var read = HostFirmware.Read([etc.FullName, share.FullName]);

        var only = Assert.Single(read);
        Assert.Equal("/fw/CODE.fd", only.Mapping.Executable.Path);
    }
}
