namespace DomainLauncher.Translator.Diagnostics;

/// <summary>
/// Every diagnostic code the translator and its drivers use, in one place, so that codes stay
/// unique and stable. Drivers add theirs in their own ranges (DL4xxx QEMU, DL5xxx Xen).
/// </summary>
public static class DiagnosticCatalog
{
    // DL1xxx: reading the input document.
    public static readonly DiagnosticCode FileNotFound = new("DL1001", "file not found");
    public static readonly DiagnosticCode FileUnreadable = new("DL1002", "file cannot be read");
    public static readonly DiagnosticCode FileTooLarge = new("DL1003", "input too large");
    public static readonly DiagnosticCode EmptyDocument = new("DL1004", "empty document");
    public static readonly DiagnosticCode MalformedXml = new("DL1005", "malformed XML");
    public static readonly DiagnosticCode DtdProhibited = new("DL1006", "DTD not allowed");
    public static readonly DiagnosticCode NestingTooDeep = new("DL1007", "nesting too deep");
    public static readonly DiagnosticCode InvalidEncoding = new("DL1008", "invalid character encoding");
    public static readonly DiagnosticCode WrongRootElement = new("DL1009", "wrong root element");
    public static readonly DiagnosticCode TooManyDevices = new("DL1010", "too many devices");

    // DL2xxx: building the domain model from the document.
    public static readonly DiagnosticCode MissingElement = new("DL2001", "required element missing");
    public static readonly DiagnosticCode MissingAttribute = new("DL2002", "required attribute missing");
    public static readonly DiagnosticCode UnknownEnumValue = new("DL2003", "value not among the allowed values");
    public static readonly DiagnosticCode InvalidNumber = new("DL2004", "not a valid number");
    public static readonly DiagnosticCode NumberOutOfRange = new("DL2005", "number out of range");
    public static readonly DiagnosticCode InvalidValue = new("DL2006", "invalid value");
    public static readonly DiagnosticCode UnknownElement = new("DL2007", "unknown element ignored");
    public static readonly DiagnosticCode UnknownAttribute = new("DL2008", "unknown attribute ignored");
    public static readonly DiagnosticCode DuplicateElement = new("DL2009", "element given more than once");
    public static readonly DiagnosticCode UnknownElementRefused = new("DL2010", "unknown element: not given to the guest");
    public static readonly DiagnosticCode UnknownAttributeRefused = new("DL2011", "unknown attribute: not given to the guest");

    // DL3xxx: domain-level validation (capability-independent).
    public static readonly DiagnosticCode InvalidVcpuCount = new("DL3001", "invalid vcpu count");
    public static readonly DiagnosticCode InvalidMemory = new("DL3002", "invalid memory size");
    public static readonly DiagnosticCode DuplicateController = new("DL3003", "duplicate controller");
    public static readonly DiagnosticCode UsbDisabled = new("DL3004", "USB device without USB controller");
    public static readonly DiagnosticCode DuplicateTarget = new("DL3005", "duplicate disk target");
    public static readonly DiagnosticCode BootOrderConflict = new("DL3006", "conflicting boot order");
    public static readonly DiagnosticCode InconsistentValue = new("DL3007", "inconsistent values");
    public static readonly DiagnosticCode DuplicateAddress = new("DL3008", "duplicate device address");
    public static readonly DiagnosticCode Tainted = new("DL3009", "the domain passes raw arguments or environment to QEMU");
    public static readonly DiagnosticCode FirmwareConflict = new("DL3200", "firmware settings that exclude each other");
    public static readonly DiagnosticCode UnusableStorageFormat = new("DL3201", "storage format not usable for a guest disk");
    public static readonly DiagnosticCode PartitionTarget = new("DL3202", "a partition named as disk target");
    public static readonly DiagnosticCode WrongSecretType = new("DL3203", "secret of the wrong type for the disk");
    public static readonly DiagnosticCode EncryptionConflict = new("DL3204", "conflicting disk encryption");
    public static readonly DiagnosticCode AddressTypeMismatch = new("DL3205", "address type the device's bus cannot take");
    public static readonly DiagnosticCode GraphicsConflict = new("DL3206", "graphics that cannot be combined");
    public static readonly DiagnosticCode HostDeviceConflict = new("DL3207", "host device settings that cannot be honoured");
    public static readonly DiagnosticCode MissingGuestNumaNode = new("DL3208", "a guest NUMA node that does not exist");
    public static readonly DiagnosticCode MachineConflict = new("DL3209", "not available on the guest's machine type");
    public static readonly DiagnosticCode UnsupportedMode = new("DL3210", "a mode libvirt does not support");
}
