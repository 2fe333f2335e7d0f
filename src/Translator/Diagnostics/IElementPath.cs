namespace DomainLauncher.Translator.Diagnostics;

/// <summary>Something that makes an element's path when asked (see <see cref="SourceLocation.Path"/>); the same text each time.</summary>
internal interface IElementPath
{
    string Path { get; }
}
