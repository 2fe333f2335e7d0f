using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Startup;

/// <summary>
/// What is wrong with a command line, said the way a person fixes it. A word that looks like an option
/// but is none is named first, with the command's closest options (System.CommandLine would take
/// <c>--fromat</c> as the file and complain about the next word instead); then the parser's own errors.
/// </summary>
internal static class UsageErrors
{
    public static List<string> Of(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        // Help and version run instead of the command and ignore its arguments.
        if (parse.Action is not ParseErrorAction && (parse.Action is null || parse.Action != command.Action)) return [];
        var unknownOptions = UnknownOptionWords(parse);
        if (unknownOptions.Count > 0)
            return [.. unknownOptions.Select(word => Suggestion(word, command) is { Length: > 0 } hint
                ? $"Unrecognized option '{word}'{hint}"
                : $"Unrecognized option '{word}' (put '--' before a file name that starts with '-').")];
        if (parse.Action is ParseErrorAction)
            return [.. parse.Errors.Select(e => e.Message)];
        return [];
    }

    /// <summary>
    /// Words before '--' that start with '-' and are neither an option nor an option's value: typos,
    /// unless they come after '--' (a file really named '-x'). '-' alone is standard input.
    /// </summary>
    private static List<string> UnknownOptionWords(ParseResult parse)
    {
        var words = new List<string>();
        var candidates = new List<Token>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break;
            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-') candidates.Add(token);
        }
        // Most command lines have no such word: then no option values are gathered.
        if (candidates.Count == 0) return words;
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        CollectOptionValues(parse.RootCommandResult, optionValues);
        foreach (var token in candidates)
            if (!optionValues.Contains(token)) words.Add(token.Value);
        return words;
    }

    private static void CollectOptionValues(SymbolResult result, HashSet<Token> values)
    {
        if (result is OptionResult option) foreach (var token in option.Tokens) values.Add(token);
        if (result is CommandResult command) foreach (var child in command.Children) CollectOptionValues(child, values);
    }

    private static string Suggestion(string word, Command command)
    {
        var names = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal));
        var close = NameSuggestions.Closest(word.Split('=')[0], names);
        return close.Count == 0 ? "" : "; did you mean " + string.Join(" or ", close.Select(c => $"'{c}'")) + "?";
    }
}
