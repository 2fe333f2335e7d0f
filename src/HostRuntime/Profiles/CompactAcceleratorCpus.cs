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

    /// <summary>The bytes of compact views: those of plain names (<see cref="EmulatorProfileReader.PlainBytes"/>), and the quote.</summary>
    private static readonly SearchValues<byte> PlainOrQuote = SearchValues.Create([(byte)'"', .. EmulatorProfileReader.PlainBytes()]);

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

        /// <summary>
        /// {"NAME":VALUE,...}: every member of the reader's shape for the object, in the shape's order (as the cache
        /// writes them), each value of the kind the reader takes for that member.
        /// </summary>
        private bool Object(EmulatorProfileReader.Shape shape, Element element)
        {
            if (!Byte((byte)'{')) return false;
            for (var i = 0; i < shape.Names.Length; i++)
            {
                if (i > 0 && !Byte((byte)',')) return false;
                if (!Byte((byte)'"') || !Literal(shape.Utf8[i]) || !Literal("\":"u8) || !Value(element, shape.Names[i])) return false;
            }
            return Byte((byte)'}');
        }

        /// <summary>A member's value as the reader reads it; a member it does not list here is not compact.</summary>
        private bool Value(Element element, string member) => (element, member) switch
        {
            (Element.View, "accelerator") => String(),
            (Element.View, "definitions") => List(Element.Definition),
            (Element.View, "expandedModel") => StringOrNull(),
            (Element.View, "featuresOn" or "featuresOff") => List(Element.Name),
            (Element.Definition, "name") => String(),
            (Element.Definition, "aliasOf") => StringOrNull(),
            (Element.Definition, "static" or "migrationSafe" or "deprecated") => Boolean(),
            (Element.Definition, "unavailableFeatures") => List(Element.Name),
            _ => false,
        };

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
                    Element.View => Object(EmulatorProfileReader.AcceleratorCpusShape, Element.View),
                    Element.Definition => Object(EmulatorProfileReader.CpuDefinitionShape, Element.Definition),
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
