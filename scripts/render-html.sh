#!/usr/bin/env bash
# Renders the HTML matrix and a country report in headless Chromium (Debian's `chromium` package)
# to PNG, and checks what the browser made of them: the grid and the legend are in the DOM, the
# pages load nothing from outside (no network request in Chromium's net log, no src attribute, no
# stylesheet or script link), and the only links that leave a page are the sources' addresses.
#
#   scripts/render-html.sh [OUT_DIR]      (default .build/html-check; .ci/run calls it)
#
# Look at OUT_DIR/matrix.png and OUT_DIR/report-mali.png to see the pages as a reader would.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/html-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "error: chromium is not installed (on Debian: apt-get install -y chromium)" >&2
  exit 1
fi

swift build >/dev/null
proviso="$(swift build --show-bin-path)/proviso"
"$proviso" matrix --date 2013-01-01 --format html > "$out/matrix.html"
"$proviso" report Mali --date 2026-06-01 --format html > "$out/report-mali.html"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# No DNS at all: a page that needed the network would show it in the net log as a failed request.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --disable-background-networking --disable-component-update --disable-sync --metrics-recording-only
       --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile")

fail=0
check() {  # check DESCRIPTION COMMAND…
  local what=$1; shift
  if "$@"; then echo "  ok: $what"; else echo "  FAILED: $what"; fail=1; fi
}

for page in matrix report-mali; do
  echo "== $page"
  url="file://$out/$page.html"
  "$browser" "${flags[@]}" --window-size=1280,1600 --screenshot="$out/$page.png" --log-net-log="$out/$page.netlog.json" \
    "$url" 2>"$out/$page.browser.log" >/dev/null
  "$browser" "${flags[@]}" --dump-dom "$url" 2>>"$out/$page.browser.log" > "$out/$page.dom.html"
  dom="$out/$page.dom.html"
  check "the screenshot was written ($(stat -c %s "$out/$page.png" 2>/dev/null || echo 0) bytes)" \
    test "$(stat -c %s "$out/$page.png" 2>/dev/null || echo 0)" -gt 20000
  check "the DOM has the grid" grep -q '<table class="grid" id="grid">' "$dom"
  check "the DOM has the legend" grep -q '<ul class="legend" id="legend"' "$dom"
  check "the grid has coloured cells" grep -q '<td class="prohibited">' "$dom"
  check "the audit footer names the rulebook hash" grep -q '<footer id="audit">.*content hash <code>' "$dom"
  check "no element loads anything (no src attribute)" bash -c "! grep -qiE '<[a-z][^>]* src=' '$dom'"
  check "no stylesheet, script, frame or import" bash -c "! grep -qiE '<(link|script|iframe|object|embed)[ >]|@import|url\(' '$dom'"
  check "links leave the page only to sources" bash -c "! grep -oiE '<a [^>]*href=\"[a-z]+:[^\"]*\"' '$dom' | grep -v 'class=\"source\"' | grep -q ."
  # Chromium's own background calls (clock, component updates, accounts, optimisation models) go
  # to Google's service hosts and vary from run to run; they are the browser's, not the page's.
  # Any other address in the net log came from the page.
  check "no network request from the page in the net log" bash -c "! grep -oE '\"url\":\"(https?|wss?|ftp)://[^/\"]*' '$out/$page.netlog.json' \
    | sed -E 's|.*://||' | grep -vE '(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|gvt2\.com)(:[0-9]+)?$' | grep -q ."
done
[ "$(grep -c '<tr><th scope="row">' "$out/matrix.dom.html")" -ge 200 ] && echo "  ok: the matrix has a row per country" \
  || { echo "  FAILED: the matrix has a row per country"; fail=1; }
grep -q '<svg id="timelines"' "$out/report-mali.dom.html" && grep -q 'class="cut"' "$out/report-mali.dom.html" \
  && grep -q 'class="restored"' "$out/report-mali.dom.html" && echo "  ok: the report draws timelines with cut and restored days" \
  || { echo "  FAILED: the report draws timelines with cut and restored days"; fail=1; }

echo "PNGs: $out/matrix.png $out/report-mali.png"
exit $fail
