#!/usr/bin/env python3
"""Times segvm against peers on the programs in benches/programs, in one run.

For every program NAME.c (with twins NAME.lua and NAME.py) it runs segvm, the gcc -O0
build, Lua 5.4 and Python 3 in alternation, checks that every output of every run matches
gcc's, and prints per program and as a geometric mean the ratio of segvm's time to each
peer's (median of the runs). Two clocks are taken for every run: the CPU time of the child
(user + system) and the wall-clock time; the CPU-time table comes first because it is the
less disturbed by other load on a shared machine. The load average is printed before and
after. Installs lua5.4 with apt-get if it is missing and we are root.

segvm runs with its default allocator (segregated) unless --alloc names another; the
implicit lists (--alloc first-fit ...) search every block, which the malloc-heavy programs
turn into a quadratic search (see docs/performance.md).

usage: benches/compare.py [--runs N] [--segvm PATH] [--alloc NAME] [--seconds] [NAME ...]
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


class Run:
    """One finished child: its CPU time (user + system), wall-clock time, exit status and
    output."""

    def __init__(self, cpu, wall, status, stdout, stderr):
        self.cpu, self.wall = cpu, wall
        self.status, self.stdout, self.stderr = status, stdout, stderr


def measured(cmd, stdin=None):
    """Runs cmd (stdin: a file name, or nothing) and returns a Run. The CPU time is the
    child's own, from wait4 (with what it waited for: gcc's cc1 and as). Its ru_maxrss is
    not used: a child of this script starts as a copy of the Python process, whose
    resident size counts towards it until the exec."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            open(stdin or os.devnull, "rb") as inp:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdin=inp, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(usage.ru_utime + usage.ru_stime, wall, child.returncode, out.read(),
                   err.read())


def timed(cmd, stdin=None):
    """Runs cmd; returns (cpu seconds, wall seconds, stdout). Stops the script if it fails."""
    run = measured(cmd, stdin)
    if run.status != 0:
        sys.exit(f"{' '.join(cmd)} failed ({run.status}): {run.stderr.decode()[:400]}")
    return run.cpu, run.wall, run.stdout


def load():
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def table(title, rows, peers, clock, runs):
    width = max(len(n) for n, _ in rows) + 2
    print(f"{title}")
    print(f"{'program':<{width}}{'segvm s':>9}{'spread':>8}"
          + "".join(f"{'vs ' + p:>13}" for p in peers))
    logs = {p: [] for p in peers}
    for name, times in rows:
        seg = times["segvm"][clock]
        med = statistics.median(seg)
        spread = (max(seg) - min(seg)) / med if med > 0 else 0.0
        line = f"{name:<{width}}{med:>9.3f}{spread * 100:>7.0f}%"
        for p in peers:
            ratio = med / statistics.median(times[p][clock])
            logs[p].append(math.log(ratio))
            line += f"{ratio:>13.2f}"
        print(line)
    print(f"{'geomean':<{width}}{'':>17}"
          + "".join(f"{math.exp(sum(v) / len(v)):>13.2f}" for v in logs.values()))
    print()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--segvm", default=os.path.join(ROOT, "target", "release", "segvm"))
    ap.add_argument("--alloc", default=None,
                    help="heap allocator for segvm (default: segvm's own, segregated)")
    ap.add_argument("--seconds", action="store_true",
                    help="also print every runner's median CPU seconds")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    if not os.path.exists(args.segvm):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    lua = ensure_lua()
    names = args.names or sorted(f[:-2] for f in os.listdir(PROGRAMS) if f.endswith(".c"))
    tmp = tempfile.mkdtemp()
    peers = ["gcc -O0"] + (["lua 5.4"] if lua else []) + ["python 3"]
    print(f"before: {load()}", flush=True)
    rows = []
    for name in names:
        src = os.path.join(PROGRAMS, name + ".c")
        exe = os.path.join(tmp, name)
        subprocess.run(["gcc", "-O0", "-std=c99", "-w", "-o", exe, src, "-lm"], check=True)
        commands = {
            "segvm": [args.segvm, "run"] + (["--alloc", args.alloc] if args.alloc else []) + [src],
            "gcc -O0": [exe],
            "lua 5.4": [lua, os.path.join(PROGRAMS, name + ".lua")] if lua else None,
            "python 3": [sys.executable, os.path.join(PROGRAMS, name + ".py")],
        }
        commands = {k: v for k, v in commands.items() if v}
        times = {k: ([], []) for k in commands}
        outputs = []
        for _ in range(args.runs):
            for key, cmd in commands.items():
                cpu, wall, out = timed(cmd)
                times[key][0].append(cpu)
                times[key][1].append(wall)
                outputs.append((key, out))
        expected = dict(outputs)["gcc -O0"]
        for key, out in outputs:
            if out != expected:
                sys.exit(f"{name}: {key} printed {out[:80]!r}, gcc printed {expected[:80]!r}")
        rows.append((name, times))
        print(f"  {name}: all outputs equal ({expected.decode().strip()[:60]})", flush=True)
    print(f"after:  {load()}\n")
    note = f"median of {args.runs} runs; segvm --alloc {args.alloc or 'segregated (default)'}"
    table(f"CPU time (user + system; {note})", rows, peers, 0, args.runs)
    table(f"wall-clock time ({note})", rows, peers, 1, args.runs)
    print("ratios are segvm time / peer time (below 1 means segvm is faster); "
          "spread is (max - min) / median of segvm's runs")
    if args.seconds:
        width = max(len(n) for n, _ in rows) + 2
        print(f"\nmedian CPU seconds (for sizing programs, not for comparing)")
        print(f"{'program':<{width}}" + "".join(f"{k:>11}" for k in rows[0][1]))
        for name, times in rows:
            print(f"{name:<{width}}"
                  + "".join(f"{statistics.median(t[0]):>11.3f}" for t in times.values()))


if __name__ == "__main__":
    main()
