using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Mounts;

namespace DomainLauncher.HostRuntime.Tests.Mounts;

public sealed class HugetlbfsMountsTests
{
    [Fact]
    public void The_first_hugetlbfs_mount_of_the_table_is_found_with_its_escapes_undone()
    {
        const string table = """
            proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
            tmpfs /run tmpfs rw,nosuid,nodev 0 0
            hugetlbfs /mnt/huge\040pages hugetlbfs rw,relatime,pagesize=2M 0 0
            hugetlbfs /dev/hugepages1G hugetlbfs rw,relatime,pagesize=1024M 0 0
            """;
        Assert.Equal("/mnt/huge pages", HugetlbfsMounts.Find(table));
    }

    [Fact]
    public void A_table_without_hugetlbfs_finds_none()
    {
        Assert.Null(HugetlbfsMounts.Find("proc /proc proc rw 0 0\nsysfs /sys sysfs rw 0 0\n"));
        Assert.Null(HugetlbfsMounts.Find(null));
    }

    [Fact]
    public void Settings_that_name_a_mount_or_a_folder_are_kept()
    {
        var named = HostSettings.Default with { HugetlbfsMount = "/srv/huge" };
        Assert.Same(named, HugetlbfsMounts.With(named));
        var folder = HostSettings.Default with { HugepagePath = "/srv/huge/vm" };
        Assert.Same(folder, HugetlbfsMounts.With(folder));
    }
}
