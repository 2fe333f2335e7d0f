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
    public static IEnumerable<(SourceLocation Location, string What)> FindBesideCpu(Domain domain)
    {
        if (domain.GenerationId is { } genid) yield return (genid.Location, "<genid> (the VM generation ID)");
        if (domain.MaxMemory is { } max) yield return (max.Location, "<maxMemory> (memory hotplug)");
        foreach (var vcpu in domain.VcpuStates) yield return (vcpu.Location, "<vcpus><vcpu> (per-vCPU hotplug state)");
        if (domain.IoThreads is { } iothreads) yield return (iothreads.Location, "<iothreads> (I/O threads)");
        // Each part's finder is asked only of a part the domain has: an iterator is made for each one asked.
        if (domain.Clock is { } clock)
            foreach (var use in Clock(clock)) yield return use;
        if (domain.Sysinfo is { } sysinfo
            && (sysinfo.Type == "fwcfg" || !sysinfo.BaseBoards.IsEmpty || !sysinfo.Chassis.IsEmpty || !sysinfo.OemStrings.IsEmpty))
            yield return (sysinfo.Location, "<sysinfo> fwcfg entries, baseBoard, chassis or oemStrings");
        if (domain.CpuTune is { } cpuTune)
            foreach (var use in CpuTune(cpuTune)) yield return use;
        if (domain.IdMap is { } idmap) yield return (idmap.Location, "<idmap>");
        if (domain.LaunchSecurity is { } security)
            yield return (security.Location, $"<launchSecurity type='{LaunchSecurityXml.Type.ToXml(security.Type)}'>");
        if (domain.Os is { } os)
            foreach (var use in Os(os)) yield return use;
        if (domain.Cpu is { } cpu)
            foreach (var use in Cpu(cpu)) yield return use;
        if (domain.Features is { } features)
            foreach (var use in FeatureUses.Find(features)) yield return use;
        if (domain.MemoryBacking is { } backing)
            foreach (var use in MemoryBacking(backing)) yield return use;
        if (domain.NumaTune is { } numaTune)
            foreach (var use in NumaTune(numaTune, domain.Location)) yield return use;
        // Lock failure handling, key wrapping, perf counters and the resource partition change the
        // host's handling of the guest, not the guest: still refused, so a launch never differs
        // from the document in silence.
        if (domain.HostIntegration is { } host)
        {
            if (host.OnLockFailure is not null) yield return (host.Location, "<on_lockfailure>");
            if (!host.KeyWrap.IsEmpty) yield return (host.Location, "<keywrap>");
            if (!host.PerfEvents.IsEmpty) yield return (host.Location, "<perf>");
            if (host.Resource is { } resource) yield return (resource.Location, "<resource>");
        }
        foreach (var device in domain.BlockIoTune?.Devices ?? [])
            if (device.ReadIopsSec is not null || device.WriteIopsSec is not null || device.ReadBytesSec is not null || device.WriteBytesSec is not null)
                yield return (device.Location, "<blkiotune><device> throttles (read/write iops or bytes per second)");
        if (domain.QemuCapabilities is { } overrides) yield return (overrides.Location, "<qemu:capabilities>");
        if (domain.QemuOverride is { } properties) yield return (properties.Location, "<qemu:override>");
        if (domain.QemuDeprecation is { } deprecation) yield return (deprecation.Location, "<qemu:deprecation>");
        foreach (var memory in domain.Devices.Memories)
            yield return (memory.Location, $"<memory model='{MemoryDeviceXml.Model.ToXml(memory.Model)}'> (a memory device)");
    }

    private static IEnumerable<(SourceLocation, string)> Os(OsConfig? os)
    {
        if (os is null) yield break;
        if (os.Type == OsType.Xenpvh) yield return (os.Location, "<type>xenpvh</type> (a Xen PVH guest)");
        if (os.Firmware is { } firmware)
            yield return (os.Location, $"<os firmware='{OsFirmwareXml.Firmware.ToXml(firmware)}'> (automatic firmware selection)");
        if (!os.FirmwareFeatures.IsEmpty) yield return (os.Location, "<firmware><feature> (firmware requirements)");
        if (os.LoaderSettings is { } loader
            && (os.Loader is null || loader.Type is not (null or LoaderType.Rom) || loader.Readonly is not null
                || loader.Secure is not null || loader.Stateless is not null))
            yield return (loader.Location, "<loader> readonly, secure, type='pflash' or stateless, or a loader without a path");
        if (os.Nvram is { } nvram) yield return (nvram.Location, "<nvram> (a UEFI variable store)");
        if (os.BootMenuTimeout is not null) yield return (os.Location, "<bootmenu timeout>");
        if (!os.AcpiTables.IsEmpty) yield return (os.Location, "<acpi><table> (an ACPI table for the guest)");
    }

    private static IEnumerable<(SourceLocation, string)> Cpu(CpuConfig? cpu)
    {
        if (cpu is null) yield break;
        // check='none|partial|full' only says how libvirt compares the started CPU with the request;
        // the guest sees the same CPU either way, so it is not refused.
        if (cpu.Topology?.Dies is > 1) yield return (cpu.Location, "<topology dies> (more than one die per socket)");
        for (var i = 0; i < cpu.NumaCells.Length; i++)
        {
            var cell = cpu.NumaCells[i];
            if (cell.Cpus is null) yield return (cell.Location, "a NUMA <cell> without cpus");
            if (cell.Id is { } id && id != i) yield return (cell.Location, $"NUMA <cell id='{id}'> out of document order");
            if (cell.MemAccess is not null) yield return (cell.Location, "<cell memAccess>");
            if (cell.Discard is not null) yield return (cell.Location, "<cell discard>");
            if (!cell.Distances.IsEmpty) yield return (cell.Location, "<cell><distances> (NUMA distances)");
            if (!cell.Caches.IsEmpty) yield return (cell.Location, "<cell><cache> (a memory-side cache)");
        }
        foreach (var interconnect in cpu.NumaInterconnects)
            yield return (interconnect.Location, "<numa><interconnects> (NUMA latencies and bandwidths)");
    }

    private static IEnumerable<(SourceLocation, string)> Clock(ClockConfig? clock)
    {
        if (clock is null) yield break;
        if (clock.Offset == ClockOffset.Absolute) yield return (clock.Location, "<clock offset='absolute'>");
        foreach (var timer in clock.Timers)
        {
            if (timer.Name is TimerName.Armvtimer)
                yield return (timer.Location, $"<timer name='{ClockXml.Name.ToXml(timer.Name)}'>");
            if (timer.Track == TimerTrack.Realtime) yield return (timer.Location, "<timer track='realtime'>");
        }
    }

    /// <summary>Host scheduling added after 0.10.2 (global and I/O thread bandwidth, I/O thread pinning, scheduler policies).</summary>
    private static IEnumerable<(SourceLocation, string)> CpuTune(CpuTune? tune)
    {
        if (tune is null) yield break;
        if (tune.GlobalPeriod is not null || tune.GlobalQuota is not null) yield return (tune.Location, "<cputune><global_period|global_quota>");
        if (tune.IoThreadPeriod is not null || tune.IoThreadQuota is not null) yield return (tune.Location, "<cputune><iothread_period|iothread_quota>");
        if (!tune.IoThreadPins.IsEmpty) yield return (tune.Location, "<cputune><iothreadpin>");
        foreach (var s in tune.VcpuScheduling) yield return (s.Location, "<cputune><vcpusched>");
        foreach (var s in tune.IoThreadScheduling) yield return (s.Location, "<cputune><iothreadsched>");
        if (tune.EmulatorScheduling is { } emulator) yield return (emulator.Location, "<cputune><emulatorsched>");
    }

    /// <summary>
    /// Memory backing and NUMA tuning. Host placement (memnode, mode='restrictive') does not change
    /// what the guest sees, but it is what the owner asked of the host for isolation and speed: it
    /// is refused like the rest rather than dropped, so a launch never quietly differs from the
    /// document.
    /// </summary>
    private static IEnumerable<(SourceLocation, string)> MemoryBacking(MemoryBacking backing)
    {
        if (!backing.HugePages.IsEmpty) yield return (backing.Location, "<hugepages><page> (huge page sizes)");
        if (backing.SourceType is { } source)
            yield return (backing.Location, $"<memoryBacking><source type='{MemoryBackingXml.Source.ToXml(source)}'>");
        if (backing.AccessMode is { } access)
            yield return (backing.Location, $"<memoryBacking><access mode='{NumaCellXml.MemAccess.ToXml(access)}'>");
        if (backing.AllocationMode is not null || backing.AllocationThreads is not null)
            yield return (backing.Location, "<memoryBacking><allocation>");
        if (backing.Discard) yield return (backing.Location, "<memoryBacking><discard>");
    }

    /// <summary>The <c>&lt;numatune&gt;</c> uses; its memory mode is reported at the domain, where libvirt's own message points.</summary>
    private static IEnumerable<(SourceLocation, string)> NumaTune(NumaTune tune, SourceLocation domainLocation)
    {
        if (tune.Mode == NumaMemoryMode.Restrictive) yield return (domainLocation, "<numatune><memory mode='restrictive'>");
        foreach (var node in tune.MemNodes) yield return (node.Location, "<numatune><memnode> (per guest node host memory)");
    }
}
