using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu;

/// <summary>
/// The QEMU driver's diagnostic codes (DL4000-DL4049 for its infrastructure: capability lists,
/// host settings, conformance manifests). Kept beside the driver rather than in the shared catalog.
/// </summary>
public static class QemuDiagnostics
{
    public static readonly DiagnosticCode UnknownCapability = new("DL4000", "unknown QEMU capability");
    public static readonly DiagnosticCode InvalidHostSettings = new("DL4001", "invalid host settings");
    public static readonly DiagnosticCode UnknownSetting = new("DL4002", "unknown setting ignored");
    public static readonly DiagnosticCode InvalidManifest = new("DL4003", "invalid conformance manifest");
    public static readonly DiagnosticCode UndefinedCpuMapReference = new("DL4004", "CPU map refers to an undefined name");

    // DL4050-DL4199: building the command line (validation against the emulator and host).
    public static readonly DiagnosticCode UnsupportedByEmulator = new("DL4050", "the emulator lacks a capability the domain needs");
    public static readonly DiagnosticCode NeedsHostTap = new("DL4053", "the interface needs a tap device opened by the host");
    public static readonly DiagnosticCode UnsupportedByHost = new("DL4051", "the host configuration does not allow what the domain needs");
    public static readonly DiagnosticCode UnsupportedDevice = new("DL4052", "the device cannot be expressed on a QEMU command line");
    public static readonly DiagnosticCode KvmUnavailable = new("DL4054", "the domain asks for KVM and this host cannot provide it");

    // DL4060-DL4079: controllers, USB, host devices, smartcards.
    public static readonly DiagnosticCode UnsupportedControllerModel = new("DL4060", "the controller model has no QEMU device");
    public static readonly DiagnosticCode MultipleLegacyUsbControllers = new("DL4061", "more than one USB controller needs the built-in one");
    public static readonly DiagnosticCode SpaprVioAddressClash = new("DL4062", "two devices share a spapr-vio register");
    public static readonly DiagnosticCode UnresolvedUsbHostDevice = new("DL4063", "the USB host device has no bus and device number");
    public static readonly DiagnosticCode UnsupportedHostDeviceMode = new("DL4064", "the host device mode is not one QEMU passes through");
    public static readonly DiagnosticCode UnsupportedSmartcardPlacement = new("DL4065", "QEMU attaches one smartcard at CCID controller 0 slot 0");

    // DL4080-DL4099: display, sound and watchdog devices.
    public static readonly DiagnosticCode UnsupportedVideo = new("DL4080", "the video cards cannot be expressed with this emulator");
    public static readonly DiagnosticCode UnsupportedGraphics = new("DL4081", "the graphics device cannot be expressed on a QEMU command line");

    // DL4100-DL4119: character devices, channels, filesystems, disk extras, SMBIOS and NUMA.
    public static readonly DiagnosticCode MissingHostSecret = new("DL4100", "the secret the domain refers to is not defined on the host");
    public static readonly DiagnosticCode MissingSysinfo = new("DL4101", "SMBIOS values are taken from <sysinfo>, which the domain lacks");
    public static readonly DiagnosticCode NumaCellCpus = new("DL4102", "a NUMA cell's CPUs cannot be given to QEMU's -numa");
    public static readonly DiagnosticCode UnwritableValue = new("DL4103", "the value cannot be written in the syntax QEMU reads it in");
    public static readonly DiagnosticCode DiskSerialNowhere = new("DL4104", "the disk's serial has no place on this emulator's command line");
    public static readonly DiagnosticCode PciSlotsExhausted = new("DL4105", "no PCI slot is left for the device");
    public static readonly DiagnosticCode InvalidCpuset = new("DL4106", "the CPU set is not a list of N, N-M and ^N");

    // DL4480-DL4499: audio backends, display, input and character devices of today's schema.
    public static readonly DiagnosticCode AudioBackendNeedsAudiodev = new("DL4480", "an audio backend needs QEMU's -audiodev");
    public static readonly DiagnosticCode AudioDriverMissing = new("DL4481", "this QEMU was built without the audio driver");
    public static readonly DiagnosticCode UndefinedAudioBackend = new("DL4482", "the audio id names no audio backend of the domain");
    public static readonly DiagnosticCode CharDeviceNeedsCapability = new("DL4483", "the character device needs a chardev backend or option the emulator lacks");
    public static readonly DiagnosticCode CharDeviceTlsUnavailable = new("DL4484", "TLS on a character device needs host certificates the host settings do not name");
    public static readonly DiagnosticCode SerialTargetWithoutDevice = new("DL4485", "the serial target has no QEMU device on this machine");

    // DL4440-DL4459: firmware, machine options and guest memory.
    public static readonly DiagnosticCode FirmwareNotFound = new("DL4440", "no firmware description on the host fits what the domain asks for");
    public static readonly DiagnosticCode FirmwareNeedsCapability = new("DL4441", "this emulator cannot be given the firmware the way the domain asks");
    public static readonly DiagnosticCode NvramNotLocal = new("DL4442", "the UEFI variable store is not a local file or block device");
    public static readonly DiagnosticCode FirmwareContradiction = new("DL4443", "the firmware settings contradict each other");
    public static readonly DiagnosticCode MemoryDeviceNeedsMaxMemory = new("DL4444", "a memory device needs <maxMemory> slots and room");
    public static readonly DiagnosticCode MemoryNeedsCapability = new("DL4445", "this emulator cannot be given the guest memory the way the domain asks");
    public static readonly DiagnosticCode MemoryDeviceSource = new("DL4446", "the memory device lacks what its backend needs");
    public static readonly DiagnosticCode IdMapIgnored = new("DL4447", "<idmap> is for containers; a QEMU guest has no user IDs to map");
    public static readonly DiagnosticCode NumaPerformanceInconsistent = new("DL4448", "the NUMA performance description names a node, initiator or cache the guest lacks");

    // DL4302-DL4308: refused before a launch (QemuBuildOptions.RefuseUnfit / RefuseTainted), because this
    // emulator or the machine cannot have it. (DL4300-DL4319 are shared with check's own refusals.)
    public static readonly DiagnosticCode DeviceTypeMissing = new("DL4302", "this QEMU has no such device type");
    public static readonly DiagnosticCode MachineMissing = new("DL4303", "this QEMU has no such machine type");
    public static readonly DiagnosticCode CpuModelMissing = new("DL4304", "this QEMU has no such CPU model");
    public static readonly DiagnosticCode Tainted = new("DL4307", "the domain passes raw arguments QEMU is not asked about");
    public static readonly DiagnosticCode NotTranslated = new("DL4310", "the QEMU driver does not translate this part of the domain yet");
    public static readonly DiagnosticCode HardwareImpossible = new("DL4308", "the machine cannot have the hardware the domain describes");

    // DL4460-DL4479: the guest CPU checked against the emulator's own CPU definitions (modern emulators).
    public static readonly DiagnosticCode CpuModelUndefined = new("DL4460", "the emulator defines no such CPU model for the accelerator");
    public static readonly DiagnosticCode CpuModeSubstituted = new("DL4461", "the CPU mode is given as the nearest CPU this accelerator has");
    public static readonly DiagnosticCode CpuModelFeaturesUnavailable = new("DL4462", "the CPU model has features the accelerator cannot give");
    public static readonly DiagnosticCode CpuModelFeaturesLeftOut = new("DL4463", "QEMU leaves out features of the CPU model the accelerator cannot give");
    public static readonly DiagnosticCode CpuFeatureUnknown = new("DL4464", "the emulator knows no such CPU feature");
    public static readonly DiagnosticCode CpuFeatureUnavailable = new("DL4465", "the accelerator cannot give the guest this CPU feature");
    public static readonly DiagnosticCode CpuFeatureNeedsKvm = new("DL4466", "the CPU feature is KVM's and the domain does not run under KVM");
    public static readonly DiagnosticCode CpuLevelNeedsCapability = new("DL4467", "the CPU setting needs an emulator that describes its CPU models");
    public static readonly DiagnosticCode CpuSettingUnsupported = new("DL4468", "the CPU setting has no QEMU property for this CPU");
    public static readonly DiagnosticCode CpuAddressWidened = new("DL4469", "the guest CPU's physical address width is widened so the memory map fits");

    // DL4500-DL4519: the other modern devices (RNG, TPM, vsock, panic, IOMMU, genid, shared memory, launch security).
    public static readonly DiagnosticCode DeviceBackendMissing = new("DL4500", "the emulator lacks the backend the device needs");
    public static readonly DiagnosticCode HostChoiceMissing = new("DL4501", "a value the host picks at launch was not handed to the driver");
    public static readonly DiagnosticCode DeviceNotForMachine = new("DL4502", "the device does not exist on this machine or architecture");
    public static readonly DiagnosticCode LaunchSecurityUnavailable = new("DL4503", "the confidential guest needs host hardware this launch lacks");
    public static readonly DiagnosticCode HostSideOnly = new("DL4504", "the setting is applied by the host after QEMU starts, not on the command line");
    public static readonly DiagnosticCode NeedsKvm = new("DL4506", "the device setting works only under KVM");
    public static readonly DiagnosticCode OverrideWithoutDevice = new("DL4507", "a <qemu:override> names no device of the command line");
    public static readonly DiagnosticCode HostDeviceMissing = new("DL4508", "the host has no device the domain passes through");

    // DL4420-DL4439: disks as -blockdev node graphs.
    public static readonly DiagnosticCode PoolVolumeUnresolvable = new("DL4420", "a storage pool volume cannot be resolved to a path without libvirt's storage pools");
    public static readonly DiagnosticCode PassedDescriptors = new("DL4421", "the disk's image is given as file descriptors handed to libvirt");
    public static readonly DiagnosticCode BlockProtocolGone = new("DL4422", "this QEMU has no block driver for the network protocol");
    public static readonly DiagnosticCode NfsIdentityByName = new("DL4423", "an NFS identity given by name cannot be resolved");
    public static readonly DiagnosticCode FormatWithoutDriver = new("DL4424", "QEMU has no block driver for the image format");
    public static readonly DiagnosticCode QcowAesEncryption = new("DL4425", "qcow AES encryption is not opened by today's QEMU system emulators");
    public static readonly DiagnosticCode ErrorPolicyWithoutFrontEnd = new("DL4426", "the disk's device has no error policy properties");
    public static readonly DiagnosticCode TransientWithoutOverlay = new("DL4427", "a transient disk cannot be given an overlay that takes its writes");
    public static readonly DiagnosticCode SharedImageFormat = new("DL4428", "a shareable disk's image format cannot be written by two guests at once");

    // DL4400-DL4419: PCI and PCI Express topology (libvirt 9's placement on modern emulators).
    public static readonly DiagnosticCode PciBusMissing = new("DL4400", "the PCI address names a bus no PCI controller adds");
    public static readonly DiagnosticCode PciBusUnfit = new("DL4401", "the PCI bus cannot take this kind of device");
    public static readonly DiagnosticCode PciNoRoom = new("DL4402", "no PCI bus has room for the device, and none can be added");
    public static readonly DiagnosticCode PciAddressTaken = new("DL4403", "two devices have the same PCI address");
    public static readonly DiagnosticCode PciSlotOutOfRange = new("DL4404", "the PCI bus has no such slot or function");
    public static readonly DiagnosticCode PciBusNumberMissing = new("DL4405", "an expander bus needs its guest bus number (<target busNr>)");
    public static readonly DiagnosticCode PciControllerDeviceMissing = new("DL4406", "this QEMU has no device for the PCI controller");
    public static readonly DiagnosticCode PciSingleFunctionSlot = new("DL4407", "a PCI slot's function 0 is single-function, and other functions of the slot are given");
}
