using System.Globalization;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>A QEMU release number, <c>major.minor.micro</c>, as <c>qemu -version</c> prints it.</summary>
public readonly record struct QemuVersion(int Major, int Minor, int Micro) : IComparable<QemuVersion>
{
    /// <summary>libvirt's single-number form: major * 1,000,000 + minor * 1,000 + micro (1.2.0 is 1002000).</summary>
    public long Number => (Major * 1_000_000L) + (Minor * 1_000L) + Micro;

    /// <summary>Reads <c>1.2</c> or <c>1.2.0</c>; null for anything else.</summary>
    public static QemuVersion? Parse(string text)
    {
        var parts = text.Trim().Split('.');
        if (parts.Length is < 2 or > 3) return null;
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit)
                || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])
                || numbers[i] > 999)
                return null;
        }
        return new QemuVersion(numbers[0], numbers[1], numbers[2]);
    }

    public int CompareTo(QemuVersion other) => Number.CompareTo(other.Number);

    public static bool operator <(QemuVersion left, QemuVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(QemuVersion left, QemuVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(QemuVersion left, QemuVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(QemuVersion left, QemuVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Micro}";
}
