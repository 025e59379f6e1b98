#!/usr/bin/env bash
# Instructions per invocation of every contender on every benchmark event,
# counted by callgrind: (instructions with RUNS invocations - with none) / RUNS.
# Unlike wall-clock time, the count does not depend on what else the machine
# is doing, so it gives stable ratios on a shared machine. (Instructions are
# not time: cache misses and branch mispredictions are not in them.)
#
#   bash benches/instructions.sh            # needs valgrind
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-200}

cargo bench --bench allocations --no-run 2>/dev/null
bin=$(cargo bench --bench allocations --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "allocations" and m.get("executable"):
        print(m["executable"])')

count() { # select runs -> instructions
  CONNECT_LAMBDA_BENCH_SELECT="$1" CONNECT_LAMBDA_BENCH_RUNS="$2" \
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

echo "| handler | event | contender | instructions per invocation |"
echo "|---|---|---|---:|"
for handler in tutorial json-caller-profile; do
  for event in tutorial full-contact-data large; do
    contenders="floor scan-only aws_lambda_events connect-lambda"
    [ "$handler" = tutorial ] && contenders="floor scan-only aws_lambda_events aws_lambda_events+HashMap connect-lambda"
    for contender in $contenders; do
      base=$(count "$handler/$event/$contender" 0)
      total=$(count "$handler/$event/$contender" "$RUNS")
      echo "| $handler | $event | $contender | $(( (total - base) / RUNS )) |"
    done
  done
done
