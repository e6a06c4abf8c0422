"""Everything the library hands out is freed: 10,000 rounds of calls leave RSS flat."""
import gc
import os

import docker_containers as docker

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE // 1024


def test_ten_thousand_calls_do_not_grow_memory(client, running):
    def round_():
        c = client.containers.get(running.id)   # a handle, freed by its finalizer
        c.reload()
        _ = (c.name, c.status, c.labels, c.ports, c.health)
        try:
            client.containers.get("dcpy-absent")
        except docker.errors.NotFound:
            pass
        try:
            c.update(no_such_option=1)  # refused by the library, naming the key
        except docker.errors.InvalidArgument:
            pass

    for _ in range(2000):  # warm-up: allocator pools and caches reach their size
        round_()
    gc.collect()
    before = rss_kib()
    for _ in range(10000):
        round_()
    gc.collect()
    growth = rss_kib() - before
    print(f"\nRSS growth over 10,000 rounds (40,000 library calls): {growth} KiB")
    assert growth < 4096, f"RSS grew {growth} KiB"
