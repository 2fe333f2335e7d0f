using System.Collections;
using System.Runtime.InteropServices;
using DomainLauncher.HostRuntime.Interop;
using System.Text;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Starts a program with <c>posix_spawn</c>: nothing on its standard input (<c>/dev/null</c>), its standard output
/// and error both on one descriptor of ours, this process's environment as .NET sees it (what
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> changed included, which the C library's own
/// environment lacks) with some variables set or removed, every signal at its default action and none blocked.
/// No thread is started and no signal handler installed, unlike <see cref="System.Diagnostics.Process"/>.
/// </summary>
internal static unsafe class ProgramSpawn
{
    private static readonly byte[] DevNull = "/dev/null\0"u8.ToArray();

    /// <summary>The child's pid, or the errno value that kept it from running (the program missing, not executable...).</summary>
    public static (int Pid, int Errno) Start(string program, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment, int outputDescriptor)
    {
        var path = program.Contains('/') ? program : HelperPrograms.OnPath(program) ?? program;
        using var strings = new NativeStrings();
        var file = strings.Add(path);
        var argv = strings.Array([path, .. arguments]);
        var envp = strings.Array(EnvironmentOf(environment));

        var fileActions = NativeMemory.AllocZeroed(Posix.OpaqueSize);
        var attributes = NativeMemory.AllocZeroed(Posix.OpaqueSize);
        var signals = NativeMemory.AllocZeroed(Posix.OpaqueSize);
        Posix.FileActionsInit(fileActions);
        Posix.AttributesInit(attributes);
        try
        {
            int error;
            fixed (byte* devNull = DevNull)
                error = Posix.FileActionsAddOpen(fileActions, 0, devNull, Posix.ReadOnly, 0);
            if (error == 0) error = Posix.FileActionsAddDup2(fileActions, outputDescriptor, 1);
            if (error == 0) error = Posix.FileActionsAddDup2(fileActions, outputDescriptor, 2);
            // The runtime's handlers and ignored signals (SIGPIPE) are not the program's; nor is this thread's mask.
            Posix.SignalSetFill(signals);
            if (error == 0) error = Posix.AttributesSetSignalDefaults(attributes, signals);
            Posix.SignalSetEmpty(signals);
            if (error == 0) error = Posix.AttributesSetSignalMask(attributes, signals);
            if (error == 0) error = Posix.AttributesSetFlags(attributes, Posix.SpawnSetSignalDefaults | Posix.SpawnSetSignalMask);
            if (error != 0) return (0, error);
            int pid;
            error = Posix.Spawn(&pid, file, fileActions, attributes, argv, envp);
            return error == 0 ? (pid, 0) : (0, error);
        }
        finally
        {
            Posix.FileActionsDestroy(fileActions);
            Posix.AttributesDestroy(attributes);
            NativeMemory.Free(fileActions);
            NativeMemory.Free(attributes);
            NativeMemory.Free(signals);
        }
    }

    /// <summary><c>NAME=VALUE</c> of every variable .NET sees, with <paramref name="overrides"/> set, or removed when null.</summary>
    private static List<string> EnvironmentOf(IReadOnlyDictionary<string, string?>? overrides)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            variables[(string)variable.Key] = (string?)variable.Value ?? "";
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null) variables.Remove(name);
            else variables[name] = value;
        }
        var entries = new List<string>(variables.Count);
        foreach (var (name, value) in variables) entries.Add(name + "=" + value);
        return entries;
    }

    /// <summary>NUL-terminated UTF-8 copies in native memory, freed together.</summary>
    private sealed class NativeStrings : IDisposable
    {
        private readonly List<nint> _blocks = [];

        public byte* Add(string text)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            var block = (byte*)NativeMemory.Alloc((nuint)length + 1);
            _blocks.Add((nint)block);
            Encoding.UTF8.GetBytes(text, new Span<byte>(block, length));
            block[length] = 0;
            return block;
        }

        /// <summary>A NULL-terminated array of the strings, as argv and envp are.</summary>
        public byte** Array(IReadOnlyList<string> texts)
        {
            var array = (byte**)NativeMemory.Alloc((nuint)(texts.Count + 1), (nuint)sizeof(byte*));
            _blocks.Add((nint)array);
            for (var i = 0; i < texts.Count; i++) array[i] = Add(texts[i]);
            array[texts.Count] = null;
            return array;
        }

        public void Dispose()
        {
            foreach (var block in _blocks) NativeMemory.Free((void*)block);
        }
    }
}
