using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Conformance.Qemu;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>
/// Translates one qemuxml2argv case with the command-line builder: parse the XML, describe the
/// emulator the domain names as the test host sees it, build. The translate function for
/// <see cref="QemuxmlRunner.Run"/>.
/// </summary>
public static class QemuxmlTranslation
{
    public static QemuTranslationOutcome Translate(QemuxmlCase c, QemuxmlCaseSettings settings)
    {
        var parsed = DomainLoader.LoadFile(InputFiles.Disk, c.XmlPath);
        if (parsed.HasErrors || parsed.Domain is not { } domain)
            return new QemuTranslationRefused(TranslationStage.Parse, Messages(parsed.Diagnostics.Where(d => d.IsError)));
        if (domain.Devices.Emulator is not { } path)
            return new QemuTranslationRefused(TranslationStage.Validate, "the domain names no <emulator>");
        var emulator = settings.DescribeEmulator(path, domain.Type);
        var options = new QemuBuildOptions
        {
            DomainId = settings.DomainId,
            MigrateFrom = settings.MigrateFrom,
            MigrateFd = settings.MigrateFd,
            AssignPciAddresses = settings.AssignPciAddresses,
        };
        var result = QemuCommandBuilder.Build(domain, emulator, settings.Host, options);
        return result.CommandLine is { } commandLine
            ? new QemuTranslationBuilt(commandLine)
            : new QemuTranslationRefused(TranslationStage.Validate, Messages(result.Diagnostics.Where(d => d.IsError)));
    }

    private static string Messages(IEnumerable<Translator.Diagnostics.Diagnostic> diagnostics) =>
        string.Join("; ", diagnostics.Select(d => d.Format()));
}
