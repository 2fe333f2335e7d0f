namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// What a domain name may hold. The name becomes part of file names (the monitor socket, the run
/// directory, logs, NVRAM and TPM state), of command lines (<c>-name</c>) and of what <c>list</c>
/// prints, so, as libvirt does, it may not contain <c>/</c> (which would leave the folder it is put
/// in: <c>../../etc</c>), nor be <c>.</c> or <c>..</c>, nor hold control characters (a newline would
/// forge a row of a listing).
/// </summary>
public static class DomainNames
{
    /// <summary>Why <paramref name="name"/> cannot name a domain, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Contains('/')) return "it contains '/'";
        if (name is "." or "..") return "it is a folder's own name";
        foreach (var c in name)
            if (char.IsControl(c)) return $"it contains the control character U+{(int)c:X4}";
        return null;
    }
}
