using DomainLauncher.HostRuntime.Interop;

namespace DomainLauncher.HostRuntime.Inputs;

/// <summary>
/// While it is open, the input files this thread reads whole (<see cref="InputFiles"/>) are closed a group
/// at a time, with one <c>close_range(2)</c>, instead of one <c>close(2)</c> each; disposing it closes what is
/// left. For a batch of documents (<c>validate</c>, <c>to-native</c> of many files), opened around its loop.
/// <para>
/// Why: a batch reads each of its thousands of files in four system calls, and under the paravirtualised
/// hosts measured here a system call costs ~1.6 µs, a tenth of a document's time: the closes are a quarter
/// of them. Kept to a batch, so that no other command holds a file open longer than it reads it (a file
/// held open keeps its file system from being unmounted).
/// </para>
/// <para>
/// The group is closed with one call for each run of consecutive numbers among its descriptors (the kernel
/// hands out the lowest free number, so a group is one or two runs unless other files are opened alongside).
/// A run holds only the group's descriptors: they are all open, so distinct, and nothing else has a number
/// between two consecutive ones.
/// </para>
/// </summary>
public sealed class InputCloseBatch : IDisposable
{
    private const int GroupSize = 32;

    [ThreadStatic] private static InputCloseBatch? t_current;

    private readonly InputCloseBatch? _outer;
    private readonly int[] _held = new int[GroupSize];
    private int _count;

    private InputCloseBatch()
    {
        _outer = t_current;
        t_current = this;
    }

    /// <summary>Closes the input files of this thread in groups until disposed.</summary>
    public static InputCloseBatch Open() => new();

    /// <summary>Closes <paramref name="descriptor"/> now, or with its group when a batch is open on this thread.</summary>
    internal static void Close(int descriptor)
    {
        if (t_current is not { } batch)
        {
            Posix.Close(descriptor);
            return;
        }
        batch._held[batch._count++] = descriptor;
        if (batch._count == GroupSize) batch.CloseHeld();
    }

    private void CloseHeld()
    {
        // Each run of consecutive numbers goes in one call. An old kernel without close_range (before
        // Linux 5.9) answers ENOSYS: then that run one by one.
        var held = _held.AsSpan(0, _count);
        held.Sort();
        var start = 0;
        for (var i = 1; i <= held.Length; i++)
        {
            if (i < held.Length && held[i] == held[i - 1] + 1) continue;
            if (i - start == 1 || Posix.CloseRange((uint)held[start], (uint)held[i - 1]) != 0)
                for (var j = start; j < i; j++) Posix.Close(held[j]);
            start = i;
        }
        _count = 0;
    }

    public void Dispose()
    {
        // What it holds is closed whatever order batches end in: a descriptor is never left open.
        CloseHeld();
        if (t_current == this) t_current = _outer;
    }
}
