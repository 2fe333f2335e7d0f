namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Whether qemu-bridge-helper lets a guest onto a bridge, read as the helper reads its ACL file
/// (<c>/etc/qemu/bridge.conf</c>): one rule a line, <c>allow NAME</c>, <c>deny NAME</c>, <c>allow all</c>,
/// <c>deny all</c>, <c>include FILE</c>, <c>#</c> a comment. A deny rule wins over any allow rule, and a bridge no
/// rule allows is denied.
/// </summary>
public static class BridgeHelperAcl
{
    public const string DefaultFile = "/etc/qemu/bridge.conf";

    /// <summary>Includes deeper than this are a loop.</summary>
    private const int MaxDepth = 8;

    /// <summary>True when allowed, false when denied, null when the ACL cannot be read (the helper, setuid root, may still read it).</summary>
    public static bool? Allows(string bridge, Func<string, string?> readFile, string file = DefaultFile)
    {
        var allowed = false;
        var denied = false;
        if (!Read(file, 0)) return null;
        return allowed && !denied;

        bool Read(string path, int depth)
        {
            if (depth > MaxDepth || readFile(path) is not { } text) return false;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var words = line.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (words.Length != 2) continue;
                var (verb, argument) = (words[0], words[1]);
                var matches = argument == "all" || argument == bridge;
                if (verb == "allow" && matches) allowed = true;
                else if (verb == "deny" && matches) denied = true;
                else if (verb == "include" && !Read(argument, depth + 1)) return false;
            }
            return true;
        }
    }
}
