namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>The test collection of the classes that start real helper processes (swtpm, virtiofsd): they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class HelperProcessTests
{
    public const string Name = "helper processes";
}
