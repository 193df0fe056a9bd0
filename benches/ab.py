#!/usr/bin/env python3
"""Times two or more segvm binaries against each other on the programs in benches/programs.

For every program it runs each binary in turn, repeats that round --runs times, and keeps
each binary's fastest CPU time (user + system of the child): the least disturbed by other
load, since load only ever adds time. It prints the times and, per binary, the geometric
mean of its times relative to the first binary's.

Use it to judge a change to the interpreter by the time it takes, not by the instructions
it executes: the dispatch loop's speed depends on where the compiler places its code
(see docs/performance.md), so fewer host instructions can still mean more time.

usage: benches/ab.py [--runs N] BINARY BINARY... [-- NAME...]
"""

import argparse
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "benches", "programs")


def cpu_time(binary, program):
    """The CPU time of one `binary run program`, its output discarded."""
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen([binary, "run", program], stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"{binary} run {program} failed (status {status})")
    return usage.ru_utime + usage.ru_stime


def main():
    args = sys.argv[1:]
    names = []
    if "--" in args:
        names = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("binaries", nargs="+")
    a = ap.parse_args(args)
    names = names or sorted(f[:-2] for f in os.listdir(PROGRAMS) if f.endswith(".c"))
    best = {}
    for _ in range(a.runs):
        for name in names:
            for b in a.binaries:
                t = cpu_time(b, os.path.join(PROGRAMS, name + ".c"))
                best[b, name] = min(best.get((b, name), t), t)
    print("program     " + "".join(f"{os.path.basename(b):>14}" for b in a.binaries))
    for name in names:
        print(f"{name:12}" + "".join(f"{best[b, name]:14.3f}" for b in a.binaries))
    first = a.binaries[0]
    geo = [math.exp(sum(math.log(best[b, n] / best[first, n]) for n in names) / len(names))
           for b in a.binaries]
    print("geomean/1st " + "".join(f"{g:14.3f}" for g in geo))


if __name__ == "__main__":
    main()
