/* test_events.c: readiness waits and engine events from C, under valgrind: a log line and a
 * status, a timeout that names what it saw, a container that exits during the wait, an events
 * pull stream filtered by container and event. Containers: dcevt-c-*. */
#include <stdint.h>

#include "check.h"

static const char *IMAGE = "dc-test/busybox:latest";

static void remove_named(docker_client *client, const char *name) {
    docker_container *c = NULL;
    if (docker_containers_get(client, name, &c, NULL) == DOCKER_OK) {
        docker_container_remove(c, "{\"force\": true}", NULL);
        docker_container_free(c);
    }
}

static docker_container *run(docker_client *client, const char *name, const char *cmd) {
    char opts[256];
    docker_container *c = NULL;
    docker_error *err = NULL;
    snprintf(opts, sizeof opts, "{\"detach\": true, \"name\": \"%s\"}", name);
    CHECK_OK(docker_containers_run(client, IMAGE, cmd, opts, &c, NULL, &err), &err);
    return c;
}

int main(void) {
    docker_client *client = NULL;
    docker_error *err = NULL;
    CHECK_OK(docker_client_from_env(NULL, &client, &err), &err);
    remove_named(client, "dcevt-c-ready");
    remove_named(client, "dcevt-c-exit");

    docker_container *ready = run(client, "dcevt-c-ready", "sh -c 'echo ready; sleep 300'");
    CHECK_OK(docker_container_wait_for(ready, "{\"log\": \"^ready$\", \"status\": \"running\"}", 120000, NULL, &err),
             &err);

    /* A timeout names the condition and what was last seen. */
    CHECK_CODE(docker_container_wait_for(ready, "{\"status\": \"exited\"}", 500, NULL, &err), DOCKER_ERR_TIMEOUT,
               &err);
    CHECK(strstr(docker_error_message(err), "status: wanted exited, last seen running") != NULL);
    docker_error_free(err);
    err = NULL;

    /* Events: this container's only, until its die (Podman's "event" filter knows other names,
     * so the action is picked here). */
    char filters[256];
    snprintf(filters, sizeof filters, "{\"filters\": {\"container\": \"%s\", \"type\": \"container\"}}",
             docker_container_id(ready));
    docker_stream *events = NULL;
    CHECK_OK(docker_client_events_open(client, filters, &events, &err), &err);
    CHECK_OK(docker_container_kill(ready, NULL, &err), &err);
    int died = 0, seen = 0;
    while (!died) {
        docker_chunk chunk;
        CHECK_OK(docker_stream_next(events, 120000, &chunk, &err), &err);
        CHECK(chunk.kind == DOCKER_STREAM_JSON);
        char *text = malloc(chunk.len + 1);
        CHECK(text != NULL);
        memcpy(text, chunk.data, chunk.len);
        text[chunk.len] = '\0';
        CHECK(strstr(text, docker_container_id(ready)) != NULL);
        died = strstr(text, "\"Action\":\"die\"") != NULL;
        free(text);
        seen++;
    }
    CHECK(seen >= 1);
    docker_stream_free(events);

    /* A container that exits while waited on: its exit status and last output. */
    docker_container *ex = run(client, "dcevt-c-exit", "sh -c 'echo bye >&2; sleep 1; exit 5'");
    CHECK_CODE(docker_container_wait_for(ex, "{\"log\": \"never\"}", 120000, NULL, &err),
               DOCKER_ERR_CONTAINER_FAILED, &err);
    CHECK(docker_error_exit_status(err) == 5);
    size_t len = 0;
    const uint8_t *out = docker_error_stderr(err, &len);
    CHECK(out != NULL && len >= 4 && memcmp(out, "bye\n", 4) == 0);
    docker_error_free(err);
    err = NULL;

    /* Unknown conditions are refused by name. */
    CHECK_CODE(docker_container_wait_for(ex, "{\"helthy\": true}", 1000, NULL, &err), DOCKER_ERR_INVALID_ARGUMENT,
               &err);
    CHECK(strstr(docker_error_message(err), "\"helthy\"") != NULL);
    docker_error_free(err);

    CHECK_OK(docker_container_remove(ready, "{\"force\": true}", &err), &err);
    CHECK_OK(docker_container_remove(ex, "{\"force\": true}", &err), &err);
    docker_container_free(ready);
    docker_container_free(ex);
    docker_client_free(client);
    DONE("test_events");
}
