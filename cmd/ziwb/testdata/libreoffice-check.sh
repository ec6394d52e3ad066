#!/bin/sh
# Checks the exported LKE ZI workbook in LibreOffice, by hand: exports a
# demo evaluation with "ziwb export --format xlsx", has LibreOffice
# headless open it (recalculating every formula) and save each sheet as
# CSV, and compares every subtotal and the total with "ziwb score --json",
# and the total as shown (Indonesian comma decimals). The same check runs
# in "go test" whenever soffice is on PATH.
#
#   cmd/ziwb/testdata/libreoffice-check.sh [DIR]
#
# DIR (default: a new temporary directory) keeps the workbook and the CSV
# LibreOffice wrote, to open and look at. On Debian/Ubuntu, LibreOffice
# comes with: apt-get install libreoffice-calc-nogui
set -eu
cd "$(dirname "$0")/../../.."
if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
	echo "LibreOffice tidak ada di PATH (apt-get install libreoffice-calc-nogui)" >&2
	exit 1
fi
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
ZIWB_LO_KEEP=$dir GOFLAGS="${GOFLAGS:--buildvcs=false}" go test ./cmd/ziwb -run 'TestExportXLSXLibreOffice$' -count=1 -v
echo "Berkas disimpan di $dir:"
ls "$dir"
