namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>The CPUID bits that show a feature (<c>&lt;cpuid function='0x00000001' edx='0x00000001'/&gt;</c>).</summary>
public sealed record CpuidBits(uint Function, uint Eax, uint Ebx, uint Ecx, uint Edx);
