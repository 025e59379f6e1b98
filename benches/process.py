#!/usr/bin/env python3
"""The process benchmark: a Lambda process served through a real Runtime API
session on loopback, per event, for four contenders (BENCHMARKS.md,
"Process"). Run by hand from the repository root:

    python3 benches/process.py [--repeats 3] [--invocations 20000]

It builds the tutorial example as shipped and benches/process/ (the peer,
lambda_runtime + aws_lambda_events, under #[tokio::main] and on a
current-thread runtime; the example's handler under #[tokio::main]; the floor, a bare blocking Runtime API client with
the example's handler; the driver), then runs each contender on each event
REPEATS times, interleaved, through benches/process/src/bin/driver.rs, and
prints the Markdown tables BENCHMARKS.md holds. CPU per invocation is the
child's own CPU time over INVOCATIONS invocations after a warm-up:
utime+stime (/proc/PID/stat, 10 ms ticks) and the scheduler's nanosecond
on-CPU time (/proc/PID/task/*/schedstat). It is less sensitive to the
machine's load than wall time, but not immune: the spread is printed.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

RELEASE = "target/release"
CONTENDERS = [
    ("tutorial example as shipped", "my_first_connect_lambda"),
    ("tutorial handler, #[tokio::main]", "tutorial-multi-thread"),
    ("peer, #[tokio::main]", "peer-default"),
    ("peer, current-thread", "peer-current-thread"),
    ("floor", "floor"),
]
EVENTS = [
    ("tutorial", "examples/events/connect-mock.json"),
    ("large", "examples/events/large-contact.json"),
]
WARMUP = 500


def build():
    # Two commands: the example is built alone, as a user builds it, so
    # that no feature of the bench package reaches it.
    for args in (
        ["-p", "connect-lambda-examples", "--bin", "my_first_connect_lambda"],
        ["-p", "connect-lambda-process-bench"],
    ):
        subprocess.run(["cargo", "build", "--release", "-q", *args], check=True)


def stripped_size(binary):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "stripped")
        subprocess.run(["strip", "-o", out, binary], check=True)
        return os.path.getsize(out)


def run(binary, event, invocations, warmup=WARMUP):
    out = subprocess.run(
        [f"{RELEASE}/process-driver", binary, event, str(invocations), str(warmup)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def spread(values, fmt):
    values = sorted(values)
    return f"{fmt(statistics.median(values))} ({fmt(values[0])} to {fmt(values[-1])})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--invocations", type=int, default=20000)
    parser.add_argument("--cold-starts", type=int, default=30)
    args = parser.parse_args()
    build()
    # Cold start and peak RSS on their own, from many short sessions (two
    # invocations each), interleaved: one spawn is one sample, and the
    # machine's load moves each.
    cold = {}
    for _ in range(args.cold_starts):
        for _, binary in CONTENDERS:
            result = run(f"{RELEASE}/{binary}", EVENTS[0][1], 1, warmup=1)
            cold.setdefault(binary, []).append(result)
    runs = {}
    for repeat in range(args.repeats):
        for event_name, event in EVENTS:
            for _, binary in CONTENDERS:
                result = run(f"{RELEASE}/{binary}", event, args.invocations)
                runs.setdefault((event_name, binary), []).append(result)
                print(f"repeat {repeat + 1} {event_name} {binary}: {result['sched_us']:.1f} us",
                      file=sys.stderr)

    for event_name, event in EVENTS:
        responses = {runs[(event_name, b)][0]["response"] for _, b in CONTENDERS}
        if len(responses) != 1:
            sys.exit(f"the contenders answer {event_name} differently: {responses}")

    print(f"{args.repeats} runs each, {args.invocations} invocations after {WARMUP} warm-up; "
          "median (lowest to highest)\n")
    print("| event | contender | CPU/invocation, sched (µs) | CPU/invocation, utime+stime (µs) "
          "| / floor | / peer default | peak RSS (KB) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for event_name, event in EVENTS:
        median = {b: statistics.median(r["sched_us"] for r in runs[(event_name, b)])
                  for _, b in CONTENDERS}
        for label, binary in CONTENDERS:
            r = runs[(event_name, binary)]
            print(f"| {event_name} ({os.path.getsize(event):,} B) | {label} "
                  f"| {spread([x['sched_us'] for x in r], lambda v: f'{v:.1f}')} "
                  f"| {spread([x['cpu_us'] for x in r], lambda v: f'{v:.1f}')} "
                  f"| {median[binary] / median['floor']:.2f}x "
                  f"| {median[binary] / median['peer-default']:.2f}x "
                  f"| {spread([x['peak_rss_kb'] for x in r], lambda v: f'{v:,.0f}')} |")
    print(f"\n| binary | cold start (ms), {args.cold_starts} spawns | peak RSS after 2 invocations (KB) "
          "| size (B) | stripped (B) |")
    print("|---|---:|---:|---:|---:|")
    for label, binary in CONTENDERS:
        path = f"{RELEASE}/{binary}"
        c = cold[binary]
        print(f"| {label} | {spread([x['cold_start_ms'] for x in c], lambda v: f'{v:.2f}')} "
              f"| {spread([x['peak_rss_kb'] for x in c], lambda v: f'{v:,.0f}')} "
              f"| {os.path.getsize(path):,} | {stripped_size(path):,} |")


if __name__ == "__main__":
    main()
