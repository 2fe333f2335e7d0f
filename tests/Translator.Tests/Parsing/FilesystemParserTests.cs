using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class FilesystemParserTests
{
    // The devices start on line 5 of the document.
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices);

    private static Filesystem OnlyFilesystem(string devices)
    {
        var result = Parse(devices);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Domain!.Devices.Filesystems);
    }

    private static Diagnostic OnlyError(string devices)
    {
        var result = Parse(devices);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Mount_filesystem_reads_accessmode_driver_source_target_and_flags()
    {
        var fs = OnlyFilesystem("""
            <filesystem type='mount' accessmode='mapped'>
              <driver type='handle' wrpolicy='immediate'/>
              <source dir='/export/to/guest'/>
              <target dir='/import/from/host'/>
              <readonly/>
              <alias name='fs0'/>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
            </filesystem>
            """);
        Assert.Equal(FilesystemType.Mount, fs.Type);
        Assert.Equal(FilesystemAccessMode.Mapped, fs.AccessMode);
        Assert.Equal(FilesystemDriverType.Handle, fs.Driver!.Type);
        Assert.Equal(FilesystemWritePolicy.Immediate, fs.Driver.WritePolicy);
        Assert.Null(fs.Driver.Format);
        Assert.Equal("/export/to/guest", Assert.IsType<MountFilesystemSource>(fs.Source).Dir);
        Assert.Equal("/import/from/host", fs.TargetDir);
        Assert.True(fs.ReadOnly);
        Assert.Equal("fs0", fs.Alias);
        Assert.Equal(5u, Assert.IsType<PciAddress>(fs.Address).Slot);
        Assert.Equal(5, fs.Location.Line);
    }

    [Fact]
    public void Filesystem_without_type_keeps_it_null_and_reads_a_mount_source()
    {
        var fs = OnlyFilesystem("<filesystem><source dir='/a'/><target dir='/b'/></filesystem>");
        Assert.Null(fs.Type);
        Assert.Null(fs.AccessMode);
        Assert.Null(fs.Driver);
        Assert.False(fs.ReadOnly);
        Assert.Null(fs.Address);
        Assert.Null(fs.Alias);
        Assert.Equal("/a", Assert.IsType<MountFilesystemSource>(fs.Source).Dir);
    }

    [Fact]
    public void Each_filesystem_type_reads_its_own_source_attribute()
    {
        Assert.Equal("tmpl", Assert.IsType<TemplateFilesystemSource>(
            OnlyFilesystem("<filesystem type='template'><source name='tmpl'/><target dir='/'/></filesystem>").Source).Name);
        Assert.Equal("/img", Assert.IsType<FileFilesystemSource>(
            OnlyFilesystem("<filesystem type='file'><source file='/img'/><target dir='/m'/></filesystem>").Source).File);
        Assert.Equal("/dev/sdb", Assert.IsType<BlockFilesystemSource>(
            OnlyFilesystem("<filesystem type='block'><source dev='/dev/sdb'/><target dir='/m'/></filesystem>").Source).Dev);
        Assert.Equal("/a", Assert.IsType<BindFilesystemSource>(
            OnlyFilesystem("<filesystem type='bind'><source dir='/a'/><target dir='/b'/></filesystem>").Source).Dir);
    }

    [Fact]
    public void Ram_filesystem_reads_its_usage_in_the_given_units()
    {
        var fs = OnlyFilesystem("<filesystem type='ram'><source usage='2' units='MiB'/><target dir='/tmp'/></filesystem>");
        Assert.Equal(2048ul, Assert.IsType<RamFilesystemSource>(fs.Source).Usage.Kibibytes);
        var kib = OnlyFilesystem("<filesystem type='ram'><source usage='1024'/><target dir='/tmp'/></filesystem>");
        Assert.Equal(1024ul, Assert.IsType<RamFilesystemSource>(kib.Source).Usage.Kibibytes);
    }

    [Fact]
    public void Ram_filesystem_with_an_unknown_unit_is_an_error()
    {
        var error = OnlyError("<filesystem type='ram'><source usage='2' units='parsecs'/><target dir='/tmp'/></filesystem>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'parsecs'", error.Message);
    }

    [Fact]
    public void Loop_driver_reads_its_image_format()
    {
        var fs = OnlyFilesystem("<filesystem type='file'><driver type='loop' format='raw'/><source file='/img'/><target dir='/m'/></filesystem>");
        Assert.Equal(FilesystemDriverType.Loop, fs.Driver!.Type);
        Assert.Equal(DiskFormat.Raw, fs.Driver.Format);
    }

    [Fact]
    public void Template_source_without_name_is_an_error()
    {
        var error = OnlyError("<filesystem type='template'><source dir='/a'/><target dir='/'/></filesystem>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'name'", error.Message);
    }

    [Fact]
    public void Filesystem_without_source_is_an_error()
    {
        var error = OnlyError("<filesystem type='mount'><target dir='/b'/></filesystem>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<source>", error.Message);
    }

    [Fact]
    public void Filesystem_without_target_is_an_error()
    {
        var error = OnlyError("<filesystem type='mount'><source dir='/a'/></filesystem>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<target>", error.Message);
    }

    [Fact]
    public void Unknown_filesystem_type_is_an_error_naming_the_allowed_types()
    {
        var error = OnlyError("<filesystem type='nfs'><source dir='/a'/><target dir='/b'/></filesystem>");
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'nfs'", error.Message);
        Assert.Contains("mount, template, file, block, ram, bind", error.Message);
    }

    [Fact]
    public void Unknown_accessmode_is_an_error_naming_the_allowed_modes()
    {
        var error = OnlyError("<filesystem accessmode='none'><source dir='/a'/><target dir='/b'/></filesystem>");
        Assert.Contains("passthrough, mapped, squash", error.Message);
        Assert.Equal("domain/devices/filesystem/@accessmode", error.Location.Path);
        Assert.Equal(5, error.Location.Line);
        Assert.Equal(13, error.Location.Column);
    }

    [Fact]
    public void Unknown_driver_type_is_an_error_naming_the_allowed_drivers()
    {
        var error = OnlyError("<filesystem><driver type='9p'/><source dir='/a'/><target dir='/b'/></filesystem>");
        Assert.Contains("path, handle, loop, nbd, ploop, virtiofs", error.Message);
    }

    [Fact]
    public void Unknown_write_policy_is_an_error()
    {
        var error = OnlyError("<filesystem><driver type='path' wrpolicy='lazy'/><source dir='/a'/><target dir='/b'/></filesystem>");
        Assert.Contains("immediate", error.Message);
    }
}
