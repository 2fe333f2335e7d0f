using System.Buffers;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// Recognizes a probe's CPU views (<c>$.probe.acceleratorCpus</c>) written as this tool writes a probe cache entry: no white
/// space, every member in the order of the document's shape, names plain ASCII (no escape), within the reader's bounds.
/// What it accepts, <see cref="EmulatorProfileReader"/> reads without fail, so a profile's views can be kept as text and read
/// on first use; anything else (indented, escaped, reordered, malformed) is not accepted, and is read, or refused, at once.
/// Linear in the text, with nothing allocated: a third of the instructions reading the views took.
/// </summary>
internal static class CompactAcceleratorCpus
{
    /// <summary>The length of the views at the start of <paramref name="text"/> (from its '[' to its ']'), or -1 when they are not in the compact form.</summary>
    public static int Length(ReadOnlySpan<byte> text)
    {
        var scanner = new Scanner(text);
        if (!scanner.Views()) return -1;
        // Strings were scanned to their next quote: that is their end only when the views hold no escape, and a name
        // in them is plain only when they hold nothing else (a control character, a byte of a longer UTF-8 sequence).
        return text[..scanner.At].IndexOfAnyExcept(PlainOrQuote) < 0 ? scanner.At : -1;
    }

    /// <summary>The bytes of compact views: those of plain names (<see cref="EmulatorProfileReader.IsPlainByte"/>), and the quote.</summary>
    private static readonly SearchValues<byte> PlainOrQuote = SearchValues.Create(PlainOrQuoteBytes());

    private static byte[] PlainOrQuoteBytes()
    {
        var bytes = new List<byte> { (byte)'"' };
        for (var b = (byte)0; b < 0x80; b++)
            if (EmulatorProfileReader.IsPlainByte(b)) bytes.Add(b);
        return [.. bytes];
    }

    private enum Element
    {
        View,
        Definition,
        Name,
    }

    private ref struct Scanner(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> _text = text;

        public int At;

        /// <summary>[ {"accelerator":..,"definitions":[..],"expandedModel":..,"featuresOn":[..],"featuresOff":[..]}, ... ]</summary>
        public bool Views() => List(Element.View);

        private bool View() =>
            Literal("{\"accelerator\":"u8) && String() &&
            Literal(",\"definitions\":"u8) && List(Element.Definition) &&
            Literal(",\"expandedModel\":"u8) && StringOrNull() &&
            Literal(",\"featuresOn\":"u8) && List(Element.Name) &&
            Literal(",\"featuresOff\":"u8) && List(Element.Name) &&
            Byte((byte)'}');

        private bool Definition() =>
            Literal("{\"name\":"u8) && String() &&
            Literal(",\"aliasOf\":"u8) && StringOrNull() &&
            Literal(",\"static\":"u8) && Boolean() &&
            Literal(",\"migrationSafe\":"u8) && Boolean() &&
            Literal(",\"deprecated\":"u8) && Boolean() &&
            Literal(",\"unavailableFeatures\":"u8) && List(Element.Name) &&
            Byte((byte)'}');

        /// <summary>[ ELEMENT, ... ], at most as many elements as the reader takes.</summary>
        private bool List(Element element)
        {
            if (!Byte((byte)'[')) return false;
            if (Byte((byte)']')) return true;
            var count = 0;
            do
            {
                if (++count > EmulatorProfileReader.MaxListLength) return false;
                var read = element switch
                {
                    Element.View => View(),
                    Element.Definition => Definition(),
                    _ => String(),
                };
                if (!read) return false;
            }
            while (Byte((byte)','));
            return Byte((byte)']');
        }

        /// <summary>A string to its next quote; that its bytes are plain is checked once for all the views (<see cref="Length"/>).</summary>
        private bool String()
        {
            if (!Byte((byte)'"')) return false;
            var length = _text[At..].IndexOf((byte)'"');
            if (length < 0 || length > EmulatorProfileReader.MaxStringBytes) return false;
            At += length + 1;
            return true;
        }

        private bool StringOrNull() => Literal("null"u8) || String();

        private bool Boolean() => Literal("true"u8) || Literal("false"u8);

        private bool Byte(byte expected)
        {
            if (At >= _text.Length || _text[At] != expected) return false;
            At++;
            return true;
        }

        private bool Literal(ReadOnlySpan<byte> literal)
        {
            if (!_text[At..].StartsWith(literal)) return false;
            At += literal.Length;
            return true;
        }
    }
}
