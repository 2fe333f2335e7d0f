using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>What <see cref="NativeTranslation.QemuArgv"/> gave.</summary>
/// <param name="CommandLine">The command line, or null with at least one error.</param>
/// <param name="Diagnostics">Every diagnostic in the order found, warnings included.</param>
/// <param name="UnknownCapabilityName">The capability names given inline named an unknown capability: a usage error, found before any file was read.</param>
public sealed record QemuArgvTranslation(QemuCommandLine? CommandLine, IReadOnlyList<Diagnostic> Diagnostics, bool UnknownCapabilityName);
