#!/usr/bin/env bash
# Makes docs/web-walk.png, the README's picture of the walk in the browser
# (driehoek web): the browser test that checks every page at a phone's and
# a laptop's width takes its pictures into a folder, and the walk's page on
# the law at laptop width is kept. Needs chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
DRIEHOEK_SCREENSHOTS="$work" DRIEHOEK_CI_STRICT=1 \
  cargo test --quiet --test cli web::browser::every_page -- --exact \
  web::browser::every_page_fits_a_phone_and_a_laptop_without_sideways_scrolling >/dev/null
cp "$work/deel-2-1280.png" docs/web-walk.png
cp "$work/deel-2-360.png" docs/web-walk-phone.png
echo "docs/web-walk.png, docs/web-walk-phone.png"
