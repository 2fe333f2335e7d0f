using System.Text.Json;
using DomainLauncher.Conformance;

namespace DomainLauncher.Conformance.Tests.Qemu;

public sealed class ConformanceResultJsonTests
{
    private static readonly ConformanceRun Sample = new("qemuxml2argv",
    [
        new ConformanceCaseResult("minimal", ConformanceStatus.Pass, "LC_ALL=C /usr/bin/qemu -name 'a b' key=AQC+/x<&>", null),
        new ConformanceCaseResult("bad#2", ConformanceStatus.Fail, null, "build: 'sata' bus is not supported"),
        new ConformanceCaseResult("odd", ConformanceStatus.Error, null, "translator crashed"),
        new ConformanceCaseResult("hidden", ConformanceStatus.Unscored, "/q", null),
    ]);

    [Fact]
    public void Result_file_has_the_documented_shape_with_nulls_written()
    {
        using var json = JsonDocument.Parse(ConformanceResultJson.Write(Sample));
        var root = json.RootElement;
        Assert.Equal(["suite", "cases"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("qemuxml2argv", root.GetProperty("suite").GetString());
        var first = root.GetProperty("cases")[0];
        Assert.Equal(["id", "status", "actual", "message"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pass", first.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("message").ValueKind);
        var second = root.GetProperty("cases")[1];
        Assert.Equal("fail", second.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("actual").ValueKind);
        Assert.Equal(["pass", "fail", "error", "unscored"], root.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
    }

    [Fact]
    public void Command_line_text_stays_readable_in_the_file()
    {
        Assert.Contains("key=AQC+/x<&>", ConformanceResultJson.Write(Sample));
        Assert.Contains("'a b'", ConformanceResultJson.Write(Sample));
    }

    [Fact]
    public void Result_file_reads_back_to_the_same_run()
    {
        var back = ConformanceResultJson.Read(ConformanceResultJson.Write(Sample));
        Assert.Equal(Sample.Suite, back.Suite);
        Assert.Equal(Sample.Cases, back.Cases.AsEnumerable());
    }

    [Fact]
    public void Unknown_status_in_a_result_file_is_rejected_naming_the_allowed_ones()
    {
        var e = Assert.Throws<FormatException>(() =>
            ConformanceResultJson.Read("{\"suite\":\"s\",\"cases\":[{\"id\":\"a\",\"status\":\"meh\",\"actual\":null,\"message\":null}]}"));
        Assert.Contains("pass, fail, error, unscored", e.Message);
    }

    [Fact]
    public void Summary_counts_each_status_present()
    {
        Assert.Equal("pass 1, fail 1, error 1, unscored 1", Sample.Summary());
    }
}
