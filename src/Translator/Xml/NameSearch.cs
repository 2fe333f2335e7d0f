namespace DomainLauncher.Translator.Xml;

/// <summary>Looks a name up in a short table of spellings, as XML compares them: ordinally.</summary>
internal static class NameSearch
{
    /// <summary>
    /// Where <paramref name="text"/> is spelt in <paramref name="names"/>, or -1. Lengths first: most spellings walked past
    /// have another length and cost no call to String.Equals (Array.IndexOf asked the default comparer about each one
    /// through its interface, for every enum attribute and memory unit of every document).
    /// </summary>
    public static int IndexOf(string[] names, string? text)
    {
        if (text is null) return -1;
        for (var i = 0; i < names.Length; i++)
            if (names[i].Length == text.Length && names[i] == text) return i;
        return -1;
    }
}
