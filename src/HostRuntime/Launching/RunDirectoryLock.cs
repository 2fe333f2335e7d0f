using Microsoft.Win32.SafeHandles;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// The exclusive lock on a run directory, held while a command changes the domain's state (launch
/// from creating the folder until the guest runs or everything is cleaned, destroy and shutdown until
/// the folder is gone, stale-directory cleaning). It is an advisory <c>flock</c> on the folder's lock
/// file: .NET takes one for <see cref="FileShare.None"/> on Unix, and the kernel drops it when the
/// holder dies, so a crashed command never leaves the domain locked.
/// <para>
/// The holder deletes the folder lock file last and releases afterwards; a command that opened the
/// file before it was unlinked then wins an flock on a file nobody else can see. <see cref="AcquireAsync"/>
/// checks for that (<c>/proc/self/fd</c> says "(deleted)") and starts over.
/// </para>
/// </summary>
public sealed class RunDirectoryLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly FileStream _file;

    private RunDirectoryLock(FileStream file) => _file = file;

    /// <summary>
    /// Takes the lock, creating the folder when <paramref name="create"/> is set. Returns no lock and
    /// Busy when another process still holds it after <paramref name="wait"/>, or no lock and not Busy
    /// when the folder does not exist and was not to be created.
    /// </summary>
    public static async Task<(RunDirectoryLock? Lock, bool Busy)> AcquireAsync(RunDirectory directory, bool create, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            if (create) directory.Create();
            else if (!directory.Exists) return (null, false);

            FileStream? file = null;
            try
            {
                // A folder without a lock file (left by a crash, or made by hand) gets one.
                file = new FileStream(directory.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (DirectoryNotFoundException)
            {
                if (!create) return (null, false); // removed by its last holder meanwhile
                continue;
            }
            catch (IOException)
            {
                // Held by another process (EWOULDBLOCK from flock).
                if (DateTime.UtcNow >= deadline) return (null, true);
                await Task.Delay(PollInterval).ConfigureAwait(false);
                continue;
            }

            if (!IsUnlinked(file.SafeFileHandle)) return (new RunDirectoryLock(file), false);
            await file.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _file.Dispose();

    private static bool IsUnlinked(SafeFileHandle handle)
    {
        var descriptor = handle.DangerousGetHandle().ToInt32();
        try
        {
            var target = File.ResolveLinkTarget($"/proc/self/fd/{descriptor}", returnFinalTarget: false);
            return target?.FullName.EndsWith(" (deleted)", StringComparison.Ordinal) ?? false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
