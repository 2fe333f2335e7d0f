using System.Net;

namespace DomainLauncher.Drivers.Qemu.Syntax;

/// <summary>What QEMU's socket syntaxes accept as a host: a DNS name (RFC 1123 labels), an IPv4 or an IPv6 address.</summary>
public static class HostNames
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>A DNS host name or an IPv4 address: letters, digits, <c>-</c> and <c>_</c> in dot-separated labels.</summary>
    public static bool IsNameOrIPv4(string host)
    {
        if (host.Length is 0 or > MaxNameLength) return false;
        foreach (var label in host.Split('.'))
        {
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }
        return true;
    }

    /// <summary>An IPv6 address without brackets or a zone (hexadecimal digits, <c>:</c> and a trailing IPv4 part).</summary>
    public static bool IsIPv6(string host) =>
        host.Length is > 1 and <= 45 && host.Contains(':', StringComparison.Ordinal)
        && host.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
        // Text with a ':' that parses can only be IPv6 (the address's 16 bytes say so without a socket type).
        && IPAddress.TryParse(host, out var address) && address.GetAddressBytes().Length == 16;

    /// <summary>A service QEMU's socket syntaxes read as a port: a decimal number 0-65535 or a service name (letters, digits, <c>-</c>).</summary>
    public static bool IsService(string service) =>
        service.Length is > 0 and <= 32 && service.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The first control character of a value, if any: none may reach a path, a command line or a terminal.</summary>
    public static char? FirstControl(string? value)
    {
        if (value is null) return null;
        foreach (var c in value)
            if (char.IsControl(c)) return c;
        return null;
    }
}
