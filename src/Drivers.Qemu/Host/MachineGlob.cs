namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>The machine patterns of QEMU's firmware description files are shell globs (<c>pc-q35-*</c>): <c>*</c>, <c>?</c>, literal otherwise.</summary>
public static class MachineGlob
{
    public static bool Matches(string pattern, string name)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n])) { p++; n++; }
            else if (p < pattern.Length && pattern[p] == '*') { starP = p++; starN = n; }
            else if (starP >= 0) { p = starP + 1; n = ++starN; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
