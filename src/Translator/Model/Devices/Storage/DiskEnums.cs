namespace DomainLauncher.Translator.Model;

/// <summary>The disk's <c>type</c>: which kind of source backs it.</summary>
public enum DiskType { File, Block, Dir, Network, Volume, Nvme, VhostUser }

/// <summary>The disk's <c>device</c>: how it is shown to the guest.</summary>
public enum DiskDevice { Disk, Cdrom, Floppy, Lun }

/// <summary><c>sgio</c>: whether SG_IO commands of a LUN are filtered.</summary>
public enum DiskSgio { Filtered, Unfiltered }

/// <summary><c>snapshot</c>: the default snapshot mode of the disk.</summary>
public enum DiskSnapshot { No, Internal, External, Manual }

/// <summary>The guest bus of a disk (<c>&lt;target bus&gt;</c>).</summary>
public enum DiskBus { Ide, Fdc, Scsi, Virtio, Xen, Usb, Uml, Sata, Sd }

/// <summary><c>&lt;target tray&gt;</c> of a removable drive.</summary>
public enum TrayState { Open, Closed }

/// <summary>
/// The image format in <c>&lt;driver type&gt;</c>. <see cref="Aio"/> is Xen blktap's name for a raw
/// image read through asynchronous I/O (<c>tap:aio:</c>); it is kept apart from <see cref="Raw"/>
/// so that the Xen driver can write back what it was given.
/// </summary>
public enum DiskFormat { Raw, Dir, Bochs, Cloop, Cow, Dmg, Iso, Qcow, Qcow2, Qed, Vmdk, Vpc, Fat, Vhd, Aio, Vdi, Ploop, Luks }

/// <summary><c>&lt;driver cache&gt;</c>.</summary>
public enum DiskCache { Default, None, Writethrough, Writeback, Directsync, Unsafe }

/// <summary><c>&lt;driver error_policy|rerror_policy&gt;</c>: what to do on an I/O error.</summary>
public enum DiskErrorPolicy { Stop, Report, Ignore, Enospace }

/// <summary><c>&lt;driver io&gt;</c>: the host I/O model.</summary>
public enum DiskIo { Threads, Native, IoUring }

/// <summary>The protocol of a network disk source.</summary>
public enum DiskProtocol { Nbd, Rbd, Sheepdog, Gluster, Iscsi, Http, Https, Ftp, Ftps, Tftp, Vxhs, Nfs }

/// <summary><c>&lt;host transport&gt;</c> of a network disk source.</summary>
public enum HostTransport { Tcp, Unix, Rdma }

/// <summary><c>&lt;encryption format&gt;</c>.</summary>
public enum DiskEncryptionFormat { Default, Qcow, Luks, Luks2 }

/// <summary>The <c>type</c> of an encryption secret.</summary>
public enum EncryptionSecretType { Passphrase }

/// <summary>The <c>type</c> of a disk authentication secret.</summary>
public enum AuthSecretType { Ceph, Iscsi }

/// <summary><c>&lt;geometry trans&gt;</c>: the BIOS translation.</summary>
public enum GeometryTranslation { None, Auto, Lba }

/// <summary><c>startupPolicy</c> of a disk or USB host device source: what to do when it is missing.</summary>
public enum StartupPolicy { Mandatory, Requisite, Optional }

/// <summary>The disk's <c>model</c>: which flavour of virtio device the guest sees.</summary>
public enum DiskModel { Virtio, VirtioTransitional, VirtioNonTransitional }

/// <summary><c>&lt;driver discard&gt;</c>: whether guest discard requests reach the image.</summary>
public enum DiskDiscard { Unmap, Ignore }

/// <summary><c>&lt;driver detect_zeroes&gt;</c>: whether writes of zeroes are detected (and unmapped).</summary>
public enum DiskDetectZeroes { Off, On, Unmap }

/// <summary><c>&lt;encryption engine&gt;</c>: who decrypts the image.</summary>
public enum EncryptionEngine { Qemu, Librbd }

/// <summary><c>&lt;source mode&gt;</c> of a storage-pool volume: through the host or directly (iSCSI).</summary>
public enum VolumeMode { Host, Direct }

/// <summary><c>mode</c> of a UNIX socket: who listens.</summary>
public enum SocketMode { Server, Client }
