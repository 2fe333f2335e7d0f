using DomainLauncher.Translator.Conformance;

namespace DomainLauncher.Cli.Conformance;

/// <summary>
/// A finished conformance run and how to describe one of its cases that did not pass (by index),
/// so that the command prints every suite the same way.
/// </summary>
internal sealed record SuiteRun(ConformanceRun Run, Func<int, string> FailureLine);
