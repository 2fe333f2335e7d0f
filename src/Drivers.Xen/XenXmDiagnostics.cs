using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen;

/// <summary>
/// The diagnostic codes of the xm config file format (DL5050-DL5099): reading a config file's
/// text, turning its settings into a domain, and refusing a domain an xm config cannot express.
/// </summary>
public static class XenXmDiagnostics
{
    /// <summary>The text is not a sequence of <c>name = value</c> lines (Python code, a stray bracket, an open string).</summary>
    public static readonly DiagnosticCode Syntax = new("DL5050", "xm config syntax error");

    /// <summary>A setting the xm config reader does not know.</summary>
    public static readonly DiagnosticCode UnknownKey = new("DL5051", "unknown xm config setting");

    /// <summary>A setting of the wrong kind (a list where a string is needed, a string that is not a number...).</summary>
    public static readonly DiagnosticCode WrongType = new("DL5052", "xm config value of the wrong type");

    /// <summary>A setting of the right kind whose content is not valid (a bad UUID, MAC address, disk or device spec).</summary>
    public static readonly DiagnosticCode InvalidValue = new("DL5053", "invalid xm config value");

    /// <summary>A required setting is absent (the name, the HVM loader).</summary>
    public static readonly DiagnosticCode MissingKey = new("DL5054", "required xm config setting missing");

    /// <summary>A setting given twice.</summary>
    public static readonly DiagnosticCode DuplicateKey = new("DL5055", "xm config setting given more than once");

    /// <summary>The domain uses something an xm config file cannot express for that xend version.</summary>
    public static readonly DiagnosticCode Unsupported = new("DL5056", "not expressible in an xm config file");

    /// <summary>The domain lacks something an xm config file must have (UUID, memory size).</summary>
    public static readonly DiagnosticCode MissingValue = new("DL5057", "domain lacks a value the xm config needs");

    /// <summary>A conformance suite manifest or its host capabilities could not be read.</summary>
    public static readonly DiagnosticCode InvalidManifest = new("DL5058", "invalid xmconfig suite manifest");

    /// <summary>
    /// The file is beyond what the reader takes: lists nested too deeply, too many settings, list
    /// items or syntax errors, a string or a setting name too long. Refused so that a hostile file
    /// can neither overflow the stack nor take unbounded time or memory.
    /// </summary>
    public static readonly DiagnosticCode Limit = new("DL5059", "xm config exceeds a reader limit");

    /// <summary>
    /// A string holds a character no path, name or command line may carry: a control character,
    /// or U+FFFE/U+FFFF (which the domain XML cannot carry). Refused, never dropped.
    /// </summary>
    public static readonly DiagnosticCode ForbiddenCharacter = new("DL5060", "character not allowed in an xm config value");
}
