namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>A variable of the process environment, by name and value.</summary>
public sealed record EnvironmentVariable(string Name, string Value)
{
    /// <summary>Whether a name can be assigned in a POSIX shell: a letter or underscore, then letters, digits or underscores.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        // A loop, not All over the string's enumerator: every assignment of every document is checked here.
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }
}
