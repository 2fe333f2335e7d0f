using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Every use, in a domain, of the general parts libvirt 9's schema added outside the devices (os
/// firmware and loader settings, features, CPU and NUMA details, memory backing and tuning, the
/// generation ID, ID map, launch security) and of memory devices, each at its element with what it
/// is. Neither driver translates these yet; both refuse each use through their untranslated areas,
/// so the list lives here once. Only what the domain actually asks for is listed: a value that means
/// the same as leaving it out (dies='1', a ROM loader with a path, which is what the drivers'
/// plain loader already is) is not.
/// </summary>
public static class GeneralPartsInUse
{
    public static IEnumerable<(SourceLocation Location, string What)> Find(Domain domain) =>
        FindBesideCpu(domain).Concat(CpuPartsInUse.Find(domain));

    /// <summary>The uses of <see cref="Find"/> less the CPU-level ones (<see cref="CpuPartsInUse"/>), for a driver that translates those.</summary>
    // A list, not an enumerable: a caller walks it without an enumerator object (and, when it is empty, without the
    // runtime's shared empty enumerator an interface would hand out).
    public static List<(SourceLocation Location, string What)> FindBesideCpu(Domain domain)
    {
        // Gathered into one list, not yielded by nested iterators: every document passes here, and each part's finder
        // was an iterator object and a chain of MoveNext calls (9.0 corpus x2: the QEMU area's finder 1.61M -> 1.06M instructions).
        var uses = new List<(SourceLocation Location, string What)>();
        AddBesideCpu(domain, uses);
        return uses;
    }

    private static void AddBesideCpu(Domain domain, List<(SourceLocation Location, string What)> uses)
    {
        if (domain.GenerationId is { } genid) uses.Add((genid.Location, "<genid> (the VM generation ID)"));
        if (domain.MaxMemory is { } max) uses.Add((max.Location, "<maxMemory> (memory hotplug)"));
        foreach (var vcpu in domain.VcpuStates) uses.Add((vcpu.Location, "<vcpus><vcpu> (per-vCPU hotplug state)"));
        if (domain.IoThreads is { } iothreads) uses.Add((iothreads.Location, "<iothreads> (I/O threads)"));
        if (domain.Clock is { } clock)
            Clock(clock, uses);
        if (domain.Sysinfo is { } sysinfo
            && (sysinfo.Type == "fwcfg" || !sysinfo.BaseBoards.IsEmpty || !sysinfo.Chassis.IsEmpty || !sysinfo.OemStrings.IsEmpty))
            uses.Add((sysinfo.Location, "<sysinfo> fwcfg entries, baseBoard, chassis or oemStrings"));
        if (domain.CpuTune is { } cpuTune)
            CpuTune(cpuTune, uses);
        if (domain.IdMap is { } idmap) uses.Add((idmap.Location, "<idmap>"));
        if (domain.LaunchSecurity is { } security)
            uses.Add((security.Location, $"<launchSecurity type='{LaunchSecurityXml.Type.ToXml(security.Type)}'>"));
        if (domain.Os is { } os)
            Os(os, uses);
        if (domain.Cpu is { } cpu)
            Cpu(cpu, uses);
        if (domain.Features is { } features)
            FeatureUses.Add(features, uses);
        if (domain.MemoryBacking is { } backing)
            MemoryBacking(backing, uses);
        if (domain.NumaTune is { } numaTune)
            NumaTune(numaTune, domain.Location, uses);
        // Lock failure handling, key wrapping, perf counters and the resource partition change the
        // host's handling of the guest, not the guest: still refused, so a launch never differs
        // from the document in silence.
        if (domain.HostIntegration is { } host)
        {
            if (host.OnLockFailure is not null) uses.Add((host.Location, "<on_lockfailure>"));
            if (!host.KeyWrap.IsEmpty) uses.Add((host.Location, "<keywrap>"));
            if (!host.PerfEvents.IsEmpty) uses.Add((host.Location, "<perf>"));
            if (host.Resource is { } resource) uses.Add((resource.Location, "<resource>"));
        }
        foreach (var device in domain.BlockIoTune?.Devices ?? [])
            if (device.ReadIopsSec is not null || device.WriteIopsSec is not null || device.ReadBytesSec is not null || device.WriteBytesSec is not null)
                uses.Add((device.Location, "<blkiotune><device> throttles (read/write iops or bytes per second)"));
        if (domain.QemuCapabilities is { } overrides) uses.Add((overrides.Location, "<qemu:capabilities>"));
        if (domain.QemuOverride is { } properties) uses.Add((properties.Location, "<qemu:override>"));
        if (domain.QemuDeprecation is { } deprecation) uses.Add((deprecation.Location, "<qemu:deprecation>"));
        foreach (var memory in domain.Devices.Memories)
            uses.Add((memory.Location, $"<memory model='{MemoryDeviceXml.Model.ToXml(memory.Model)}'> (a memory device)"));
    }

    private static void Os(OsConfig? os, List<(SourceLocation Location, string What)> uses)
    {
        if (os is null) return;
        if (os.Type == OsType.Xenpvh) uses.Add((os.Location, "<type>xenpvh</type> (a Xen PVH guest)"));
        if (os.Firmware is { } firmware)
            uses.Add((os.Location, $"<os firmware='{OsFirmwareXml.Firmware.ToXml(firmware)}'> (automatic firmware selection)"));
        if (!os.FirmwareFeatures.IsEmpty) uses.Add((os.Location, "<firmware><feature> (firmware requirements)"));
        if (os.LoaderSettings is { } loader
            && (os.Loader is null || loader.Type is not (null or LoaderType.Rom) || loader.Readonly is not null
                || loader.Secure is not null || loader.Stateless is not null))
            uses.Add((loader.Location, "<loader> readonly, secure, type='pflash' or stateless, or a loader without a path"));
        if (os.Nvram is { } nvram) uses.Add((nvram.Location, "<nvram> (a UEFI variable store)"));
        if (os.BootMenuTimeout is not null) uses.Add((os.Location, "<bootmenu timeout>"));
        if (!os.AcpiTables.IsEmpty) uses.Add((os.Location, "<acpi><table> (an ACPI table for the guest)"));
    }

    private static void Cpu(CpuConfig? cpu, List<(SourceLocation Location, string What)> uses)
    {
        if (cpu is null) return;
        // check='none|partial|full' only says how libvirt compares the started CPU with the request;
        // the guest sees the same CPU either way, so it is not refused.
        if (cpu.Topology?.Dies is > 1) uses.Add((cpu.Location, "<topology dies> (more than one die per socket)"));
        for (var i = 0; i < cpu.NumaCells.Length; i++)
        {
            var cell = cpu.NumaCells[i];
            if (cell.Cpus is null) uses.Add((cell.Location, "a NUMA <cell> without cpus"));
            if (cell.Id is { } id && id != i) uses.Add((cell.Location, $"NUMA <cell id='{id}'> out of document order"));
            if (cell.MemAccess is not null) uses.Add((cell.Location, "<cell memAccess>"));
            if (cell.Discard is not null) uses.Add((cell.Location, "<cell discard>"));
            if (!cell.Distances.IsEmpty) uses.Add((cell.Location, "<cell><distances> (NUMA distances)"));
            if (!cell.Caches.IsEmpty) uses.Add((cell.Location, "<cell><cache> (a memory-side cache)"));
        }
        foreach (var interconnect in cpu.NumaInterconnects)
            uses.Add((interconnect.Location, "<numa><interconnects> (NUMA latencies and bandwidths)"));
    }

    private static void Clock(ClockConfig? clock, List<(SourceLocation Location, string What)> uses)
    {
        if (clock is null) return;
        if (clock.Offset == ClockOffset.Absolute) uses.Add((clock.Location, "<clock offset='absolute'>"));
        foreach (var timer in clock.Timers)
        {
            if (timer.Name is TimerName.Armvtimer)
                uses.Add((timer.Location, $"<timer name='{ClockXml.Name.ToXml(timer.Name)}'>"));
            if (timer.Track == TimerTrack.Realtime) uses.Add((timer.Location, "<timer track='realtime'>"));
        }
    }

    /// <summary>Host scheduling added after 0.10.2 (global and I/O thread bandwidth, I/O thread pinning, scheduler policies).</summary>
    private static void CpuTune(CpuTune? tune, List<(SourceLocation Location, string What)> uses)
    {
        if (tune is null) return;
        if (tune.GlobalPeriod is not null || tune.GlobalQuota is not null) uses.Add((tune.Location, "<cputune><global_period|global_quota>"));
        if (tune.IoThreadPeriod is not null || tune.IoThreadQuota is not null) uses.Add((tune.Location, "<cputune><iothread_period|iothread_quota>"));
        if (!tune.IoThreadPins.IsEmpty) uses.Add((tune.Location, "<cputune><iothreadpin>"));
        foreach (var s in tune.VcpuScheduling) uses.Add((s.Location, "<cputune><vcpusched>"));
        foreach (var s in tune.IoThreadScheduling) uses.Add((s.Location, "<cputune><iothreadsched>"));
        if (tune.EmulatorScheduling is { } emulator) uses.Add((emulator.Location, "<cputune><emulatorsched>"));
    }

    /// <summary>
    /// Memory backing and NUMA tuning. Host placement (memnode, mode='restrictive') does not change
    /// what the guest sees, but it is what the owner asked of the host for isolation and speed: it
    /// is refused like the rest rather than dropped, so a launch never quietly differs from the
    /// document.
    /// </summary>
    private static void MemoryBacking(MemoryBacking backing, List<(SourceLocation Location, string What)> uses)
    {
        if (!backing.HugePages.IsEmpty) uses.Add((backing.Location, "<hugepages><page> (huge page sizes)"));
        if (backing.SourceType is { } source)
            uses.Add((backing.Location, $"<memoryBacking><source type='{MemoryBackingXml.Source.ToXml(source)}'>"));
        if (backing.AccessMode is { } access)
            uses.Add((backing.Location, $"<memoryBacking><access mode='{NumaCellXml.MemAccess.ToXml(access)}'>"));
        if (backing.AllocationMode is not null || backing.AllocationThreads is not null)
            uses.Add((backing.Location, "<memoryBacking><allocation>"));
        if (backing.Discard) uses.Add((backing.Location, "<memoryBacking><discard>"));
    }

    /// <summary>The <c>&lt;numatune&gt;</c> uses; its memory mode is reported at the domain, where libvirt's own message points.</summary>
    private static void NumaTune(NumaTune tune, SourceLocation domainLocation, List<(SourceLocation Location, string What)> uses)
    {
        if (tune.Mode == NumaMemoryMode.Restrictive) uses.Add((domainLocation, "<numatune><memory mode='restrictive'>"));
        foreach (var node in tune.MemNodes) uses.Add((node.Location, "<numatune><memnode> (per guest node host memory)"));
    }
}
