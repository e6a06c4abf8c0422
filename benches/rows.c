/* rows.c: one benchmark row for one client, docker_containers from C ("lib") or the raw floor
 * ("raw": a minimal keep-alive HTTP/1.1 client written directly on the unix socket), printing
 * one JSON object. benches/run.py calls it, and the other clients' programs, round by round.
 *
 *   build/bench-rows CLIENT ROW        CLIENT: lib | raw
 *   build/bench-rows CLIENT serve      batches: reads "ROW N" lines on stdin, answers one JSON
 *                                      line per batch (the driver alternates clients this way)
 *   build/bench-rows CLIENT cost N     N inspect calls after a warm-up, nothing printed: the
 *                                      program benches/cost.py runs under callgrind and strace
 *
 * Rows: inspect_seq, inspect_par (8 threads), exec, lifecycle_seq, lifecycle_par (4 at once),
 * logs (BENCH_LOGS_ID), get_archive (/big in BENCH_FILES_ID), put_archive (BENCH_TAR into
 * BENCH_FILES_ID:/tmp), stats. Containers come from the driver: BENCH_IDLE_ID (running),
 * BENCH_IMAGE. Streams report MB/s and the process's peak RSS growth over the row. */
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
static const char *idle_id, *image;

static const char *env(const char *k) {
    const char *v = getenv(k);
    if (!v || !*v) { fprintf(stderr, "bench-rows: %s is not set\n", k); exit(2); }
    return v;
}

static docker_container *get(const char *id) {
    docker_container *h = NULL;
    docker_error *e = NULL;
    if (docker_containers_get(client, id, &h, &e) != DOCKER_OK) die("get", e);
    return h;
}

/* inspect */

#define THREADS 8

static double lib_inspect_once(docker_container *h) {
    double t = now();
    docker_error *e = NULL;
    if (docker_container_reload(h, &e) != DOCKER_OK) die("reload", e);
    return now() - t;
}

static double raw_inspect_once(raw_conn *c, const char *path) {
    double t = now();
    raw_send(c, "GET", path, NULL, 0, NULL);
    if (raw_response(c, NULL, NULL) != 200) { fprintf(stderr, "inspect failed\n"); exit(1); }
    return now() - t;
}

struct par_arg { docker_container *h; int raw; int n; };

static void *par_worker(void *p) {
    struct par_arg *a = p;
    raw_conn *c = NULL;
    char path[256];
    if (a->raw) {
        c = malloc(sizeof *c);
        raw_open(c);
        snprintf(path, sizeof path, API "/containers/%s/json", idle_id);
    }
    for (int i = 0; i < a->n; i++) {
        if (a->raw) raw_inspect_once(c, path);
        else lib_inspect_once(a->h);
    }
    if (c) { close(c->fd); free(c); }
    return NULL;
}

static void row_inspect(int raw, int par) {
    int n = getenv("BENCH_QUICK") ? 500 : 2000;
    docker_container *h = raw ? NULL : get(idle_id);
    if (par) {
        pthread_t th[THREADS];
        struct par_arg a = {h, raw, n / THREADS};
        double t = now();
        for (int i = 0; i < THREADS; i++) pthread_create(&th[i], NULL, par_worker, &a);
        for (int i = 0; i < THREADS; i++) pthread_join(th[i], NULL);
        printf("{\"per_s\": %.1f}\n", n / THREADS * THREADS / (now() - t));
    } else {
        double *lat = malloc(n * sizeof *lat);
        raw_conn *c = malloc(sizeof *c);
        char path[256];
        snprintf(path, sizeof path, API "/containers/%s/json", idle_id);
        if (raw) raw_open(c);
        for (int i = 0; i < n; i++) lat[i] = raw ? raw_inspect_once(c, path) : lib_inspect_once(h);
        double p50 = pct(lat, n, 0.5) * 1e3, p99 = pct(lat, n, 0.99) * 1e3;
        printf("{\"ms\": %.4f, \"p99_ms\": %.4f, \"per_s\": %.1f}\n", p50, p99, 1e3 / p50);
        if (raw) close(c->fd);
        free(c);
        free(lat);
    }
    docker_container_free(h);
}

/* exec_run of `true`: create, start attached, exit code */

static void raw_body(raw_conn *c, char *out, size_t cap) {
    size_t n = 0;
    out[0] = 0;
    char line[1024];
    raw_line(c, line, sizeof line);
    long clen = -1;
    int chunked = 0;
    for (;;) {
        raw_line(c, line, sizeof line);
        if (!line[0]) break;
        if (strncasecmp(line, "Content-Length:", 15) == 0) clen = atol(line + 15);
        if (strncasecmp(line, "Transfer-Encoding: chunked", 26) == 0) chunked = 1;
    }
    for (;;) {
        long size = clen;
        if (chunked) {
            raw_line(c, line, sizeof line);
            size = strtol(line, NULL, 16);
            if (size == 0) { raw_line(c, line, sizeof line); break; }
        }
        while (size > 0 && raw_fill(c) > 0) {
            size_t take = c->len - c->pos < (size_t)size ? c->len - c->pos : (size_t)size;
            if (n + take < cap) { memcpy(out + n, c->buf + c->pos, take); n += take; out[n] = 0; }
            c->pos += take;
            size -= (long)take;
        }
        if (!chunked) break;
        raw_line(c, line, sizeof line);
    }
}

static void id_of(const char *json, char *id) {
    const char *p = strstr(json, "\"Id\":\"");
    id[0] = 0;
    if (p) { memcpy(id, p + 6, 64); id[64] = 0; }
}

static double raw_exec_once(raw_conn *c) {
    double t = now();
    char body[] = "{\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":[\"true\"]}";
    char path[256], answer[4096], eid[80];
    snprintf(path, sizeof path, API "/containers/%s/exec", idle_id);
    raw_send(c, "POST", path, body, strlen(body), "application/json");
    raw_body(c, answer, sizeof answer);
    id_of(answer, eid);
    raw_conn *s = malloc(sizeof *s);
    raw_open(s);
    snprintf(path, sizeof path, API "/exec/%s/start", eid);
    raw_send(s, "POST", path, "{\"Detach\":false,\"Tty\":false}", 28, "application/json");
    raw_response(s, NULL, NULL);
    close(s->fd);
    free(s);
    snprintf(path, sizeof path, API "/exec/%s/json", eid);
    raw_send(c, "GET", path, NULL, 0, NULL);
    raw_body(c, answer, sizeof answer);
    if (!strstr(answer, "\"ExitCode\":0")) { fprintf(stderr, "exec: %s\n", answer); exit(1); }
    return now() - t;
}

static double lib_exec_once(docker_container *h) {
    double t = now();
    int64_t code = -1;
    docker_error *e = NULL;
    if (docker_container_exec_run(h, "true", NULL, &code, NULL, NULL, &e) != DOCKER_OK) die("exec", e);
    if (code != 0) { fprintf(stderr, "exec exit %lld\n", (long long)code); exit(1); }
    return now() - t;
}

static void row_exec(int raw) {
    int n = getenv("BENCH_QUICK") ? 5 : 20;
    double lat[64];
    docker_container *h = raw ? NULL : get(idle_id);
    raw_conn *c = malloc(sizeof *c);
    if (raw) raw_open(c);
    for (int i = 0; i < n; i++) lat[i] = raw ? raw_exec_once(c) : lib_exec_once(h);
    printf("{\"ms\": %.3f}\n", pct(lat, n, 0.5) * 1e3);
    if (raw) close(c->fd);
    free(c);
    docker_container_free(h);
}

/* lifecycle: create + start + wait + remove of a `true` container */

static double lib_cycle(void) {
    double t = now();
    docker_container *h = NULL;
    docker_error *e = NULL;
    int64_t code = -1;
    if (docker_containers_create(client, image, "true", NULL, &h, &e) != DOCKER_OK) die("create", e);
    if (docker_container_start(h, &e) != DOCKER_OK) die("start", e);
    if (docker_container_wait(h, NULL, &code, NULL, &e) != DOCKER_OK) die("wait", e);
    if (docker_container_remove(h, NULL, &e) != DOCKER_OK) die("remove", e);
    docker_container_free(h);
    if (code != 0) { fprintf(stderr, "lifecycle exit %lld\n", (long long)code); exit(1); }
    return now() - t;
}

static double raw_cycle(raw_conn *c) {
    double t = now();
    char body[512], path[256], answer[4096], id[80];
    int n = snprintf(body, sizeof body, "{\"Image\":\"%s\",\"Cmd\":[\"true\"]}", image);
    raw_send(c, "POST", API "/containers/create", body, (size_t)n, "application/json");
    raw_body(c, answer, sizeof answer);
    id_of(answer, id);
    if (!id[0]) { fprintf(stderr, "create: %s\n", answer); exit(1); }
    snprintf(path, sizeof path, API "/containers/%s/start", id);
    raw_send(c, "POST", path, NULL, 0, NULL);
    raw_body(c, answer, sizeof answer);
    snprintf(path, sizeof path, API "/containers/%s/wait", id);
    raw_send(c, "POST", path, NULL, 0, NULL);
    raw_body(c, answer, sizeof answer);
    if (!strstr(answer, "\"StatusCode\":0")) { fprintf(stderr, "wait: %s\n", answer); exit(1); }
    snprintf(path, sizeof path, API "/containers/%s", id);
    raw_send(c, "DELETE", path, NULL, 0, NULL);
    raw_body(c, answer, sizeof answer);
    return now() - t;
}

struct cyc_arg { int raw, n; };

static void *cyc_worker(void *p) {
    struct cyc_arg *a = p;
    raw_conn *c = malloc(sizeof *c);
    if (a->raw) raw_open(c);
    for (int i = 0; i < a->n; i++) a->raw ? raw_cycle(c) : lib_cycle();
    if (a->raw) close(c->fd);
    free(c);
    return NULL;
}

static void row_lifecycle(int raw, int par) {
    int n = getenv("BENCH_QUICK") ? 3 : 10;
    if (par) {
        pthread_t th[4];
        struct cyc_arg a = {raw, n / 2 > 0 ? n / 2 : 1};
        double t = now();
        for (int i = 0; i < 4; i++) pthread_create(&th[i], NULL, cyc_worker, &a);
        for (int i = 0; i < 4; i++) pthread_join(th[i], NULL);
        printf("{\"per_s\": %.3f}\n", 4 * a.n / (now() - t));
    } else {
        double lat[64];
        raw_conn *c = malloc(sizeof *c);
        if (raw) raw_open(c);
        for (int i = 0; i < n; i++) lat[i] = raw ? raw_cycle(c) : lib_cycle();
        printf("{\"ms\": %.2f}\n", pct(lat, n, 0.5) * 1e3);
        if (raw) close(c->fd);
        free(c);
    }
}

/* streams and archives: MB/s and the peak RSS growth of this process */

static int lib_count(void *ud, docker_stream_kind k, const uint8_t *d, size_t len) {
    (void)k; (void)d;
    *(size_t *)ud += len;
    return 0;
}

static size_t lib_logs(const char *id) {
    docker_container *h = get(id);
    docker_error *e = NULL;
    size_t n = 0;
    if (docker_container_logs(h, NULL, lib_count, &n, NULL, &e) != DOCKER_OK) die("logs", e);
    docker_container_free(h);
    return n;
}

static size_t lib_logs_pull(const char *id) {
    docker_container *h = get(id);
    docker_error *e = NULL;
    docker_stream *s = NULL;
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

static size_t raw_logs(const char *id) {
    raw_conn *c = malloc(sizeof *c);
    raw_open(c);
    char path[256];
    snprintf(path, sizeof path, API "/containers/%s/logs?stdout=1&stderr=1", id);
    raw_send(c, "GET", path, NULL, 0, NULL);
    demux_t d = {0};
    raw_response(c, demux_sink, &d);
    close(c->fd);
    free(c);
    return d.payload;
}

/* The file get_archive reads: /big unless BENCH_ARCHIVE_PATH says (benches/cost.py uses two). */
static const char *archive_path(void) {
    const char *p = getenv("BENCH_ARCHIVE_PATH");
    return p && *p ? p : "/big";
}

static size_t lib_get_archive(const char *id) {
    docker_container *h = get(id);
    docker_error *e = NULL;
    size_t n = 0;
    if (docker_container_get_archive(h, archive_path(), NULL, lib_count, &n, NULL, NULL, NULL, NULL, &e) != DOCKER_OK) die("get_archive", e);
    docker_container_free(h);
    return n;
}

static size_t raw_get_archive(const char *id) {
    raw_conn *c = malloc(sizeof *c);
    raw_open(c);
    char path[256];
    snprintf(path, sizeof path, API "/containers/%s/archive?path=%s", id, archive_path());
    raw_send(c, "GET", path, NULL, 0, NULL);
    size_t n = 0;
    raw_response(c, count_sink, &n);
    close(c->fd);
    free(c);
    return n;
}

static size_t file_size(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    return (size_t)size;
}

static size_t lib_put_archive(const char *id) {
    docker_container *h = get(id);
    docker_error *e = NULL;
    const char *tar = env("BENCH_TAR");
    if (docker_container_put_archive_file(h, "/tmp", tar, NULL, NULL, NULL, &e) != DOCKER_OK) die("put_archive", e);
    docker_container_free(h);
    return file_size(tar);
}

static size_t raw_put_archive(const char *id) {
    raw_conn *c = malloc(sizeof *c);
    raw_open(c);
    const char *tar = env("BENCH_TAR");
    size_t size = file_size(tar);
    FILE *f = fopen(tar, "rb");
    char path[256], head[512];
    snprintf(path, sizeof path, API "/containers/%s/archive?path=/tmp", id);
    int n = snprintf(head, sizeof head, "PUT %s HTTP/1.1\r\nHost: docker\r\nContent-Type: application/x-tar\r\nContent-Length: %zu\r\n\r\n", path, size);
    if (write(c->fd, head, n) != n) exit(1);
    static char buf[1 << 16];
    size_t r;
    while ((r = fread(buf, 1, sizeof buf, f)) > 0)
        if (write(c->fd, buf, r) != (ssize_t)r) exit(1);
    fclose(f);
    if (raw_response(c, NULL, NULL) != 200) { fprintf(stderr, "put_archive failed\n"); exit(1); }
    close(c->fd);
    free(c);
    return size;
}

typedef size_t (*stream_fn)(const char *id);

static void row_stream(stream_fn fn, const char *id) {
    long before = rss_kib("VmRSS:");
    double t = now();
    size_t bytes = fn(id);
    double dt = now() - t;
    long growth = rss_kib("VmHWM:") - before;
    printf("{\"mb_s\": %.2f, \"bytes\": %zu, \"rss_growth_kib\": %ld}\n", bytes / dt / 1e6, bytes, growth);
}

/* stats, one sample (one-shot): the engine's collector makes a call wait up to a second when
 * another ran in the last second, so samples are spaced 1.2 s apart. */
static void row_stats(int raw) {
    int n = getenv("BENCH_QUICK") ? 2 : 4;
    double lat[16];
    docker_container *h = raw ? NULL : get(idle_id);
    raw_conn *c = malloc(sizeof *c);
    char path[256];
    snprintf(path, sizeof path, API "/containers/%s/stats?stream=0&one-shot=1", idle_id);
    if (raw) raw_open(c);
    for (int i = 0; i < n; i++) {
        usleep(1200 * 1000);
        double t = now();
        if (raw) {
            raw_send(c, "GET", path, NULL, 0, NULL);
            raw_response(c, NULL, NULL);
        } else {
            char *json = NULL;
            docker_error *e = NULL;
            if (docker_container_stats_once(h, NULL, &json, &e) != DOCKER_OK) die("stats", e);
            docker_string_free(json);
        }
        lat[i] = now() - t;
    }
    printf("{\"ms\": %.3f}\n", pct(lat, n, 0.5) * 1e3);
    if (raw) close(c->fd);
    free(c);
    docker_container_free(h);
}

/* ---------- serve: short batches on demand, for the driver's alternation ---------- */

/* A pool of persistent workers (threads and their raw connections live across batches, as in
 * a long-running program): go() hands each worker `each` calls and returns when all are done,
 * timed from the release to the last worker's finish. */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv, done_cv;
    int nthreads, gen, each, pending, raw, kind; /* kind: 0 inspect, 1 lifecycle */
    docker_container *h;
} pool_t;

static pool_t pool = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER,
                      .done_cv = PTHREAD_COND_INITIALIZER};

static void *pool_worker(void *p) {
    (void)p;
    raw_conn *c = NULL;
    char path[256];
    snprintf(path, sizeof path, API "/containers/%s/json", idle_id);
    int seen = 0;
    pthread_mutex_lock(&pool.mu);
    for (;;) {
        while (pool.gen == seen) pthread_cond_wait(&pool.cv, &pool.mu);
        seen = pool.gen;
        int each = pool.each, raw = pool.raw, kind = pool.kind;
        docker_container *h = pool.h;
        pthread_mutex_unlock(&pool.mu);
        if (raw && !c) { c = malloc(sizeof *c); raw_open(c); }
        for (int i = 0; i < each; i++) {
            if (kind == 0) raw ? raw_inspect_once(c, path) : lib_inspect_once(h);
            else raw ? raw_cycle(c) : lib_cycle();
        }
        pthread_mutex_lock(&pool.mu);
        if (--pool.pending == 0) pthread_cond_signal(&pool.done_cv);
    }
    return NULL;
}

static double pool_go(int nthreads, int kind, int raw, docker_container *h, int each) {
    static int started = 0;
    if (started && started != nthreads) { fprintf(stderr, "bench-rows: one pool size per serve process\n"); exit(2); }
    if (!started) {
        for (int i = 0; i < nthreads; i++) {
            pthread_t t;
            pthread_create(&t, NULL, pool_worker, NULL);
            pthread_detach(t);
        }
        started = nthreads;
    }
    pthread_mutex_lock(&pool.mu);
    double t = now();
    pool.each = each;
    pool.raw = raw;
    pool.kind = kind;
    pool.h = h;
    pool.pending = nthreads;
    pool.gen++;
    pthread_cond_broadcast(&pool.cv);
    while (pool.pending) pthread_cond_wait(&pool.done_cv, &pool.mu);
    t = now() - t;
    pthread_mutex_unlock(&pool.mu);
    return t;
}

static void print_lat(double *lat, int n, double total) {
    printf("{\"s\": %.6f, \"lat_us\": [", total);
    for (int i = 0; i < n; i++) printf("%s%.1f", i ? "," : "", lat[i] * 1e6);
    printf("]}\n");
}

/* One batch of N calls of a small-call row. Stats samples are spaced by the driver. */
static void serve(int raw) {
    docker_container *h = raw ? NULL : get(idle_id);
    raw_conn *c = malloc(sizeof *c);
    if (raw) raw_open(c);
    char path[256], stats_path[256], line[256], row[64];
    snprintf(path, sizeof path, API "/containers/%s/json", idle_id);
    snprintf(stats_path, sizeof stats_path, API "/containers/%s/stats?stream=0&one-shot=1", idle_id);
    while (fgets(line, sizeof line, stdin)) {
        int n = 0;
        if (sscanf(line, "%63s %d", row, &n) != 2 || n <= 0) { fprintf(stderr, "bench-rows: bad batch %s", line); exit(2); }
        if (!strcmp(row, "inspect_par")) {
            double dt = pool_go(THREADS, 0, raw, h, n / THREADS);
            printf("{\"s\": %.6f, \"per_s\": %.1f}\n", dt, n / THREADS * THREADS / dt);
        } else if (!strcmp(row, "lifecycle_par")) {
            double dt = pool_go(4, 1, raw, h, n);
            printf("{\"s\": %.6f, \"per_s\": %.3f}\n", dt, 4 * n / dt);
        } else {
            double *lat = malloc(n * sizeof *lat), t0 = now();
            for (int i = 0; i < n; i++) {
                if (!strcmp(row, "inspect_seq")) lat[i] = raw ? raw_inspect_once(c, path) : lib_inspect_once(h);
                else if (!strcmp(row, "exec")) lat[i] = raw ? raw_exec_once(c) : lib_exec_once(h);
                else if (!strcmp(row, "lifecycle_seq")) lat[i] = raw ? raw_cycle(c) : lib_cycle();
                else if (!strcmp(row, "stats")) {
                    double t = now();
                    if (raw) {
                        raw_send(c, "GET", stats_path, NULL, 0, NULL);
                        raw_response(c, NULL, NULL);
                    } else {
                        char *json = NULL;
                        docker_error *e = NULL;
                        if (docker_container_stats_once(h, NULL, &json, &e) != DOCKER_OK) die("stats", e);
                        docker_string_free(json);
                    }
                    lat[i] = now() - t;
                } else { fprintf(stderr, "bench-rows: unknown row %s\n", row); exit(2); }
            }
            print_lat(lat, n, now() - t0);
            free(lat);
        }
        fflush(stdout);
    }
    if (raw) close(c->fd);
    free(c);
    docker_container_free(h);
}

/* N inspect calls after 50 of warm-up, for counting (instructions, syscalls): benches/cost.py
 * runs two counts and takes the difference, so start-up and warm-up cancel out. */
static void cost(int raw, int n) {
    docker_container *h = raw ? NULL : get(idle_id);
    raw_conn *c = malloc(sizeof *c);
    char path[256];
    snprintf(path, sizeof path, API "/containers/%s/json", idle_id);
    if (raw) raw_open(c);
    for (int i = 0; i < 50 + n; i++) raw ? raw_inspect_once(c, path) : lib_inspect_once(h);
    if (raw) close(c->fd);
    free(c);
    docker_container_free(h);
}

int main(int argc, char **argv) {
    if (argc < 3 || (strcmp(argv[1], "lib") && strcmp(argv[1], "raw"))) {
        fprintf(stderr, "usage: bench-rows lib|raw ROW | serve | cost N\n");
        return 2;
    }
    int raw = strcmp(argv[1], "raw") == 0;
    const char *row = argv[2];
    docker_error *e = NULL;
    if (docker_client_from_env(NULL, &client, &e) != DOCKER_OK) die("client", e);
    idle_id = env("BENCH_IDLE_ID");
    image = env("BENCH_IMAGE");
    if (!strcmp(row, "serve")) serve(raw);
    else if (!strcmp(row, "cost")) cost(raw, argc > 3 ? atoi(argv[3]) : 1000);
    else if (!strcmp(row, "inspect_seq")) row_inspect(raw, 0);
    else if (!strcmp(row, "inspect_par")) row_inspect(raw, 1);
    else if (!strcmp(row, "exec")) row_exec(raw);
    else if (!strcmp(row, "lifecycle_seq")) row_lifecycle(raw, 0);
    else if (!strcmp(row, "lifecycle_par")) row_lifecycle(raw, 1);
    else if (!strcmp(row, "logs")) row_stream(raw ? raw_logs : lib_logs, env("BENCH_LOGS_ID"));
    else if (!strcmp(row, "logs_pull")) row_stream(raw ? raw_logs : lib_logs_pull, env("BENCH_LOGS_ID"));
    else if (!strcmp(row, "get_archive")) row_stream(raw ? raw_get_archive : lib_get_archive, env("BENCH_FILES_ID"));
    else if (!strcmp(row, "put_archive")) row_stream(raw ? raw_put_archive : lib_put_archive, env("BENCH_FILES_ID"));
    else if (!strcmp(row, "stats")) row_stats(raw);
    else { fprintf(stderr, "bench-rows: unknown row %s\n", row); return 2; }
    docker_client_free(client);
    return 0;
}
