using System.Text;
using DomainLauncher.Cli;
using DomainLauncher.Cli.Startup;
using DomainLauncher.HostRuntime.Memory;

var command = CommandCatalog.EntryFor(args);
if (command is { Translates: true }) YoungHeapPrefault.Apply(256 << 10);
// Standard output and error are written with write(2) (DescriptorOutputStream says why not through Console).
// Results go out in blocks of up to 64 KiB for the commands that only write results (a batch of
// documents costs no write per line); the others write each line as it is made. The writer's own
// buffer is small (1K characters): a one-shot command prints a few lines, and a buffer is fresh memory.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var buffersOutput = command is { BuffersOutput: true };
var stdout = new StreamWriter(new DescriptorOutputStream(1, holdBack: buffersOutput), utf8, 1024)
{
    AutoFlush = !buffersOutput,
};
// Errors and warnings go out as written, from whichever thread reports them.
var stderr = TextWriter.Synchronized(new StreamWriter(new DescriptorOutputStream(2), utf8, 1 << 12) { AutoFlush = true });
try
{
    var exitCode = CliApplication.Run(args, stdout, stderr);
    stdout.Flush();
    return exitCode;
}
catch (Exception e) when (StandardOutputClosedException.IsIn(e))
{
    return ExitCodes.OutputClosed;
}
