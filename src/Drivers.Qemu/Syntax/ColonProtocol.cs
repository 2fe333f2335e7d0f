using System.Text;

namespace DomainLauncher.Drivers.Qemu.Syntax;

/// <summary>
/// The one quoting rule of QEMU's colon-separated protocol file names (<c>rbd:pool/image:key=value:...</c>):
/// QEMU's rbd parser splits fields at <c>:</c> and reads <c>\x</c> as the character x, so a value's
/// <c>\</c> becomes <c>\\</c> and its <c>:</c> becomes <c>\:</c>. Protocols whose parser has no such escape
/// (the legacy <c>nbd:</c> and <c>sheepdog:</c> strings) do not use this: their values are validated instead.
/// </summary>
public static class ColonProtocol
{
    /// <summary>The value escaped so the protocol parser reads it back as one field, exactly.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', ':') < 0) return value;
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or ':') text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }
}
