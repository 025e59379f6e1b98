#!/usr/bin/env bash
# The HTML report of a 250-action flow (the flow language's limit per flow)
# rendered in headless Chromium: the page's size, and the time from
# navigation start to a styled and laid-out page (page.js records
# performance.now() on load after forcing layout). Targets: under 1 MB and
# under 1 s. Each run also runs the page's #selftest on the result (no
# overlap, every block visible, every finding on its block).
#
#   bash connect-flow/benches/html_report.sh        # RUNS=5 by default
#
# CHROMIUM=/path/to/chrome picks another browser.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
browser=${CHROMIUM:-chromium}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A flow as an export of the designer would be at the limit: UUID
# Identifiers, a Lambda every 10 blocks with prompts reading its keys (one in
# 10 misspelt), branching Compare blocks, error branches to a shared
# hang-up, designer positions on a grid for all but every 9th block (those
# go through the layered layout).
python3 - "$work/flow250.json" <<'PY'
import json, sys, uuid
N = 250
ids = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"connect-flow-bench-{i}")) for i in range(N)]
hangup = ids[N - 1]
actions, metadata = [], {}
for i in range(N):
    nxt = ids[i + 1] if i + 1 < N else None
    errors = [{"NextAction": hangup, "ErrorType": "NoMatchingError"}]
    if i == N - 1:
        action = {"Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
    elif i % 10 == 0:
        action = {"Type": "InvokeLambdaFunction", "Parameters": {
            "LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:MyFirstConnectLambda",
            "InvocationTimeLimitSeconds": "8",
            "LambdaInvocationAttributes": {"companyName": "Example Corp"}},
            "Transitions": {"NextAction": nxt, "Errors": errors}}
    elif i % 7 == 0:
        action = {"Type": "Compare", "Parameters": {"ComparisonValue": "$.External.customerBalance"},
            "Transitions": {"NextAction": nxt, "Conditions": [
                {"NextAction": ids[min(i + 2, N - 1)], "Condition": {"Operator": "Equals", "Operands": ["0"]}},
                {"NextAction": ids[min(i + 5, N - 1)], "Condition": {"Operator": "Equals", "Operands": ["100"]}}],
                "Errors": [{"NextAction": nxt, "ErrorType": "NoMatchingCondition"}]}}
    elif i % 3 == 0:
        action = {"Type": "UpdateContactAttributes", "Parameters": {"Attributes": {"site": "$.External.websiteUrl"}},
            "Transitions": {"NextAction": nxt, "Errors": errors}}
    else:
        key = "customerBalanse" if i % 10 == 1 else "customerBalance"
        action = {"Type": "MessageParticipant", "Parameters": {"Text": f"Your balance is $.External.{key}."},
            "Transitions": {"NextAction": nxt, "Errors": errors}}
    action["Identifier"] = ids[i]
    actions.append(action)
    if i % 9 != 4:
        metadata[ids[i]] = {"position": {"x": (i % 20) * 240, "y": (i // 20) * 160}}
flow = {"Version": "2019-10-30", "StartAction": ids[0],
        "Metadata": {"entryPointPosition": {"x": -100, "y": 0}, "ActionMetadata": metadata},
        "Actions": actions}
json.dump(flow, open(sys.argv[1], "w"), indent=2)
PY

cargo build -q -p connect-flow
status=0
"$repo/target/debug/connect-flow" check "$work/flow250.json" \
  --manifest examples/manifests/my_first_connect_lambda.json --format html > "$work/report.html" || status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1 (the misspelt keys), got $status" >&2; exit 1; }
size=$(wc -c < "$work/report.html")

times=()
for run in $(seq "$runs"); do
  rm -rf "$work/profile"
  verdict=$("$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$work/profile" --window-size=1400,900 \
      --dump-dom "file://$work/report.html#selftest" 2>/dev/null \
    | sed -n 's:.*<output id="selftest" hidden="">\(.*\)</output>.*:\1:p' | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g')
  ms=$(python3 -c 'import json,sys; v=json.loads(sys.argv[1]); assert v["ok"], v; print(v["renderMs"], v["blocks"], v["findings"])' "$verdict")
  echo "run $run: render ${ms%% *} ms (blocks, findings: ${ms#* }), self-check ok"
  times+=("${ms%% *}")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "flow: 250 actions; page: $size bytes; render: median $median ms of $runs runs (targets: < 1000000 bytes, < 1000 ms)"
