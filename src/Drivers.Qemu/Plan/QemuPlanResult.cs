using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>The planner's outcome: the plan, or null when a decision it makes (the guest CPU) refuses the domain; its diagnostics either way.</summary>
internal sealed record QemuPlanResult(QemuPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics);
