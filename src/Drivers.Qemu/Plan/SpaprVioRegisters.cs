using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Hands out pseries spapr-vio registers the way libvirt does: registers given in the XML are
/// taken first; a device without one gets its family's base register (SCSI 0x2000, serial
/// 0x30000000), moved up a page at a time past any register already taken. Families are served
/// in libvirt's order: network interfaces, controllers, serial ports.
/// </summary>
internal sealed class SpaprVioRegisters
{
    public const ulong ScsiBase = 0x2000;
    public const ulong SerialBase = 0x30000000;
    private const ulong Step = 0x1000;

    private readonly HashSet<ulong> _taken = [];

    public SpaprVioRegisters(Domain domain)
    {
        // Plain loops: every domain's plan makes this table, and LINQ's Select and Concat cost ~2,800
        // instructions a document for what is, but on pseries, no register at all.
        var d = domain.Devices;
        foreach (var nic in d.Interfaces) Given(nic.Address);
        foreach (var controller in d.Controllers) Given(controller.Address);
        foreach (var serial in d.Serials) Given(serial.Address);
    }

    private void Given(DeviceAddress? address)
    {
        if (address is SpaprVioAddress { Reg: { } reg }) _taken.Add(reg);
    }

    /// <summary>The register given in the XML, else the first free one from the family's base.</summary>
    public ulong Take(DeviceAddress? address, ulong familyBase)
    {
        if (address is SpaprVioAddress { Reg: { } given }) return given;
        var reg = familyBase;
        while (!_taken.Add(reg)) reg += Step;
        return reg;
    }

    /// <summary>Whether a serial port sits on spapr-vio: it says so, or the machine is pseries.</summary>
    public static bool SerialIsSpaprVio(CharDevice serial, string machine) =>
        serial.Address is SpaprVioAddress || (serial.Address is null && machine.StartsWith("pseries", StringComparison.Ordinal));
}
