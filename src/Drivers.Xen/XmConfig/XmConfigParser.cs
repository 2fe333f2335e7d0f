using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>What reading an xm config file's text produced: the settings (null after a syntax error) and every diagnostic.</summary>
public sealed record XmConfigParseResult(XmConfigFile? File, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads the text of an xm config file as data, never as Python: a file is a sequence of
/// <c>name = value</c> settings separated by newlines or <c>;</c>, with <c>#</c> comments, where a
/// value is a quoted string (<c>"..."</c>, <c>'...'</c> or <c>"""..."""</c>), a decimal integer, or
/// a bracketed list of values (which may span lines and end with a comma). Anything else (Python
/// code, expressions, a stray or missing bracket, an open string) is a located syntax error; every
/// bad line is reported, and no settings are returned when there is one.
/// </summary>
public static class XmConfigParser
{
    public static XmConfigParseResult Parse(string text, string sourceName = "<string>")
    {
        var diagnostics = new DiagnosticBag();
        using var tokens = XmTokenizer.Tokenize(text, sourceName).GetEnumerator();
        var parser = new Grammar(tokens, diagnostics);
        var entries = parser.File();
        return new XmConfigParseResult(diagnostics.HasErrors ? null : new XmConfigFile(entries), diagnostics.ToList());
    }

    /// <summary>Raised when the file is refused as a whole (a limit reached): reading stops at once.</summary>
    private sealed class StopReading : Exception;

    private sealed class Grammar
    {
        private readonly IEnumerator<XmToken> _tokens;
        private readonly DiagnosticBag _diagnostics;
        private int _depth, _values, _errors;

        public Grammar(IEnumerator<XmToken> tokens, DiagnosticBag diagnostics)
        {
            _tokens = tokens;
            _diagnostics = diagnostics;
            _tokens.MoveNext();
        }

        private XmToken Current => _tokens.Current;

        private void Next()
        {
            if (Current.Kind != XmTokenKind.End) _tokens.MoveNext();
        }

        public ImmutableArray<XmEntry> File()
        {
            var entries = ImmutableArray.CreateBuilder<XmEntry>();
            try
            {
                while (Current.Kind != XmTokenKind.End)
                {
                    if (Current.Kind is XmTokenKind.Newline or XmTokenKind.Semicolon)
                    {
                        Next();
                        continue;
                    }
                    var entry = Setting();
                    if (entry is null)
                    {
                        SkipLine();
                        continue;
                    }
                    if (Current.Kind is not (XmTokenKind.Newline or XmTokenKind.Semicolon or XmTokenKind.End))
                    {
                        Error(Current, $"expected the end of the line after the value of '{entry.Name}', found {Current.Describe()}"
                            + " (expressions are not evaluated: write the value itself)");
                        SkipLine();
                        continue;
                    }
                    if (entries.Count == XmLimits.MaxSettings)
                        Stop(XenXmDiagnostics.Limit, entry.Location, $"more than {XmLimits.MaxSettings} settings; the reader stops here");
                    entries.Add(entry);
                }
            }
            catch (StopReading)
            {
                return [];
            }
            return entries.ToImmutable();
        }

        private XmEntry? Setting()
        {
            var name = Current;
            if (name.Kind == XmTokenKind.Refused)
            {
                Refuse(name);
                return null;
            }
            if (name.Kind != XmTokenKind.Name)
            {
                Error(name, name.Kind == XmTokenKind.CloseBracket
                    ? "unexpected ']' with no '[' open"
                    : $"expected a setting name, found {name.Describe()}; a line must be 'name = value'");
                return null;
            }
            Next();
            if (Current.Kind != XmTokenKind.Equals)
            {
                Error(Current, $"expected '=' after '{name.Text}', found {Current.Describe()}; a line must be 'name = value'"
                    + " (Python statements are not run)");
                return null;
            }
            Next();
            var value = Value(name.Text);
            return value is null ? null : new XmEntry(name.Text, value) { Location = name.Location.WithPath(name.Text) };
        }

        private XmValue? Value(string setting)
        {
            var token = Current;
            if (++_values > XmLimits.MaxValues)
                Stop(XenXmDiagnostics.Limit, token.Location, $"more than {XmLimits.MaxValues} values; the reader stops here");
            switch (token.Kind)
            {
                case XmTokenKind.String:
                    Next();
                    return new XmString(token.Text) { Location = token.Location };
                case XmTokenKind.Integer:
                    Next();
                    if (long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                        return new XmInteger(number) { Location = token.Location };
                    Error(token, $"the integer {XmLimits.Shorten(token.Text)} of '{setting}' is out of range");
                    return null;
                case XmTokenKind.OpenBracket:
                    if (_depth == XmLimits.MaxDepth)
                        Stop(XenXmDiagnostics.Limit, token.Location,
                            $"the lists of '{setting}' are nested more than {XmLimits.MaxDepth} deep; the reader stops here");
                    _depth++;
                    try
                    {
                        return List(setting);
                    }
                    finally
                    {
                        _depth--;
                    }
                case XmTokenKind.Refused:
                    Refuse(token);
                    return null;
                case XmTokenKind.Newline or XmTokenKind.End or XmTokenKind.Semicolon:
                    Error(token, $"'{setting}' has no value after '='");
                    return null;
                default:
                    Error(token, $"the value of '{setting}' must be a quoted string, an integer or a [ list ]; found {token.Describe()}"
                        + " (Python expressions are not evaluated)");
                    return null;
            }
        }
        private XmList? List(string setting)
        {
            var open = Current;
            Next();
            var items = ImmutableArray.CreateBuilder<XmValue>();
            while (true)
            {
                SkipNewlines();
                if (Current.Kind == XmTokenKind.CloseBracket)
                {
                    Next();
                    return new XmList(items.ToImmutable()) { Location = open.Location };
                }
                if (Current.Kind == XmTokenKind.End)
                {
                    Error(open, $"unbalanced '[': the list of '{setting}' opened here is never closed with ']'");
                    return null;
                }
                var item = Value(setting);
                if (item is null) return null;
                items.Add(item);
                SkipNewlines();
                if (Current.Kind == XmTokenKind.Comma)
                {
                    Next();
                    continue;
                }
                if (Current.Kind == XmTokenKind.CloseBracket) continue;
                if (Current.Kind == XmTokenKind.End)
                {
                    Error(open, $"unbalanced '[': the list of '{setting}' opened here is never closed with ']'");
                    return null;
                }
                Error(Current, $"expected ',' or ']' in the list of '{setting}', found {Current.Describe()}");
                return null;
            }
        }

        private void SkipNewlines()
        {
            while (Current.Kind == XmTokenKind.Newline) Next();
        }

        // After an error, resume at the next line so that every bad line is reported once.
        private void SkipLine()
        {
            while (Current.Kind is not (XmTokenKind.Newline or XmTokenKind.End)) Next();
        }

        private void Error(XmToken at, string message) => Report(XenXmDiagnostics.Syntax, at.Location, message);

        private void Refuse(XmToken token) => Report(token.Refusal ?? XenXmDiagnostics.Syntax, token.Location, $"refused: {token.Text}");

        // Every bad line is reported, up to a limit: a file of millions of bad lines is refused once it is reached.
        private void Report(DiagnosticCode code, SourceLocation at, string message)
        {
            _diagnostics.Error(code, at, message);
            if (++_errors == XmLimits.MaxSyntaxErrors)
                Stop(XenXmDiagnostics.Limit, at, $"{XmLimits.MaxSyntaxErrors} errors; the reader stops here");
        }

        private void Stop(DiagnosticCode code, SourceLocation at, string message)
        {
            _diagnostics.Error(code, at, message);
            throw new StopReading();
        }
    }
}
