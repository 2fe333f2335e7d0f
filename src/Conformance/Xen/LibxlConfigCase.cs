namespace DomainLauncher.Conformance.Xen;

/// <summary>
/// One case of libvirt 9's xlconfig or xmconfig suite: a domain XML and its config file, the
/// directions the reference tests (XML to config, config to XML) and whether the XML's
/// <c>/LIBXL_FIRMWARE_DIR</c> stands for the host's firmware folder.
/// </summary>
public sealed record LibxlConfigCase(string Id, string XmlPath, string CfgPath, bool ToNative, bool FromNative, bool ReplaceFirmwareDir);
