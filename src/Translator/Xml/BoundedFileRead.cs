using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Xml;

/// <summary>What <see cref="BoundedFile.ReadBytes"/> read: the bytes, or null and the error that prevented it.</summary>
public sealed record BoundedFileRead(byte[]? Bytes, Diagnostic? Error);
