#!/usr/bin/env python3
"""Measures the performance issue's two other targets: compile time and peak memory.

Compile time: segvm's compiler (`segvm run --compile-only`: preprocess, parse, check,
generate code and link, then stop) against `gcc -O0 -c` on the same C file, run in
alternation; the ratio of the medians is reported for CPU time (user + system) and wall
time. The target is at most 0.2 on a 2,000-line program: benches/compile/tiny.c, an
interpreter of 2,600 lines (whose output under segvm is first checked against gcc's on
tiny.stdin). The benchmark programs follow for scale: at 50 to 120 lines, process
start-up dominates both compilers.

Peak memory: the maximum resident set (ru_maxrss, as GNU time reports it: measured from a
small parent, not from this Python process) of `segvm run` on every
benchmark program (with --alloc segregated, as compare.py runs them) and on
benches/memory/touch_all.c, which writes nearly every byte of its address space (a stack
of half of it, then the heap up to the stack), with the default --mem and with
--mem 256M, against the target: --mem plus 20 MiB. Then the same under --check, whose
shadow state (a byte per byte of the address space) is reported separately: touch_all
only, unless --check-programs names programs (or, naming none, asks for all; slow:
--check runs 10 to 40 times slower).

usage: benches/compile_time.py [--runs N] [--segvm PATH] [--no-compile] [--no-memory]
                               [--check-programs [NAME ...]]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from compare import PROGRAMS, ROOT, load, measured, timed

COMPILE = os.path.join(ROOT, "benches", "compile")
TOUCH_ALL = os.path.join(ROOT, "benches", "memory", "touch_all.c")
MiB = 1 << 20
DEFAULT_MEM = 16 * MiB  # segvm's default --mem (src/cli/mod.rs)
TARGET_RATIO = 0.2
HEADROOM = 20 * MiB


def ensure_gnu_time():
    if not os.path.exists("/usr/bin/time") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists("/usr/bin/time"):
        sys.exit("peak memory needs GNU time (/usr/bin/time, Debian package 'time')")


def peak_rss(cmd, tmp):
    """Runs cmd under GNU time; returns (max RSS in bytes, stdout). GNU time is a small
    process, so its child's ru_maxrss is the child's own."""
    report = os.path.join(tmp, "rss")
    run = measured(["/usr/bin/time", "-f", "%M", "-o", report] + cmd)
    if run.status != 0:
        sys.exit(f"{' '.join(cmd)} failed ({run.status}): {run.stderr.decode()[:400]}")
    with open(report) as f:
        return int(f.read().split()[-1]) * 1024, run.stdout


def lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def check_tiny(segvm, tmp):
    """The compile benchmark must still be a working program: same output as gcc."""
    src = os.path.join(COMPILE, "tiny.c")
    stdin = os.path.join(COMPILE, "tiny.stdin")
    exe = os.path.join(tmp, "tiny")
    subprocess.run(["gcc", "-std=c99", "-fwrapv", "-w", "-o", exe, src], check=True)
    _, _, expected = timed([exe], stdin)
    _, _, got = timed([segvm, "run", src], stdin)
    if got != expected:
        sys.exit("benches/compile/tiny.c: segvm's output differs from gcc's")
    print(f"  tiny.c under segvm prints what gcc's build prints ({len(got)} bytes)")


def compile_times(segvm, runs, tmp):
    files = [os.path.join(COMPILE, "tiny.c")] + sorted(
        os.path.join(PROGRAMS, f) for f in os.listdir(PROGRAMS) if f.endswith(".c"))
    obj = os.path.join(tmp, "out.o")
    commands = {
        "segvm": lambda src: [segvm, "run", "--compile-only", src],
        "gcc": lambda src: ["gcc", "-O0", "-std=c99", "-w", "-c", src, "-o", obj],
    }
    rows = []
    for src in files:
        times = {k: ([], []) for k in commands}
        for _ in range(runs):
            for key, cmd in commands.items():
                cpu, wall, _ = timed(cmd(src))
                times[key][0].append(cpu)
                times[key][1].append(wall)
        rows.append((os.path.relpath(src, ROOT), lines(src), times))
    width = max(len(r[0]) for r in rows) + 2
    print(f"compile time: segvm run --compile-only FILE vs gcc -O0 -c FILE "
          f"(median of {runs} runs each, in alternation)")
    print(f"{'file':<{width}}{'lines':>6}{'segvm ms':>10}{'gcc ms':>9}"
          f"{'cpu ratio':>11}{'wall ratio':>12}")
    for name, n, t in rows:
        med = {k: (statistics.median(v[0]), statistics.median(v[1])) for k, v in t.items()}
        cpu = med["segvm"][0] / med["gcc"][0] if med["gcc"][0] > 0 else float("nan")
        wall = med["segvm"][1] / med["gcc"][1]
        print(f"{name:<{width}}{n:>6}{med['segvm'][0] * 1e3:>10.1f}"
              f"{med['gcc'][0] * 1e3:>9.1f}{cpu:>11.3f}{wall:>12.3f}")
    print(f"target: at most {TARGET_RATIO} on the 2,000-line program (the first row); "
          "ms are CPU (user + system)\n")


def memory_runs(segvm, check, programs):
    """(label, --mem bytes, command) for every memory measurement."""
    out = []
    for mem in (DEFAULT_MEM, 256 * MiB):
        opts = ["--mem", str(mem)] + (["--check"] if check else [])
        for name in programs:
            src = os.path.join(PROGRAMS, name + ".c")
            out.append((name, mem, [segvm, "run", "--alloc", "segregated"] + opts + [src]))
        stack_kib = mem // 2 // 1024
        out.append(("touch_all", mem, [segvm, "run"] + opts + [TOUCH_ALL, "--", str(stack_kib)]))
    return out


def touched(stdout):
    """touch_all prints 'stack S KiB (...), heap H KiB': 'S/H' in MiB."""
    words = stdout.decode().split()
    stack, heap = int(words[1]), int(words[words.index("heap") + 1])
    return f"{stack / 1024:.0f}/{heap / 1024:.0f}M"


def peak_memory(segvm, check, programs, tmp):
    title = "peak memory" + (" under --check" if check else "")
    print(f"{title}: max RSS of segvm run, target --mem + 20 MiB "
          "(touch_all: MiB of stack, then of heap, written)")
    print(f"{'program':<13}{'--mem':>7}{'written':>10}{'max RSS':>10}{'target':>9}"
          f"{'RSS - mem':>11}  ok")
    worst = -float("inf")
    for name, mem, cmd in memory_runs(segvm, check, programs):
        rss, stdout = peak_rss(cmd, tmp)
        written = touched(stdout) if name == "touch_all" else ""
        over = rss - mem
        worst = max(worst, over)
        ok = "yes" if rss <= mem + HEADROOM else "NO"
        print(f"{name:<13}{mem // MiB:>6}M{written:>10}{rss / MiB:>9.1f}M"
              f"{(mem + HEADROOM) / MiB:>8.0f}M{over / MiB:>10.1f}M  {ok}")
    print(f"largest RSS - mem: {worst / MiB:.1f} MiB\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--segvm", default=os.path.join(ROOT, "target", "release", "segvm"))
    ap.add_argument("--no-compile", action="store_true", help="skip the compile times")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak memory")
    ap.add_argument("--check-programs", nargs="*", metavar="NAME",
                    help="under --check, also measure these benchmark programs (all if none "
                         "is named), not only touch_all")
    args = ap.parse_args()
    if not os.path.exists(args.segvm):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    programs = sorted(f[:-2] for f in os.listdir(PROGRAMS) if f.endswith(".c"))
    tmp = tempfile.mkdtemp()
    print(f"before: {load()}", flush=True)
    if not args.no_compile:
        check_tiny(args.segvm, tmp)
        compile_times(args.segvm, args.runs, tmp)
    if not args.no_memory:
        ensure_gnu_time()
        peak_memory(args.segvm, False, programs, tmp)
        checked = [] if args.check_programs is None else args.check_programs or programs
        peak_memory(args.segvm, True, checked, tmp)
    print(f"after:  {load()}")


if __name__ == "__main__":
    main()
