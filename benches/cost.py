#!/usr/bin/env python3
"""Cost per call that load does not move, for the library ("lib") and the raw floor ("raw"), on
the client side only (the C process, build/bench-rows):

- inspect: instructions per call under callgrind (all threads of the process) and syscalls per
  call under `strace -f -c`, each the difference of two runs (N1 and N2 calls after the same
  warm-up) divided by N2 - N1, so start-up and warm-up cancel out;
- get_archive and put_archive: instructions and syscalls per MiB, likewise the difference of a
  large and a small transfer, plus the mean bytes moved per read/write-type syscall.

  make bench-cost                 writes build/bench/cost.json and prints a table
  BENCH_COST_OUT=benches/cost-before.json make bench-cost      (what the before-figures are)

Top functions of the N2 runs (callgrind_annotate) go to build/bench/cost/*.txt. Containers:
dc-bench-cost-*, removed at the end.
"""
import json
import os
import re
import subprocess
import sys
import tarfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "build", "bench", "cost")
ROWS_BIN = os.path.join(ROOT, "build", "bench-rows")
IMAGE = os.environ.get("BENCH_IMAGE", "dc-test/busybox:latest")
N1, N2 = 200, 1200
SMALL_MIB, BIG_MIB = 4, int(os.environ.get("BENCH_COST_MIB", "64"))
NAMES = ["dc-bench-cost-idle", "dc-bench-cost-files"]
# read/write-type syscalls, for bytes per syscall
IO_READ = ("read", "recvfrom", "recvmsg", "readv")
IO_WRITE = ("write", "sendto", "sendmsg", "writev")


def sh(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


def setup():
    subprocess.run(["docker", "rm", "-f", *NAMES], capture_output=True)
    idle = sh("docker", "run", "-d", "--name", NAMES[0], IMAGE, "sleep", "36000")
    files = sh("docker", "run", "-d", "--name", NAMES[1], IMAGE, "sh", "-c",
               f"head -c {SMALL_MIB << 20} /dev/zero > /small; head -c {BIG_MIB << 20} /dev/zero > /big; "
               "touch /done; sleep 36000")
    for _ in range(600):
        if subprocess.run(["docker", "exec", files, "test", "-f", "/done"]).returncode == 0:
            break
        time.sleep(0.2)
    else:
        sys.exit("bench-cost: the files container did not finish writing")
    tars = {}
    for label, mib in (("small", SMALL_MIB), ("big", BIG_MIB)):
        src, tar = os.path.join(OUT, f"put-{label}.bin"), os.path.join(OUT, f"put-{label}.tar")
        with open(src, "wb") as f:
            f.truncate(mib << 20)
        with tarfile.open(tar, "w", format=tarfile.USTAR_FORMAT) as t:
            t.add(src, arcname=f"put-{label}.bin")
        os.unlink(src)
        tars[label] = tar
    return idle, files, tars


def callgrind(argv, env, tag):
    """Instructions executed by the whole process (every thread); keeps the profile."""
    f = os.path.join(OUT, f"callgrind.{tag}.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={f}", *argv], env=env,
                   check=True, capture_output=True)
    with open(f) as fh:
        for line in fh:
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1]), f
    raise RuntimeError(f"{f}: no totals line")


def strace(argv, env, tag):
    """{syscall: calls} over every thread, and bytes moved by read- and write-type calls."""
    f = os.path.join(OUT, f"strace.{tag}.txt")
    subprocess.run(["strace", "-f", "-c", "-o", f, *argv], env=env, check=True, capture_output=True)
    counts = {}
    with open(f) as fh:
        for line in fh:
            parts = line.split()
            # % time, seconds, usecs/call, calls, [errors], syscall
            if len(parts) >= 5 and parts[0][0].isdigit() and parts[-1] != "total":
                counts[parts[-1]] = int(parts[3])
    return counts


def io_bytes(argv, env, tag):
    """Mean bytes returned by read-type and written by write-type syscalls (strace -e)."""
    f = os.path.join(OUT, f"strace-io.{tag}.txt")
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=" + ",".join(IO_READ + IO_WRITE), "-e", "signal=none",
                    "-e", "abbrev=all", "-s", "0", "-o", f, *argv], env=env, check=True, capture_output=True)
    tot = {"read": [0, 0], "write": [0, 0]}
    rx = re.compile(r"(\w+)\(.*\)\s+=\s+(\d+)")
    with open(f) as fh:
        for line in fh:
            m = rx.search(line)
            if not m:
                continue
            kind = "read" if m.group(1) in IO_READ else "write" if m.group(1) in IO_WRITE else None
            if kind and int(m.group(2)) > 0:
                tot[kind][0] += 1
                tot[kind][1] += int(m.group(2))
    return {k: round(b / n) if n else 0 for k, (n, b) in tot.items()}


def top(profile, n=15):
    out = subprocess.run(["callgrind_annotate", "--threshold=99", profile], capture_output=True, text=True).stdout
    lines = [l for l in out.splitlines() if re.match(r"\s*[\d,]+ \(", l)]
    return lines[1:n + 1] if lines and "PROGRAM TOTALS" in lines[0] else lines[:n]


def diff(a, b, per):
    keys = sorted(set(a) | set(b))
    d = {k: (b.get(k, 0) - a.get(k, 0)) / per for k in keys}
    return {k: round(v, 3) for k, v in d.items() if abs(v) >= 0.005}


def main():
    os.makedirs(OUT, exist_ok=True)
    res = {"date": time.strftime("%Y-%m-%d %H:%M"), "commit": sh("git", "-C", ROOT, "rev-parse", "--short", "HEAD"),
           "inspect_calls": [N1, N2], "archive_mib": [SMALL_MIB, BIG_MIB], "clients": {}}
    try:
        idle, files, tars = setup()
        base = dict(os.environ, BENCH_IDLE_ID=idle, BENCH_IMAGE=IMAGE, BENCH_FILES_ID=files)
        for c in ("lib", "raw"):
            r = res["clients"][c] = {}
            i1, _ = callgrind([ROWS_BIN, c, "cost", str(N1)], base, f"{c}.inspect.{N1}")
            i2, prof = callgrind([ROWS_BIN, c, "cost", str(N2)], base, f"{c}.inspect.{N2}")
            s1 = strace([ROWS_BIN, c, "cost", str(N1)], base, f"{c}.inspect.{N1}")
            s2 = strace([ROWS_BIN, c, "cost", str(N2)], base, f"{c}.inspect.{N2}")
            sc = diff(s1, s2, N2 - N1)
            r["inspect"] = {"instructions_per_call": round((i2 - i1) / (N2 - N1)),
                            "syscalls_per_call": round(sum(sc.values()), 2), "syscalls": sc,
                            "top_functions": top(prof)}
            for row in ("get_archive", "put_archive"):
                envs = {}
                for label in ("small", "big"):
                    e = dict(base, BENCH_ARCHIVE_PATH=f"/{label}", BENCH_TAR=tars[label])
                    envs[label] = e
                argv = [ROWS_BIN, c, row]
                i1, _ = callgrind(argv, envs["small"], f"{c}.{row}.small")
                i2, prof = callgrind(argv, envs["big"], f"{c}.{row}.big")
                s1 = strace(argv, envs["small"], f"{c}.{row}.small")
                s2 = strace(argv, envs["big"], f"{c}.{row}.big")
                sc = diff(s1, s2, BIG_MIB - SMALL_MIB)
                r[row] = {"instructions_per_mib": round((i2 - i1) / (BIG_MIB - SMALL_MIB)),
                          "syscalls_per_mib": round(sum(sc.values()), 2), "syscalls": sc,
                          "bytes_per_io_syscall": io_bytes(argv, envs["big"], f"{c}.{row}"),
                          "top_functions": top(prof)}
    finally:
        subprocess.run(["docker", "rm", "-f", *NAMES], capture_output=True)
    dest = os.environ.get("BENCH_COST_OUT") or os.path.join(ROOT, "build", "bench", "cost.json")
    with open(dest, "w") as f:
        json.dump(res, f, indent=1)
    lib, raw = res["clients"]["lib"], res["clients"]["raw"]
    print("| cost (client process) | lib | raw | lib/raw |\n|---|---|---|---|")
    for row, unit in (("inspect", "call"), ("get_archive", "mib"), ("put_archive", "mib")):
        for what in ("instructions", "syscalls"):
            k = f"{what}_per_{unit}"
            a, b = lib[row][k], raw[row][k]
            print(f"| {row}: {what} per {'call' if unit == 'call' else 'MiB'} | {a:,} | {b:,} | "
                  f"{a / b:.2f}x |" if b else f"| {row}: {k} | {a} | {b} | |")
    for row in ("get_archive", "put_archive"):
        print(f"| {row}: bytes per read/write syscall | {lib[row]['bytes_per_io_syscall']} | "
              f"{raw[row]['bytes_per_io_syscall']} | |")
    print(f"\nwritten: {dest}; profiles in {OUT}")


if __name__ == "__main__":
    main()
