using System.Text;

namespace DomainLauncher.Drivers.Qemu.Syntax;

/// <summary>
/// A path or query value inside a protocol URI (<c>gluster+tcp://host/volume/image?socket=/path</c>):
/// every byte of its UTF-8 other than unreserved characters and <c>/</c> is percent-encoded, so a
/// <c>?</c>, <c>#</c>, <c>&amp;</c> or <c>%</c> in the value stays data when QEMU's URI parser unescapes it.
/// </summary>
public static class UriText
{
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~' or '/')
                text.Append(c);
            else
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
