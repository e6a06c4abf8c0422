#!/usr/bin/env python3
"""The benchmark driver: every row for every client on the same engine and the same
containers, the clients interleaved within each round (their order rotates from round to
round), medians over rounds, each client's ratio to the raw floor taken within its round.

  make bench                    (benches/setup.sh first: venv with docker-py, bollard build)
  BENCH_QUICK=1 make bench      a quick pass: small sizes, one round
  BENCH_ROUNDS=3 BENCH_LOG_MIB=256 BENCH_SMALL_MIB=32 BENCH_BIG_MIB=1024 make bench

Clients: lib (docker_containers from C, build/bench-rows lib), raw (the floor, build/bench-rows
raw), cli (the docker CLI, one process per call), docker-py (benches/clients/dockerpy_rows.py in
build/bench/venv), bollard (benches/bollard). Writes build/bench/results.json and
benches/chart.png, and prints a markdown table. Containers: dc-bench-*, removed at the end.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "build", "bench")
QUICK = bool(os.environ.get("BENCH_QUICK"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "1" if QUICK else "3"))
LOG_MIB = int(os.environ.get("BENCH_LOG_MIB", "16" if QUICK else "256"))
SMALL_MIB = int(os.environ.get("BENCH_SMALL_MIB", "2" if QUICK else "32"))
BIG_MIB = int(os.environ.get("BENCH_BIG_MIB", "0" if QUICK else "1024"))
FILE_MIB = int(os.environ.get("BENCH_FILE_MIB", "16" if QUICK else "256"))
IMAGE = os.environ.get("BENCH_IMAGE", "dc-test/busybox:latest")
CLIENTS = ["lib", "raw", "cli", "docker-py", "bollard"]
PY = os.path.join(OUT, "venv", "bin", "python")
BOLLARD = os.path.join(OUT, "bollard-target", "release", "bollard-bench")
ROWS_BIN = os.path.join(ROOT, "build", "bench-rows")

# (key, label, metric, better): metric is the JSON field compared; better: "low" or "high".
ROWS = [
    ("inspect_seq", "inspect, sequential median", "ms", "low"),
    ("inspect_p99", "inspect, sequential p99", "p99_ms", "low"),
    ("inspect_par", "inspect, 8 threads", "per_s", "high"),
    ("exec", "exec_run `true`", "ms", "low"),
    ("lifecycle_seq", "lifecycle, sequential", "ms", "low"),
    ("lifecycle_par", "lifecycle, 4 in parallel", "per_s", "high"),
    ("logs_4k", f"logs {LOG_MIB} MiB, 4 KiB lines", "mb_s", "high"),
    ("logs_33", f"logs {SMALL_MIB} MiB, 33-byte lines", "mb_s", "high"),
    ("logs_big", f"logs {BIG_MIB} MiB, 4 KiB lines", "mb_s", "high"),
    ("get_archive", f"get_archive {FILE_MIB} MiB", "mb_s", "high"),
    ("put_archive", f"put_archive {FILE_MIB} MiB", "mb_s", "high"),
    ("stats", "stats, one sample", "ms", "low"),
]
# Rows a client skips, and why.
SKIP = {
    ("logs_big", "cli"): "time: 1 GiB through each client every round",
    ("logs_big", "docker-py"): "time: 1 GiB through each client every round",
    ("logs_big", "bollard"): "time: 1 GiB through each client every round",
}


def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout.strip()


def docker_run(name, cmd):
    subprocess.run(["docker", "rm", "-f", name], capture_output=True)
    return sh("docker", "run", "-d", "--name", name, IMAGE, "sh", "-c", cmd)


def setup():
    ids = {"idle": docker_run("dc-bench-idle", "sleep 36000")}
    line4k = 'L=$(head -c 4095 /dev/zero | tr "\\0" x)'
    ids["logs_4k"] = docker_run("dc-bench-logs", f'{line4k}; yes "$L" | head -c {LOG_MIB << 20}; touch /done; sleep 36000')
    ids["logs_33"] = docker_run("dc-bench-logs33", f'yes 0123456789abcdef0123456789abcde | head -c {SMALL_MIB << 20}; touch /done; sleep 36000')
    if BIG_MIB:
        ids["logs_big"] = docker_run("dc-bench-logs1g", f'{line4k}; yes "$L" | head -c {BIG_MIB << 20}; touch /done; sleep 36000')
    ids["files"] = docker_run("dc-bench-files", f"head -c {FILE_MIB << 20} /dev/zero > /big; touch /done; sleep 36000")
    # A tar of one FILE_MIB file for put_archive, made with Python's tarfile from zeros.
    import tarfile
    tar = os.path.join(OUT, "put.tar")
    with open(os.path.join(OUT, "put.bin"), "wb") as f:
        f.truncate(FILE_MIB << 20)
    with tarfile.open(tar, "w", format=tarfile.USTAR_FORMAT) as t:
        t.add(os.path.join(OUT, "put.bin"), arcname="put.bin")
    os.unlink(os.path.join(OUT, "put.bin"))
    ids["tar"] = tar
    for k in ("logs_4k", "logs_33", "logs_big", "files"):
        if k in ids:
            for _ in range(1200):
                if subprocess.run(["docker", "exec", ids[k], "test", "-f", "/done"]).returncode == 0:
                    break
                time.sleep(0.5)
            else:
                sys.exit(f"bench: {k} writer did not finish")
    return ids


def teardown():
    names = ["dc-bench-idle", "dc-bench-logs", "dc-bench-logs33", "dc-bench-logs1g", "dc-bench-files"]
    subprocess.run(["docker", "rm", "-f", *names], capture_output=True)
    # Lifecycle containers are removed as they go; any left by a failure carry this image and
    # the command `true`.
    left = sh("docker", "ps", "-aq", "--filter", f"ancestor={IMAGE}", "--filter", "status=exited")
    for cid in left.split():
        cmd = sh("docker", "inspect", "-f", "{{json .Config.Cmd}}", cid)
        if cmd == '["true"]':
            subprocess.run(["docker", "rm", "-f", cid], capture_output=True)


def run_child(argv, env, stdin=None):
    """Run a client process; its JSON answer and its peak RSS in KiB (wait4's ru_maxrss)."""
    p = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin)
    out, err = p.communicate()
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: exit {p.returncode}: {err.decode()[-2000:]}")
    return out.decode()


def program_row(client, row, env):
    argv = {
        "lib": [ROWS_BIN, "lib"],
        "raw": [ROWS_BIN, "raw"],
        "docker-py": [PY, os.path.join(ROOT, "benches", "clients", "dockerpy_rows.py")],
        "bollard": [BOLLARD],
    }[client] + [row]
    return json.loads(run_child(argv, env).strip().splitlines()[-1])


# ---------- the docker CLI, one process per call ----------

def cli_call(args, stdin=None):
    """One docker CLI process: seconds, its peak RSS in KiB."""
    t = time.perf_counter()
    p = subprocess.Popen(["docker", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=stdin)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError(f"docker {' '.join(args)}: exit {p.returncode}")
    return time.perf_counter() - t, ru.ru_maxrss


def cli_parallel(n_workers, each, args):
    t = time.perf_counter()
    threads = [threading.Thread(target=lambda: [cli_call(args) for _ in range(each)]) for _ in range(n_workers)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return n_workers * each / (time.perf_counter() - t)


def cli_row(row, ids, nbytes):
    idle = ids["idle"]
    if row == "inspect_seq":
        lat = sorted(cli_call(["inspect", idle])[0] for _ in range(10 if QUICK else 30))
        p50 = lat[len(lat) // 2] * 1e3
        return {"ms": p50, "p99_ms": lat[round((len(lat) - 1) * 0.99)] * 1e3, "per_s": 1e3 / p50}
    if row == "inspect_par":
        return {"per_s": cli_parallel(8, 3 if QUICK else 10, ["inspect", idle])}
    if row == "exec":
        return {"ms": statistics.median(cli_call(["exec", idle, "true"])[0] for _ in range(5 if QUICK else 10)) * 1e3}
    if row == "lifecycle_seq":
        # `docker run --rm` is create, attach, start, wait and remove in one process.
        return {"ms": statistics.median(cli_call(["run", "--rm", IMAGE, "true"])[0] for _ in range(3 if QUICK else 10)) * 1e3}
    if row == "lifecycle_par":
        return {"per_s": cli_parallel(4, 1 if QUICK else 5, ["run", "--rm", IMAGE, "true"])}
    if row in ("logs", "get_archive", "put_archive"):
        if row == "logs":
            dt, rss = cli_call(["logs", ids["logs_id"]])
        elif row == "get_archive":
            dt, rss = cli_call(["cp", f"{ids['files']}:/big", "-"])
        else:
            with open(ids["tar"], "rb") as f:
                dt, rss = cli_call(["cp", "-", f"{ids['files']}:/tmp"], stdin=f)
        return {"mb_s": nbytes / dt / 1e6, "bytes": nbytes, "rss_kib": rss}
    if row == "stats":
        lat = []
        for _ in range(2 if QUICK else 4):
            time.sleep(1.2)
            lat.append(cli_call(["stats", "--no-stream", idle])[0])
        return {"ms": statistics.median(lat) * 1e3}
    raise ValueError(row)


def measure(client, key, ids):
    """One row for one client: the figures it reports."""
    row = {"logs_4k": "logs", "logs_33": "logs", "logs_big": "logs", "inspect_p99": None}.get(key, key)
    env = dict(os.environ, BENCH_IDLE_ID=ids["idle"], BENCH_IMAGE=IMAGE, BENCH_FILES_ID=ids["files"], BENCH_TAR=ids["tar"])
    nbytes = None
    if row == "logs":
        env["BENCH_LOGS_ID"] = ids[key]
        nbytes = {"logs_4k": LOG_MIB, "logs_33": SMALL_MIB, "logs_big": BIG_MIB}[key] << 20
    if row in ("get_archive", "put_archive"):
        nbytes = FILE_MIB << 20
    if client == "cli":
        return cli_row(row, dict(ids, logs_id=env.get("BENCH_LOGS_ID")), nbytes)
    return program_row(client, row, env)


def main():
    os.makedirs(OUT, exist_ok=True)
    for need in (ROWS_BIN, PY, BOLLARD):
        if not os.path.exists(need):
            sys.exit(f"bench: {need} is missing: run benches/setup.sh (make bench does)")
    results = {key: {c: [] for c in CLIENTS} for key, *_ in ROWS}
    ratios = {key: {c: [] for c in CLIENTS} for key, *_ in ROWS}
    rss = {key: {c: [] for c in CLIENTS} for key, *_ in ROWS}
    try:
        ids = setup()
        keys = [k for k, *_ in ROWS if k != "inspect_p99" and (k != "logs_big" or BIG_MIB)]
        for r in range(ROUNDS):
            order = CLIENTS[r % len(CLIENTS):] + CLIENTS[:r % len(CLIENTS)]
            for key in keys:
                got = {}
                for c in order:
                    if (key, c) in SKIP:
                        continue
                    got[c] = measure(c, key, ids)
                for k2, label, metric, better in ROWS:
                    src = "inspect_seq" if k2 == "inspect_p99" else k2
                    if src != key:
                        continue
                    floor = got["raw"][metric]
                    for c, v in got.items():
                        results[k2][c].append(v[metric])
                        ratios[k2][c].append(v[metric] / floor)
                        if "rss_growth_kib" in v:
                            rss[k2][c].append(("growth", v["rss_growth_kib"]))
                        elif "rss_kib" in v:
                            rss[k2][c].append(("peak", v["rss_kib"]))
            print(f"round {r + 1} of {ROUNDS} done", file=sys.stderr, flush=True)
    finally:
        teardown()
    report(results, ratios, rss)


def fmt(metric, v):
    return {"ms": f"{v:.3g} ms" if v < 10 else f"{v:.0f} ms", "p99_ms": f"{v:.3g} ms",
            "per_s": f"{v:.0f}/s" if v >= 10 else f"{v:.2f}/s", "mb_s": f"{v:.0f} MB/s" if v >= 10 else f"{v:.2f} MB/s"}[metric]


def report(results, ratios, rss):
    med = lambda v: statistics.median(v) if v else None
    table = {}
    lines = ["| row | " + " | ".join(CLIENTS) + " |", "|---|" + "---|" * len(CLIENTS)]
    for key, label, metric, better in ROWS:
        if not results[key]["raw"]:
            continue
        cells = []
        table[key] = {"label": label, "metric": metric, "better": better, "clients": {}}
        for c in CLIENTS:
            if (key, c) in SKIP:
                cells.append("n/a")
                continue
            v, ratio = med(results[key][c]), med(ratios[key][c])
            cell = fmt(metric, v)
            if c != "raw":
                cell += f" ({ratio:.2f}x)"
            if rss[key][c]:
                kind = rss[key][c][0][0]
                worst = max(x for _, x in rss[key][c])
                cell += f", {'+' if kind == 'growth' else ''}{worst / 1024:.1f} MiB RSS"
            cells.append(cell)
            table[key]["clients"][c] = {"median": v, "ratio_to_floor": ratio, "rounds": results[key][c],
                                        "rss_kib": rss[key][c]}
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    text = "\n".join(lines)
    print()
    print(f"{ROUNDS} round(s); medians over rounds; (Nx): ratio to the raw floor within each round "
          "(time rows: lower is better; throughput rows: higher is better). RSS: +growth over the "
          "row for in-process measures (lib, raw, docker-py, bollard), peak of the docker process for the CLI.")
    print(text)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump({"rounds": ROUNDS, "quick": QUICK, "rows": table, "date": time.strftime("%Y-%m-%d")}, f, indent=1)
    chart(table)


def chart(table):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    keys = [k for k in table if table[k]["clients"]]
    others = [c for c in CLIENTS if c != "raw"]
    fig, ax = plt.subplots(figsize=(12, 5.5))
    width = 0.8 / len(others)
    for i, c in enumerate(others):
        xs, ys = [], []
        for j, k in enumerate(keys):
            v = table[k]["clients"].get(c)
            if v:
                r = v["ratio_to_floor"]
                # Cost relative to the floor: time ratio, or inverse throughput ratio.
                ys.append(r if table[k]["better"] == "low" else 1 / r)
                xs.append(j + (i - (len(others) - 1) / 2) * width)
        ax.bar(xs, ys, width, label=c)
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_yscale("log")
    ax.set_xticks(range(len(keys)))
    ax.set_xticklabels([table[k]["label"] for k in keys], rotation=30, ha="right", fontsize=8)
    ax.set_ylabel("cost relative to the raw floor (log; lower is better)")
    ax.set_title("docker_containers and other clients against a raw unix-socket floor, same engine")
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(ROOT, "benches", "chart.png"), dpi=110)


if __name__ == "__main__":
    main()
