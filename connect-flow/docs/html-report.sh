#!/usr/bin/env bash
# Writes connect-flow/docs/html-report.png, the README's picture of
# `connect-flow check --format html`: the examples' customer-service flow with
# `$.External.customerBalance` misspelt, as headless Chromium draws the report.
# CHROMIUM=/path/to/chrome picks another browser.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
browser=${CHROMIUM:-chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/examples/flows"
sed 's/\$\.External\.customerBalance"/$.External.customerBalanse"/' \
  examples/flows/customer-service.json > "$work/examples/flows/customer-service.json"
cargo build -q -p connect-flow

status=0
(cd "$work" && "$repo/target/debug/connect-flow" check examples/flows/customer-service.json \
  --manifest "$repo/examples/manifests/my_first_connect_lambda.json" \
  --manifest "$repo/examples/manifests/caller_profile.json" \
  --manifest "$repo/examples/manifests/greeting_router.json" \
  --format html > report.html) || status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1 (one error), got $status" >&2; exit 1; }

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=1280,640 \
  --screenshot="$repo/connect-flow/docs/html-report.png" "file://$work/report.html" 2>/dev/null
echo "wrote connect-flow/docs/html-report.png"
