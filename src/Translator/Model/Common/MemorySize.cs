namespace DomainLauncher.Translator.Model;

/// <summary>
/// An amount of memory, held in KiB (the unit the spec uses when none is given). Parsed from a
/// value and a unit (<c>b</c>, <c>KiB</c>, <c>MB</c>, <c>G</c>, ...); sizes not a whole number of
/// KiB are rounded up, as the reference does.
/// </summary>
public readonly record struct MemorySize(ulong Kibibytes)
{
    public ulong Bytes => checked(Kibibytes * 1024);

    public ulong Mebibytes => Kibibytes / 1024;

    public override string ToString() => $"{Kibibytes} KiB";
}
