using DomainLauncher.Drivers.Qemu.Output;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>What translating one case produced: a command line, or a refusal saying where and why.</summary>
public abstract record QemuTranslationOutcome
{
    private protected QemuTranslationOutcome()
    {
    }
}

/// <summary>The translator built a command line.</summary>
public sealed record QemuTranslationBuilt(QemuCommandLine CommandLine) : QemuTranslationOutcome;

/// <summary>The translator refused the domain at <paramref name="Stage"/>, for the reason in <paramref name="Message"/>.</summary>
public sealed record QemuTranslationRefused(TranslationStage Stage, string Message) : QemuTranslationOutcome;
