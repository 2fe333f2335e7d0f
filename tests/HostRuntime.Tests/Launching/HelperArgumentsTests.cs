using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>How a domain's settings reach its helpers (issue 14), checked without starting them.</summary>
public sealed class HelperArgumentsTests
{
    [Fact]
    public void Virtiofsd_gets_the_socket_the_folder_and_the_binary_settings_of_the_domain()
    {
        var request = new VirtiofsdRequest("fs0", "/run/dl/g/virtiofs/g-fs0.sock", SourceLocation.OfFile("g.xml"))
        {
            SourceFolder = "/srv/share",
            Binary = new VirtiofsBinary
            {
                CacheMode = VirtiofsCacheMode.None, SandboxMode = VirtiofsSandboxMode.Chroot, Xattr = true,
                LockPosix = false, LockFlock = true, ThreadPoolSize = 16,
            },
        };

        Assert.Equal(
            ["--socket-path=/run/dl/g/virtiofs/g-fs0.sock", "-o", "source=/srv/share,cache=none,sandbox=chroot,xattr,no_posix_lock,flock", "--thread-pool-size=16"],
            VirtiofsdHelper.Arguments(request));
    }

    [Fact]
    public void Virtiofsd_without_binary_settings_gets_only_the_socket_and_the_folder()
    {
        var request = new VirtiofsdRequest("fs0", "/r/s.sock", SourceLocation.OfFile("g.xml")) { SourceFolder = "/srv/share" };

        Assert.Equal(["--socket-path=/r/s.sock", "-o", "source=/srv/share"], VirtiofsdHelper.Arguments(request));
    }

    [Fact]
    public async Task Encrypted_TPM_state_without_its_passphrase_file_is_refused_at_the_TPM_before_anything_starts()
    {
        var folder = Directory.CreateTempSubdirectory("dl-helper-");
        try
        {
            var request = new SwtpmRequest("tpm0", Path.Combine(folder.FullName, "s.sock"), new SourceLocation("g.xml", 9, 5, "domain/devices/tpm"))
            {
                Version = TpmVersion.V2_0,
                StateFolder = Path.Combine(folder.FullName, "tpm"),
                EncryptionSecret = Guid.Parse("6dd3e4a5-1d76-44ce-961f-f119f5aad935"),
                EncryptionPassphraseFile = Path.Combine(folder.FullName, "secrets", "6dd3e4a5-1d76-44ce-961f-f119f5aad935"),
            };
            var programs = new HelperPrograms { Swtpm = "/bin/false", SwtpmSetup = "/bin/false" };

            var (started, error) = await HelperSet.StartAllAsync([request], folder.FullName, programs, TimeSpan.FromSeconds(5), CancellationToken.None);

            Assert.Empty(started);
            Assert.Equal(HelperDiagnostics.TpmPassphraseMissing, error!.Code);
            Assert.Equal(9, error.Location.Line);
            Assert.Contains(request.EncryptionPassphraseFile, error.Message);
            Assert.False(Directory.Exists(request.StateFolder));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(TpmModel.Crb, TpmVersion.V2_0)]
    [InlineData(TpmModel.Spapr, TpmVersion.V2_0)]
    [InlineData(TpmModel.Tis, TpmVersion.V1_2)]
    [InlineData(null, TpmVersion.V1_2)]
    public void A_TPM_without_a_version_gets_the_one_its_interface_implies(TpmModel? model, TpmVersion expected) =>
        Assert.Equal(expected, HelperRequests.DefaultVersion(model));

    [Fact]
    public void Managed_reservations_ask_for_one_pr_helper_at_the_planned_socket_and_unmanaged_ones_for_none()
    {
        var read = Profiles.EmulatorProfileFile.Read(Path.Combine(SharedCorpus.RepositoryRoot, "profiles", "qemu-7.2-x86_64.json"));
        var parsed = Translator.Parsing.DomainParser.ParseText("""
            <domain type='qemu'><name>g</name><memory>219100</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator><controller type='scsi' model='virtio-scsi'/>
                <disk type='block' device='lun'><source dev='/dev/sdb'><reservations managed='yes'/></source><target dev='sda' bus='scsi'/></disk>
                <disk type='block' device='lun'><source dev='/dev/sdc'><reservations managed='yes'/></source><target dev='sdb' bus='scsi'/></disk>
                <disk type='block' device='lun'><source dev='/dev/sdd'><reservations managed='no'><source type='unix' path='/run/pr.sock' mode='client'/></reservations></source><target dev='sdc' bus='scsi'/></disk>
              </devices></domain>
            """);
        var host = Drivers.Qemu.Host.HostSettings.Default with { StateDirectory = "/run/dl" };
        var plan = Drivers.Qemu.QemuCommandBuilder.Build(parsed.Domain!, read.Profile!.Describe(), host,
            new Drivers.Qemu.Build.QemuBuildOptions { Accelerator = Drivers.Qemu.Build.QemuAccelerator.Tcg }).Plan!;

        var request = Assert.IsType<PrHelperRequest>(Assert.Single(HelperRequests.For(plan, "g", "/var/lib/dl")));

        Assert.Equal("/run/dl/pr-helper/g.sock", request.Socket);
        Assert.Equal(["--socket", "/run/dl/pr-helper/g.sock", "--pidfile", "/r/helpers/prhelper-pr-helper0.daemon-pid", "--daemon"],
            PrHelperHelper.Arguments(request, HelperFiles.DaemonPidFile("/r", request)));
    }
}
