namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Reads a libvirt node or CPU set (<c>0,2-3,^2</c>) into its members, for rules that compare it
/// with the guest's NUMA cells. Null when the text is not a set, which the parser has reported.
/// </summary>
internal static class NodeSetText
{
    public static SortedSet<uint>? Parse(string text)
    {
        var members = new SortedSet<uint>();
        var excluded = new List<uint>();
        foreach (var rawPart in text.Split(','))
        {
            var part = rawPart.Trim();
            var exclude = part.StartsWith('^');
            if (exclude) part = part[1..];
            var dash = part.IndexOf('-');
            uint first, last;
            if (dash < 0)
            {
                if (!uint.TryParse(part, out first)) return null;
                last = first;
            }
            else if (!uint.TryParse(part[..dash], out first) || !uint.TryParse(part[(dash + 1)..], out last) || last < first)
                return null;
            for (var node = first; node <= last && node - first < 65536; node++)
                if (exclude) excluded.Add(node); else members.Add(node);
        }
        members.ExceptWith(excluded);
        return members;
    }
}
