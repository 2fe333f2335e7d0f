namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>A CPU vendor in the CPU map (<c>&lt;vendor name='Intel' string='GenuineIntel'/&gt;</c>); the string is the CPUID vendor id.</summary>
public sealed record CpuVendorDefinition(string Name, string? CpuidString);
