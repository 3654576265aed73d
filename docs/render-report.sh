#!/usr/bin/env bash
# Renders the HTML report of the sample ads in headless Chromium and saves
# the picture the README shows: docs/report.png.
# Needs Debian's chromium package (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "chromium is not installed: apt-get install chromium" >&2; exit 1; }
out=$(mktemp -d)
cargo run --quiet --release --features cli --bin leadlens -- \
    report examples/data/*.txt -o "$out/report.html" --title "leadlens report: the sample job ads"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$out/profile" --hide-scrollbars --window-size=1000,1400 \
    --screenshot="$PWD/docs/report.png" "file://$out/report.html" 2>/dev/null
rm -rf "$out"
echo "wrote docs/report.png"
