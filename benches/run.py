#!/usr/bin/env python3
"""The benchmark driver: every row for every client on the same engine and the same
containers, medians over rounds, each client's ratio to the raw floor.

Small-call rows (inspect, exec, lifecycle, stats) alternate the clients in short batches within
the row: each client runs as one long-lived process ("serve") that answers "ROW N" with one
batch, and the driver goes lib, raw, cli, docker-py, bollard, batch after batch (the order
rotating), so every client's batch has a floor batch beside it in time. The ratio of a row is the
median of these paired ratios (batch figure over the floor's batch figure of the same
alternation) over all rounds, with their p25-p75 spread; load that moves between batches moves
both sides of a pair. Stream rows (logs, archives) run one transfer per client per round, the
order rotating from round to round, and their ratio is taken within the round; get_archive and
put_archive run five transfers per client per round, each right beside a transfer of the floor
(which of the two goes first alternates), and their ratio is the median of those pairs.

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
# Small-call rows: (calls per batch, alternations per round, quick alternations, cli's calls per
# batch). A stats batch is one sample, each 1.2 s after the last one of any client: the engine's
# collector makes a one-shot call wait out the rest of a second after another.
ALT = {
    "inspect_seq": (200, 30, 10, 3),
    "inspect_par": (400, 30, 10, 8),
    "exec": (2, 15, 5, 1),
    "lifecycle_seq": (1, 10, 3, 1),
    "lifecycle_par": (1, 6, 2, 1),
    "stats": (1, 5, 2, 1),
}
# Archive rows run this many transfers per client per round, each paired with one of the floor
# (other stream rows: one transfer per client per round).
REPEAT = {"get_archive": 5, "put_archive": 5}
ALTS = os.environ.get("BENCH_ALTS")  # overrides the alternation count of every row
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


class Server:
    """One client's long-lived process for the small-call rows: send "ROW N", read one JSON line."""

    def __init__(self, client, env):
        argv = {
            "lib": [ROWS_BIN, "lib"],
            "raw": [ROWS_BIN, "raw"],
            "docker-py": [PY, os.path.join(ROOT, "benches", "clients", "dockerpy_rows.py")],
            "bollard": [BOLLARD],
        }[client] + ["serve"]
        self.argv = argv
        self.p = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def batch(self, row, n):
        self.p.stdin.write(f"{row} {n}\n")
        self.p.stdin.flush()
        line = self.p.stdout.readline()
        if not line:
            raise RuntimeError(f"{' '.join(self.argv)}: exited with {self.p.wait()} during {row}")
        return json.loads(line)

    def close(self):
        self.p.stdin.close()
        if self.p.wait() != 0:
            raise RuntimeError(f"{' '.join(self.argv)}: exit {self.p.returncode}")


def cli_batch(row, ids, n):
    idle = ids["idle"]
    if row in ("inspect_par", "lifecycle_par"):
        workers, args = (8, ["inspect", idle]) if row == "inspect_par" else (4, ["run", "--rm", IMAGE, "true"])
        each = max(1, n // workers) if row == "inspect_par" else n
        t = time.perf_counter()
        per_s = cli_parallel(workers, each, args)
        return {"s": time.perf_counter() - t, "per_s": per_s}
    args = {"inspect_seq": ["inspect", idle], "exec": ["exec", idle, "true"],
            "lifecycle_seq": ["run", "--rm", IMAGE, "true"], "stats": ["stats", "--no-stream", idle]}[row]
    t = time.perf_counter()
    lat = [cli_call(args)[0] * 1e6 for _ in range(n)]
    return {"s": time.perf_counter() - t, "lat_us": lat}


def alternate(key, ids, r):
    """One round of a small-call row: warm-up batch per client, then the alternations. Returns
    {client: [batch figure, ...]} (ms for latency rows, per_s for throughput rows) and the
    round's per-call latencies in µs for the latency rows."""
    n, alts, qalts, cli_n = ALT[key]
    alts = int(ALTS) if ALTS else (qalts if QUICK else alts)
    if QUICK and key == "inspect_seq":
        n = 100
    if QUICK and key == "inspect_par":
        n = 200
    env = dict(os.environ, BENCH_IDLE_ID=ids["idle"], BENCH_IMAGE=IMAGE)
    servers = {}
    try:
        for c in CLIENTS:
            if c != "cli" and (key, c) not in SKIP:
                servers[c] = Server(c, env)
        clients = [c for c in CLIENTS if (key, c) not in SKIP]
        lat_row = key not in ("inspect_par", "lifecycle_par")
        figures = {c: [] for c in clients}
        lats = {c: [] for c in clients}

        def one(c):
            if key == "stats":
                time.sleep(1.2)
            got = cli_batch(key, ids, cli_n) if c == "cli" else servers[c].batch(key, n)
            return got

        for c in clients:  # warm-up: connections, runtimes, caches; not counted
            if key not in ("stats", "lifecycle_seq", "lifecycle_par"):
                one(c)
        for a in range(alts):
            k = (a + r) % len(clients)
            for c in clients[k:] + clients[:k]:
                got = one(c)
                if lat_row:
                    figures[c].append(statistics.median(got["lat_us"]) / 1e3)
                    lats[c].extend(got["lat_us"])
                else:
                    figures[c].append(got["per_s"])
        for s_ in servers.values():
            s_.close()
        servers = {}
        return figures, lats
    finally:
        for s_ in servers.values():
            s_.p.kill()
            s_.p.wait()


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
    pairs = {key: {c: [] for c in CLIENTS} for key, *_ in ROWS}
    rss = {key: {c: [] for c in CLIENTS} for key, *_ in ROWS}
    only = os.environ.get("BENCH_ROWS")  # e.g. "inspect_seq,inspect_par": those rows alone
    try:
        ids = setup()
        keys = [k for k, *_ in ROWS if k != "inspect_p99" and (k != "logs_big" or BIG_MIB)]
        if only:
            keys = [k for k in keys if k in only.split(",")]
        for r in range(ROUNDS):
            order = CLIENTS[r % len(CLIENTS):] + CLIENTS[:r % len(CLIENTS)]
            for key in keys:
                if key in ALT:
                    figures, lats = alternate(key, ids, r)
                    metric = next(m for k2, _, m, _ in ROWS if k2 == key)
                    for c, v in figures.items():
                        # Paired: this client's batch over the floor's batch of the same alternation.
                        pr = [x / f for x, f in zip(v, figures["raw"])]
                        pairs[key][c].extend(pr)
                        results[key][c].append(statistics.median(lats[c]) / 1e3 if lats[c] else statistics.median(v))
                        ratios[key][c].append(statistics.median(pr))
                    if key == "inspect_seq":
                        p99 = {c: pct(l, 0.99) / 1e3 for c, l in lats.items()}
                        for c, v in p99.items():
                            results["inspect_p99"][c].append(v)
                            ratios["inspect_p99"][c].append(v / p99["raw"])
                    continue
                # Archive rows: a few transfers per client per round, each next to a transfer
                # of the floor (which goes first alternates), the pair's ratio taken: one
                # transfer is half a second, and load that drifts over the seconds between
                # clients would otherwise decide the ratio.
                reps = 1 if QUICK or key not in REPEAT else REPEAT[key]
                metric = next(m for k2, _, m, _ in ROWS if k2 == key)
                round_pairs = {c: [] for c in CLIENTS}

                def keep(c, v):
                    results[key][c].append(v[metric])
                    if "rss_growth_kib" in v:
                        rss[key][c].append(("growth", v["rss_growth_kib"]))
                    elif "rss_kib" in v:
                        rss[key][c].append(("peak", v["rss_kib"]))

                for rep in range(reps):
                    others = [c for c in order if c != "raw" and (key, c) not in SKIP]
                    k = rep % len(others)
                    for i, c in enumerate(others[k:] + others[:k]):
                        if (rep + i) % 2:
                            floor = measure("raw", key, ids)
                            v = measure(c, key, ids)
                        else:
                            v = measure(c, key, ids)
                            floor = measure("raw", key, ids)
                        keep(c, v)
                        keep("raw", floor)
                        ratio = v[metric] / floor[metric]
                        round_pairs[c].append(ratio)
                        round_pairs["raw"].append(1.0)
                        if reps > 1:
                            pairs[key][c].append(ratio)
                            pairs[key]["raw"].append(1.0)
                for c, pr in round_pairs.items():
                    if pr:
                        ratios[key][c].append(statistics.median(pr))
            print(f"round {r + 1} of {ROUNDS} done", file=sys.stderr, flush=True)
    finally:
        teardown()
    report(results, ratios, pairs, rss)


def pct(v, p):
    v = sorted(v)
    return v[round((len(v) - 1) * p)]


def fmt(metric, v):
    return {"ms": f"{v:.3g} ms" if v < 10 else f"{v:.0f} ms", "p99_ms": f"{v:.3g} ms",
            "per_s": f"{v:.0f}/s" if v >= 10 else f"{v:.2f}/s", "mb_s": f"{v:.0f} MB/s" if v >= 10 else f"{v:.2f} MB/s"}[metric]


def report(results, ratios, pairs, rss):
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
            pr = pairs[key][c]
            spread = None
            if pr:
                # Paired rows: the median and p25-p75 of every alternation's ratio, all rounds.
                ratio, spread = statistics.median(pr), (pct(pr, 0.25), pct(pr, 0.75))
            cell = fmt(metric, v)
            if c != "raw":
                cell += f" ({ratio:.2f}x" + (f", {spread[0]:.2f}-{spread[1]:.2f}" if spread else "") + ")"
            if rss[key][c]:
                kind = rss[key][c][0][0]
                worst = max(x for _, x in rss[key][c])
                cell += f", {'+' if kind == 'growth' else ''}{worst / 1024:.1f} MiB RSS"
            cells.append(cell)
            table[key]["clients"][c] = {"median": v, "ratio_to_floor": ratio, "rounds": results[key][c],
                                        "ratio_rounds": ratios[key][c], "rss_kib": rss[key][c]}
            if pr:
                table[key]["clients"][c].update({"paired_ratios": len(pr), "ratio_p25": spread[0],
                                                 "ratio_p75": spread[1]})
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    text = "\n".join(lines)
    print()
    print(f"{ROUNDS} round(s); medians over rounds; (Nx): ratio to the raw floor: for small-call rows "
          "the median of the paired per-alternation ratios over all rounds and their p25-p75, for "
          "stream rows the median of the in-round ratios (time rows: lower is better; throughput "
          "rows: higher is better). RSS: +growth over the row for in-process measures (lib, raw, "
          "docker-py, bollard), peak of the docker process for the CLI.")
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
