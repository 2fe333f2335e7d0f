using DomainLauncher.Drivers.Qemu.Capabilities;
using static DomainLauncher.Drivers.Qemu.Tests.Build.FocusedBuild;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

public sealed class ChannelConsoleTests
{
    private static readonly QemuCapability[] Caps = [QemuCapability.Device, QemuCapability.Chardev];

    private static IReadOnlyList<string> Line(string devices, params QemuCapability[] caps) => Words(devices, caps: caps.Length == 0 ? Caps : caps);

    [Fact]
    public void A_guestfwd_channel_is_a_chardev_and_a_user_netdev_forwarding_to_it()
    {
        var argv = Line("<channel type='pipe'><source path='/tmp/fwd'/><target type='guestfwd' address='10.0.2.1' port='4600'/></channel>");
        ArgvAssert.Contains(argv,
            "-chardev", "pipe,id=charchannel0,path=/tmp/fwd",
            "-netdev", "user,guestfwd=tcp:10.0.2.1:4600,chardev=charchannel0,id=user-channel0");
    }

    [Fact]
    public void A_virtio_channel_without_a_controller_gets_controller_0_and_port_1()
    {
        var argv = Line("<channel type='pty'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>");
        ArgvAssert.Contains(argv, "-device", "virtio-serial-pci,id=virtio-serial0,bus=pci.0,addr=0x3");
        ArgvAssert.Contains(argv,
            "-chardev", "pty,id=charchannel0",
            "-device", "virtserialport,bus=virtio-serial0.0,nr=1,chardev=charchannel0,id=channel0,name=org.qemu.guest_agent.0");
    }

    [Fact]
    public void Channels_without_a_port_take_the_one_after_the_highest_earlier_port_on_their_bus()
    {
        var argv = Line("""
            <channel type='pty'><target type='virtio'/><address type='virtio-serial' controller='0' bus='0' port='4'/></channel>
            <channel type='null'><target type='virtio'/></channel>
            """);
        ArgvAssert.Contains(argv, "virtserialport,bus=virtio-serial0.0,nr=4,chardev=charchannel0,id=channel0");
        ArgvAssert.Contains(argv, "virtserialport,bus=virtio-serial0.0,nr=5,chardev=charchannel1,id=channel1");
    }

    [Fact]
    public void A_virtio_serial_controller_carries_its_ports_and_vectors_and_comes_before_the_disks()
    {
        var argv = Line("""
            <disk type='file'><source file='/d.img'/><target dev='hda'/></disk>
            <controller type='virtio-serial' index='2' ports='16' vectors='4'/>
            """, [.. Caps, QemuCapability.Drive]);
        ArgvAssert.Contains(argv, "-device", "virtio-serial-pci,id=virtio-serial2,max_ports=16,vectors=4,bus=pci.0,addr=0x3", "-drive");
    }

    [Fact]
    public void A_spicevmc_channel_uses_the_spicevmc_chardev_when_qemu_has_it()
    {
        var argv = Line("<channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>", [.. Caps, QemuCapability.ChardevSpicevmc]);
        ArgvAssert.Contains(argv,
            "-chardev", "spicevmc,id=charchannel0,name=vdagent",
            "-device", "virtserialport,bus=virtio-serial0.0,nr=1,chardev=charchannel0,id=channel0,name=com.redhat.spice.0");
    }

    [Fact]
    public void A_spicevmc_channel_is_the_legacy_spicevmc_device_on_older_qemu()
    {
        var argv = Line("<channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>", [.. Caps, QemuCapability.DeviceSpicevmc]);
        ArgvAssert.Contains(argv, "-device", "spicevmc,bus=virtio-serial0.0,nr=1,id=channel0");
        ArgvAssert.DoesNotContain(argv, "charchannel0");
    }

    [Fact]
    public void A_spicevmc_channel_with_another_name_is_refused()
    {
        var result = Result("<channel type='spicevmc'><target type='virtio' name='org.other'/></channel>", caps: [.. Caps, QemuCapability.ChardevSpicevmc]);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DL4052", error.Code.Id);
        Assert.Contains("'org.other'", error.Message);
    }

    [Fact]
    public void A_guestfwd_channel_without_chardev_is_refused_naming_the_capability()
    {
        var result = Result("<channel type='pipe'><source path='/p'/><target type='guestfwd' address='10.0.2.1' port='1'/></channel>",
            caps: QemuCapability.Device);
        var error = Assert.Single(result.Diagnostics);
        Assert.Contains("'chardev'", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void A_virtio_console_is_a_virtconsole_without_a_port_unless_one_is_given()
    {
        var argv = Line("<console type='pty'><target type='virtio'/></console>");
        ArgvAssert.Contains(argv, "-device", "virtio-serial-pci,id=virtio-serial0,bus=pci.0,addr=0x3");
        ArgvAssert.Contains(argv, "-chardev", "pty,id=charconsole0", "-device", "virtconsole,chardev=charconsole0,id=console0");
    }

    [Fact]
    public void A_second_console_on_virtio_follows_the_serial_console()
    {
        var argv = Line("<console type='pty'><target type='serial'/></console><console type='pty'><target type='virtio'/></console>");
        ArgvAssert.Contains(argv, "-chardev", "pty,id=charserial0", "-device", "isa-serial,chardev=charserial0,id=serial0");
        ArgvAssert.Contains(argv, "-device", "virtconsole,chardev=charconsole1,id=console1");
    }

    [Fact]
    public void A_second_console_of_another_target_type_is_refused()
    {
        var result = Result("<console type='pty'><target type='serial'/></console><console type='pty'><target type='xen'/></console>", caps: Caps);
        var error = Assert.Single(result.Diagnostics);
        Assert.Contains("'xen'", error.Message);
    }
}
