using DomainLauncher.HostRuntime.Check;

namespace DomainLauncher.HostRuntime.Tests.Check;

public sealed class ScratchFilesTests : IDisposable
{
    private const string QemuImg = "/usr/bin/qemu-img";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-scratch-");

    public void Dispose() => _folder.Delete(recursive: true);

    [QemuImgFact]
    public async Task Images_are_created_in_their_format_and_folders_exist()
    {
        var qcow2 = Path.Combine(_folder.FullName, "disk0.qcow2");
        var folder = Path.Combine(_folder.FullName, "fs0");
        var substitution = new HostSubstitutionResult
        {
            Images = [new ScratchImage(qcow2, "qcow2", HostSubstitution.ScratchDiskBytes)],
            Folders = [folder],
        };

        var diagnostics = await ScratchFiles.CreateAsync(substitution, QemuImg, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Empty(diagnostics);
        Assert.True(Directory.Exists(folder));
        var header = new byte[4];
        await using (var image = File.OpenRead(qcow2)) await image.ReadExactlyAsync(header);
        Assert.Equal("QFI\xfb", string.Concat(header.Select(b => (char)b)));
    }

    [QemuImgFact]
    public async Task An_image_qemu_img_cannot_create_is_a_diagnostic_with_its_words()
    {
        var substitution = new HostSubstitutionResult
        {
            Images = [new ScratchImage(Path.Combine(_folder.FullName, "no-such-folder", "d.raw"), "raw", 1024)],
        };

        var diagnostic = Assert.Single(await ScratchFiles.CreateAsync(substitution, QemuImg, TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.Equal("DL4305", diagnostic.Code.Id);
        Assert.Contains("no-such-folder", diagnostic.Message);
    }
}

/// <summary>A fact that needs qemu-img (CI installs qemu-utils).</summary>
public sealed class QemuImgFactAttribute : FactAttribute
{
    public QemuImgFactAttribute()
    {
        if (!File.Exists("/usr/bin/qemu-img")) Skip = "/usr/bin/qemu-img is not installed";
    }
}
