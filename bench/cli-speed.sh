#!/bin/bash
# Prints how fast the domainlauncher tool is, as ratios a reader can check on their own machine
# (issue 16). Figures only: no test is timed. Uses public tools only: bash, python3 (for timing,
# medians and per-process peak memory through wait4), taskset (util-linux), QEMU, and virsh when a
# libvirtd answers on qemu:///system.
#
#   1. one-shot to-native: median wall time of `to-native qemu-argv` of a bundled example, against
#      `virsh domxml-to-native qemu-argv` of the same file (when libvirtd runs; the three take turns,
#      so that a drift in the machine's speed weighs on each alike) and `--version`;
#   2. peak memory (max RSS) of the one-shot commands;
#   3. batch: every domain of libvirt 0.10.2's and 9.0's QEMU corpora (../shared/conformance), twenty
#      times over, through `to-native --json` (parse, validate, build, write) in one process pinned to
#      one core: documents per CPU second, the median of BATCH_ROUNDS (environment, default 5) rounds in
#      which the batches take turns; `validate --json` likewise;
#   4. launch: median time `launch` of a small guest takes, against QEMU started by hand with the
#      very arguments the launch gave it (read from /proc/PID/cmdline; they include -daemonize).
#
# Usage: bench/cli-speed.sh [DOMAINLAUNCHER_BINARY] [RUNS]
#   default binary: the NativeAOT publish at $DL_ARTIFACTS/out/domainlauncher, else out/domainlauncher,
#   else the debug build. RUNS: runs per one-shot median (default 20); LAUNCH_RUNS (environment): runs
#   of the launch comparison (default 5).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${DL_ARTIFACTS:-$root/artifacts}
dl=${1:-}
if [ -z "$dl" ]; then
  for candidate in "$artifacts/out/domainlauncher" "$root/out/domainlauncher" "$artifacts/bin/Cli/debug/domainlauncher"; do
    [ -x "$candidate" ] && { dl=$candidate; break; }
  done
fi
[ -n "$dl" ] && [ -x "$dl" ] || { echo "no domainlauncher binary; publish it (see README) or pass its path" >&2; exit 2; }
runs=${2:-20}
shared=${DL_SHARED:-$root/../shared}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$root"

# measure RUNS CMD...: prints "WALL_MS CPU_MS MAXRSS_KIB STATUS", medians of RUNS runs (max of RSS).
measure() {
  python3 - "$@" <<'PY'
import os, statistics, subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
walls, cpus, rss, status = [], [], 0, 0
for _ in range(runs):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, code, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(code)
    walls.append((time.perf_counter() - start) * 1000)
    cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    rss = max(rss, usage.ru_maxrss)
    status = max(status, p.returncode)
print(f"{statistics.median(walls):.1f} {statistics.median(cpus):.1f} {rss} {status}")
PY
}
# interleaved RUNS CMD... [-- CMD...]...: like measure, one line per command, the commands taking turns
# (in rotating order) so that a drift in the machine's speed during the runs weighs on each alike. The
# lines of the second and later commands add three fields: the first command's wall time over theirs,
# round by round (each round runs every command once), as its median and the quartiles around it.
interleaved() {
  python3 - "$@" <<'PY'
import os, statistics, subprocess, sys, time
runs = int(sys.argv[1]); cmds, cmd = [], []
for word in sys.argv[2:]:
    if word == "--": cmds.append(cmd); cmd = []
    else: cmd.append(word)
cmds.append(cmd)
walls = [[] for _ in cmds]; cpus = [[] for _ in cmds]; rss = [0] * len(cmds); status = [0] * len(cmds)
for i in range(runs):
    for k in [(i + j) % len(cmds) for j in range(len(cmds))]:
        start = time.perf_counter()
        p = subprocess.Popen(cmds[k], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        _, code, usage = os.wait4(p.pid, 0)
        walls[k].append((time.perf_counter() - start) * 1000)
        cpus[k].append((usage.ru_utime + usage.ru_stime) * 1000)
        rss[k] = max(rss[k], usage.ru_maxrss)
        status[k] = max(status[k], os.waitstatus_to_exitcode(code))
for k in range(len(cmds)):
    line = f"{statistics.median(walls[k]):.1f} {statistics.median(cpus[k]):.1f} {rss[k]} {status[k]}"
    if k > 0:
        ratios = sorted(walls[0][i] / walls[k][i] for i in range(runs))
        quartiles = statistics.quantiles(ratios, n=4) if runs > 1 else [ratios[0]] * 3
        line += f" {statistics.median(ratios):.1f} {quartiles[0]:.1f} {quartiles[2]:.1f}"
    print(line)
PY
}
field() { echo "$1" | cut -d' ' -f"$2"; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.1f}x' if b > 0 else 'n/a')" "$1" "$2"; }

echo "binary: $dl ($(stat -c %s "$dl") bytes; $("$dl" --version))"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# The machine's own speed at what a one-shot command spends most of its time on (starting a process and
# faulting in fresh memory), so that runs on one machine at different times, or on two machines, can be
# told apart from a change in the tool: on a virtual machine these vary by 2x from hour to hour.
python3 - <<'PY'
import mmap, statistics, subprocess, time
starts = []
for _ in range(30):
    t = time.perf_counter(); subprocess.run(["/bin/true"]); starts.append((time.perf_counter() - t) * 1000)
pages, size = 16384, 16384 * mmap.PAGESIZE
faults = []
for _ in range(3):
    m = mmap.mmap(-1, size)
    t = time.perf_counter()
    for offset in range(0, size, mmap.PAGESIZE): m[offset] = 1
    first = time.perf_counter() - t
    t = time.perf_counter()
    for offset in range(0, size, mmap.PAGESIZE): m[offset] = 2
    again = time.perf_counter() - t
    m.close()
    faults.append((first - again) / pages * 1e6)
print(f"machine: starting /bin/true takes {statistics.median(starts):.2f} ms (median of 30); "
      f"faulting in a fresh page of memory {statistics.median(faults):.2f} us (median of 3 x {pages} pages)")
PY
# How much of the executable the kernel maps in 2 MB pages (the native build asks for them: README,
# Building): a start touches far fewer pages then, which is most of the one-shot figures on a virtual
# machine. Read from a run that waits on its standard input, once its start is done.
python3 - "$dl" <<'PY'
import os, subprocess, sys, time
dl = sys.argv[1]; image = os.path.realpath(dl)
p = subprocess.Popen([dl, "validate", "-"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(0.3)
mapped = huge = 0; current = None
try:
    for line in open(f"/proc/{p.pid}/smaps"):
        fields = line.split()
        if "-" in fields[0] and len(fields) >= 5: current = fields[5] if len(fields) > 5 else None
        elif current == image and fields[0] == "Rss:": mapped += int(fields[1])
        elif current == image and fields[0] == "FilePmdMapped:": huge += int(fields[1])
except OSError: pass
p.stdin.close(); p.wait()
try: thp = open("/sys/kernel/mm/transparent_hugepage/enabled").read().split("[")[1].split("]")[0]
except (OSError, IndexError): thp = "unknown"
print(f"image: {huge / 1024:.1f} of the {mapped / 1024:.1f} MB of the executable a start maps lie in 2 MB pages "
      f"(transparent huge pages: {thp})")
PY
echo
# A TCG guest: virsh refuses a kvm domain on a host without /dev/kvm.
example=examples/guests/virtio-qcow2.xml
echo "== one-shot commands (median of $runs runs) =="
printf "%-58s %9s %9s %10s\n" command "wall ms" "cpu ms" "peak KiB"
for spec in "version|--version" \
            "to-native|to-native qemu-argv $example" \
            "to-native-profile|to-native qemu-argv --emulator-profile profiles/qemu-7.2-x86_64.json $example" \
            "validate|validate examples/minimal-qemu.xml" \
            "from-native|from-native xen-xm examples/xen-hvm.cfg" \
            "to-native-help|to-native --help"; do
  name=${spec%%|*}; args=${spec#*|}
  # shellcheck disable=SC2086
  m=$(measure "$runs" "$dl" $args)
  [ "$(field "$m" 4)" = 0 ] || echo "warning: domainlauncher $args exited $(field "$m" 4)" >&2
  printf "%-58s %9s %9s %10s\n" "domainlauncher $args" "$(field "$m" 1)" "$(field "$m" 2)" "$(field "$m" 3)"
done
if command -v virsh > /dev/null && virsh -q -c qemu:///system version > /dev/null 2>&1; then
  # The ratios come from runs taking turns: this machine's speed can drift by a quarter within a minute.
  lines=$(interleaved "$runs" virsh -q -c qemu:///system domxml-to-native qemu-argv "$example" \
    -- "$dl" to-native qemu-argv "$example" \
    -- "$dl" to-native qemu-argv --emulator-profile profiles/qemu-7.2-x86_64.json "$example")
  m=$(sed -n 1p <<< "$lines"); ours=$(sed -n 2p <<< "$lines"); ours_profile=$(sed -n 3p <<< "$lines")
  printf "%-58s %9s %9s %10s\n" "virsh domxml-to-native qemu-argv $example" "$(field "$m" 1)" "$(field "$m" 2)" "$(field "$m" 3)"
  [ "$(field "$m" 4)" = 0 ] || echo "warning: virsh exited $(field "$m" 4)" >&2
  echo "taking turns with virsh, to-native took $(field "$ours" 1) ms and with the profile $(field "$ours_profile" 1) ms:"
  echo "to-native is $(ratio "$(field "$m" 1)" "$(field "$ours" 1)") faster than virsh domxml-to-native (wall time; target: 10x);" \
    "with the QEMU 7.2 profile $(ratio "$(field "$m" 1)" "$(field "$ours_profile" 1)")"
  echo "round by round, virsh's time over to-native's: median $(field "$ours" 5)x, middle half $(field "$ours" 6)x to $(field "$ours" 7)x"
else
  echo "(no libvirtd on qemu:///system: the virsh comparison is left out)"
fi
echo

batch_rounds=${BATCH_ROUNDS:-5}
echo "== batch translation, one process on one core (median of $batch_rounds rounds taking turns) =="
if [ -d "$shared/conformance" ]; then
  old=("$shared"/conformance/libvirt-0.10.2/qemuxml2argv/*.xml)
  new=("$shared"/conformance/libvirt-9.0/qemu-x86_64/*.xml)
  pin=(); command -v taskset > /dev/null && pin=(taskset -c 0)
  # batch NAME REPEAT ARGS... -- FILES...: writes the batch's command to $work/NAME.batch, one word per line (the
  # three are too long for one command line), with the files given REPEAT times; and what a single pass gives.
  batch() {
    local name=$1 repeat=$2; shift 2
    local args=()
    while [ "$1" != -- ]; do args+=("$1"); shift; done; shift
    { printf '%s\n' "${pin[@]}" "$dl" "${args[@]}"; for ((i = 0; i < repeat; i++)); do printf '%s\n' "$@"; done; } > "$work/$name.batch"
    "$dl" "${args[@]}" "$@" > "$work/$name.lines" 2> /dev/null || true
    echo "$(grep -c '"ok":true' "$work/$name.lines") of $# translated, $(grep -c '"ok":false' "$work/$name.lines") refused with their diagnostics" > "$work/$name.outcome"
  }
  batch old 20 to-native qemu-argv --json -- "${old[@]}"
  batch new 20 to-native qemu-argv --json --emulator-profile profiles/qemu-7.2-x86_64.json --accel tcg -- "${new[@]}"
  batch all 20 validate --json -- "${old[@]}" "${new[@]}"
  # The three take turns, round after round, as the one-shot commands do: a burst of load on the machine (on the
  # virtual machines measured they come and go within seconds) then weighs on one round of each, not on every run of one.
  python3 - "$batch_rounds" "$work" "${#old[@]}" "${#new[@]}" <<'PY'
import os, statistics, subprocess, sys, time
rounds, work, old, new = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
batches = [("old", f"to-native 0.10.2 ({old} docs x 20)", 20 * old), ("new", f"to-native 9.0 ({new} docs x 20)", 20 * new),
           ("all", "validate 0.10.2 + 9.0 (x 20)", 20 * (old + new))]
commands = {name: open(f"{work}/{name}.batch").read().splitlines() for name, _, _ in batches}
walls, cpus, rss = ({name: [] for name, _, _ in batches} for _ in range(3))
for i in range(rounds):
    for name, _, _ in batches[i % 3:] + batches[:i % 3]:
        start = time.perf_counter()
        p = subprocess.Popen(commands[name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        _, code, usage = os.wait4(p.pid, 0)
        walls[name].append((time.perf_counter() - start) * 1000)
        cpus[name].append((usage.ru_utime + usage.ru_stime) * 1000)
        rss[name].append(usage.ru_maxrss)
for name, label, count in batches:
    cpu = statistics.median(cpus[name])
    rates = sorted(count / (c / 1000) for c in cpus[name])
    print(f"{label:<40} {count:6d} docs  {cpu:8.1f} ms cpu  {statistics.median(walls[name]):8.1f} ms wall  {count / (cpu / 1000):7.0f} docs/s"
          f"  peak {max(rss[name])} KiB")
    print(f"    (rounds from {rates[0]:.0f} to {rates[-1]:.0f} docs/s; {open(f'{work}/{name}.outcome').read().strip()})")
PY
  echo "(target: 20,000 documents per second for to-native)"
else
  echo "(no $shared/conformance: the batch figures are left out)"
fi
echo

launch_runs=${LAUNCH_RUNS:-5}
echo "== launch against QEMU's own start (median of $launch_runs) =="
guest=examples/guests/sound.xml
# timed OUT CMD...: runs CMD with its output in OUT; prints "WALL_US CPU_US STATUS". CPU is the command's
# and its reaped children's: for launch that includes QEMU's -daemonize parent, as it does for QEMU by
# hand, so the difference is launch's own CPU time (the daemon's is in neither).
timed() {
  python3 - "$@" <<'PY'
import os, subprocess, sys, time
with open(sys.argv[1], "wb") as out:
    start = time.perf_counter()
    p = subprocess.Popen(sys.argv[2:], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    _, code, usage = os.wait4(p.pid, 0)
print(int((time.perf_counter() - start) * 1e6), int((usage.ru_utime + usage.ru_stime) * 1e6), os.waitstatus_to_exitcode(code))
PY
}
if command -v qemu-system-x86_64 > /dev/null; then
  rundir=$work/run; mkdir -p "$rundir"
  "$dl" probe > /dev/null 2>&1 || true   # fill the probe cache: launch then describes the emulator from it
  launches=(); launch_cpu=(); direct=(); direct_cpu=()
  for ((i = 0; i < launch_runs; i++)); do
    m=$(timed "$work/launch" "$dl" launch --run-dir "$rundir" "$guest")
    [ "$(field "$m" 3)" = 0 ] || { cat "$work/launch" >&2; break; }
    launches+=("$(field "$m" 1)"); launch_cpu+=("$(field "$m" 2)")
    name=$(cut -d: -f1 "$work/launch")
    pid=$(cat "$rundir/$name/qemu.pid")
    tr '\0' '\n' < "/proc/$pid/cmdline" > "$work/argv"
    "$dl" destroy --run-dir "$rundir" "$name" > /dev/null
    mkdir -p "$rundir/$name"
    mapfile -t argv < "$work/argv"
    m=$(timed /dev/null "${argv[@]}")
    [ "$(field "$m" 3)" = 0 ] || echo "QEMU by hand failed" >&2
    direct+=("$(field "$m" 1)"); direct_cpu+=("$(field "$m" 2)")
    kill "$(cat "$rundir/$name/qemu.pid")" 2> /dev/null || true
    sleep 0.2; rm -rf "${rundir:?}/$name"
  done
  if [ ${#launches[@]} = "$launch_runs" ]; then
    python3 - "${launches[*]}" "${launch_cpu[*]}" "${direct[*]}" "${direct_cpu[*]}" <<'PY'
import statistics, sys
launch, launch_cpu, qemu, qemu_cpu = (statistics.median(int(x) for x in a.split()) / 1000 for a in sys.argv[1:5])
print(f"launch {launch:.1f} ms (cpu {launch_cpu:.1f}), QEMU -daemonize with the same arguments {qemu:.1f} ms (cpu {qemu_cpu:.1f}):"
      f" launch adds {launch - qemu:.1f} ms wall, {launch_cpu - qemu_cpu:.1f} ms cpu (target: at most 20 ms)")
PY
    echo "(load after: $(cut -d' ' -f1-3 /proc/loadavg))"
  fi
else
  echo "(no qemu-system-x86_64: the launch figures are left out)"
fi
