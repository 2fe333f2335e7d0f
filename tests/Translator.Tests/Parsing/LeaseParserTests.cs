using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

using DomainLauncher.Translator.Tests.Support;

namespace DomainLauncher.Translator.Tests.Parsing;

public sealed class LeaseParserTests
{
    // The devices start on line 5 of the document.
    private static DomainParseResult Parse(string devices) => DeviceDocument.Parse(devices);

    private static Diagnostic OnlyError(string devices)
    {
        var result = Parse(devices);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Lease_reads_lockspace_key_target_path_and_offset()
    {
        var result = Parse("""
            <lease>
              <lockspace>somearea</lockspace>
              <key>somekey</key>
              <target path='/some/lease/path' offset='1024'/>
            </lease>
            """);
        Assert.Empty(result.Diagnostics);
        var lease = Assert.Single(result.Domain!.Devices.Leases);
        Assert.Equal("somearea", lease.Lockspace);
        Assert.Equal("somekey", lease.Key);
        Assert.Equal("/some/lease/path", lease.TargetPath);
        Assert.Equal(1024ul, lease.TargetOffset);
        Assert.Equal(5, lease.Location.Line);
    }

    [Fact]
    public void Lease_without_lockspace_or_offset_leaves_them_null()
    {
        var result = Parse("<lease><key>k</key><target path='/p'/></lease>");
        Assert.Empty(result.Diagnostics);
        var lease = Assert.Single(result.Domain!.Devices.Leases);
        Assert.Null(lease.Lockspace);
        Assert.Null(lease.TargetOffset);
    }

    [Fact]
    public void Lease_without_key_is_an_error()
    {
        var error = OnlyError("<lease><lockspace>a</lockspace><target path='/p'/></lease>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<key>", error.Message);
        Assert.Equal("domain/devices/lease", error.Location.Path);
    }

    [Fact]
    public void Lease_with_an_empty_key_is_an_error()
    {
        var error = OnlyError("<lease><key> </key><target path='/p'/></lease>");
        Assert.Equal(DiagnosticCatalog.InvalidValue, error.Code);
    }

    [Fact]
    public void Lease_without_target_is_an_error()
    {
        var error = OnlyError("<lease><key>k</key></lease>");
        Assert.Equal(DiagnosticCatalog.MissingElement, error.Code);
        Assert.Contains("<target>", error.Message);
    }

    [Fact]
    public void Lease_target_without_path_is_an_error()
    {
        var error = OnlyError("<lease><key>k</key><target offset='1'/></lease>");
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'path'", error.Message);
    }

    [Fact]
    public void Lease_offset_that_is_not_a_number_is_an_error()
    {
        var error = OnlyError("<lease><key>k</key><target path='/p' offset='1k'/></lease>");
        Assert.Equal(DiagnosticCatalog.InvalidNumber, error.Code);
        Assert.Contains("'1k'", error.Message);
        Assert.Equal("domain/devices/lease/target/@offset", error.Location.Path);
    }
}
