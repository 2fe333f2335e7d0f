using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Check;
using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Check;

/// <summary>
/// What check does with devices served by helper processes (issue 14): where this host can run the helper, the
/// device keeps its back end (check starts the real helper on scratch state, and says so); where it cannot,
/// a TPM emulator is refused at its element (DL4311) and a virtiofs share becomes a 9p share of the scratch folder.
/// </summary>
public sealed class HelperSubstitutionTests
{
    private const string Scratch = "/tmp/dlc-test";

    private static readonly EmulatorDescription Emulator = new()
    {
        Path = "/usr/bin/qemu-system-x86_64",
        Arch = "x86_64",
        Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2")],
        CpuModels = ["qemu64"],
    };

    private static readonly HelperPrograms Everything = new()
    {
        Swtpm = "/usr/bin/swtpm", SwtpmSetup = "/usr/bin/swtpm_setup", Virtiofsd = "/bin/sh", IsRoot = true,
    };

    private const string Tpm = "<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>";

    private const string Share =
        "<filesystem type='mount' accessmode='passthrough'><driver type='virtiofs'/><source dir='/srv/share'/><target dir='share'/></filesystem>";

    private static HostSubstitutionResult Apply(string devices, HelperPrograms? helpers)
    {
        var parsed = DomainParser.ParseText($"""
            <domain type='qemu'><name>g</name><memory>219100</memory>
              <memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices></domain>
            """);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        return HostSubstitution.Apply(parsed.Domain!, Emulator, Scratch, kvmUsable: false, helpers);
    }

    [Fact]
    public void A_TPM_emulator_is_kept_for_the_real_swtpm_where_swtpm_is_installed()
    {
        var result = Apply(Tpm, Everything);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.IsType<EmulatorTpmBackend>(Assert.Single(result.Domain!.Devices.Tpms).Backend);
        var substitution = Assert.Single(result.Substitutions);
        Assert.Contains("the real swtpm", substitution.Replacement);
    }

    [Fact]
    public void A_TPM_emulator_is_refused_at_its_element_where_swtpm_is_missing_saying_what_to_install()
    {
        var result = Apply(Tpm, Everything with { Swtpm = null });

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(CheckDiagnostics.TpmNotProvided, error.Code);
        Assert.Contains("apt-get install swtpm", error.Message);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void A_host_TPM_is_refused_even_with_swtpm_installed()
    {
        var result = Apply("<tpm model='tpm-tis'><backend type='passthrough'><device path='/dev/tpm0'/></backend></tpm>", Everything);

        Assert.Equal(CheckDiagnostics.TpmNotProvided, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void A_virtiofs_share_keeps_virtiofs_on_the_scratch_folder_where_virtiofsd_can_run()
    {
        var result = Apply(Share, Everything);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var fs = Assert.Single(result.Domain!.Devices.Filesystems);
        Assert.Equal(FilesystemDriverType.Virtiofs, fs.Driver?.Type);
        Assert.StartsWith(Scratch + "/", Assert.IsType<MountFilesystemSource>(fs.Source).Dir);
        Assert.Contains(result.Substitutions, s => s.Replacement.Contains("the real virtiofsd", StringComparison.Ordinal));
    }

    [Fact]
    public void A_virtiofs_share_becomes_9p_where_virtiofsd_cannot_run_and_the_report_says_why()
    {
        var result = Apply(Share, Everything with { IsRoot = false });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var fs = Assert.Single(result.Domain!.Devices.Filesystems);
        Assert.Equal(FilesystemDriverType.Path, fs.Driver?.Type);
        Assert.Contains(result.Substitutions, s => s.Replacement.StartsWith("9p", StringComparison.Ordinal) && s.Replacement.Contains("root", StringComparison.Ordinal));
    }

    [Fact]
    public void A_virtiofsd_binary_this_host_lacks_is_replaced_by_this_hosts_virtiofsd_and_the_report_says_so()
    {
        var result = Apply(Share.Replace("<driver type='virtiofs'/>", "<driver type='virtiofs'/><binary path='/nonexistent/libexec/virtiofsd' xattr='on'/>",
            StringComparison.Ordinal), Everything);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var fs = Assert.Single(result.Domain!.Devices.Filesystems);
        Assert.Equal(FilesystemDriverType.Virtiofs, fs.Driver?.Type);
        Assert.Equal(Everything.Virtiofsd, fs.Binary?.Path);
        Assert.True(fs.Binary?.Xattr);
        Assert.Contains(result.Substitutions, s => s.Original == "virtiofsd at /nonexistent/libexec/virtiofsd");
    }

    private const string VhostUserDisk =
        "<disk type='vhostuser' device='disk'><driver name='qemu' type='raw'/><source type='unix' path='/run/vhost.sock'/><target dev='vda' bus='virtio'/><readonly/></disk>";

    [Fact]
    public void A_vhost_user_disk_gets_a_storage_daemon_export_of_a_scratch_image_on_a_scratch_socket()
    {
        var result = Apply(VhostUserDisk, Everything with { StorageDaemon = "/usr/bin/qemu-storage-daemon" });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var export = Assert.Single(result.StorageExports);
        var source = Assert.IsType<VhostUserDiskSource>(Assert.Single(result.Domain!.Devices.Disks).Source);
        Assert.Equal(export.Socket, source.Path);
        Assert.StartsWith(Scratch + "/", export.Socket);
        Assert.Equal("raw", Assert.Single(result.Images, i => i.Path == export.Image).Format);
        Assert.True(export.ReadOnly);
        Assert.Equal("vda", export.Alias);
    }

    [Fact]
    public void A_vhost_user_disk_is_refused_at_its_element_where_qemu_storage_daemon_is_missing()
    {
        var result = Apply(VhostUserDisk, Everything);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(CheckDiagnostics.HostDeviceNotSubstitutable, error.Code);
        Assert.Contains("qemu-storage-daemon is not installed", error.Message);
        Assert.Empty(result.StorageExports);
    }
}
