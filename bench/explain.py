#!/usr/bin/env python3
"""Turns auto_explain output in a PostgreSQL log into Markdown: one section per marked request, each
statement with its plan (EXPLAIN ANALYZE, BUFFERS), as PostgreSQL printed them. Usage: explain.py LOG RUN_ID"""
import re
import sys

log_path, run_id = sys.argv[1], sys.argv[2]
entry_start = re.compile(r"^\S+ \S+ \S+ \[\d+\] (?:\S+ )?LOG:  duration: ([\d.]+) ms  plan:$")
other_start = re.compile(r"^\S+ \S+ \S+ \[\d+\] ")
entries, current = [], None
with open(log_path, encoding="utf-8", errors="replace") as log:
    for line in log:
        line = line.rstrip("\n")
        match = entry_start.match(line)
        if match:
            current = {"ms": match.group(1), "lines": []}
            entries.append(current)
        elif current is not None and line.startswith("\t"):
            current["lines"].append(line[1:])
        elif other_start.match(line):
            current = None

marker = re.compile(r"Query Text: SELECT 'explain-marker:" + re.escape(run_id) + r":([^']+)'")
out, section = [], None
for entry in entries:
    text = "\n".join(entry["lines"])
    found = marker.search(text)
    if found:
        section = found.group(1)
        out.append(f"\n### {section}\n")
        continue
    if section is None or "explain-marker:" in text:
        continue
    out.append(f"Statement ({entry['ms']} ms):\n\n```\n{text}\n```\n")
print("\n".join(out))
