#!/usr/bin/env bash
# Open `newskb export --format timelinejs` in TimelineJS itself, in headless Chromium, and save a screenshot:
# the check that the export looks right in its own tool (README, "TimelineJS").
#
#   docs/timelinejs-screenshot.sh OUT.png [SLIDE] [export options ...]
#   docs/timelinejs-screenshot.sh timeline.png 0                  # the title slide, every item on the axis
#   docs/timelinejs-screenshot.sh handover.png 11 --entity Rutte  # one slide of Rutte's timeline
#
# Needs npm (TimelineJS 3.9 is installed from the npm registry into a temporary folder) and Chromium
# (Debian: apt-get install chromium). The page loads nothing from the network: TimelineJS, its style sheet
# and the export are local files.
set -euo pipefail
out="$(realpath -m "${1:?usage: $0 OUT.png [SLIDE] [export options ...]}")"
slide="${2:-0}"
shift $(( $# < 2 ? $# : 2 ))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm install --silent --no-audit --no-fund --prefix "$work" @knight-lab/timelinejs@3.9 >/dev/null
newskb export --format timelinejs "$@" > "$work/timeline.json"
dist="node_modules/@knight-lab/timelinejs/dist"
# The export escapes < in every text (TimelineJS reads them as HTML), so it cannot close the script early.
{
    echo '<!doctype html><html><head><meta charset="utf-8">'
    echo "<link rel=\"stylesheet\" href=\"$dist/css/timeline.css\"><script src=\"$dist/js/timeline.js\"></script>"
    echo '</head><body style="margin:0"><div id="timeline" style="width:100%;height:100vh"></div><script>'
    echo "new TL.Timeline('timeline', $(cat "$work/timeline.json"), {start_at_slide: $slide});"
    echo '</script></body></html>'
} > "$work/index.html"
# The flags of a closed network: no background connections, no component updates, a fresh profile.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --window-size=1280,800 \
    --virtual-time-budget=30000 --run-all-compositor-stages-before-draw --screenshot="$out" "file://$work/index.html" 2>/dev/null
echo "newskb: wrote $out" >&2
