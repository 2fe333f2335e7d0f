using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Commands;

/// <summary><c>domainlauncher dumpxml NAME</c>: the domain XML a running guest was launched from, as <c>virsh dumpxml</c>.</summary>
internal static class DumpXmlCommand
{
    public static CliCommand Create()
    {
        var name = GuestCommand.NameArgument();
        var runDir = RunBaseOption.Create();
        return new CliCommand(
            "dumpxml",
            "Print the domain XML of a running guest: the document it was launched from, in libvirt's canonical form.",
            $"""
            The launch keeps the domain XML in the guest's run directory (domain.xml); this prints it.
            Output (standard output): the domain XML.
            {GuestCommand.ExitStatus}
            """,
            [
                new("Print a running guest's domain XML", "domainlauncher dumpxml example-sound"),
                new("Check it again", "domainlauncher dumpxml example-sound | domainlauncher validate -"),
            ],
            (parse, context) => GuestCommand.Print(
                GuestControl.DomainXmlAsync(RunBaseOption.Resolve(parse.GetValue(runDir)), parse.GetRequiredValue(name)).GetAwaiter().GetResult(),
                context, newline: false))
        {
            name,
            runDir,
        };
    }
}
