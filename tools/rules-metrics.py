#!/usr/bin/env python3
"""Measures the DRL under rules/ against the targets of issue 12 (law as data).

    python3 tools/rules-metrics.py [rules] [--per-benefit]

Prints: DRL lines in total, folders holding DRL, the share of 6-line windows found in more than one file
(copies), the number of `salience` / `agenda-group` occurrences, and every DRL line with a loop,
StringBuilder, System., Runtime, java.io, java.nio or reflection.

A window is six consecutive significant lines of one file: blank lines and comment-only lines are skipped and
white space is folded. A window counts as copied when the same six lines stand in another DRL file.
"""
import os
import re
import sys
from collections import defaultdict

FORBIDDEN = [
    (re.compile(r"\bfor\s*\("), "loop (for)"),
    (re.compile(r"\bwhile\s*\("), "loop (while)"),
    (re.compile(r"\bdo\s*\{"), "loop (do)"),
    (re.compile(r"StringBuilder|StringBuffer"), "StringBuilder"),
    (re.compile(r"\bSystem\."), "System."),
    (re.compile(r"\bRuntime\b"), "Runtime"),
    (re.compile(r"java\.io\b"), "java.io"),
    (re.compile(r"java\.nio\b"), "java.nio"),
    (re.compile(r"java\.lang\.reflect|\.getClass\(\)|Class\.forName|\.class\b|getDeclared"), "reflection"),
]
STAGE = re.compile(r"^\s*(salience|agenda-group)\b")


def significant(lines):
    out = []
    in_block = False
    for raw in lines:
        s = raw.strip()
        if in_block:
            if "*/" in s:
                in_block = False
                s = s.split("*/", 1)[1].strip()
            else:
                continue
        if s.startswith("/*"):
            if "*/" not in s:
                in_block = True
            continue
        if not s or s.startswith("//") or s.startswith("#"):
            continue
        out.append(" ".join(s.split("//", 1)[0].split()) if "//" in s and '"' not in s else " ".join(s.split()))
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "rules"
    per_benefit = "--per-benefit" in sys.argv
    files = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith(".drl"):
                files.append(os.path.join(d, n))
    files.sort()
    total_lines = 0
    folders = set()
    windows = {}
    where = defaultdict(set)
    stage = 0
    stage_uncommented = []
    bad = []
    lines_by_benefit = defaultdict(int)
    for f in files:
        with open(f, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        if lines and lines[-1] == "":
            lines = lines[:-1]
        total_lines += len(lines)
        rel = os.path.relpath(f, root)
        lines_by_benefit[rel.split(os.sep)[0] if not rel.startswith("wspolne") else "/".join(rel.split(os.sep)[:2])] += len(lines)
        folders.add(os.path.dirname(f))
        for i, line in enumerate(lines, 1):
            code = line.split("//", 1)[0]
            if STAGE.match(code) or re.search(r"\bsalience\s+-?\d", code):
                stage += 1
                prev = lines[i - 2] if i >= 2 else ""
                if "etap" not in line.lower() and "etap" not in prev.lower():
                    stage_uncommented.append(f"{f}:{i}")
            for rx, what in FORBIDDEN:
                if rx.search(code):
                    bad.append(f"{f}:{i}: {what}: {line.strip()}")
        sig = significant(lines)
        ws = [tuple(sig[i:i + 6]) for i in range(0, max(0, len(sig) - 5))]
        windows[f] = ws
        for w in ws:
            where[w].add(f)
    all_windows = sum(len(w) for w in windows.values())
    copied = sum(1 for ws in windows.values() for w in ws if len(where[w]) > 1)
    print(f"DRL files:            {len(files)}")
    print(f"DRL lines:            {total_lines}   (target <= 20 000)")
    print(f"folders with DRL:     {len(folders)}   (target <= 40)")
    share = 100.0 * copied / all_windows if all_windows else 0.0
    print(f"copied 6-line windows: {copied} of {all_windows} = {share:.1f} %   (target <= 20 %)")
    print(f"salience/agenda-group: {stage}   (target <= 100), without a stage comment: {len(stage_uncommented)}")
    for s in stage_uncommented[:20]:
        print(f"  no 'etap' comment: {s}")
    print(f"forbidden constructs: {len(bad)}   (target 0)")
    for b in bad[:40]:
        print("  " + b)
    if per_benefit:
        for b, n in sorted(lines_by_benefit.items(), key=lambda x: -x[1]):
            print(f"  {n:6d}  {b}")


if __name__ == "__main__":
    main()
