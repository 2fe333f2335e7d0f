using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Defaults;

/// <summary>The bus of an input that names none, as libvirt decides it when it reads the document.</summary>
public sealed class InputBusesTests
{
    private static InputBus? BusOf(string input, string os)
    {
        var result = DeviceDocument.Parse(input);
        Assert.NotNull(result.Domain);
        var domain = result.Domain with { Os = OsOf(os) };
        return InputBuses.Effective(Assert.Single(domain.Devices.Inputs), domain);
    }

    private static OsConfig OsOf(string os) => os switch
    {
        "x86" => new OsConfig { Type = OsType.Hvm, Arch = "x86_64" },
        "no-arch" => new OsConfig { Type = OsType.Hvm },
        "aarch64" => new OsConfig { Type = OsType.Hvm, Arch = "aarch64" },
        "s390x" => new OsConfig { Type = OsType.Hvm, Arch = "s390x" },
        "xen-pv" => new OsConfig { Type = OsType.Linux, Arch = "x86_64" },
        _ => throw new ArgumentOutOfRangeException(nameof(os)),
    };

    [Theory]
    [InlineData("<input type='tablet'/>", "x86", InputBus.Usb)]
    [InlineData("<input type='mouse'/>", "x86", InputBus.Ps2)]
    [InlineData("<input type='keyboard'/>", "x86", InputBus.Ps2)]
    [InlineData("<input type='keyboard'/>", "no-arch", InputBus.Ps2)]
    [InlineData("<input type='mouse'/>", "aarch64", InputBus.Usb)]
    [InlineData("<input type='keyboard'/>", "s390x", InputBus.Virtio)]
    [InlineData("<input type='tablet'/>", "xen-pv", InputBus.Xen)]
    [InlineData("<input type='passthrough'><source evdev='/dev/input/event1'/></input>", "x86", InputBus.Virtio)]
    [InlineData("<input type='tablet' bus='virtio'/>", "x86", InputBus.Virtio)]
    [InlineData("<input type='mouse' bus='usb'/>", "x86", InputBus.Usb)]
    public void An_input_is_on_the_bus_it_names_else_on_libvirts(string input, string os, InputBus bus) =>
        Assert.Equal(bus, BusOf(input, os));

    [Fact]
    public void An_evdev_input_is_on_no_bus() =>
        Assert.Null(BusOf("<input type='evdev'><source dev='/dev/input/event1'/></input>", "x86"));
}
