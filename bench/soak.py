#!/usr/bin/env python3
"""Soak report: the load minute by minute beside the app's working set, PostgreSQL connections and outbox backlog."""
import json
import sys

results = sys.argv[1]
load = json.load(open(f"{results}/soak.json"))
samples = []
for line in open(f"{results}/soak-samples.tsv"):
    parts = line.strip().split("\t")
    if len(parts) == 4 and all(p.strip() for p in parts):
        samples.append(tuple(int(p) for p in parts))


def at(minute):
    """The last sample taken within the minute."""
    inside = [s for s in samples if (minute - 1) * 60 <= s[0] < minute * 60]
    return inside[-1] if inside else None


print("| minute | requests | req/s | errors | p50 ms | p99 ms | working set MiB | PostgreSQL connections | outbox backlog |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for row in load:
    s = at(row["minute"])
    rss, conns, outbox = (f"{s[1] / 1024:.0f}", s[2], s[3]) if s else ("-", "-", "-")
    print(f"| {row['minute']} | {row['requests']} | {row['rps']:.0f} | {row['errors']} | {row['p50_ms']:.2f} | {row['p99_ms']:.2f} | {rss} | {conns} | {outbox} |")

errors = sum(r["errors"] for r in load)
after_warmup = [s for s in samples if s[0] >= 120]
print()
print(f"errors: {errors} of {sum(r['requests'] for r in load)} requests")
if after_warmup:
    m2, last = at(2), after_warmup[-1]
    rss = [s[1] / 1024 for s in after_warmup]
    print(f"working set: {m2[1] / 1024:.0f} MiB at minute 2, {last[1] / 1024:.0f} MiB at the end "
          f"(min {min(rss):.0f}, max {max(rss):.0f} MiB after minute 2)")
    late = [s[1] / 1024 for s in samples if s[0] >= 300]
    if late:
        print(f"working set from minute 5 on: min {min(late):.0f}, max {max(late):.0f} MiB")
    print(f"PostgreSQL connections after minute 2: min {min(s[2] for s in after_warmup)}, max {max(s[2] for s in after_warmup)}; "
          f"outbox backlog: max {max(s[3] for s in after_warmup)}, at the end {last[3]}")
