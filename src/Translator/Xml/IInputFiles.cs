namespace DomainLauncher.Translator.Xml;

/// <summary>
/// Where the pure readers get the files they are named (a domain document, the capabilities file and
/// CPU map that host settings refer to). The translators never touch the file system themselves: the
/// host runtime hands them the real one, tests may hand them files held in memory.
/// </summary>
public interface IInputFiles
{
    /// <summary>
    /// The file's bytes, or an error diagnostic located at the file: missing, a directory, unreadable,
    /// or larger than <paramref name="maxBytes"/> (refused before it is read).
    /// </summary>
    InputFileRead Read(string path, long maxBytes);
}
