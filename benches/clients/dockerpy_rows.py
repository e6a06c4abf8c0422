"""docker-py's side of the benchmark: one row per run, one JSON object on stdout, as
benches/rows.c does for docker_containers and the raw floor. Rows and environment as there;
`serve` answers "ROW N" batches read on stdin, one JSON line each, as rows.c's serve does."""
import json
import os
import statistics
import sys
import threading
import time

import docker

QUICK = bool(os.environ.get("BENCH_QUICK"))


def kib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return -1


def pct(v, p):
    v = sorted(v)
    return v[round((len(v) - 1) * p)]


def timed(fn, n):
    lat = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        lat.append(time.perf_counter() - t)
    return lat


def serve(client, idle, image):
    """Batches of small calls; worker threads persist across batches, as in a long-running
    program."""
    from concurrent.futures import ThreadPoolExecutor

    def cycle():
        c = client.containers.create(image, "true")
        c.start()
        assert c.wait()["StatusCode"] == 0
        c.remove()

    pools = {}
    calls = {
        "inspect_seq": idle.reload,
        "exec": lambda: idle.exec_run("true").exit_code == 0 or sys.exit("exec failed"),
        "lifecycle_seq": cycle,
        "stats": lambda: idle.stats(stream=False, one_shot=True),
    }
    for line in sys.stdin:
        row, n = line.split()
        n = int(n)
        if row in ("inspect_par", "lifecycle_par"):
            threads, fn, each = (8, idle.reload, n // 8) if row == "inspect_par" else (4, cycle, n)
            pool = pools.setdefault(row, ThreadPoolExecutor(threads))
            t = time.perf_counter()
            for f in [pool.submit(lambda: [fn() for _ in range(each)]) for _ in range(threads)]:
                f.result()
            dt = time.perf_counter() - t
            out = {"s": dt, "per_s": threads * each / dt}
        else:
            t = time.perf_counter()
            lat = timed(calls[row], n)
            out = {"s": time.perf_counter() - t, "lat_us": [round(x * 1e6, 1) for x in lat]}
        print(json.dumps(out), flush=True)


def main():
    row = sys.argv[1]
    client = docker.from_env()
    idle = client.containers.get(os.environ["BENCH_IDLE_ID"])
    image = os.environ["BENCH_IMAGE"]
    if row == "serve":
        return serve(client, idle, image)

    def cycle():
        c = client.containers.create(image, "true")
        c.start()
        assert c.wait()["StatusCode"] == 0
        c.remove()

    def exec_true():
        assert idle.exec_run("true").exit_code == 0

    if row == "inspect_seq":
        lat = timed(idle.reload, 500 if QUICK else 2000)
        p50 = pct(lat, 0.5) * 1e3
        out = {"ms": p50, "p99_ms": pct(lat, 0.99) * 1e3, "per_s": 1e3 / p50}
    elif row == "inspect_par":
        n = (500 if QUICK else 2000) // 8
        threads = [threading.Thread(target=lambda: [idle.reload() for _ in range(n)]) for _ in range(8)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        out = {"per_s": n * 8 / (time.perf_counter() - t)}
    elif row == "exec":
        out = {"ms": statistics.median(timed(exec_true, 5 if QUICK else 20)) * 1e3}
    elif row == "lifecycle_seq":
        out = {"ms": statistics.median(timed(cycle, 3 if QUICK else 10)) * 1e3}
    elif row == "lifecycle_par":
        each = 1 if QUICK else 5
        threads = [threading.Thread(target=lambda: [cycle() for _ in range(each)]) for _ in range(4)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        out = {"per_s": 4 * each / (time.perf_counter() - t)}
    elif row in ("logs", "get_archive", "put_archive"):
        before = kib("VmRSS:")
        t = time.perf_counter()
        n = 0
        if row == "logs":
            # stream=True, docker-py's bounded form; logs() without it holds the whole output.
            for chunk in client.containers.get(os.environ["BENCH_LOGS_ID"]).logs(stream=True, follow=False):
                n += len(chunk)
        elif row == "get_archive":
            bits, _ = client.containers.get(os.environ["BENCH_FILES_ID"]).get_archive("/big")
            for chunk in bits:
                n += len(chunk)
        else:
            path = os.environ["BENCH_TAR"]
            n = os.path.getsize(path)
            with open(path, "rb") as f:
                assert client.containers.get(os.environ["BENCH_FILES_ID"]).put_archive("/tmp", f)
        dt = time.perf_counter() - t
        out = {"mb_s": n / dt / 1e6, "bytes": n, "rss_growth_kib": kib("VmHWM:") - before}
    elif row == "stats":
        lat = []
        for _ in range(2 if QUICK else 4):
            time.sleep(1.2)
            t = time.perf_counter()
            idle.stats(stream=False, one_shot=True)
            lat.append(time.perf_counter() - t)
        out = {"ms": statistics.median(lat) * 1e3}
    else:
        sys.exit(f"unknown row {row}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
