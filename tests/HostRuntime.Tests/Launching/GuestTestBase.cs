using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// What every launching test class shares: the example guests made runnable in a private folder, a
/// private run base, launch requests on the installed QEMU, and the orphan check at the end (a QEMU
/// still alive under the run base fails the class).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public abstract class GuestTestBase : IDisposable
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    protected ExampleGuests Guests { get; } = ExampleGuests.Create();

    protected DirectoryInfo RunBase { get; } = Directory.CreateTempSubdirectory("dl-run-");

    /// <summary>The kept state (TPM state, UEFI variable stores) of this class's guests, private as XDG_STATE_HOME would make it.</summary>
    protected DirectoryInfo StateBase { get; } = Directory.CreateTempSubdirectory("dl-state-");

    protected async Task<LaunchRequest> Request(Domain domain) => new()
    {
        Domain = domain,
        Emulator = await LaunchTestEmulator.DescribeAsync(),
        RunBase = RunBase.FullName,
        StateBase = StateBase.FullName,
        // <os firmware> chooses from this host's firmware descriptions, as the launch command does.
        Host = HostRuntime.Firmware.HostFirmware.With(Drivers.Qemu.Host.HostSettings.Default),
        Timeout = Timeout,
    };

    protected async Task<LaunchRequest> Request(string example) => await Request(await Guests.LoadAsync(example));

    /// <summary>The guest a control command reports, the command having succeeded.</summary>
    protected static async Task<GuestStatus> Control(Task<GuestControlResult> command)
    {
        var result = await command;
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Guest!;
    }

    public void Dispose()
    {
        try
        {
            LeftoverEmulators.AssertNoneUnder(RunBase.FullName);
        }
        finally
        {
            Guests.Dispose();
            RunBase.Delete(recursive: true);
            StateBase.Delete(recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
