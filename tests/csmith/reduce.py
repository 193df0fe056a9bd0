#!/usr/bin/env python3
"""Reduce a C program on which segvm and gcc disagree to a small one that still shows it.

Usage: tests/csmith/reduce.py INPUT.c -o OUTPUT.c [--segvm BIN] [--csmith-inc DIR]

A Csmith program is first made self-contained: its `csmith.h` is expanded in place (with
stand-in standard headers, so only Csmith's own code is pasted and the program still
includes the real <stdint.h>, <stdio.h>, ...). Then passes that each try many small edits
run until none of them makes progress:

  * delete chunks of lines, halving the chunk size down to one line;
  * empty a braced block;
  * replace a parenthesized expression by 0, by 1, by its contents, by one operand of a
    comma list, or a call by one of its arguments.

An edit is kept only if the program is still interesting: it is valid C99
(`gcc -std=c99 -pedantic-errors` accepts it, so segvm's own test harness can run it
without `--permissive`), its gcc build runs cleanly under AddressSanitizer and
UndefinedBehaviorSanitizer and prints the same at -O0 and -O2 (no undefined behaviour
crept in), and segvm still disagrees with gcc in the same way as at the start: a compile
error with the same message, a fault of the same kind, or a different output or exit
status.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Stand-in standard headers for expanding csmith.h: the macros its `#if`s and functions
# need, and nothing else (the reduced program includes the real headers instead).
STUBS = {
    "stdint.h": """
#define INT8_MIN (-128)
#define INT8_MAX 127
#define UINT8_MAX 255
#define INT16_MIN (-32767-1)
#define INT16_MAX 32767
#define UINT16_MAX 65535
#define INT32_MIN (-2147483647-1)
#define INT32_MAX 2147483647
#define UINT32_MAX 4294967295U
#define INT64_MIN (-9223372036854775807L-1)
#define INT64_MAX 9223372036854775807L
#define UINT64_MAX 18446744073709551615UL
""",
    "limits.h": """
#define CHAR_BIT 8
#define INT_MAX 2147483647
#define INT_MIN (-INT_MAX-1)
#define UINT_MAX 4294967295U
""",
    "float.h": "",
    "math.h": "",
    "stdio.h": "",
    "string.h": "",
    "assert.h": "",
}
PRELUDE = (
    "#include <stdint.h>\n#include <stdio.h>\n#include <string.h>\n"
    "#include <limits.h>\n#include <float.h>\n#include <math.h>\n"
)


def run(cmd, timeout, stdin=None):
    """Runs a command; returns (status, stdout, stderr), status None on a time-out."""
    try:
        p = subprocess.run(
            cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout
        )
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, b"", b""


def flatten(text, csmith_inc, work):
    """Expands csmith.h into the program text; keeps the real headers as #includes."""
    stubs = os.path.join(work, "stubs")
    os.makedirs(stubs, exist_ok=True)
    for name, body in STUBS.items():
        with open(os.path.join(stubs, name), "w") as f:
            f.write(body)
    src = os.path.join(work, "flat_in.c")
    with open(src, "w") as f:
        f.write(text)
    status, out, err = run(
        ["gcc", "-E", "-P", "-nostdinc", "-I", stubs, "-I", csmith_inc, src], 60
    )
    if status != 0:
        sys.exit("cannot expand csmith.h: " + err.decode(errors="replace"))
    # FLT_MAX and DBL_MAX come from the stub-less <float.h>: keep their names.
    return PRELUDE + out.decode()


class Oracle:
    """Builds and runs a candidate program with gcc and with segvm."""

    def __init__(self, args, work):
        self.segvm = args.segvm
        self.work = work
        self.args = args.run_args
        self.n = 0

    def _file(self, text):
        self.n += 1
        path = os.path.join(self.work, "cand.c")
        with open(path, "w") as f:
            f.write(text)
        return path

    def gcc_run(self, path, flags, timeout=10):
        exe = os.path.join(self.work, "cand.exe")
        status, _, err = run(
            ["gcc", "-std=c99", "-fwrapv", "-w"] + flags + [path, "-o", exe, "-lm"], 60
        )
        if status != 0:
            return None
        result = run([exe] + self.args, timeout)
        os.remove(exe)
        return result

    def segvm_run(self, path):
        cmd = [self.segvm, "run", "--permissive", "--max-steps", "2000000000"]
        return run(cmd + [path, "--"] + self.args, 120)

    def signature(self, text, check_ub, pedantic):
        """What kind of disagreement the program shows, or None if it shows none (or
        is not a valid test)."""
        path = self._file(text)
        want = self.gcc_run(path, ["-O0"])
        if want is None or want[0] is None or want[0] < 0:
            return None
        got = self.segvm_run(path)
        if got[0] is None:
            return None
        if got[0] == want[0] and got[1] == want[1]:
            return None
        err = got[2].decode(errors="replace")
        sig = None
        first_error = next((l for l in err.splitlines() if l.startswith("error")), None)
        if got[0] == 1 and first_error and not first_error.startswith("error: step"):
            # A compile error: the message without the names of this program's objects.
            sig = "compile: " + re.sub(r"'[^']*'", "'_'", first_error)
        elif got[0] in (124,):
            return None
        elif got[0] in (134, 136, 139) and first_error:
            sig = "fault: " + first_error.split(":")[1].strip().split(" ")[0]
        else:
            sig = "output"
        if check_ub and not self.valid(path, want, pedantic):
            return None
        return sig

    def valid(self, path, want, pedantic):
        """The candidate has no undefined behaviour that gcc can see, and (if pedantic)
        is valid C99."""
        strict = ["-pedantic-errors"] if pedantic else [
            "-Werror=implicit-function-declaration", "-Werror=implicit-int",
            "-Werror=incompatible-pointer-types", "-Werror=int-conversion",
        ]
        status, _, _ = run(["gcc", "-std=c99", "-fsyntax-only"] + strict + [path], 60)
        if status != 0:
            return False
        status, _, _ = run(
            [
                "gcc", "-std=c99", "-fwrapv", "-O1", "-fsyntax-only",
                "-Werror=uninitialized", "-Werror=maybe-uninitialized",
                "-Werror=return-type", "-Werror=array-bounds", path,
            ],
            60,
        )
        if status != 0:
            return False
        o2 = self.gcc_run(path, ["-O2"])
        if o2 is None or o2[:2] != want[:2]:
            return False
        san = self.gcc_run(
            path,
            ["-O0", "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
             "-fno-omit-frame-pointer"],
            timeout=30,
        )
        return san is not None and san[:2] == want[:2]


def balanced(text, i, open_ch, close_ch):
    """The index of the bracket closing the one at i, or None."""
    depth = 0
    j = i
    in_str = None
    while j < len(text):
        c = text[j]
        if in_str:
            if c == "\\":
                j += 1
            elif c == in_str:
                in_str = None
        elif c in "\"'":
            in_str = c
        elif c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def top_level_commas(text, start, end):
    """Splits text[start:end] at the commas outside brackets."""
    parts, depth, last = [], 0, start
    for j in range(start, end):
        c = text[j]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[last:j])
            last = j + 1
    parts.append(text[last:end])
    return parts


OPERATOR_CHARS = "+-*/%<>=!&|^?:~"


def operands(inner):
    """The operands of a fully parenthesized binary or conditional expression (Csmith
    writes `(A op B)` and `(C ? A : B)`), or [] if it is not one."""
    depth, ops, j, seen_operand = 0, [], 0, False
    while j < len(inner):
        c = inner[j]
        if c in "([{":
            depth += 1
            seen_operand = True
        elif c in ")]}":
            depth -= 1
        elif depth == 0 and c in OPERATOR_CHARS:
            k = j
            while k < len(inner) and inner[k] in OPERATOR_CHARS and inner[k] != "?" and inner[k] != ":":
                k += 1
            k = max(k, j + 1)
            if seen_operand:
                ops.append((j, k))
                seen_operand = False
            j = k
            continue
        elif not c.isspace():
            seen_operand = True
        j += 1
    if not ops:
        return []
    cuts = [0]
    for a, b in ops:
        cuts += [a, b]
    cuts.append(len(inner))
    pieces = [inner[cuts[n] : cuts[n + 1]] for n in range(0, len(cuts), 2)]
    return [p for p in pieces if p.strip()]


class Reducer:
    def __init__(self, oracle, text, sig, pedantic, out):
        self.oracle = oracle
        self.text = text
        self.sig = sig
        self.pedantic = pedantic
        self.out = out
        self.tries = 0

    def interesting(self, text):
        self.tries += 1
        return self.oracle.signature(text, True, self.pedantic) == self.sig

    def accept(self, text):
        self.text = text
        with open(self.out, "w") as f:
            f.write(text)

    def lines_pass(self):
        lines = self.text.split("\n")
        progress = False
        chunk = max(1, len(lines) // 2)
        while chunk >= 1:
            i = len(lines) - chunk
            while i >= 0:
                cand = lines[:i] + lines[i + chunk:]
                if self.interesting("\n".join(cand)):
                    lines = cand
                    self.accept("\n".join(lines))
                    progress = True
                    log(f"lines: -{chunk} at {i}, {len(lines)} lines left")
                i -= chunk
                i = min(i, len(lines) - chunk)
            chunk //= 2
        return progress

    def blocks_pass(self):
        progress = False
        i = len(self.text) - 1
        while i >= 0:
            if self.text[i] == "{":
                j = balanced(self.text, i, "{", "}")
                if j is not None and j > i + 1:
                    for body in ("", "0"):
                        cand = self.text[: i + 1] + body + self.text[j:]
                        if cand != self.text and self.interesting(cand):
                            self.accept(cand)
                            progress = True
                            log(f"block emptied, {len(self.text)} bytes left")
                            break
            i -= 1
        return progress

    def parens_pass(self):
        progress = False
        i = len(self.text) - 1
        while i >= 0:
            i = min(i, len(self.text) - 1)
            if self.text[i] != "(":
                i -= 1
                continue
            j = balanced(self.text, i, "(", ")")
            if j is None:
                i -= 1
                continue
            m = re.search(r"([A-Za-z_]\w*)\s*$", self.text[:i])
            is_call = m is not None and m.group(1) not in (
                "if", "while", "for", "switch", "return", "sizeof",
            )
            inner = self.text[i + 1 : j]
            parts = top_level_commas(self.text, i + 1, j)
            start = m.start(1) if is_call else i
            options = []
            if is_call:
                options += ["(" + p.strip() + ")" for p in parts if p.strip()]
            elif self.looks_like_expression(i):
                options += ["0", "1"]
                if len(parts) > 1:
                    options += ["(" + p.strip() + ")" for p in parts]
                else:
                    options += ["(" + p.strip() + ")" for p in operands(inner)]
            for o in options:
                cand = self.text[:start] + o + self.text[j + 1 :]
                if cand != self.text and len(cand) < len(self.text) and self.interesting(cand):
                    self.accept(cand)
                    progress = True
                    log(f"expression simplified, {len(self.text)} bytes left")
                    break
            i -= 1
        return progress

    def looks_like_expression(self, i):
        """A parenthesis that opens an expression, not a cast, a parameter list, or a
        control statement's condition."""
        before = self.text[:i].rstrip()
        if re.search(r"\b(if|while|for|switch)\s*$", before):
            return False
        return bool(before) and before[-1] in "=(,+-*/%&|^!~<>?:[" or before.endswith("return")

    def unused_pass(self):
        """Deletes, in one try, every top-level function whose name is not used elsewhere
        (most of Csmith's safe_* functions)."""
        text = self.text
        spans = []
        depth, i, start = 0, 0, 0
        while i < len(text):
            c = text[i]
            if c == "{" and depth == 0:
                end = balanced(text, i, "{", "}")
                if end is None:
                    return False
                header = text[start:i]
                m = re.search(r"([A-Za-z_]\w*)\)?\s*\([^()]*\)\s*$", header)
                if m and m.group(1) != "main" and len(re.findall(r"\b" + m.group(1) + r"\b", text)) == 1:
                    spans.append((start, end + 1))
                i = end + 1
                start = i
                continue
            if c == ";" and depth == 0:
                start = i + 1
            i += 1
        if not spans:
            return False
        cand = text
        for a, b in reversed(spans):
            cand = cand[:a] + "\n" + cand[b:]
        if self.interesting(cand):
            self.accept(cand)
            log(f"{len(spans)} unused functions deleted, {len(cand)} bytes left")
            return True
        return False

    def reduce(self):
        while self.unused_pass():
            pass
        while True:
            before = len(self.text)
            self.lines_pass()
            self.blocks_pass()
            self.parens_pass()
            log(f"round done: {len(self.text)} bytes, {self.tries} tries")
            if len(self.text) >= before:
                return


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--segvm", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "segvm"))
    ap.add_argument("--csmith-inc", default="/usr/include/csmith")
    ap.add_argument("--args", dest="run_args", nargs="*", default=["1"],
                    help="arguments for the program (default: 1, print every checksum)")
    args = ap.parse_args()
    with open(args.input) as f:
        text = f.read()
    work = tempfile.mkdtemp(prefix="reduce.")
    try:
        if '#include "csmith.h"' in text:
            text = flatten(text, args.csmith_inc, work)
        oracle = Oracle(args, work)
        # segvm runs the candidates with --permissive (Csmith programs need it), but the
        # reduced program must be valid C99 so that the test suite can run it without:
        # a program gcc -pedantic-errors rejects is first reduced as it is, then again
        # with validity required.
        sig = oracle.signature(text, False, False)
        if sig is None:
            sys.exit("segvm and gcc agree on this program: nothing to reduce")
        log(f"disagreement: {sig}")
        pedantic = oracle.signature(text, True, True) == sig
        r = Reducer(oracle, text, sig, pedantic, args.output)
        r.accept(text)
        if not pedantic:
            if oracle.signature(text, True, False) != sig:
                sys.exit("the sanitizers or -O2 see undefined behaviour in the program")
            log("not valid C99 as it stands: reducing it first, then making it valid")
            r.reduce()
            r.pedantic = True
            if not r.interesting(r.text):
                sys.exit(f"{args.output} is not valid C99 (gcc -pedantic-errors): "
                         "make it valid by hand, then reduce it again")
        r.reduce()
        log(f"done: {args.output}, {len(r.text)} bytes after {r.tries} tries")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
