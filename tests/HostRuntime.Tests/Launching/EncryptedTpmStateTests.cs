using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// A TPM whose state is encrypted with a libvirt secret: the real swtpm_setup and swtpm are given the passphrase
/// from the secret folder, and the state they keep is not readable without it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(HelperProcessTests.Name)]
public sealed class EncryptedTpmStateTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-tpmenc-");

    private SwtpmRequest Request(string? passphraseFile) =>
        new("tpm0", Path.Combine(_folder.FullName, "tpm.sock"), SourceLocation.OfFile("g.xml"))
        {
            Version = TpmVersion.V2_0,
            StateFolder = Path.Combine(_folder.FullName, "state"),
            EncryptionSecret = passphraseFile is null ? null : Guid.Parse("0a1b2c3d-0000-4000-8000-000000000001"),
            EncryptionPassphraseFile = passphraseFile,
        };

    [SwtpmFact]
    public async Task The_state_made_with_the_passphrase_is_encrypted_and_swtpm_serves_it()
    {
        var passphrase = Path.Combine(_folder.FullName, "secrets", "0a1b2c3d-0000-4000-8000-000000000001");
        Directory.CreateDirectory(Path.GetDirectoryName(passphrase)!);
        await File.WriteAllTextAsync(passphrase, "correct horse battery staple");
        // A guest's TPMs have aliases of their own: the helpers' pid files are named by them, and a stop reads those.
        var plain = Request(null) with { Alias = "tpm1", StateFolder = Path.Combine(_folder.FullName, "plain"), Socket = Path.Combine(_folder.FullName, "plain.sock") };

        var (started, error) = await HelperSet.StartAllAsync([Request(passphrase), plain], _folder.FullName, HelperPrograms.OfThisHost(), Timeout, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(2, started.Count);
        Assert.True(File.Exists(Request(passphrase).Socket));
        // swtpm's state file starts with a header whose flags say whether the blob after it is encrypted.
        var encrypted = await File.ReadAllBytesAsync(SwtpmHelper.PermanentStateFile(Request(passphrase).StateFolder, TpmVersion.V2_0));
        var unencrypted = await File.ReadAllBytesAsync(SwtpmHelper.PermanentStateFile(plain.StateFolder, TpmVersion.V2_0));
        Assert.NotEqual(StateFlags(unencrypted), StateFlags(encrypted));
        Assert.Contains($"pwdfile={passphrase}", await File.ReadAllTextAsync($"/proc/{started[0].Pid}/cmdline"));
    }

    // The header's flags, after its version and header-size fields.
    private static byte[] StateFlags(byte[] file) => file.Length >= 12 ? file[4..12] : file;

    public void Dispose()
    {
        HelperSet.StopAllAsync(_folder.FullName, TimeSpan.FromSeconds(1)).GetAwaiter().GetResult();
        _folder.Delete(recursive: true);
    }
}
