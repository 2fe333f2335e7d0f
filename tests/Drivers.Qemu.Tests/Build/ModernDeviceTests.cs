using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// The other modern devices on a modern emulator's command line: RNG, TPM, vsock, panic, IOMMU, genid,
/// shared memory, balloon and watchdog settings, virtio options, the newer interfaces, virtiofs and host
/// devices; and the refusals naming what the emulator, machine or caller lacks.
/// </summary>
public sealed class ModernDeviceTests
{
    private static readonly QemuCapabilitySet Modern = QemuCapabilitySet.Of(
        QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev, QemuCapability.MonitorJson,
        QemuCapability.NoUserConfig, QemuCapability.Rtc, QemuCapability.MachineOpt, QemuCapability.DriveFormat, QemuCapability.IdeCd,
        QemuCapability.Fsdev, QemuCapability.Accel, QemuCapability.ExplicitBooleans, QemuCapability.MemoryBackendRam,
        QemuCapability.VirtioRng, QemuCapability.RngRandom, QemuCapability.RngEgd, QemuCapability.RngBuiltin,
        QemuCapability.TpmPassthrough, QemuCapability.TpmTis, QemuCapability.TpmEmulator, QemuCapability.Action,
        QemuCapability.NetdevStream, QemuCapability.NetdevVhostUser, QemuCapability.NetdevVhostVdpa, QemuCapability.NetdevBridgeHelper);

    private static QemuBuildResult Build(string devices, QemuCapabilitySet? caps = null, string machine = "pc", string domain = "",
        QemuBuildOptions? options = null, params string[] deviceTypes)
    {
        var xml = $"""
            <domain type='qemu'><name>g</name><memory>219100</memory><vcpu>2</vcpu>{domain}
              <os><type arch='x86_64' machine='{machine}'>hvm</type></os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>{devices}</devices></domain>
            """;
        var parsed = DomainParser.ParseText(xml);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var emulator = new EmulatorDescription
        {
            Path = "/usr/bin/qemu-system-x86_64",
            Arch = "x86_64",
            Capabilities = caps ?? Modern,
            Machines = [new MachineType("pc", "pc-i440fx-7.2"), new MachineType("pc-i440fx-7.2"), new MachineType("q35", "pc-q35-7.2"), new MachineType("pc-q35-7.2")],
            DeviceTypes = [.. deviceTypes],
        };
        return QemuCommandBuilder.Build(parsed.Domain!, emulator, FocusedBuild.Host, options);
    }

    private static IReadOnlyList<string> Words(string devices, QemuCapabilitySet? caps = null, string machine = "pc", string domain = "",
        QemuBuildOptions? options = null, params string[] deviceTypes)
    {
        var result = Build(devices, caps, machine, domain, options, deviceTypes);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.CommandLine!.Words;
    }

    /// <summary>The value after <paramref name="flag"/> that starts with <paramref name="start"/>.</summary>
    private static string After(IReadOnlyList<string> words, string flag, string start)
    {
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] == flag && words[i + 1].StartsWith(start, StringComparison.Ordinal)) return words[i + 1];
        Assert.Fail($"no {flag} {start}... in: {string.Join(' ', words)}");
        return "";
    }

    private static string RefusalCode(string devices, QemuCapabilitySet? caps = null, string machine = "pc", string domain = "", QemuBuildOptions? options = null)
    {
        var result = Build(devices, caps, machine, domain, options);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.IsError).Code.Id;
    }

    [Fact]
    public void A_builtin_rng_with_a_rate_is_an_object_and_a_virtio_device()
    {
        var words = Words("<rng model='virtio'><rate bytes='1234' period='2000'/><backend model='builtin'/><driver packed='on'/></rng>");

        Assert.Equal("rng-builtin,id=objrng0", After(words, "-object", "rng-builtin"));
        var device = After(words, "-device", "virtio-rng-pci");
        Assert.StartsWith("virtio-rng-pci,rng=objrng0,id=rng0,max-bytes=1234,period=2000,packed=on,bus=pci.0,addr=0x", device);
    }

    [Fact]
    public void A_random_rng_reads_urandom_by_default_and_egd_gets_its_chardev()
    {
        var words = Words("<rng model='virtio'><backend model='random'/></rng>" +
            "<rng model='virtio'><backend model='egd' type='unix'><source mode='connect' path='/run/egd,sock'/></backend></rng>");

        Assert.Equal("rng-random,id=objrng0,filename=/dev/urandom", After(words, "-object", "rng-random"));
        Assert.Equal("socket,id=charrng1,path=/run/egd,,sock", After(words, "-chardev", "socket,id=charrng1"));
        Assert.Equal("rng-egd,id=objrng1,chardev=charrng1", After(words, "-object", "rng-egd"));
    }

    [Fact]
    public void An_rng_backend_the_emulator_lacks_is_refused_naming_it()
    {
        var legacy = QemuCapabilitySet.Of(QemuCapability.Drive, QemuCapability.Device, QemuCapability.Chardev, QemuCapability.VirtioRng);
        Assert.Equal("DL4500", RefusalCode("<rng model='virtio'><backend model='builtin'/></rng>", legacy));
    }

    [Fact]
    public void An_emulated_tpm_connects_to_the_swtpm_socket_in_the_state_directory()
    {
        var words = Words("<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>");

        var chardev = After(words, "-chardev", "socket,id=chrtpm0");
        Assert.Equal($"socket,id=chrtpm0,path={FocusedBuild.Host.StateDirectory}/swtpm/g-tpm0.sock", chardev);
        Assert.Equal("emulator,id=tpm-tpm0,chardev=chrtpm0", After(words, "-tpmdev", "emulator"));
        Assert.Equal("tpm-crb,tpmdev=tpm-tpm0,id=tpm0", After(words, "-device", "tpm-crb"));
    }

    [Fact]
    public void An_encrypted_tpm_state_takes_its_passphrase_from_the_secret_folder_by_the_secret_uuid()
    {
        var plan = Build("<tpm model='tpm-crb'><backend type='emulator' version='2.0'><encryption secret='0a1b2c3d-0000-4000-8000-000000000001'/></backend></tpm>").Plan!;

        var tpm = Assert.Single(plan.Misc.Tpms);
        Assert.Equal($"{FocusedBuild.Host.LibDirectory}/secrets/0a1b2c3d-0000-4000-8000-000000000001", tpm.EncryptionPassphraseFile);
        Assert.Null(Assert.Single(Build("<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>").Plan!.Misc.Tpms).EncryptionPassphraseFile);
    }

    [Fact]
    public void A_passed_through_tpm_names_its_device_and_leaves_the_cancel_file_to_qemu()
    {
        var words = Words("<tpm model='tpm-tis'><backend type='passthrough'><device path='/dev/tpm1'/></backend></tpm>");

        Assert.Equal("passthrough,id=tpm-tpm0,path=/dev/tpm1", After(words, "-tpmdev", "passthrough"));
        Assert.DoesNotContain(words, w => w.Contains("cancel-path", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vsock_device_has_its_cid_and_no_descriptor()
    {
        var words = Words("<vsock model='virtio'><cid auto='no' address='4'/></vsock>");

        var device = After(words, "-device", "vhost-vsock-pci");
        Assert.StartsWith("vhost-vsock-pci,id=vsock0,guest-cid=4,bus=pci.0", device);
        Assert.DoesNotContain("vhostfd", device);
    }

    [Fact]
    public void An_automatic_vsock_cid_needs_one_handed_in()
    {
        const string vsock = "<vsock model='virtio'><cid auto='yes'/></vsock>";
        Assert.Equal("DL4501", RefusalCode(vsock));
        Assert.StartsWith("vhost-vsock-pci,id=vsock0,guest-cid=9,", After(Words(vsock, options: new QemuBuildOptions { GuestCid = 9 }), "-device", "vhost-vsock-pci"));
    }

    [Fact]
    public void An_empty_genid_takes_the_generated_id_and_refuses_without_one()
    {
        var guid = new Guid("00010203-0405-4607-8809-0a0b0c0d0e0f");
        var words = Words("", domain: "<genid/>", options: new QemuBuildOptions { GeneratedGenerationId = guid });

        Assert.Equal("vmgenid,guid=00010203-0405-4607-8809-0a0b0c0d0e0f,id=vmgenid0", After(words, "-device", "vmgenid"));
        Assert.Equal("DL4501", RefusalCode("", domain: "<genid/>"));
    }

    [Fact]
    public void An_intel_iommu_with_interrupt_remapping_splits_the_irqchip_on_q35_only()
    {
        const string iommu = "<iommu model='intel'><driver intremap='on' caching_mode='on' aw_bits='48'/></iommu>";
        var words = Words(iommu, machine: "q35", domain: "<features><ioapic driver='qemu'/></features>");

        Assert.Contains("kernel_irqchip=split", After(words, "-machine", "pc-q35-7.2"));
        Assert.Equal("intel-iommu,id=iommu0,intremap=on,caching-mode=on,aw-bits=48", After(words, "-device", "intel-iommu"));
        Assert.Equal("DL4502", RefusalCode(iommu));
    }

    [Fact]
    public void An_isa_panic_device_takes_its_port()
    {
        var words = Words("<panic model='isa'><address type='isa' iobase='0x505'/></panic>");
        Assert.Equal("pvpanic,ioport=1285", After(words, "-device", "pvpanic"));
    }

    [Fact]
    public void Shared_memory_maps_a_shared_file_or_connects_to_the_server()
    {
        var words = Words("<shmem name='a'><model type='ivshmem-plain'/><size unit='M'>8</size></shmem>" +
            "<shmem name='b'><model type='ivshmem-doorbell'/><server path='/tmp/b.sock'/><msi vectors='2' ioeventfd='on'/></shmem>");

        Assert.Equal("memory-backend-file,id=shmmem-shmem0,mem-path=/dev/shm/a,size=8388608,share=on", After(words, "-object", "memory-backend-file"));
        Assert.StartsWith("ivshmem-plain,id=shmem0,memdev=shmmem-shmem0,bus=pci.0", After(words, "-device", "ivshmem-plain"));
        Assert.StartsWith("ivshmem-doorbell,id=shmem1,chardev=charshmem1,vectors=2,ioeventfd=on,", After(words, "-device", "ivshmem-doorbell"));
    }

    [Fact]
    public void Balloon_settings_and_virtio_options_are_device_properties()
    {
        var words = Words("<memballoon model='virtio' autodeflate='on' freePageReporting='on'><driver iommu='on' ats='off'/></memballoon>");
        Assert.StartsWith("virtio-balloon-pci,id=balloon0,deflate-on-oom=on,free-page-reporting=on,iommu_platform=on,ats=off,",
            After(words, "-device", "virtio-balloon-pci"));
    }

    [Fact]
    public void The_watchdog_action_uses_action_where_the_emulator_has_it()
    {
        var modern = Words("<watchdog model='i6300esb' action='inject-nmi'/>");
        ArgvAssert.Contains(modern, "-action", "watchdog=inject-nmi");
        Assert.DoesNotContain("-watchdog-action", modern);

        var legacy = Words("<watchdog model='ib700' action='pause'/>", QemuCapabilitySet.Of(QemuCapability.Drive, QemuCapability.Device, QemuCapability.Chardev));
        ArgvAssert.Contains(legacy, "-watchdog-action", "pause");
    }

    [Fact]
    public void A_multiqueue_vhost_user_nic_gets_a_chardev_and_its_vectors()
    {
        var words = Words("<interface type='vhostuser'><mac address='52:54:00:ee:96:6b'/><source type='unix' path='/tmp/v.sock' mode='server'/>" +
            "<model type='virtio'/><driver queues='2' rx_queue_size='512'/></interface>");

        Assert.Equal("socket,id=charnet0,path=/tmp/v.sock,server=on", After(words, "-chardev", "socket,id=charnet0"));
        Assert.Equal("vhost-user,chardev=charnet0,queues=2,id=hostnet0", After(words, "-netdev", "vhost-user"));
        Assert.StartsWith("virtio-net-pci,mq=on,vectors=6,rx_queue_size=512,netdev=hostnet0,", After(words, "-device", "virtio-net-pci"));
    }

    [Fact]
    public void A_passt_backend_is_a_stream_socket_and_a_bridge_goes_through_the_helper()
    {
        var words = Words("<interface type='user'><backend type='passt'/><model type='e1000'/></interface>" +
            "<interface type='bridge'><source bridge='br0'/><model type='e1000'/></interface>");

        Assert.Equal($"stream,server=off,addr.type=unix,addr.path={FocusedBuild.Host.StateDirectory}/passt/g-net0.socket,id=hostnet0",
            After(words, "-netdev", "stream"));
        Assert.Equal("bridge,br=br0,id=hostnet1", After(words, "-netdev", "bridge"));
    }

    [Fact]
    public void A_vhost_user_nic_is_refused_naming_the_backend_the_emulator_lacks()
    {
        var caps = QemuCapabilitySet.Of(QemuCapability.Drive, QemuCapability.Device, QemuCapability.Netdev, QemuCapability.Chardev);
        Assert.Equal("DL4050", RefusalCode("<interface type='vhostuser'><source type='unix' path='/s' mode='client'/><model type='virtio'/></interface>", caps));
    }

    [Fact]
    public void Nic_aliases_are_numbered_among_the_nics_without_a_users_alias_and_name_their_back_ends()
    {
        const string nics = """
            <interface type='user'><mac address='52:54:00:00:00:01'/><model type='e1000'/><alias name='ua-lan'/></interface>
            <interface type='user'><mac address='52:54:00:00:00:02'/><model type='e1000'/></interface>
            """;
        var words = Words(nics, deviceTypes: ["e1000"]);

        Assert.Equal(["user,id=hostua-lan", "user,id=hostnet0"], ArgvAssert.Values(words, "-netdev"));
        Assert.StartsWith("e1000,netdev=hostua-lan,id=ua-lan,", After(words, "-device", "e1000,netdev=hostua-lan"));
        Assert.StartsWith("e1000,netdev=hostnet0,id=net0,", After(words, "-device", "e1000,netdev=hostnet0"));
    }

    [Fact]
    public void A_pci_host_device_uses_vfio_when_the_emulator_has_no_pci_assign()
    {
        const string hostdev = "<hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev>";

        Assert.StartsWith("vfio-pci,host=0000:06:12.5,id=hostdev0,", After(Words(hostdev, deviceTypes: ["vfio-pci", "virtio-balloon-pci"]), "-device", "vfio-pci"));
        Assert.StartsWith("pci-assign,host=06:12.5,id=hostdev0,", After(Words(hostdev, deviceTypes: ["pci-assign", "vfio-pci"]), "-device", "pci-assign"));
    }

    [Fact]
    public void A_mediated_device_is_vfio_on_its_sysfs_node()
    {
        var words = Words("<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/></source></hostdev>");
        Assert.StartsWith("vfio-pci,id=hostdev0,sysfsdev=/sys/bus/mdev/devices/53764d0e-85a0-42b4-af5c-2046b460b1dc,display=on,bus=pci.0,",
            After(words, "-device", "vfio-pci"));
    }

    [Fact]
    public void A_virtiofs_share_needs_shared_memory_and_is_refused_only_without_it()
    {
        const string fs = "<filesystem type='mount' accessmode='passthrough'><driver type='virtiofs' queue='1024'/><source dir='/p'/><target dir='tag'/></filesystem>";

        var unshared = Build(fs);
        var error = Assert.Single(unshared.Diagnostics, d => d.IsError);
        Assert.Equal("DL4052", error.Code.Id);
        Assert.Contains("shared", error.Message);
        // With shared memory the share itself is not refused (memory backing is another part's to translate).
        var shared = Build(fs, domain: "<memoryBacking><access mode='shared'/></memoryBacking>");
        Assert.DoesNotContain(shared.Diagnostics, d => d.IsError && d.Location.Path.StartsWith("domain/devices/filesystem", StringComparison.Ordinal));
    }

    [Fact]
    public void A_virtiofs_share_connects_to_its_own_socket_or_the_state_directory_rule()
    {
        var own = new Translator.Model.Filesystem { Source = new Translator.Model.SocketMountFilesystemSource("/run/vfsd.sock"), TargetDir = "t" };
        var launched = own with { Source = new Translator.Model.MountFilesystemSource("/p") };

        Assert.Equal("/run/vfsd.sock", Qemu.Plan.VirtiofsPlanning.Socket(own, "fs0", "g", FocusedBuild.Host));
        Assert.Equal($"{FocusedBuild.Host.StateDirectory}/virtiofs/g-fs0.sock", Qemu.Plan.VirtiofsPlanning.Socket(launched, "fs0", "g", FocusedBuild.Host));
    }

    [Fact]
    public void A_9p_share_passes_multidevs_and_virtio_options()
    {
        var words = Words("<filesystem type='mount' accessmode='mapped' multidevs='remap'><driver type='path' ats='on'/><source dir='/e'/><target dir='t'/></filesystem>");

        Assert.Equal("local,security_model=mapped,multidevs=remap,id=fsdev-fs0,path=/e", After(words, "-fsdev", "local"));
        Assert.StartsWith("virtio-9p-pci,id=fs0,fsdev=fsdev-fs0,mount_tag=t,ats=on,", After(words, "-device", "virtio-9p-pci"));
    }

    [Fact]
    public void An_sev_guest_under_tcg_is_refused_naming_why()
    {
        Assert.Equal("DL4503", RefusalCode("", domain: "<launchSecurity type='sev'><policy>0x0003</policy></launchSecurity>"));
    }
}
