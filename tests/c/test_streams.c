/* test_streams.c: streams from C under valgrind: logs by callback and by pull, exec with its exit
 * code, interactive exec with half-close, a cancel token fired from another thread, stats.
 * Containers: dc-t4c-*. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"

struct sink {
    size_t out, err, console, json, calls;
    pthread_t thread;
    int other_thread;
    size_t stop_after;
};

static int on_data(void *userdata, docker_stream_kind kind, const uint8_t *data, size_t len) {
    struct sink *s = userdata;
    (void)data;
    s->calls++;
    if (!pthread_equal(pthread_self(), s->thread)) s->other_thread = 1;
    switch (kind) {
    case DOCKER_STREAM_STDOUT: s->out += len; break;
    case DOCKER_STREAM_STDERR: s->err += len; break;
    case DOCKER_STREAM_CONSOLE: s->console += len; break;
    case DOCKER_STREAM_JSON: s->json += len; break;
    default: break;
    }
    return (s->stop_after && s->calls >= s->stop_after) ? 1 : 0;
}

static void *fire_later(void *token) {
    struct timespec ts = {0, 300 * 1000 * 1000};
    nanosleep(&ts, NULL);
    docker_cancel_fire(token);
    return NULL;
}

static void cleanup(docker_client *c) {
    docker_container *h = NULL;
    if (docker_containers_get(c, "dc-t4c-a", &h, NULL) == DOCKER_OK) {
        docker_container_remove(h, "{\"force\": true}", NULL);
        docker_container_free(h);
    }
}

int main(void) {
    docker_error *err = NULL;
    docker_client *c = NULL;
    CHECK_OK(docker_client_from_env(NULL, &c, &err), &err);
    cleanup(c);

    docker_container *h = NULL;
    CHECK_OK(docker_containers_run(c, IMAGE, "sh -c 'seq 1 1000; echo bad >&2; while :; do sleep 0.1; echo t; done'",
                                   "{\"detach\": true, \"name\": \"dc-t4c-a\"}", &h, NULL, &err), &err);
    struct timespec ts = {0, 500 * 1000 * 1000};
    nanosleep(&ts, NULL);

    /* Logs by callback, on this thread. */
    struct sink s = {0};
    s.thread = pthread_self();
    CHECK_OK(docker_container_logs(h, "{\"tail\": \"all\"}", on_data, &s, NULL, &err), &err);
    CHECK(s.out >= 3893 && s.err == 4 && !s.other_thread);

    /* Follow, then cancel from another thread. */
    docker_cancel *token = docker_cancel_new();
    pthread_t th;
    CHECK(pthread_create(&th, NULL, fire_later, token) == 0);
    memset(&s, 0, sizeof s);
    s.thread = pthread_self();
    CHECK_CODE(docker_container_logs(h, "{\"follow\": true}", on_data, &s, token, &err), DOCKER_ERR_CANCELLED, &err);
    docker_error_free(err);
    err = NULL;
    pthread_join(th, NULL);
    docker_cancel_free(token);

    /* Logs by pull. */
    docker_stream *st = NULL;
    CHECK_OK(docker_container_logs_open(h, "{\"tail\": 5}", &st, &err), &err);
    docker_chunk chunk;
    size_t got = 0;
    for (;;) {
        CHECK_OK(docker_stream_next(st, 10000, &chunk, &err), &err);
        if (chunk.kind == DOCKER_STREAM_END) break;
        got += chunk.len;
    }
    CHECK(got > 0);
    docker_stream_free(st);
    st = NULL;

    /* Exec with its exit code, streamed. */
    int64_t code = -1;
    memset(&s, 0, sizeof s);
    s.thread = pthread_self();
    CHECK_OK(docker_container_exec_stream(h, "sh -c 'echo hi; exit 7'", NULL, on_data, &s, NULL, &code, &err), &err);
    CHECK(code == 7 && s.out == 3);

    /* Gathered exec. */
    docker_buffer *out = NULL;
    CHECK_OK(docker_container_exec_run(h, "echo gathered", NULL, &code, &out, NULL, &err), &err);
    CHECK(code == 0 && out->len == 9 && memcmp(out->data, "gathered\n", 9) == 0);
    docker_buffer_free(out);

    /* Interactive: cat echoes, half-close ends it. */
    CHECK_OK(docker_container_exec_open(h, "cat", NULL, &st, &err), &err);
    CHECK_OK(docker_stream_write(st, (const uint8_t *)"ping\n", 5, &err), &err);
    CHECK_OK(docker_stream_close_write(st, &err), &err);
    got = 0;
    for (;;) {
        CHECK_OK(docker_stream_next(st, 10000, &chunk, &err), &err);
        if (chunk.kind == DOCKER_STREAM_END) break;
        CHECK(chunk.kind == DOCKER_STREAM_STDOUT);
        got += chunk.len;
    }
    CHECK(got == 5);
    CHECK_OK(docker_stream_exit_code(st, &code, &err), &err);
    CHECK(code == 0);
    docker_stream_free(st);

    /* One stats sample and two from the stream. */
    char *json = NULL;
    CHECK_OK(docker_container_stats_once(h, NULL, &json, &err), &err);
    CHECK(strstr(json, "\"derived\"") != NULL);
    docker_string_free(json);
    memset(&s, 0, sizeof s);
    s.thread = pthread_self();
    s.stop_after = 2;
    CHECK_CODE(docker_container_stats(h, NULL, on_data, &s, NULL, &err), DOCKER_ERR_STOPPED_BY_CALLBACK, &err);
    docker_error_free(err);
    err = NULL;
    CHECK(s.json > 0 && s.calls == 2);

    /* NULL-safety. */
    CHECK_CODE(docker_container_logs(h, NULL, NULL, NULL, NULL, &err), DOCKER_ERR_INVALID_ARGUMENT, &err);
    docker_error_free(err);
    err = NULL;
    CHECK_CODE(docker_stream_next(NULL, 0, &chunk, &err), DOCKER_ERR_INVALID_ARGUMENT, &err);
    docker_error_free(err);
    err = NULL;
    docker_stream_free(NULL);
    docker_stream_cancel(NULL);
    docker_cancel_fire(NULL);
    docker_cancel_free(NULL);

    CHECK_OK(docker_container_remove(h, "{\"force\": true}", &err), &err);
    docker_container_free(h);
    docker_client_free(c);
    DONE("test_streams");
}
