#!/bin/sh
# Prints the xm reader's time and peak memory on the hostile inputs of issue 11 (items 1 and 7),
# one process per case. The script is copied out of tests/ so that the test projects' shared
# files are not compiled into it; it references src/Drivers.Xen by absolute path.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ echo "#:project $repo/src/Drivers.Xen/Drivers.Xen.csproj"; cat "$here/xm-reader-bench.cs"; } > "$work/xm-reader-bench.cs"
for case in nested longkey duplicates newlines badlines; do
    dotnet run -c Release "$work/xm-reader-bench.cs" -- "$case"
done
