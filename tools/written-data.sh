#!/bin/bash
# Tells where, in the last native build, the data lies that the runtime writes while a command runs (the
# static fields, the static slots and the interface dispatch cells), measured from the start of the
# dispatch cells, and whether the two lengths of src/Cli/Startup/WrittenDataPrefault.c
# (STATIC_FIELDS_BEFORE_CELLS, CELLS_LENGTH) still cover it. That file says why those pages are made
# writable before the runtime starts.
#
# Usage: tools/written-data.sh   (after `dotnet publish src/Cli -r linux-x64 -p:PublishAot=true -o out`;
#   needs binutils (nm)). Exit status 1 when the lengths no longer cover the stretch: set them from the
#   figures printed (with room to grow: both grow with the code) and publish again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${DL_ARTIFACTS:-$root/artifacts}
symbols=$artifacts/bin/Cli/release_linux-x64/native/domainlauncher.dbg
[ -f "$symbols" ] || { echo "no $symbols: publish first (see README)" >&2; exit 2; }
command -v nm > /dev/null || { echo "nm (binutils) is not installed" >&2; exit 2; }
source=$root/src/Cli/Startup/WrittenDataPrefault.c

nm -n "$symbols" | python3 -c '
import re, sys
source = open(sys.argv[1]).read()
def length(name):
    m = re.search(r"#define " + name + r" \((\d+)u << (\d+)\)", source)
    return int(m.group(1)) << int(m.group(2))
before, length_of_cells = length("STATIC_FIELDS_BEFORE_CELLS"), length("CELLS_LENGTH")
first_static = cells_start = cells_end = None
previous_cell = None
for line in sys.stdin:
    parts = line.split(None, 2)
    if len(parts) < 3: continue
    address, name = int(parts[0], 16), parts[2].strip()
    if name.startswith("__NONGCSTATICS") and first_static is None: first_static = address
    if name == "__InterfaceDispatchCellSection_Start": cells_start = address
    if name.startswith("__InterfaceDispatchCell_"): previous_cell = address
    elif previous_cell is not None and cells_end is None and address > previous_cell: cells_end = address
if None in (first_static, cells_start, cells_end):
    sys.exit("the symbols do not show the static fields or the dispatch cells")
need_before, need_cells = cells_start - first_static, cells_end - cells_start
print(f"static fields start {need_before} bytes before the dispatch cells (covered: {before})")
print(f"dispatch cells: {need_cells // 16} cells, {need_cells} bytes (covered: {length_of_cells})")
if need_before > before or need_cells > length_of_cells or first_static > cells_start:
    print("WrittenDataPrefault.c no longer covers the stretch: set STATIC_FIELDS_BEFORE_CELLS and CELLS_LENGTH from these figures")
    sys.exit(1)
print(f"covered, with {before - need_before} and {length_of_cells - need_cells} bytes to spare")
' "$source"
