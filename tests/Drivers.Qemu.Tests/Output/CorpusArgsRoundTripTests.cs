using DomainLauncher.Drivers.Qemu.Output;
using Xunit.Abstractions;

namespace DomainLauncher.Drivers.Qemu.Tests.Output;

/// <summary>
/// Every corpus .args file, split into words and written back with the shell writer, gives the
/// same words; and the writer reproduces the joined file text exactly where libvirt wrote it.
/// </summary>
public sealed class CorpusArgsRoundTripTests(ITestOutputHelper output)
{
    [SharedCorpusFact]
    public void Every_corpus_args_file_round_trips_through_the_shell_writer_as_the_same_words()
    {
        var files = Directory.GetFiles(SharedCorpus.Suite("qemuxml2argv"), "*.args").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 190, $"only {files.Count} .args files");
        var wordFailures = new List<string>();
        var textMismatches = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var words = ShellWords.Split(text);
            if (!words.Succeeded)
            {
                wordFailures.Add($"{Path.GetFileName(file)}: {words.Error}");
                continue;
            }
            var commandLine = QemuCommandLine.FromWords(words.Words);
            if (commandLine is null)
            {
                wordFailures.Add($"{Path.GetFileName(file)}: no emulator word");
                continue;
            }
            var written = ShellCommandWriter.Write(commandLine);
            var again = ShellWords.Split(written).Words;
            if (!again.SequenceEqual(words.Words))
                wordFailures.Add($"{Path.GetFileName(file)}: words differ after writing");
            if (written != ShellWords.JoinContinuationLines(text))
                textMismatches.Add(Path.GetFileName(file));
        }
        output.WriteLine($"{files.Count - textMismatches.Count} of {files.Count} .args files reproduced as exact text");
        foreach (var mismatch in textMismatches) output.WriteLine("text differs: " + mismatch);
        Assert.True(wordFailures.Count == 0, string.Join("\n", wordFailures));
        // libvirt wrote these files with the same quoting rule, so the joined text matches exactly.
        Assert.True(textMismatches.Count == 0, "text differs: " + string.Join(", ", textMismatches));
    }

    [SharedCorpusFact]
    public void Corpus_quoting_examples_split_as_libvirt_meant()
    {
        var dir = SharedCorpus.Suite("qemuxml2argv");
        var ns = ShellWords.Split(File.ReadAllText(Path.Combine(dir, "qemu-ns.args"))).Words;
        Assert.Contains("BAR=", ns);
        var rbd = ShellWords.Split(File.ReadAllText(Path.Combine(dir, "disk-drive-network-rbd.args"))).Words;
        Assert.Contains(rbd, w => w.StartsWith("file=rbd:pool/image:auth_supported=none:mon_host=mon1.example.org\\:6321\\;", StringComparison.Ordinal));
    }
}
