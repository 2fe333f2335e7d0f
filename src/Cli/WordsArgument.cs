using System.CommandLine.Parsing;

namespace DomainLauncher.Cli;

/// <summary>
/// The words of an argument that takes many (documents, a monitor command), as given. Set as the
/// argument's <c>CustomParser</c>: System.CommandLine's own conversion to <c>string[]</c> builds the
/// array through <see cref="Array.CreateInstance(Type, int)"/>, which in the native build goes through
/// the type loader, a visible part of a one-shot command's start. Arity is checked before either runs.
/// </summary>
internal static class WordsArgument
{
    public static string[] Parse(ArgumentResult result)
    {
        var words = new string[result.Tokens.Count];
        for (var i = 0; i < words.Length; i++) words[i] = result.Tokens[i].Value;
        return words;
    }
}
