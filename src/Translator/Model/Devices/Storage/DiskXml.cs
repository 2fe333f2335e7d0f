using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>The XML spellings of the disk enums.</summary>
public static class DiskXml
{
    public static readonly XmlEnum<DiskType> Type = new(
        ("file", DiskType.File), ("block", DiskType.Block), ("dir", DiskType.Dir), ("network", DiskType.Network),
        ("volume", DiskType.Volume), ("nvme", DiskType.Nvme), ("vhostuser", DiskType.VhostUser));

    public static readonly XmlEnum<DiskDevice> Device = new(
        ("disk", DiskDevice.Disk), ("cdrom", DiskDevice.Cdrom), ("floppy", DiskDevice.Floppy), ("lun", DiskDevice.Lun));

    public static readonly XmlEnum<DiskSgio> Sgio = new(("filtered", DiskSgio.Filtered), ("unfiltered", DiskSgio.Unfiltered));

    public static readonly XmlEnum<DiskSnapshot> Snapshot = new(
        ("no", DiskSnapshot.No), ("internal", DiskSnapshot.Internal), ("external", DiskSnapshot.External), ("manual", DiskSnapshot.Manual));

    public static readonly XmlEnum<DiskBus> Bus = new(
        ("ide", DiskBus.Ide), ("fdc", DiskBus.Fdc), ("scsi", DiskBus.Scsi), ("virtio", DiskBus.Virtio),
        ("xen", DiskBus.Xen), ("usb", DiskBus.Usb), ("uml", DiskBus.Uml), ("sata", DiskBus.Sata), ("sd", DiskBus.Sd));

    public static readonly XmlEnum<TrayState> Tray = new(("open", TrayState.Open), ("closed", TrayState.Closed));

    public static readonly XmlEnum<DiskFormat> Format = new(
        ("raw", DiskFormat.Raw), ("dir", DiskFormat.Dir), ("bochs", DiskFormat.Bochs), ("cloop", DiskFormat.Cloop),
        ("cow", DiskFormat.Cow), ("dmg", DiskFormat.Dmg), ("iso", DiskFormat.Iso), ("qcow", DiskFormat.Qcow),
        ("qcow2", DiskFormat.Qcow2), ("qed", DiskFormat.Qed), ("vmdk", DiskFormat.Vmdk), ("vpc", DiskFormat.Vpc),
        ("fat", DiskFormat.Fat), ("vhd", DiskFormat.Vhd), ("aio", DiskFormat.Aio),
        ("vdi", DiskFormat.Vdi), ("ploop", DiskFormat.Ploop), ("luks", DiskFormat.Luks));

    public static readonly XmlEnum<DiskCache> Cache = new(
        ("default", DiskCache.Default), ("none", DiskCache.None), ("writethrough", DiskCache.Writethrough),
        ("writeback", DiskCache.Writeback), ("directsync", DiskCache.Directsync), ("unsafe", DiskCache.Unsafe));

    public static readonly XmlEnum<DiskErrorPolicy> ErrorPolicy = new(
        ("stop", DiskErrorPolicy.Stop), ("report", DiskErrorPolicy.Report), ("ignore", DiskErrorPolicy.Ignore),
        ("enospace", DiskErrorPolicy.Enospace));

    /// <summary><c>rerror_policy</c>: a read cannot run out of space, so no <c>enospace</c>.</summary>
    public static readonly XmlEnum<DiskErrorPolicy> ReadErrorPolicy = new(
        ("stop", DiskErrorPolicy.Stop), ("report", DiskErrorPolicy.Report), ("ignore", DiskErrorPolicy.Ignore));

    public static readonly XmlEnum<DiskIo> Io = new(
        ("threads", DiskIo.Threads), ("native", DiskIo.Native), ("io_uring", DiskIo.IoUring));

    public static readonly XmlEnum<DiskProtocol> Protocol = new(
        ("nbd", DiskProtocol.Nbd), ("rbd", DiskProtocol.Rbd), ("sheepdog", DiskProtocol.Sheepdog),
        ("gluster", DiskProtocol.Gluster), ("iscsi", DiskProtocol.Iscsi), ("http", DiskProtocol.Http),
        ("https", DiskProtocol.Https), ("ftp", DiskProtocol.Ftp), ("ftps", DiskProtocol.Ftps), ("tftp", DiskProtocol.Tftp),
        ("vxhs", DiskProtocol.Vxhs), ("nfs", DiskProtocol.Nfs));

    public static readonly XmlEnum<HostTransport> Transport = new(
        ("tcp", HostTransport.Tcp), ("unix", HostTransport.Unix), ("rdma", HostTransport.Rdma));

    public static readonly XmlEnum<DiskEncryptionFormat> EncryptionFormat = new(
        ("default", DiskEncryptionFormat.Default), ("qcow", DiskEncryptionFormat.Qcow),
        ("luks", DiskEncryptionFormat.Luks), ("luks2", DiskEncryptionFormat.Luks2));

    public static readonly XmlEnum<EncryptionSecretType> EncryptionSecret = new(("passphrase", EncryptionSecretType.Passphrase));

    public static readonly XmlEnum<AuthSecretType> AuthSecret = new(("ceph", AuthSecretType.Ceph), ("iscsi", AuthSecretType.Iscsi));

    public static readonly XmlEnum<GeometryTranslation> Translation = new(
        ("none", GeometryTranslation.None), ("auto", GeometryTranslation.Auto), ("lba", GeometryTranslation.Lba));

    public static readonly XmlEnum<StartupPolicy> StartupPolicy = new(
        ("mandatory", Model.StartupPolicy.Mandatory), ("requisite", Model.StartupPolicy.Requisite),
        ("optional", Model.StartupPolicy.Optional));

    public static readonly XmlEnum<DiskModel> VirtioModel = new(
        ("virtio", DiskModel.Virtio), ("virtio-transitional", DiskModel.VirtioTransitional),
        ("virtio-non-transitional", DiskModel.VirtioNonTransitional));

    public static readonly XmlEnum<DiskDiscard> Discard = new(("unmap", DiskDiscard.Unmap), ("ignore", DiskDiscard.Ignore));

    public static readonly XmlEnum<DiskDetectZeroes> DetectZeroes = new(
        ("off", DiskDetectZeroes.Off), ("on", DiskDetectZeroes.On), ("unmap", DiskDetectZeroes.Unmap));

    public static readonly XmlEnum<EncryptionEngine> EncryptionEngine = new(
        ("qemu", Model.EncryptionEngine.Qemu), ("librbd", Model.EncryptionEngine.Librbd));

    public static readonly XmlEnum<VolumeMode> VolumeMode = new(("host", Model.VolumeMode.Host), ("direct", Model.VolumeMode.Direct));

    public static readonly XmlEnum<SocketMode> SocketMode = new(("server", Model.SocketMode.Server), ("client", Model.SocketMode.Client));

    public static readonly XmlEnum<MirrorJob> MirrorJob = new(("copy", Model.MirrorJob.Copy), ("active-commit", Model.MirrorJob.ActiveCommit));

    public static readonly XmlEnum<MirrorReady> MirrorReady = new(
        ("yes", Model.MirrorReady.Yes), ("abort", Model.MirrorReady.Abort), ("pivot", Model.MirrorReady.Pivot));

    /// <summary><c>&lt;slice type&gt;</c>: only the storage slice exists.</summary>
    public static readonly XmlEnum<SliceType> SliceType = new(("storage", Model.SliceType.Storage));
}
