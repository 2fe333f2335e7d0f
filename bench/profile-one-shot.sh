#!/bin/bash
# Where a one-shot command's CPU time goes in the NativeAOT build (issue 16), for whoever makes it
# faster next: perf samples of RUNS runs, each sample put in the first of these that its stack shows:
# page faults (the kernel mapping or copying a page: code, data, fresh GC heap), class constructors,
# generic virtual method lookups (the type loader; LINQ's Where-then-Select and OrderBy-then-ThenBy
# in shared generic code, ILogger.Log<TState>), first calls through interface dispatch cells, GC
# allocation, or the work itself; then the stages of the command and the callers of the costly kinds.
# Figures only, no test is timed. Public tools only: perf (linux-perf), eu-unstrip (elfutils) and python3.
#
# Usage: bench/profile-one-shot.sh [RUNS] [-- ARGS...]   (default: 30 runs of
#   to-native qemu-argv examples/guests/virtio-qcow2.xml)
# Needs the publish's symbols: $DL_ARTIFACTS/bin/Cli/release_linux-x64/native/ holds domainlauncher
# and domainlauncher.dbg after `dotnet publish src/Cli -r linux-x64 -p:PublishAot=true -o out`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${DL_ARTIFACTS:-$root/artifacts}
native=$artifacts/bin/Cli/release_linux-x64/native
[ -x "$native/domainlauncher" ] && [ -f "$native/domainlauncher.dbg" ] || { echo "no $native/domainlauncher(.dbg): publish first (see README)" >&2; exit 2; }
command -v perf > /dev/null || { echo "perf is not installed" >&2; exit 2; }
command -v eu-unstrip > /dev/null || { echo "eu-unstrip (elfutils) is not installed" >&2; exit 2; }
runs=30
if [ $# -gt 0 ] && [ "$1" != -- ]; then runs=$1; shift; fi
[ "${1:-}" = -- ] && shift
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(to-native qemu-argv examples/guests/virtio-qcow2.xml)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$root"
echo "domainlauncher ${args[*]}: $runs runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
# perf names the functions of a statically linked executable wrongly from a separate symbol file (it
# places them by that file's empty code sections): the profiled copy carries its symbols itself.
eu-unstrip -o "$work/unstripped" "$native/domainlauncher" "$native/domainlauncher.dbg"
# Written again in 2 MB writes, as the publish writes the executable, so that the page cache holds the
# profiled copy in 2 MB folios and it is mapped in 2 MB pages as the published one is (README, Building).
dd if="$work/unstripped" of="$work/domainlauncher" bs=2048k 2> /dev/null && chmod +x "$work/domainlauncher"
printf '%q ' "$work/domainlauncher" "${args[@]}" > "$work/command"
perf record -q -F 20000 -g -o "$work/perf.data" -- bash -c "for i in \$(seq $runs); do $(cat "$work/command") > /dev/null 2>&1 || true; done" 2> /dev/null
perf script -i "$work/perf.data" --comm domainlauncher -F ip,sym 2> /dev/null > "$work/stacks"
python3 - "$work/stacks" <<'PY'
import collections, re, sys
samples = []
for block in open(sys.argv[1]).read().split('\n\n'):
    frames = [line.strip().split(' ', 1)[1] for line in block.strip().split('\n') if ' ' in line.strip()]
    if frames: samples.append(frames)
total = len(samples)
kinds = [
    ('page faults', lambda s: 'page_fault' in s),
    ('class constructors', lambda s: 'EnsureClassConstructorRun' in s),
    ('generic virtual method lookups', lambda s: 'GVMLookupForSlotSlow' in s or 'TypeLoaderEnvironment' in s),
    ('interface dispatch cell resolution', lambda s: 'RhpCidResolve' in s),
    ('GC allocation and collection', lambda s: 'GCHeap::Alloc' in s or 'garbage_collect' in s),
]
stages = [('outside Main: exec, runtime start, exit, stacks perf could not unwind', lambda s: 'Program___Main' not in s),
          ('command tree and parse', lambda s: 'BuildCommandTree' in s and 'InvocationPipeline' not in s or 'CommandLineParser' in s),
          ('command run', lambda s: 'InvocationPipeline' in s)]
def kind(stack):
    joined = ' '.join(stack)
    for name, test in kinds:
        if test(joined): return name
    return 'the work itself'
print(f"{total} samples of domainlauncher")
print("by kind:")
for name, count in collections.Counter(kind(s) for s in samples).most_common():
    print(f"  {100 * count / total:5.1f}%  {name}")
print("by stage:")
for name, test in stages:
    count = sum(1 for s in samples if test(' '.join(s)))
    print(f"  {100 * count / total:5.1f}%  {name}")
own = re.compile(r'(domainlauncher_|DomainLauncher_)')
for name, test in kinds[1:4]:
    callers = collections.Counter()
    for s in samples:
        hits = [i for i, f in enumerate(s) if test(f)]
        if not hits: continue
        mine = [f for f in s[hits[-1] + 1:] if own.match(f)]
        callers[mine[0] if mine else '?'] += 1
    if not callers: continue
    print(f"{name}, by the first own frame above:")
    for caller, count in callers.most_common(8):
        print(f"  {100 * count / total:5.1f}%  {caller[:150]}")
PY
