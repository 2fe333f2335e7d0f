using System.Text;
using DomainLauncher.Cli;
using DomainLauncher.Cli.Startup;

ImagePrefault.Apply();
// Standard output and error are written with write(2) (DescriptorOutputStream says why not through Console).
// Results go out in 64 KiB blocks for the commands that only write results (a batch of documents
// costs no write per line); the others write each line as it is made.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var stdout = new StreamWriter(new DescriptorOutputStream(1), utf8, 1 << 16)
{
    AutoFlush = !CommandCatalog.BuffersOutput(args),
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
