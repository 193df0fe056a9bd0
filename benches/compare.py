#!/usr/bin/env python3
"""Times segvm against peers on the programs in benches/programs, in one run.

For every program NAME.c (with twins NAME.lua and NAME.py) it runs segvm, the gcc -O0
build, Lua 5.4 and Python 3 in alternation, checks that every output matches, and prints
per program and as a geometric mean the ratio of segvm's time to each peer's (median of
the runs). Installs lua5.4 with apt-get if it is missing and we are root.

usage: benches/compare.py [--runs N] [--segvm PATH] [NAME ...]
"""

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "benches", "programs")


def ensure_lua():
    if shutil.which("lua5.4"):
        return "lua5.4"
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "lua5.4"], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return "lua5.4" if shutil.which("lua5.4") else None


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr.decode()[:400]}")
    return elapsed, out.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--segvm", default=os.path.join(ROOT, "target", "release", "segvm"))
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    if not os.path.exists(args.segvm):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    lua = ensure_lua()
    names = args.names or sorted(f[:-2] for f in os.listdir(PROGRAMS) if f.endswith(".c"))
    tmp = tempfile.mkdtemp()
    peers = ["gcc -O0"] + (["lua 5.4"] if lua else []) + ["python 3"]
    rows = []
    for name in names:
        src = os.path.join(PROGRAMS, name + ".c")
        exe = os.path.join(tmp, name)
        subprocess.run(["gcc", "-O0", "-std=c99", "-w", "-o", exe, src, "-lm"], check=True)
        commands = {
            "segvm": [args.segvm, "run", src],
            "gcc -O0": [exe],
            "lua 5.4": [lua, os.path.join(PROGRAMS, name + ".lua")] if lua else None,
            "python 3": [sys.executable, os.path.join(PROGRAMS, name + ".py")],
        }
        times = {k: [] for k, v in commands.items() if v}
        outputs = {}
        for _ in range(args.runs):
            for key, cmd in commands.items():
                if not cmd:
                    continue
                t, out = timed(cmd)
                times[key].append(t)
                outputs.setdefault(key, out)
        expected = outputs["gcc -O0"]
        for key, out in outputs.items():
            if out != expected:
                sys.exit(f"{name}: {key} printed {out[:80]!r}, gcc printed {expected[:80]!r}")
        med = {k: statistics.median(v) for k, v in times.items()}
        rows.append((name, med))
    width = max(len(n) for n, _ in rows) + 2
    print(f"{'program':<{width}}{'segvm s':>9}" + "".join(f"{'vs ' + p:>14}" for p in peers))
    logs = {p: [] for p in peers}
    for name, med in rows:
        line = f"{name:<{width}}{med['segvm']:>9.3f}"
        for p in peers:
            ratio = med["segvm"] / med[p]
            logs[p].append(math.log(ratio))
            line += f"{ratio:>14.2f}"
        print(line)
    print(f"{'geomean':<{width}}{'':>9}" + "".join(f"{math.exp(sum(v) / len(v)):>14.2f}" for v in logs.values()))
    print("\nratios are segvm time / peer time (median of %d runs; below 1 means segvm is faster)" % args.runs)


if __name__ == "__main__":
    main()
