#!/bin/bash
# Writes src/Cli/Startup/hot-methods.txt, the order in which the NativeAOT compiler lays out the tool's
# machine code (Cli.csproj passes it as IlcOrderFile): the managed methods that everyday commands run,
# in the order they first run. Methods not listed follow.
#
# Why: a one-shot command runs for a few milliseconds, and on a virtual machine its first touch of each
# page of code costs about a microsecond even once the page is mapped (shadow paging), 5 µs when it is
# not. Left to the compiler, the ~600 KB that a to-native runs are spread over 550 pages of the 7 MB of
# code; listed first, they fill 150, and each fault maps 16 pages of code the command goes on to run.
#
# How: each command below runs once under valgrind's lackey tool, which prints the address of every
# block of code it runs; the symbols of the publish (domainlauncher.dbg) name them. Without
# --vex-guest-chase=no, valgrind follows direct calls and jumps into the block it is building, and the
# small methods reached that way (a getter, a one-line helper) were never named: about 15 pages of code a
# to-native faults in outside the hot code. A stale list is
# harmless: the compiler skips names it does not know, and their methods are laid out with the rest.
# Rerun it after a change that renames or adds much of what these commands run.
#
# Usage: tools/hot-methods.sh   (after `dotnet publish src/Cli -r linux-x64 -p:PublishAot=true -o out`;
#   needs valgrind, binutils (nm, readelf), python3, and QEMU for the launch; libvirtd is not used)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${DL_ARTIFACTS:-$root/artifacts}
native=$artifacts/bin/Cli/release_linux-x64/native
dl=$native/domainlauncher
[ -x "$dl" ] && [ -f "$dl.dbg" ] || { echo "no $dl(.dbg): publish first (see README)" >&2; exit 2; }
for tool in valgrind nm readelf python3; do
  command -v $tool > /dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$root"
# valgrind cannot read the symbols' DWARF 5: it runs a copy with no domainlauncher.dbg beside it.
cp "$dl" "$work/domainlauncher"

traces=()
# trace ARGS...: runs the tool once under lackey; its code addresses go to the next trace file.
trace() {
  local file=$work/trace.${#traces[@]}
  valgrind --tool=lackey --trace-superblocks=yes --vex-guest-chase=no --log-fd=3 "$work/domainlauncher" "$@" 3> "$file" > /dev/null 2>&1 || true
  traces+=("$file")
}
# Start-up first, then the commands by how often a user times them: the one-shot translations, help,
# the batch forms, then launching a guest and the commands that look after it.
trace --version
trace to-native qemu-argv examples/guests/virtio-qcow2.xml
trace to-native qemu-argv --emulator-profile profiles/qemu-7.2-x86_64.json examples/guests/virtio-qcow2.xml
trace to-native qemu-argv --emulator-profile profiles/qemu-7.2-x86_64.json examples/virt-install-q35.xml
trace validate examples/minimal-qemu.xml
trace from-native xen-xm examples/xen-hvm.cfg
trace to-native --help
trace --help
trace to-native xen-xl examples/xen-pv.xml
trace validate --json examples/minimal-qemu.xml examples/headless-qemu.xml
trace to-native qemu-argv --json examples/guests/sound.xml examples/guests/uefi.xml
if command -v qemu-system-x86_64 > /dev/null; then
  run=$work/run; mkdir -p "$run"
  "$work/domainlauncher" probe > /dev/null 2>&1 || true   # fills the probe cache, as a launch normally finds it
  trace launch --run-dir "$run" examples/guests/sound.xml
  trace list --run-dir "$run"
  for guest in "$run"/*/; do [ -d "$guest" ] && trace destroy --run-dir "$run" "$(basename "$guest")"; done
else
  echo "(no qemu-system-x86_64: launch is left out of the order)" >&2
fi
trace check examples/minimal-qemu.xml

nm -n --defined-only "$dl.dbg" > "$work/symbols"
readelf -SW "$dl" > "$work/sections"
python3 - "$work/symbols" "$work/sections" "${traces[@]}" > src/Cli/Startup/hot-methods.txt <<'PY'
import bisect, sys
# The managed code section: only its symbols are methods the compiler can order.
for line in open(sys.argv[2]):
    fields = line.replace('[ ', '[').split()
    if len(fields) > 5 and fields[1] == '__managedcode':
        low = int(fields[3], 16); high = low + int(fields[5], 16)
# Symbols by address; a method may have aliases at its address (a section start, an exported name):
# all of them are written, since the compiler skips the names that are not methods.
starts, names = [], []
for line in open(sys.argv[1]):
    fields = line.split()
    if len(fields) == 3 and fields[1] in 'tT':
        address = int(fields[0], 16)
        if starts and starts[-1] == address: names[-1].append(fields[2])
        else: starts.append(address); names.append([fields[2]])
seen, order = set(), []
for trace in sys.argv[3:]:
    for line in open(trace):
        if not line.startswith('SB '): continue
        address = int(line[3:], 16)
        if not low <= address < high: continue
        for name in names[bisect.bisect_right(starts, address) - 1]:
            if name not in seen:
                seen.add(name); order.append(name)
print('# Generated by tools/hot-methods.sh: the layout order of the NativeAOT build (see there). Do not edit.')
print('\n'.join(order))
PY
echo "src/Cli/Startup/hot-methods.txt: $(($(wc -l < src/Cli/Startup/hot-methods.txt) - 1)) names"
