#!/bin/bash
# Prints how long validate and to-native take on domains with N SCSI disks (all on one
# virtio-scsi controller, one LUN each), to show that time grows linearly with the number of
# devices (issue 11, item 7). Not a test: figures only. Needs python3 to write the documents.
# Usage: bench/hostile-sizes.sh [DOMAINLAUNCHER_BINARY]   (default: the debug build of the CLI)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dl=${1:-${DL_ARTIFACTS:-$root/artifacts}/bin/Cli/debug/domainlauncher}
[ -x "$dl" ] || { echo "no binary at $dl; build src/Cli first or pass its path" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

seconds() { local start end; start=$(date +%s%N); "$@" > "$work/out" 2> "$work/err" && status=0 || status=$?; end=$(date +%s%N); elapsed=$(( (end - start) / 1000000 )); }

printf "%8s  %12s  %13s  %s\n" disks "validate ms" "to-native ms" "to-native outcome"
for n in 1000 2000 4000 8000; do
  f=$work/disks-$n.xml
  python3 - "$n" > "$f" <<'PY'
import sys
n = int(sys.argv[1])
def name(i):
    s = ""
    while True:
        s = chr(97 + i % 26) + s
        i = i // 26 - 1
        if i < 0: return "sd" + s
print("<domain type='qemu'><name>many</name><memory>1048576</memory><os><type arch='x86_64'>hvm</type></os><devices>")
print("<emulator>/usr/bin/qemu-system-x86_64</emulator><controller type='scsi' index='0' model='virtio-scsi'/>")
for i in range(n):
    print(f"<disk type='file' device='disk'><source file='/srv/d{i}.img'/><target dev='{name(i)}' bus='scsi'/>"
          f"<address type='drive' controller='0' bus='0' target='0' unit='{i}'/></disk>")
print("</devices></domain>")
PY
  seconds "$dl" validate -q "$f"; v=$elapsed
  seconds "$dl" to-native qemu-argv --emulator-profile "$root/profiles/qemu-7.2-x86_64.json" --accel tcg "$f"
  if [ "$status" = 0 ]; then outcome="command line of $(wc -c < "$work/out") bytes"
  else outcome="refused: $(grep -c ': error ' "$work/err" || true) error(s), first: $(grep -m1 -o 'error DL[0-9]*: [^:]*' "$work/err" || true)"; fi
  printf "%8d  %12d  %13d  %s\n" "$n" "$v" "$elapsed" "$outcome"
done
