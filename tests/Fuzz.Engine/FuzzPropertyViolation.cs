namespace DomainLauncher.Fuzz;

/// <summary>
/// A target ran without an exception but broke one of its promises (for example, XML the writer
/// produced does not read back): reported as a crash, as an internal error would be.
/// </summary>
public sealed class FuzzPropertyViolation(string message) : Exception(message);
