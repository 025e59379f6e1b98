#!/usr/bin/env bash
# connect-flow check at scale: one flow of N actions for N = 25,000 to
# 200,000 (time, peak RSS, and both against the file's size), and 1,000
# flows of 100 actions given as 1,000 file arguments and as one directory
# (read by input::read, which walks it and tells each file's kind by its
# shape). Targets (issue 19):
# 100,000 actions under 2 s, twice the actions within 2.3x the time, peak
# memory within 10x the file size, 1,000 flows under 2 s.
#
#   bash connect-flow/benches/scale.sh           # RUNS=3 by default
#
# The release binary is built first; each figure is the median of RUNS.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q -p connect-flow
bin=$PWD/target/release/connect-flow

# A flow as a designer export would be, repeated: UUID Identifiers; per
# segment of 5 blocks a synchronous Lambda (one of 40 functions, each with a
# manifest) passing a key of the previous Lambda, a Set contact attributes
# and a Compare reading its keys, two prompts (one key in 50 misspelt), and
# every Lambda's error branch to one shared "sorry" prompt before the
# hang-up, so that block collects every Lambda's failure.
python3 - "$work" <<'PY'
import json, os, sys, uuid
work = sys.argv[1]
FUNCTIONS = 40

def uid(prefix, i):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"connect-flow-scale-{prefix}-{i}"))

def flow(n, prefix):
    segments = max(1, (n - 2) // 5)
    sorry, hangup = uid(prefix, "sorry"), uid(prefix, "hangup")
    actions = []
    for s in range(segments):
        ids = [uid(prefix, f"{s}-{k}") for k in range(5)]
        following = uid(prefix, f"{s + 1}-0") if s + 1 < segments else hangup
        key = "balanse" if s % 50 == 49 else "balance"
        actions += [
            {"Identifier": ids[0], "Type": "InvokeLambdaFunction", "Parameters": {
                "LambdaFunctionARN": f"arn:aws:lambda:us-east-1:123456789012:function:Fn{s % FUNCTIONS}",
                "InvocationTimeLimitSeconds": "3",
                "ResponseValidation": {"ResponseType": "STRING_MAP"},
                "LambdaInvocationAttributes": {"customerId": "$.Attributes.customerId",
                                               "previous": "$.External.status" if s else "none"}},
             "Transitions": {"NextAction": ids[1], "Errors": [
                 {"NextAction": sorry, "ErrorType": "NoMatchingError"}]}},
            {"Identifier": ids[1], "Type": "UpdateContactAttributes", "Parameters": {
                "Attributes": {f"status{s}": "$.External.status"}},
             "Transitions": {"NextAction": ids[2], "Errors": [
                 {"NextAction": sorry, "ErrorType": "NoMatchingError"}]}},
            {"Identifier": ids[2], "Type": "Compare", "Parameters": {"ComparisonValue": "$.External.code"},
             "Transitions": {"NextAction": ids[3], "Conditions": [
                 {"NextAction": ids[4], "Condition": {"Operator": "Equals", "Operands": ["1"]}}],
                 "Errors": [{"NextAction": ids[3], "ErrorType": "NoMatchingCondition"}]}},
            {"Identifier": ids[3], "Type": "MessageParticipant", "Parameters": {
                "Text": f"Your balance is $.External.{key}."},
             "Transitions": {"NextAction": ids[4]}},
            {"Identifier": ids[4], "Type": "MessageParticipant", "Parameters": {
                "SSML": "<speak>Thanks, $.External.status.</speak>"},
             "Transitions": {"NextAction": following}},
        ]
    actions += [
        {"Identifier": sorry, "Type": "MessageParticipant", "Parameters": {"Text": "Sorry."},
         "Transitions": {"NextAction": hangup}},
        {"Identifier": hangup, "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}},
    ]
    return {"Version": "2019-10-30", "StartAction": actions[0]["Identifier"], "Actions": actions}

os.makedirs(f"{work}/manifests")
for f in range(FUNCTIONS):
    external = [{"path": f"$.External.{k}", "key": k, "type": "string", "required": True,
                 "referenceable": True} for k in ("status", "code", "balance")]
    with open(f"{work}/manifests/fn{f}.json", "w") as out:
        json.dump({"manifestVersion": 1, "handler": f"fn{f}", "responseValidation": "STRING_MAP",
                   "parameters": [{"key": "customerId", "type": "string", "required": True},
                                  {"key": "previous", "type": "string", "required": False}],
                   "external": external}, out)
for n in (25000, 50000, 100000, 200000):
    with open(f"{work}/flow{n}.json", "w") as out:
        json.dump(flow(n, f"big{n}"), out, indent=1)
os.makedirs(f"{work}/many")
for i in range(1000):
    with open(f"{work}/many/flow{i:04}.json", "w") as out:
        json.dump(flow(100, f"many{i}"), out, indent=1)
PY
manifests=()
for m in "$work"/manifests/*.json; do manifests+=(--manifest "$m"); done

# Median of RUNS runs of the command, by wall time: "wall-s cpu-s peak-KiB"
# (CPU is user + system: on a shared machine the wall time also holds the
# waits for a core, the CPU time does not).
measure() {
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$work/time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
  done | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}

# The machine is shared: the load average says how much of the wall time
# is waiting for a core.
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u +'%Y-%m-%d %H:%M UTC'))"
echo "| input | actions | file | wall (median of $runs) | CPU | peak RSS | RSS / file |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for n in 25000 50000 100000 200000; do
  file=$work/flow$n.json
  actions=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['Actions']))" "$file")
  bytes=$(stat -c %s "$file")
  read -r secs cpu kib < <(measure "$bin" check "$file" "${manifests[@]}" --format json)
  echo "| one flow | $actions | $((bytes / 1024)) KiB | ${secs} s | ${cpu} s | $((kib / 1024)) MiB | $(python3 -c "print(f'{$kib*1024/$bytes:.1f}x')") |"
done
bytes=$(du -cb "$work"/many/*.json | tail -1 | cut -f1)
read -r secs cpu kib < <(measure "$bin" check "$work"/many/*.json "${manifests[@]}" --format json)
echo "| 1,000 flows (file arguments) | 100,000 | $((bytes / 1024)) KiB | ${secs} s | ${cpu} s | $((kib / 1024)) MiB | $(python3 -c "print(f'{$kib*1024/$bytes:.1f}x')") |"
# The directory must give the very report the file arguments give, or its
# time would measure something else.
cmp -s <("$bin" check "$work"/many/*.json "${manifests[@]}" --format json) \
       <("$bin" check "$work"/many "${manifests[@]}" --format json) \
  || { echo "the directory's report differs from the file arguments'" >&2; exit 1; }
read -r secs cpu kib < <(measure "$bin" check "$work"/many "${manifests[@]}" --format json)
echo "| 1,000 flows (one directory) | 100,000 | $((bytes / 1024)) KiB | ${secs} s | ${cpu} s | $((kib / 1024)) MiB | $(python3 -c "print(f'{$kib*1024/$bytes:.1f}x')") |"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
