#!/bin/sh
# lhe-chromium.sh FILE.html OUTDIR: print a Laporan Hasil Evaluasi in HTML
# to OUTDIR/NAME.pdf (A4, as the page's @page rule asks) and take a
# screenshot of its first A4-sized screen to OUTDIR/NAME.png, with headless
# Chromium. Used by TestLHEChromium when a Chromium is installed; run it by
# hand to look at what "ziwb report lhe --format html" prints.
set -eu
html=$1
out=${2:-.}
name=$(basename "$html" .html)
browser=
for b in chromium chromium-headless-shell google-chrome chromium-browser; do
	if command -v "$b" >/dev/null 2>&1; then
		browser=$b
		break
	fi
done
if [ -z "$browser" ]; then
	echo "lhe-chromium.sh: no chromium, chromium-headless-shell or google-chrome on PATH" >&2
	exit 3
fi
mkdir -p "$out"
abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
common="--headless --no-sandbox --disable-gpu --user-data-dir=$profile --no-first-run --disable-extensions"
# No header and footer: the report prints its own title; Chromium's would
# add the date, the title and the file's path to every page.
"$browser" $common --no-pdf-header-footer --print-to-pdf-no-header \
	--print-to-pdf="$out/$name.pdf" "file://$abs" 2>/dev/null
"$browser" $common --hide-scrollbars --window-size=1240,1754 \
	--screenshot="$out/$name.png" "file://$abs" 2>/dev/null
test -s "$out/$name.pdf"
test -s "$out/$name.png"
echo "$out/$name.pdf"
echo "$out/$name.png"
