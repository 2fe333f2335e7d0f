using System.Text;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Turns the bytes a program writes (UTF-8, read in pieces that may split a character or a line) into the lines
/// <see cref="EmulatorOutput"/> collects: a line ends at <c>\n</c> (a <c>\r</c> before it dropped); a line longer
/// than <see cref="LongestLine"/> is passed on in pieces, so memory stays bounded whatever the program writes.
/// </summary>
internal sealed class OutputLines(EmulatorOutput output)
{
    private const int LongestLine = 16384;

    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _line = new();
    private char[] _chars = new char[1024];

    public void Add(ReadOnlySpan<byte> bytes)
    {
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (_chars.Length < needed) _chars = new char[needed];
        var count = _decoder.GetChars(bytes, _chars, flush: false);
        foreach (var c in _chars.AsSpan(0, count))
        {
            if (c == '\n') Emit();
            else if (_line.Append(c).Length >= LongestLine) Emit();
        }
    }

    /// <summary>At the end of the output: a last line without its <c>\n</c> counts too.</summary>
    public void Complete()
    {
        var count = _decoder.GetChars([], _chars, flush: true);
        _line.Append(_chars, 0, count);
        if (_line.Length > 0) Emit();
    }

    private void Emit()
    {
        if (_line.Length > 0 && _line[^1] == '\r') _line.Length--;
        output.Add(_line.ToString());
        _line.Clear();
    }
}
