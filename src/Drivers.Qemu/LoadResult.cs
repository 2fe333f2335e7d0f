using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu;

/// <summary>
/// What reading a configuration input (host settings, host capabilities, CPU map, manifest)
/// produced: the value, or null when an error made it unusable, and every diagnostic.
/// </summary>
public sealed record LoadResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics) where T : class
{
    public bool HasErrors => Value is null || Diagnostics.Any(d => d.IsError);

    public static LoadResult<T> From(T? value, DiagnosticBag diagnostics) =>
        new(diagnostics.HasErrors ? null : value, diagnostics.ToList());
}
