using System.Text;
using DomainLauncher.Cli.Startup;

CodePrefault.Apply();
// Results go out in 64 KiB blocks for the commands that only write results (a batch of documents
// costs no write per line); the others write each line as it is made.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16)
{
    AutoFlush = !CommandCatalog.BuffersOutput(args),
};
var exitCode = CliApplication.Run(args, stdout, Console.Error);
try
{
    stdout.Flush();
}
catch (IOException)
{
    // The reader went away (a closed pipe): what it did not read is lost either way.
}
return exitCode;
