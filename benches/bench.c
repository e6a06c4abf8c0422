/* bench.c: docker_containers called from C against a raw floor (a minimal keep-alive HTTP/1.1
 * client written directly on the unix socket), on the same engine, interleaved round by round.
 * Reports medians over rounds and the library's ratio to the floor within each round.
 *
 *   make bench            (builds this with -O2 against the release library; see README)
 *   BENCH_ROUNDS=3 BENCH_LOG_MIB=256 build/bench
 *
 * Rows: inspect (sequential and 8 threads), exec_run of `true`, logs of 256 MiB in 4 KiB lines
 * (MB/s and the reader's peak RSS growth, in a forked child per measurement), get_archive and
 * put_archive of 256 MiB, stats one-shot. Containers: dc-bench-*. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"
#define API "/v1.41"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p) {
    qsort(v, n, sizeof *v, cmp_d);
    int i = (int)(p * (n - 1) + 0.5);
    return v[i];
}

static void die(const char *what, docker_error *e) {
    fprintf(stderr, "bench: %s: %s\n", what, e ? docker_error_message(e) : "");
    exit(1);
}

static long rss_kib(const char *field) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0) v = atol(line + n + 1);
    if (f) fclose(f);
    return v;
}

/* ---------- the raw floor: keep-alive HTTP/1.1 on the unix socket ---------- */

typedef struct {
    int fd;
    char buf[1 << 16];
    size_t len, pos;
} raw_conn;

static void raw_open(raw_conn *c) {
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    strcpy(a.sun_path, "/var/run/docker.sock");
    c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(c->fd, (struct sockaddr *)&a, sizeof a) != 0) { perror("connect"); exit(1); }
    c->len = c->pos = 0;
}

static ssize_t raw_fill(raw_conn *c) {
    if (c->pos < c->len) return (ssize_t)(c->len - c->pos);
    ssize_t n = read(c->fd, c->buf, sizeof c->buf);
    if (n <= 0) return n;
    c->len = (size_t)n;
    c->pos = 0;
    return n;
}

static void raw_send(raw_conn *c, const char *method, const char *path, const void *body, size_t blen, const char *ctype) {
    char head[1024];
    int n = snprintf(head, sizeof head, "%s %s HTTP/1.1\r\nHost: docker\r\n%s%s%sContent-Length: %zu\r\n\r\n", method, path,
                     ctype ? "Content-Type: " : "", ctype ? ctype : "", ctype ? "\r\n" : "", blen);
    if (write(c->fd, head, n) != n) { perror("write"); exit(1); }
    if (blen && write(c->fd, body, blen) != (ssize_t)blen) { perror("write"); exit(1); }
}

/* Read a line (CRLF) from the connection. */
static void raw_line(raw_conn *c, char *out, size_t cap) {
    size_t n = 0;
    for (;;) {
        if (raw_fill(c) <= 0) { out[n] = 0; return; }
        char ch = c->buf[c->pos++];
        if (ch == '\n') break;
        if (ch != '\r' && n + 1 < cap) out[n++] = ch;
    }
    out[n] = 0;
}

typedef void (*raw_sink)(void *ud, const char *data, size_t len);

/* Read a response; the body goes to sink (may be NULL). Returns the status. */
static int raw_response(raw_conn *c, raw_sink sink, void *ud) {
    char line[1024];
    raw_line(c, line, sizeof line);
    int status = atoi(line + 9);
    long clen = -1;
    int chunked = 0;
    for (;;) {
        raw_line(c, line, sizeof line);
        if (!line[0]) break;
        if (strncasecmp(line, "Content-Length:", 15) == 0) clen = atol(line + 15);
        if (strncasecmp(line, "Transfer-Encoding: chunked", 26) == 0) chunked = 1;
    }
    if (chunked) {
        for (;;) {
            raw_line(c, line, sizeof line);
            long size = strtol(line, NULL, 16);
            if (size == 0) { raw_line(c, line, sizeof line); break; }
            while (size > 0) {
                if (raw_fill(c) <= 0) return status;
                size_t take = c->len - c->pos < (size_t)size ? c->len - c->pos : (size_t)size;
                if (sink) sink(ud, c->buf + c->pos, take);
                c->pos += take;
                size -= (long)take;
            }
            raw_line(c, line, sizeof line);
        }
    } else if (clen >= 0) {
        while (clen > 0) {
            if (raw_fill(c) <= 0) break;
            size_t take = c->len - c->pos < (size_t)clen ? c->len - c->pos : (size_t)clen;
            if (sink) sink(ud, c->buf + c->pos, take);
            c->pos += take;
            clen -= (long)take;
        }
    } else {
        while (raw_fill(c) > 0) {
            if (sink) sink(ud, c->buf + c->pos, c->len - c->pos);
            c->pos = c->len;
        }
    }
    return status;
}

/* Multiplexed-frame demux for the raw floor: counts payload bytes. */
typedef struct {
    unsigned char hdr[8];
    int hlen;
    size_t left, payload;
} demux_t;

static void demux_sink(void *ud, const char *data, size_t len) {
    demux_t *d = ud;
    while (len) {
        if (d->left == 0) {
            while (d->hlen < 8 && len) { d->hdr[d->hlen++] = (unsigned char)*data++; len--; }
            if (d->hlen < 8) return;
            d->left = ((size_t)d->hdr[4] << 24) | (d->hdr[5] << 16) | (d->hdr[6] << 8) | d->hdr[7];
            d->hlen = 0;
            continue;
        }
        size_t take = len < d->left ? len : d->left;
        d->payload += take;
        d->left -= take;
        data += take;
        len -= take;
    }
}

static void count_sink(void *ud, const char *data, size_t len) {
    (void)data;
    *(size_t *)ud += len;
}

/* ---------- rows ---------- */

static docker_client *client;
static char cid[80];
static int rounds = 3;

static double lib_inspect_once(docker_container *h) {
    double t = now();
    docker_error *e = NULL;
    if (docker_container_reload(h, &e) != DOCKER_OK) die("reload", e);
    return now() - t;
}

static double raw_inspect_once(raw_conn *c, const char *path) {
    double t = now();
    raw_send(c, "GET", path, NULL, 0, NULL);
    raw_response(c, NULL, NULL);
    return now() - t;
}

#define N_SEQ 2000
#define N_PAR 2000
#define THREADS 8

struct par_arg { docker_container *h; int raw; };

static void *par_worker(void *p) {
    struct par_arg *a = p;
    raw_conn c;
    char path[256];
    if (a->raw) { raw_open(&c); snprintf(path, sizeof path, API "/containers/%s/json", cid); }
    for (int i = 0; i < N_PAR / THREADS; i++) {
        if (a->raw) raw_inspect_once(&c, path);
        else lib_inspect_once(a->h);
    }
    if (a->raw) close(c.fd);
    return NULL;
}

static double par_rate(docker_container *h, int raw) {
    pthread_t th[THREADS];
    struct par_arg a = {h, raw};
    double t = now();
    for (int i = 0; i < THREADS; i++) pthread_create(&th[i], NULL, par_worker, &a);
    for (int i = 0; i < THREADS; i++) pthread_join(th[i], NULL);
    return N_PAR / (now() - t);
}

static int lib_count(void *ud, docker_stream_kind k, const uint8_t *d, size_t len) {
    (void)k; (void)d;
    *(size_t *)ud += len;
    return 0;
}

/* Run `fn` in a forked child; returns seconds and sets *bytes and *rss_growth_kib. */
typedef size_t (*measured_fn)(void);

static double in_child(measured_fn fn, size_t *bytes, long *rss) {
    int p[2];
    if (pipe(p) != 0) exit(1);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        long before = rss_kib("VmRSS:");
        double t = now();
        size_t b = fn();
        double dt = now() - t;
        long growth = rss_kib("VmHWM:") - before;
        if (write(p[1], &dt, sizeof dt) < 0 || write(p[1], &b, sizeof b) < 0 || write(p[1], &growth, sizeof growth) < 0) _exit(2);
        _exit(0);
    }
    close(p[1]);
    double dt = 0;
    if (read(p[0], &dt, sizeof dt) != sizeof dt || read(p[0], bytes, sizeof *bytes) != sizeof *bytes ||
        read(p[0], rss, sizeof *rss) != sizeof *rss) { fprintf(stderr, "bench child failed\n"); exit(1); }
    close(p[0]);
    waitpid(pid, NULL, 0);
    return dt;
}

static char logs_id[80], file_id[80];

static size_t lib_logs_cb(void) {
    docker_container *h = NULL;
    docker_error *e = NULL;
    if (docker_containers_get(client, logs_id, &h, &e) != DOCKER_OK) die("get", e);
    size_t n = 0;
    if (docker_container_logs(h, NULL, lib_count, &n, NULL, &e) != DOCKER_OK) die("logs", e);
    docker_container_free(h);
    return n;
}

static size_t lib_logs_pull(void) {
    docker_container *h = NULL;
    docker_error *e = NULL;
    docker_stream *s = NULL;
    if (docker_containers_get(client, logs_id, &h, &e) != DOCKER_OK) die("get", e);
    if (docker_container_logs_open(h, NULL, &s, &e) != DOCKER_OK) die("logs_open", e);
    size_t n = 0;
    docker_chunk ch;
    for (;;) {
        if (docker_stream_next(s, -1, &ch, &e) != DOCKER_OK) die("next", e);
        if (ch.kind == DOCKER_STREAM_END) break;
        n += ch.len;
    }
    docker_stream_free(s);
    docker_container_free(h);
    return n;
}

static size_t raw_logs(void) {
    raw_conn c;
    raw_open(&c);
    char path[256];
    snprintf(path, sizeof path, API "/containers/%s/logs?stdout=1&stderr=1", logs_id);
    raw_send(&c, "GET", path, NULL, 0, NULL);
    demux_t d = {0};
    raw_response(&c, demux_sink, &d);
    close(c.fd);
    return d.payload;
}

static size_t lib_get_archive(void) {
    docker_container *h = NULL;
    docker_error *e = NULL;
    if (docker_containers_get(client, file_id, &h, &e) != DOCKER_OK) die("get", e);
    size_t n = 0;
    if (docker_container_get_archive(h, "/big", NULL, lib_count, &n, NULL, NULL, &e) != DOCKER_OK) die("get_archive", e);
    docker_container_free(h);
    return n;
}

static size_t raw_get_archive(void) {
    raw_conn c;
    raw_open(&c);
    char path[256];
    snprintf(path, sizeof path, API "/containers/%s/archive?path=/big", file_id);
    raw_send(&c, "GET", path, NULL, 0, NULL);
    size_t n = 0;
    raw_response(&c, count_sink, &n);
    close(c.fd);
    return n;
}

static const char *tar_path = "build/bench-256m.tar";

static size_t lib_put_archive(void) {
    docker_container *h = NULL;
    docker_error *e = NULL;
    if (docker_containers_get(client, file_id, &h, &e) != DOCKER_OK) die("get", e);
    if (docker_container_put_archive_file(h, "/tmp", tar_path, NULL, &e) != DOCKER_OK) die("put_archive", e);
    docker_container_free(h);
    return 256u << 20;
}

static size_t raw_put_archive(void) {
    raw_conn c;
    raw_open(&c);
    FILE *f = fopen(tar_path, "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char path[256], head[512];
    snprintf(path, sizeof path, API "/containers/%s/archive?path=/tmp", file_id);
    int n = snprintf(head, sizeof head, "PUT %s HTTP/1.1\r\nHost: docker\r\nContent-Type: application/x-tar\r\nContent-Length: %ld\r\n\r\n", path, size);
    if (write(c.fd, head, n) != n) exit(1);
    static char buf[1 << 16];
    size_t r;
    while ((r = fread(buf, 1, sizeof buf, f)) > 0)
        if (write(c.fd, buf, r) != (ssize_t)r) exit(1);
    fclose(f);
    raw_response(&c, NULL, NULL);
    close(c.fd);
    return 256u << 20;
}

static docker_container *run_named(const char *name, const char *cmd) {
    docker_container *h = NULL;
    docker_error *e = NULL;
    char opts[256];
    if (docker_containers_get(client, name, &h, NULL) == DOCKER_OK) {
        docker_container_remove(h, "{\"force\": true}", NULL);
        docker_container_free(h);
        h = NULL;
    }
    snprintf(opts, sizeof opts, "{\"detach\": true, \"name\": \"%s\"}", name);
    if (docker_containers_run(client, IMAGE, cmd, opts, &h, NULL, &e) != DOCKER_OK) die("run", e);
    return h;
}

int main(void) {
    docker_error *e = NULL;
    if (getenv("BENCH_ROUNDS")) rounds = atoi(getenv("BENCH_ROUNDS"));
    int log_mib = getenv("BENCH_LOG_MIB") ? atoi(getenv("BENCH_LOG_MIB")) : 256;
    if (docker_client_from_env(NULL, &client, &e) != DOCKER_OK) die("client", e);

    docker_container *idle = run_named("dc-bench-idle", "sleep 3600");
    snprintf(cid, sizeof cid, "%s", docker_container_id(idle));
    char cmd[512];
    snprintf(cmd, sizeof cmd, "sh -c 'L=$(head -c 4095 /dev/zero | tr \"\\0\" x); yes \"$L\" | head -c %d; sleep 3600'", log_mib << 20);
    docker_container *logs = run_named("dc-bench-logs", cmd);
    snprintf(logs_id, sizeof logs_id, "%s", docker_container_id(logs));
    docker_container *files = run_named("dc-bench-files", "sh -c 'head -c 268435456 /dev/zero > /big; sleep 3600'");
    snprintf(file_id, sizeof file_id, "%s", docker_container_id(files));
    /* A 256 MiB tar for put_archive. */
    {
        FILE *f = fopen(tar_path, "wb");
        if (!f) { perror(tar_path); return 1; }
        unsigned char hdr[512] = {0};
        strcpy((char *)hdr, "put.bin");
        strcpy((char *)hdr + 100, "0000644");
        strcpy((char *)hdr + 108, "0000000");
        strcpy((char *)hdr + 116, "0000000");
        snprintf((char *)hdr + 124, 12, "%011o", 256u << 20);
        strcpy((char *)hdr + 136, "00000000000");
        hdr[156] = '0';
        memcpy(hdr + 257, "ustar", 6);
        memcpy(hdr + 263, "00", 2);
        memset(hdr + 148, ' ', 8);
        unsigned sum = 0;
        for (int i = 0; i < 512; i++) sum += hdr[i];
        snprintf((char *)hdr + 148, 8, "%06o", sum);
        fwrite(hdr, 1, 512, f);
        static char zero[1 << 20];
        for (int i = 0; i < 256; i++) fwrite(zero, 1, sizeof zero, f);
        fwrite(zero, 1, 1024, f);
        fclose(f);
    }
    /* Wait until the log writer is done (its output complete). */
    for (int i = 0; i < 600; i++) {
        size_t n = raw_logs();
        if (n >= (size_t)log_mib << 20) break;
        sleep(1);
    }

    printf("docker_containers %s, %d rounds, logs %d MiB\n", docker_version(), rounds, log_mib);
    double r_seq_lib[16], r_seq_raw[16], p99_lib[16], p99_raw[16], par_lib[16], par_raw[16], exec_lib[16], exec_raw[16];
    double logs_cb[16], logs_pull[16], logs_raw[16], get_lib[16], get_raw[16], put_lib[16], put_raw[16], st_lib[16], st_raw[16];
    long rss_cb = 0, rss_pull = 0, rss_raw = 0, rss_get = 0, rss_put = 0;
    static double lat[N_SEQ];
    char path[256];
    for (int r = 0; r < rounds && r < 16; r++) {
        /* inspect, sequential: library, then raw. */
        for (int i = 0; i < N_SEQ; i++) lat[i] = lib_inspect_once(idle);
        p99_lib[r] = pct(lat, N_SEQ, 0.99) * 1e3;
        r_seq_lib[r] = pct(lat, N_SEQ, 0.5) * 1e3;
        raw_conn c;
        raw_open(&c);
        snprintf(path, sizeof path, API "/containers/%s/json", cid);
        for (int i = 0; i < N_SEQ; i++) lat[i] = raw_inspect_once(&c, path);
        p99_raw[r] = pct(lat, N_SEQ, 0.99) * 1e3;
        r_seq_raw[r] = pct(lat, N_SEQ, 0.5) * 1e3;
        par_lib[r] = par_rate(idle, 0);
        par_raw[r] = par_rate(idle, 1);

        /* exec_run of true: 20 each, median. */
        double el[20], er[20];
        for (int i = 0; i < 20; i++) {
            double t = now();
            int64_t code;
            if (docker_container_exec_run(idle, "true", NULL, &code, NULL, NULL, &e) != DOCKER_OK) die("exec", e);
            el[i] = now() - t;
            t = now();
            char body[] = "{\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":[\"true\"]}";
            char p2[256], idbuf[4096];
            size_t idn = 0;
            snprintf(p2, sizeof p2, API "/containers/%s/exec", cid);
            raw_send(&c, "POST", p2, body, strlen(body), "application/json");
            /* Read the create answer's body for the exec id. */
            memset(idbuf, 0, sizeof idbuf);
            {
                char line[1024];
                raw_line(&c, line, sizeof line);
                long clen = 0;
                for (;;) { raw_line(&c, line, sizeof line); if (!line[0]) break; if (strncasecmp(line, "Content-Length:", 15) == 0) clen = atol(line + 15); }
                while (clen > 0 && raw_fill(&c) > 0) {
                    size_t take = c.len - c.pos < (size_t)clen ? c.len - c.pos : (size_t)clen;
                    memcpy(idbuf + idn, c.buf + c.pos, take);
                    idn += take; c.pos += take; clen -= (long)take;
                }
            }
            char *idp = strstr(idbuf, "\"Id\":\"");
            char eid[80] = {0};
            if (idp) memcpy(eid, idp + 6, 64);
            raw_conn s;
            raw_open(&s);
            snprintf(p2, sizeof p2, API "/exec/%s/start", eid);
            raw_send(&s, "POST", p2, "{\"Detach\":false,\"Tty\":false}", 28, "application/json");
            raw_response(&s, NULL, NULL);
            close(s.fd);
            snprintf(p2, sizeof p2, API "/exec/%s/json", eid);
            raw_send(&c, "GET", p2, NULL, 0, NULL);
            raw_response(&c, NULL, NULL);
            er[i] = now() - t;
        }
        exec_lib[r] = pct(el, 20, 0.5) * 1e3;
        exec_raw[r] = pct(er, 20, 0.5) * 1e3;

        /* stats, one sample (one-shot): 4 each, alternating, median. The engine's collector
         * makes a stats call wait up to a second when another ran in the last second, so the
         * calls are spaced 1.2 s apart. */
        double sl[4], sr[4];
        char p3[256];
        snprintf(p3, sizeof p3, API "/containers/%s/stats?stream=0&one-shot=1", cid);
        for (int i = 0; i < 4; i++) {
            usleep(1200 * 1000);
            double t = now();
            char *json = NULL;
            if (docker_container_stats_once(idle, NULL, &json, &e) != DOCKER_OK) die("stats", e);
            docker_string_free(json);
            sl[i] = now() - t;
            usleep(1200 * 1000);
            t = now();
            raw_send(&c, "GET", p3, NULL, 0, NULL);
            raw_response(&c, NULL, NULL);
            sr[i] = now() - t;
        }
        st_lib[r] = pct(sl, 4, 0.5) * 1e3;
        st_raw[r] = pct(sr, 4, 0.5) * 1e3;
        close(c.fd);

        /* Streams and archives, each in a child process (peak RSS growth). */
        size_t b;
        long g;
        logs_raw[r] = (double)((size_t)log_mib << 20) / in_child(raw_logs, &b, &g) / 1e6; if (g > rss_raw) rss_raw = g;
        logs_cb[r] = (double)b / in_child(lib_logs_cb, &b, &g) / 1e6; if (g > rss_cb) rss_cb = g;
        logs_pull[r] = (double)b / in_child(lib_logs_pull, &b, &g) / 1e6; if (g > rss_pull) rss_pull = g;
        get_raw[r] = (double)(256u << 20) / in_child(raw_get_archive, &b, &g) / 1e6;
        get_lib[r] = (double)(256u << 20) / in_child(lib_get_archive, &b, &g) / 1e6; if (g > rss_get) rss_get = g;
        put_raw[r] = (double)(256u << 20) / in_child(raw_put_archive, &b, &g) / 1e6;
        put_lib[r] = (double)(256u << 20) / in_child(lib_put_archive, &b, &g) / 1e6; if (g > rss_put) rss_put = g;
        fprintf(stderr, "round %d done\n", r + 1);
    }
    int n = rounds < 16 ? rounds : 16;
#define MED(a) pct(a, n, 0.5)
    printf("\n| row | library (C) | raw floor | library / floor |\n|---|---|---|---|\n");
    printf("| inspect, sequential median | %.3f ms | %.3f ms | %.2fx |\n", MED(r_seq_lib), MED(r_seq_raw), MED(r_seq_lib) / MED(r_seq_raw));
    printf("| inspect, sequential p99 | %.3f ms | %.3f ms | %.2fx |\n", MED(p99_lib), MED(p99_raw), MED(p99_lib) / MED(p99_raw));
    printf("| inspect, 8 threads | %.0f/s | %.0f/s | %.2fx throughput |\n", MED(par_lib), MED(par_raw), MED(par_lib) / MED(par_raw));
    printf("| exec_run `true` | %.1f ms | %.1f ms | %.2fx |\n", MED(exec_lib), MED(exec_raw), MED(exec_lib) / MED(exec_raw));
    printf("| stats, one sample (one-shot) | %.1f ms | %.1f ms | %.2fx |\n", MED(st_lib), MED(st_raw), MED(st_lib) / MED(st_raw));
    printf("| logs %d MiB, 4 KiB lines, callback | %.0f MB/s, +%ld KiB RSS | %.0f MB/s, +%ld KiB RSS | %.2fx throughput |\n", log_mib, MED(logs_cb), rss_cb, MED(logs_raw), rss_raw, MED(logs_cb) / MED(logs_raw));
    printf("| logs %d MiB, 4 KiB lines, pull | %.0f MB/s, +%ld KiB RSS | %.0f MB/s | %.2fx throughput |\n", log_mib, MED(logs_pull), rss_pull, MED(logs_raw), MED(logs_pull) / MED(logs_raw));
    printf("| get_archive 256 MiB | %.0f MB/s, +%ld KiB RSS | %.0f MB/s | %.2fx throughput |\n", MED(get_lib), rss_get, MED(get_raw), MED(get_lib) / MED(get_raw));
    printf("| put_archive 256 MiB (from a file) | %.0f MB/s, +%ld KiB RSS | %.0f MB/s | %.2fx throughput |\n", MED(put_lib), rss_put, MED(put_raw), MED(put_lib) / MED(put_raw));

    docker_container *hs[] = {idle, logs, files};
    for (int i = 0; i < 3; i++) {
        docker_container_remove(hs[i], "{\"force\": true}", NULL);
        docker_container_free(hs[i]);
    }
    unlink(tar_path);
    docker_client_free(client);
    return 0;
}
