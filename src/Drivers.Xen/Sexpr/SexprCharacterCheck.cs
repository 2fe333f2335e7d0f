namespace DomainLauncher.Drivers.Xen.Sexpr;

/// <summary>
/// Finds the first string or symbol of a tree that holds a character no Xen configuration may
/// carry (<see cref="XenForbiddenCharacters"/>). The writer could quote it, but xend would hand a
/// path with a newline or an escape sequence on to a device or a terminal: such a value is refused
/// before anything is written, named by the lists it sits in.
/// </summary>
internal static class SexprCharacterCheck
{
    public readonly record struct Finding(string Path, string Text, int Index);

    public static Finding? FirstForbidden(SexprList tree) => Search(tree, "");

    private static Finding? Search(SexprList list, string outer)
    {
        var path = list.Name is { } name && XenForbiddenCharacters.IndexOf(name) < 0 ? $"{outer}({name} " : outer + "(";
        foreach (var item in list.Items)
        {
            var found = item switch
            {
                SexprList inner => Search(inner, path),
                SexprString s => At(path, s.Text),
                SexprSymbol s => At(path, s.Text),
                _ => null,
            };
            if (found is not null) return found;
        }
        return null;
    }

    private static Finding? At(string path, string text) =>
        XenForbiddenCharacters.IndexOf(text) is var index and >= 0 ? new Finding(path.TrimEnd() + " ...)", text, index) : null;
}
