#!/usr/bin/env python3
"""Prints the BENCHMARKS.md timing table from criterion's results.

Run after `cargo bench --bench invoke`; reads target/criterion/*/*/new/
(criterion's median estimate of each contender) and prints one row per
handler and event with the ratios issue 7 sets targets for:

- speedup = aws_lambda_events / connect-lambda (target >= 2.0, aim 2.5)
- vs floor = connect-lambda / floor (target <= 1.8)

Usage: python3 benches/table.py [target/criterion]
"""

import json
import pathlib
import sys

FLOOR = "floor"
PEER = "aws_lambda_events"
PEER_MAP = "aws_lambda_events+HashMap"
SCAN = "scan-only"
OURS = "connect-lambda"
HANDLERS = ["tutorial", "json-caller-profile"]
EVENTS = ["tutorial", "full-contact-data", "large"]


def load(root):
    """{(group_id, function_id): (median ns, event bytes)}"""
    results = {}
    for bench in root.glob("*/*/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        size = (meta.get("throughput") or {}).get("Bytes")
        results[(meta["group_id"], meta["function_id"])] = (
            estimates["median"]["point_estimate"],
            size,
        )
    return results


def fmt_time(ns):
    if ns is None:
        return "pending"
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def fmt_ratio(value):
    return "pending" if value is None else f"{value:.2f}x"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    results = load(root)
    if not results:
        sys.exit(f"no criterion results under {root}: run cargo bench --bench invoke first")
    print(
        "| handler | event | bytes | floor | scan-only | aws_lambda_events | aws_lambda_events+HashMap "
        "| connect-lambda | speedup vs peer | connect-lambda / floor | peer / floor |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for handler in HANDLERS:
        for event in EVENTS:
            group = f"{handler}/{event}"
            row = {name: results.get((group, name)) for name in (FLOOR, SCAN, PEER, PEER_MAP, OURS)}
            if row[FLOOR] is None:
                continue
            size = row[FLOOR][1]
            ns = {name: (value[0] if value else None) for name, value in row.items()}
            speedup = ns[PEER] / ns[OURS] if ns[PEER] and ns[OURS] else None
            vs_floor = ns[OURS] / ns[FLOOR] if ns[OURS] else None
            peer_floor = ns[PEER] / ns[FLOOR] if ns[PEER] else None
            print(
                f"| {handler} | {event} | {size} | {fmt_time(ns[FLOOR])} | {fmt_time(ns[SCAN])} "
                f"| {fmt_time(ns[PEER])} "
                f"| {fmt_time(ns[PEER_MAP]) if handler == 'tutorial' else 'n/a'} "
                f"| {fmt_time(ns[OURS])} | {fmt_ratio(speedup)} | {fmt_ratio(vs_floor)} "
                f"| {fmt_ratio(peer_floor)} |"
            )


if __name__ == "__main__":
    main()
