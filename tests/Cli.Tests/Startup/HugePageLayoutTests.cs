using System.Buffers.Binary;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests.Startup;

/// <summary>
/// The NativeAOT executable for x86-64 Linux is laid out for 2 MB pages (src/Cli/Cli.csproj and
/// src/Cli/Startup/HugePageEntry.c say why): its segments agree with their file offsets on 2 MB
/// boundaries, its entry point lies in a segment of its own after all the others, and the file part of
/// its writable segment ends on a page boundary. Runs against the binary DL_CLI names.
/// </summary>
public sealed class HugePageLayoutTests
{
    private const ulong HugePage = 2 << 20;
    private const uint Loadable = 1, Executable = 1, Writable = 2;

    private sealed record Segment(uint Flags, ulong Offset, ulong Address, ulong FileSize, ulong Align);

    [NativeExecutableFact]
    public void Segments_sit_on_2_MB_boundaries_and_the_entry_point_comes_last_in_the_file()
    {
        var (entry, segments) = ReadLoadableSegments(NativeExecutableFactAttribute.Path!);

        Assert.True(segments.Count >= 4, $"{segments.Count} loadable segments");
        Assert.All(segments, segment =>
        {
            Assert.True(segment.Align >= HugePage, $"segment at 0x{segment.Address:x} aligned to 0x{segment.Align:x}");
            Assert.Equal(0ul, (segment.Address - segment.Offset) % HugePage);
        });
        var last = segments.MaxBy(segment => segment.Offset)!;
        Assert.True(entry >= last.Address && entry < last.Address + last.FileSize, $"entry 0x{entry:x}, last segment at 0x{last.Address:x}");
        Assert.Equal(Executable, last.Flags & Executable);
        var writable = Assert.Single(segments, segment => (segment.Flags & Writable) != 0);
        Assert.True(writable.Offset < last.Offset, "the entry's segment comes after the writable data in the file");
        Assert.Equal(0ul, (writable.Address + writable.FileSize) % 4096);
    }

    private static (ulong Entry, List<Segment> Segments) ReadLoadableSegments(string path)
    {
        // The headers only: reading the whole file would fill the page cache with it in small folios,
        // which the executable would then be mapped from until the kernel drops them.
        var header = new byte[4096].AsSpan();
        using (var file = File.OpenRead(path))
            header = header[..file.Read(header)];
        Assert.True(header[..4].SequenceEqual("\u007FELF"u8), "not an ELF file");
        var entry = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
        var tableOffset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header[54..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(header[56..]);
        Assert.True(tableOffset + count * entrySize <= header.Length, "the program headers lie past the first page");
        var segments = new List<Segment>();
        for (var i = 0; i < count; i++)
        {
            var row = header.Slice(tableOffset + i * entrySize, entrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(row) != Loadable) continue;
            segments.Add(new Segment(
                Flags: BinaryPrimitives.ReadUInt32LittleEndian(row[4..]),
                Offset: BinaryPrimitives.ReadUInt64LittleEndian(row[8..]),
                Address: BinaryPrimitives.ReadUInt64LittleEndian(row[16..]),
                FileSize: BinaryPrimitives.ReadUInt64LittleEndian(row[32..]),
                Align: BinaryPrimitives.ReadUInt64LittleEndian(row[48..])));
        }
        return (entry, segments);
    }
}

/// <summary>A test of the NativeAOT executable for x86-64 Linux: skipped unless DL_CLI names one.</summary>
public sealed class NativeExecutableFactAttribute : FactAttribute
{
    /// <summary>The executable DL_CLI names, when it is a 64-bit little-endian x86-64 ELF file.</summary>
    public static readonly string? Path = Find();

    public NativeExecutableFactAttribute()
    {
        if (Path is null) Skip = "needs the NativeAOT executable for x86-64 Linux: set DL_CLI to a publish's out/domainlauncher";
    }

    private static string? Find()
    {
        var chosen = Environment.GetEnvironmentVariable("DL_CLI");
        if (string.IsNullOrEmpty(chosen) || !File.Exists(chosen)) return null;
        Span<byte> header = stackalloc byte[20];
        using (var file = File.OpenRead(chosen))
            if (file.Read(header) < header.Length) return null;
        // ELF magic, 64-bit (class 2), little-endian (data 1), machine x86-64 (62).
        var isElf = header[..4].SequenceEqual("\u007FELF"u8) && header[4] == 2 && header[5] == 1;
        return isElf && BinaryPrimitives.ReadUInt16LittleEndian(header[18..]) == 62 ? chosen : null;
    }
}
