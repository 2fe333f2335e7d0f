using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen;

/// <summary>
/// Diagnostic codes of the xend S-expression output (DL5000-DL5049): the target description, the
/// refusals when a domain cannot be expressed for a xend config version, and the xml2sexpr suite.
/// </summary>
public static class XenSexprDiagnostics
{
    public static readonly DiagnosticCode InvalidConfigVersion = new("DL5000", "xend config version out of range");
    public static readonly DiagnosticCode MissingHvmLoader = new("DL5001", "fully virtualized guest without a loader");
    public static readonly DiagnosticCode MissingMemory = new("DL5002", "domain without a memory size");
    public static readonly DiagnosticCode UnsupportedClock = new("DL5003", "clock setting not expressible for this xend");
    public static readonly DiagnosticCode UnsupportedLifecycle = new("DL5004", "lifecycle action not allowed for this event");
    public static readonly DiagnosticCode UnsupportedDisk = new("DL5005", "disk not expressible as a xend block device");
    public static readonly DiagnosticCode UnsupportedInterface = new("DL5006", "interface not expressible as a xend vif");
    public static readonly DiagnosticCode UnknownNetwork = new("DL5007", "virtual network without a known bridge");
    public static readonly DiagnosticCode ManagedPciDevice = new("DL5008", "managed PCI device not supported by xend");
    public static readonly DiagnosticCode UnsupportedGraphics = new("DL5009", "graphics not expressible for xend");
    public static readonly DiagnosticCode UnsupportedInput = new("DL5010", "input device not expressible for xend");
    public static readonly DiagnosticCode UnsupportedCharDevice = new("DL5011", "character device not expressible for xend");
    public static readonly DiagnosticCode IgnoredDevice = new("DL5012", "device ignored by the xend output");
    public static readonly DiagnosticCode InvalidCpuSet = new("DL5013", "invalid CPU set");
    public static readonly DiagnosticCode TooManyVcpus = new("DL5014", "too many vCPUs for the availability mask");

    // DL5040-DL5049: the xml2sexpr conformance suite.
    public static readonly DiagnosticCode ForbiddenCharacter = new("DL5042", "character not allowed in a xend S-expression value");
    public static readonly DiagnosticCode NotTranslated = new("DL5041", "the Xen writers do not write this part of the domain yet");
    public static readonly DiagnosticCode IgnoredAddress = new("DL5043", "device address the Xen writers leave out");
    public static readonly DiagnosticCode InvalidManifest = new("DL5040", "invalid xml2sexpr manifest");
}
