#!/bin/bash
# Tells where, in the last native build, the data lies that the runtime writes while a command runs (the
# static fields, the static slots and the interface dispatch cells), measured from ImagePrefault's anchor
# field, and whether ImagePrefault's two constants (WrittenDataBeforeAnchor, WrittenDataAfterAnchor)
# still cover it. ImagePrefault.cs says why those pages are made writable at the start of a command.
#
# Usage: tools/written-data.sh   (after `dotnet publish src/Cli -r linux-x64 -p:PublishAot=true -o out`;
#   needs binutils (nm)). Exit status 1 when the constants no longer cover the stretch: set them from the
#   figures printed (with room to grow: the cells grow with the code) and publish again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${DL_ARTIFACTS:-$root/artifacts}
symbols=$artifacts/bin/Cli/release_linux-x64/native/domainlauncher.dbg
[ -f "$symbols" ] || { echo "no $symbols: publish first (see README)" >&2; exit 2; }
command -v nm > /dev/null || { echo "nm (binutils) is not installed" >&2; exit 2; }
source=$root/src/Cli/Startup/ImagePrefault.cs

nm -n "$symbols" | python3 -c '
import re, sys
source = open(sys.argv[1]).read()
def constant(name):
    m = re.search(name + r" = (\d+) << (\d+);", source)
    return int(m.group(1)) << int(m.group(2))
before, after = constant("WrittenDataBeforeAnchor"), constant("WrittenDataAfterAnchor")
anchor = first_static = cells_start = cells_end = None
previous_cell = None
for line in sys.stdin:
    parts = line.split(None, 2)
    if len(parts) < 3: continue
    address, name = int(parts[0], 16), parts[2].strip()
    if name.startswith("__NONGCSTATICSdomainlauncher_DomainLauncher_Cli_Startup_ImagePrefault"): anchor = address
    elif name.startswith("__NONGCSTATICS") and first_static is None: first_static = address
    if name == "__InterfaceDispatchCellSection_Start": cells_start = address
    if name.startswith("__InterfaceDispatchCell_"): previous_cell = address
    elif previous_cell is not None and cells_end is None and address > previous_cell: cells_end = address
if None in (anchor, first_static, cells_start, cells_end):
    sys.exit("the symbols do not show the anchor, the static fields or the dispatch cells")
need_before, need_after = anchor - first_static, cells_end - anchor
print(f"static fields start {need_before} bytes before the anchor (covered: {before})")
print(f"dispatch cells: {(cells_end - cells_start) // 16} cells, {cells_end - cells_start} bytes, ending {need_after} bytes after the anchor (covered: {after})")
if need_before > before or need_after > after or cells_start < anchor:
    print("ImagePrefault no longer covers the stretch: set WrittenDataBeforeAnchor and WrittenDataAfterAnchor from these figures")
    sys.exit(1)
print(f"covered, with {after - need_after} bytes to spare")
' "$source"
