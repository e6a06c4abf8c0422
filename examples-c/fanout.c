/* fanout.c: the same work on many engines at once, one client and one thread per engine.
 *   Each thread: connect, ask the engine's version, run a short container, exec in it, collect
 *   the output, remove the container. The main thread gathers and prints one line per engine;
 *   an engine that fails reports its own error and the others go on.
 * Engines: the arguments (unix:///path, tcp://host:port, ...). With none: $DOCKER_HOST (or the
 *   local default socket), plus $CONTAINER_HOST when set (Podman's address, e.g.
 *   CONTAINER_HOST=unix:///run/dc-podman/podman.sock after scripts/podman-up.sh).
 * Exit status: 0 when every engine succeeded, 2 when at least one failed, 1 on a usage error.
 * Build: make (then examples-c/ is built by make c-test); run: build/c/example-fanout ADDR... */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"
#define MAX_ENGINES 16

struct job {
    int index;
    const char *address;
    /* Results, written by the engine's thread, read by main after the join. */
    int ok;
    char version[64];
    char api[16];
    char output[128];
    int64_t exit_code;
    char error[512];
};

/* The string value of "key" in a flat JSON text, copied into out (enough for an example). */
static void json_field(const char *json, const char *key, char *out, size_t n) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *p = strstr(json, pattern);
    out[0] = '\0';
    if (p == NULL) return;
    p += strlen(pattern);
    size_t i = 0;
    while (p[i] != '\0' && p[i] != '"' && i + 1 < n) {
        out[i] = p[i];
        i++;
    }
    out[i] = '\0';
}

static void set_error(struct job *j, const char *what, docker_error *err) {
    snprintf(j->error, sizeof j->error, "%s: %s (%s)", what, docker_error_message(err),
             docker_result_str(docker_error_code(err)));
    docker_error_free(err);
}

static void *work(void *arg) {
    struct job *j = arg;
    docker_client *client = NULL;
    docker_container *c = NULL;
    docker_error *err = NULL;
    char options[512], name[96];

    snprintf(options, sizeof options, "{\"base_url\": \"%s\", \"timeout\": 20}", j->address);
    if (docker_client_new(options, &client, &err) != DOCKER_OK) {
        set_error(j, "connect", err);
        return NULL;
    }
    char *version = NULL;
    if (docker_client_version(client, &version, &err) != DOCKER_OK) {
        set_error(j, "version", err);
        goto out;
    }
    json_field(version, "Version", j->version, sizeof j->version);
    json_field(version, "ApiVersion", j->api, sizeof j->api);
    docker_string_free(version);

    snprintf(name, sizeof name, "dcpod-fanout-%ld-%d", (long)getpid(), j->index);
    snprintf(options, sizeof options, "{\"detach\": true, \"name\": \"%s\"}", name);
    if (docker_containers_run(client, IMAGE, "sleep 30", options, &c, NULL, &err) != DOCKER_OK) {
        set_error(j, "run", err);
        goto out;
    }
    docker_buffer *output = NULL;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "sh -c 'echo engine %d says hello; exit 7'", j->index);
    if (docker_container_exec_run(c, cmd, NULL, &j->exit_code, &output, NULL, &err) != DOCKER_OK) {
        set_error(j, "exec", err);
        goto out;
    }
    size_t len = output->len < sizeof j->output - 1 ? output->len : sizeof j->output - 1;
    memcpy(j->output, output->data, len);
    while (len > 0 && j->output[len - 1] == '\n') len--;
    j->output[len] = '\0';
    docker_buffer_free(output);
    j->ok = 1;

out:
    /* The container goes whatever happened after it was made. */
    if (c != NULL) {
        if (docker_container_remove(c, "{\"force\": true}", &err) != DOCKER_OK) {
            if (j->ok) set_error(j, "remove", err);
            else docker_error_free(err);
            j->ok = 0;
        }
        docker_container_free(c);
    }
    docker_client_free(client);
    return NULL;
}

int main(int argc, char **argv) {
    const char *addresses[MAX_ENGINES];
    int n = 0;
    if (argc > 1) {
        if (argc - 1 > MAX_ENGINES) {
            fprintf(stderr, "fanout: at most %d engines\n", MAX_ENGINES);
            return 1;
        }
        for (int i = 1; i < argc; i++) addresses[n++] = argv[i];
    } else {
        const char *local = getenv("DOCKER_HOST");
        addresses[n++] = local != NULL && local[0] != '\0' ? local : "unix:///var/run/docker.sock";
        const char *podman = getenv("CONTAINER_HOST");
        if (podman != NULL && podman[0] != '\0') addresses[n++] = podman;
    }

    struct job jobs[MAX_ENGINES];
    pthread_t threads[MAX_ENGINES];
    int started[MAX_ENGINES];
    memset(jobs, 0, sizeof jobs);
    for (int i = 0; i < n; i++) {
        jobs[i].index = i;
        jobs[i].address = addresses[i];
        jobs[i].exit_code = -1;
        started[i] = pthread_create(&threads[i], NULL, work, &jobs[i]) == 0;
        if (!started[i]) snprintf(jobs[i].error, sizeof jobs[i].error, "could not start a thread");
    }
    int failed = 0;
    for (int i = 0; i < n; i++) {
        if (started[i]) pthread_join(threads[i], NULL);
        if (jobs[i].ok) {
            printf("engine %d %s: ok: version %s (API %s), exec said \"%s\", exit code %" PRId64 "\n", i,
                   jobs[i].address, jobs[i].version, jobs[i].api, jobs[i].output, jobs[i].exit_code);
        } else {
            printf("engine %d %s: error: %s\n", i, jobs[i].address, jobs[i].error);
            failed++;
        }
    }
    printf("fanout: %d engines, %d ok, %d failed\n", n, n - failed, failed);
    return failed == 0 ? 0 : 2;
}
