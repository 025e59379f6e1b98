#!/usr/bin/env bash
# Writes connect-flow/docs/coverage.png, the README's picture of
# `connect-flow test --coverage`: the examples' customer-service flow after
# the examples' passing test cases, as headless Chromium draws the page.
# CHROMIUM=/path/to/chrome picks another browser.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
browser=${CHROMIUM:-chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build -q -p connect-flow
"$repo/target/debug/connect-flow" test \
  examples/tests/cases/happy-path.json examples/tests/cases/balance-lookup-fails.json \
  --flow examples/flows/customer-service.json \
  --manifest examples/manifests/my_first_connect_lambda.json \
  --manifest examples/manifests/caller_profile.json \
  --manifest examples/manifests/greeting_router.json \
  --coverage "$work/coverage.html" > /dev/null

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=2100,760 \
  --screenshot="$repo/connect-flow/docs/coverage.png" "file://$work/coverage.html" 2>/dev/null
echo "wrote connect-flow/docs/coverage.png"
