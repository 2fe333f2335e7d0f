using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Starts swtpm for an emulated TPM, as libvirt does without its daemon: on first launch swtpm_setup
/// makes the TPM's state (an endorsement key, the PCR banks) in the domain's kept state folder; then
/// <c>swtpm socket</c> serves that state on the control socket the command line connects to. swtpm
/// daemonizes itself once its socket listens (so it outlives a detached launch, in a session of its own),
/// writes its pid to the run directory, and with <c>--terminate</c> exits when QEMU lets go of it.
/// </summary>
internal static class SwtpmHelper
{
    /// <summary>The cipher an encrypted TPM state is kept in.</summary>
    private const string StateCipher = "aes-256-cbc";

    /// <summary>The file swtpm keeps a TPM's permanent state in: its existence means the TPM was made.</summary>
    public static string PermanentStateFile(string stateFolder, TpmVersion version) =>
        Path.Combine(stateFolder, version == TpmVersion.V2_0 ? "tpm2-00.permall" : "tpm-00.permall");

    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(
        SwtpmRequest request, string runFolder, HelperPrograms programs, TimeSpan timeout, CancellationToken cancellation)
    {
        if (programs.SwtpmUnavailable is { } missing)
            return (null, Error(HelperDiagnostics.HelperMissing, request, $"the TPM's emulator back end needs swtpm: {missing}"));
        if (request.EncryptionSecret is { } secret && (request.EncryptionPassphraseFile is not { } passphrase || !File.Exists(passphrase)))
            return (null, Error(HelperDiagnostics.TpmPassphraseMissing, request,
                $"its state is to be encrypted with libvirt secret {secret}, whose passphrase a launcher without libvirt's secret store reads from " +
                $"'{request.EncryptionPassphraseFile}', and there is no such file; write the passphrase there (mode 0600), or remove <encryption> to keep the state unencrypted"));
        var pidFile = HelperFiles.DaemonPidFile(runFolder, request);
        var logFile = HelperFiles.LogFile(runFolder, request);
        // swtpm reads its options as key=value lists separated by commas, with no way to quote one.
        foreach (var path in (string[])[request.StateFolder, request.Socket, pidFile, logFile, request.EncryptionPassphraseFile ?? ""])
            if (path.Contains(',', StringComparison.Ordinal))
                return (null, Error(HelperDiagnostics.HelperFailed, request, $"swtpm cannot be given the path '{path}': swtpm's options cannot hold a comma"));

        try
        {
            StateBases.CreatePrivate(request.StateFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, Error(HelperDiagnostics.StateUnusable, request, $"the TPM's folders cannot be made: {e.Message}"));
        }

        if (request.Manufacture && !File.Exists(PermanentStateFile(request.StateFolder, request.Version)))
        {
            var made = await ManufactureAsync(request, programs.SwtpmSetup!, timeout, cancellation).ConfigureAwait(false);
            if (made is not null) return (null, made);
        }

        List<string> arguments = ["socket"];
        if (request.Version == TpmVersion.V2_0) arguments.Add("--tpm2");
        arguments.AddRange([
            "--tpmstate", $"dir={request.StateFolder},mode=0600",
            "--ctrl", $"type=unixio,path={request.Socket},mode=0600",
            "--log", $"file={logFile}",
            "--pid", $"file={pidFile}",
            "--terminate", "--daemon"]);
        // The key is derived from the passphrase (swtpm's default, PBKDF2), the AES mode the one libvirt uses.
        if (request.EncryptionPassphraseFile is { } passphraseFile)
            arguments.AddRange(["--key", $"pwdfile={passphraseFile},mode={StateCipher}"]);
        return await DaemonizingHelper.StartAsync(request, runFolder, programs.Swtpm!, arguments, $"TPM '{request.Alias}'", timeout, cancellation,
            whatItLogged: () => LogText(logFile)).ConfigureAwait(false);
    }

    /// <summary>swtpm_setup makes the TPM: an endorsement key, and for TPM 2.0 the PCR banks asked for.</summary>
    private static async Task<Diagnostic?> ManufactureAsync(SwtpmRequest request, string swtpmSetup, TimeSpan timeout, CancellationToken cancellation)
    {
        List<string> arguments = [];
        if (request.Version == TpmVersion.V2_0) arguments.Add("--tpm2");
        arguments.AddRange(["--tpmstate", request.StateFolder, "--createek", "--not-overwrite"]);
        if (request.EncryptionPassphraseFile is { } passphraseFile)
            arguments.AddRange(["--pwdfile", passphraseFile, "--cipher", StateCipher]);
        if (request.Version == TpmVersion.V2_0 && !request.PcrBanks.IsDefaultOrEmpty)
            arguments.AddRange(["--pcr-banks", string.Join(",", request.PcrBanks.Select(b => b.ToString().ToLowerInvariant()))]);
        var run = await HelperCommand.RunAsync(swtpmSetup, arguments, timeout, cancellation).ConfigureAwait(false);
        if (run.TimedOut)
            return Error(HelperDiagnostics.TpmStateNotCreated, request, $"swtpm_setup did not make the TPM's state within {timeout.TotalSeconds:0.###} s");
        if (run.StartFailure is { } failure)
            return Error(HelperDiagnostics.TpmStateNotCreated, request, $"'{swtpmSetup}' could not be started: {failure}");
        if (run.ExitCode == 0 && File.Exists(PermanentStateFile(request.StateFolder, request.Version))) return null;
        return Error(HelperDiagnostics.TpmStateNotCreated, request,
            $"swtpm_setup could not make the TPM's state in '{request.StateFolder}' (exit code {run.ExitCode}){EmulatorOutput.Quote(run.Output)}");
    }

    private static string LogText(string logFile)
    {
        try
        {
            return File.Exists(logFile) ? "\n" + File.ReadAllText(logFile) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static Diagnostic Error(DiagnosticCode code, HelperRequest request, string message) =>
        new(code, Severity.Error, $"TPM '{request.Alias}': {message}", request.Location);
}
