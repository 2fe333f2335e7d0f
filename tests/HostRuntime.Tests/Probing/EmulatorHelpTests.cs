using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Tests.Probing;

public sealed class EmulatorHelpTests
{
    private const string Sample = """
        QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)
        usage: qemu-system-x86_64 [options] [disk_image]

        Standard options:
        -h or -help     display this help and exit
        -machine [type=]name[,prop[=value][,...]]
                        selects emulated machine ('-machine help' for list)
        -drive [file=file][,if=type][,bus=n][,unit=m][,media=d][,index=i]
               [,cache=writethrough|writeback|none|directsync|unsafe][,format=f]
                        use 'file' as a drive image
        -no-acpi        disable ACPI
        -netdev user,id=str[,ipv4=on|off]
        -netdev bridge,id=str[,br=bridge][,helper=helper]
                        configure a host TAP network backend with ID 'str' that is
        -vga [std|cirrus|vmware|qxl|xenfb|tcx|cg3|virtio|none]
                        select video card type
        --preconfig     pause QEMU before machine is initialized
        """;

    [Fact]
    public void Option_lines_give_the_option_and_its_synopsis_without_the_description()
    {
        var options = EmulatorHelp.Parse(Sample);

        Assert.Equal(["[type=]name[,prop[=value][,...]]"], options["machine"].AsEnumerable());
        Assert.Equal(["[std|cirrus|vmware|qxl|xenfb|tcx|cg3|virtio|none]"], options["vga"].AsEnumerable());
        Assert.Empty(options["no-acpi"]);
        Assert.Contains("h", options.Keys);
        Assert.True(options.ContainsKey("preconfig"));
    }

    [Fact]
    public void Bracketed_continuation_lines_join_the_synopsis_before_them()
    {
        var drive = Assert.Single(EmulatorHelp.Parse(Sample)["drive"]);

        Assert.Contains(",cache=writethrough|writeback|none|directsync|unsafe][,format=f]", drive);
        Assert.DoesNotContain("use 'file'", drive);
    }

    [Fact]
    public void An_option_listed_on_several_lines_keeps_every_synopsis()
    {
        Assert.Equal(["user,id=str[,ipv4=on|off]", "bridge,id=str[,br=bridge][,helper=helper]"], EmulatorHelp.Parse(Sample)["netdev"].AsEnumerable());
    }

    [Fact]
    public void Description_lines_and_the_banner_are_not_options()
    {
        var options = EmulatorHelp.Parse(Sample);

        Assert.DoesNotContain("QEMU", options.Keys);
        Assert.DoesNotContain("usage:", options.Keys);
        Assert.Equal(7, options.Count);
    }

    [QemuBinaryFact]
    public async Task The_installed_qemu_help_lists_vga_uuid_and_no_no_kvm()
    {
        var (options, error) = await EmulatorHelp.ReadAsync(QemuBinaryFactAttribute.Path, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Contains("uuid", options.Keys);
        Assert.Contains("vga", options.Keys);
        Assert.DoesNotContain("no-kvm", options.Keys);
        Assert.Contains(options["netdev"], s => s.StartsWith("bridge", StringComparison.Ordinal));
    }

    [UnixFact]
    public async Task A_binary_whose_help_lists_nothing_is_refused()
    {
        var (options, error) = await EmulatorHelp.ReadAsync("/bin/true", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Null(options);
        Assert.Equal("DL6007", error?.Code.Id);
    }
}
