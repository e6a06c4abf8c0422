"""docker-py's side of the benchmark: one row per run, one JSON object on stdout, as
benches/rows.c does for docker_containers and the raw floor. Rows and environment as there."""
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


def main():
    row = sys.argv[1]
    client = docker.from_env()
    idle = client.containers.get(os.environ["BENCH_IDLE_ID"])
    image = os.environ["BENCH_IMAGE"]

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
