using System.CommandLine;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Cli;

/// <summary>
/// <c>--allow-unknown</c>, shared by the commands that act on a domain (to-native, launch, check):
/// without it an element or attribute the reader does not understand is an error there (validate
/// only warns), since the guest would silently lack what it asks for.
/// </summary>
internal static class AllowUnknownOption
{
    public static Option<bool> Create() => new(UnknownContent.AllowOption)
    {
        Description = "Go on when the domain has elements or attributes this tool does not understand, leaving them out (refused without it; validate lists them).",
    };
}
