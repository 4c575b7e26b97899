#!/usr/bin/env bash
# Makes docs/printed-page.png, the README's picture of a printed note: the
# invented test case, exported as HTML, printed to A4 by headless Chromium,
# page 1 made a PNG by pdftoppm. Needs chromium and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DRIEHOEK_HOME="$work/store" XDG_CONFIG_HOME="$work/config" TZ=UTC NO_COLOR=1
unset DRIEHOEK_LANG
cargo build --quiet
id=$(target/debug/driehoek new --from tests/cli/fixtures/full.toml 2>/dev/null)
target/debug/driehoek export "$id" --format html -o "$work/note.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --no-first-run --no-pdf-header-footer \
  --user-data-dir="$work/browser" --print-to-pdf="$work/note.pdf" "file://$work/note.html" \
  2>/dev/null
pdftoppm -f 1 -l 1 -r 72 -png -singlefile "$work/note.pdf" docs/printed-page
echo "docs/printed-page.png: page 1 of $(pdfinfo "$work/note.pdf" | awk '/^Pages:/ {print $2}')"
