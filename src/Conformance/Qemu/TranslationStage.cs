namespace DomainLauncher.Conformance.Qemu;

/// <summary>Where in the pipeline the translator refused a domain.</summary>
public enum TranslationStage
{
    /// <summary>Reading the XML into the domain model.</summary>
    Parse,

    /// <summary>Checking the domain against the emulator and host, assigning addresses.</summary>
    Validate,

    /// <summary>Building the command line.</summary>
    Build,
}
