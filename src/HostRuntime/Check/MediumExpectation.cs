namespace DomainLauncher.HostRuntime.Check;

/// <summary>What the block device of a disk should hold: not checked, nothing (an empty drive), or some medium.</summary>
public enum MediumExpectation
{
    NotChecked,
    Empty,
    Inserted,
}
