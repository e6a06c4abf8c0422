/* test_containers.c: the container API from C, under valgrind: run with output, a failing run,
 * detached lifecycle, handles shared across the API, and error paths. Containers: dc-t3c-*. */
#include "check.h"
#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"

static void cleanup(docker_client *c) {
    docker_container *h = NULL;
    const char *names[] = {"dc-t3c-a", "dc-t3c-b"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (docker_containers_get(c, names[i], &h, NULL) == DOCKER_OK) {
            docker_container_remove(h, "{\"force\": true}", NULL);
            docker_container_free(h);
            h = NULL;
        }
    }
}

int main(void) {
    docker_error *err = NULL;
    docker_client *c = NULL;
    CHECK_OK(docker_client_from_env(NULL, &c, &err), &err);
    cleanup(c);

    docker_buffer *out = NULL;
    CHECK_OK(docker_containers_run(c, IMAGE, "sh -c 'echo one; echo two >&2'", "{\"remove\": true, \"stderr\": true}",
                                   NULL, &out, &err), &err);
    CHECK(out->len == 8);
    CHECK(memchr(out->data, 'o', out->len) != NULL);
    docker_buffer_free(out);
    out = NULL;

    CHECK_CODE(docker_containers_run(c, IMAGE, "sh -c 'echo bad >&2; exit 5'", "{\"remove\": true}", NULL, &out, &err),
               DOCKER_ERR_CONTAINER_FAILED, &err);
    CHECK(docker_error_exit_status(err) == 5);
    size_t len = 0;
    const uint8_t *se = docker_error_stderr(err, &len);
    CHECK(len == 4 && memcmp(se, "bad\n", 4) == 0);
    CHECK(out == NULL);
    docker_error_free(err);
    err = NULL;

    docker_container *a = NULL;
    CHECK_OK(docker_containers_run(c, IMAGE, "sleep 30", "{\"detach\": true, \"name\": \"dc-t3c-a\"}", &a, NULL, &err), &err);
    CHECK(strlen(docker_container_id(a)) == 64);
    char *s = NULL;
    CHECK_OK(docker_container_name(a, &s, &err), &err);
    CHECK(strcmp(s, "dc-t3c-a") == 0);
    docker_string_free(s);
    /* As docker-py's run(detach=True): the attributes read after create, before the start. */
    CHECK_OK(docker_container_status(a, &s, &err), &err);
    CHECK(strcmp(s, "created") == 0);
    docker_string_free(s);
    CHECK_OK(docker_container_reload(a, &err), &err);
    CHECK_OK(docker_container_status(a, &s, &err), &err);
    CHECK(strcmp(s, "running") == 0);
    docker_string_free(s);

    /* The same name again: conflict. */
    docker_container *b = NULL;
    CHECK_CODE(docker_containers_run(c, IMAGE, "sleep 30", "{\"detach\": true, \"name\": \"dc-t3c-a\"}", &b, NULL, &err),
               DOCKER_ERR_CONFLICT, &err);
    /* Podman says 500 where dockerd says 409; the code is a conflict on both. */
    CHECK(docker_error_http_status(err) == (engine_is_podman(c) ? 500 : 409));
    docker_error_free(err);
    err = NULL;
    CHECK(b == NULL);

    CHECK_OK(docker_container_pause(a, &err), &err);
    CHECK_OK(docker_container_unpause(a, &err), &err);
    CHECK_OK(docker_container_kill(a, "SIGKILL", &err), &err);
    int64_t code = 0;
    CHECK_OK(docker_container_wait(a, "{\"timeout\": 30}", &code, NULL, &err), &err);
    CHECK(code == 137);
    CHECK_OK(docker_container_remove(a, NULL, &err), &err);
    CHECK_CODE(docker_container_remove(a, NULL, &err), DOCKER_ERR_NOT_FOUND, &err);
    docker_error_free(err);
    err = NULL;
    docker_container_free(a);

    /* NULL-safety of the container API. */
    CHECK(strcmp(docker_container_id(NULL), "") == 0);
    docker_container_free(NULL);
    CHECK_CODE(docker_container_start(NULL, &err), DOCKER_ERR_INVALID_ARGUMENT, &err);
    docker_error_free(err);
    err = NULL;
    CHECK_CODE(docker_containers_run(c, NULL, NULL, NULL, NULL, NULL, &err), DOCKER_ERR_INVALID_ARGUMENT, &err);
    docker_error_free(err);
    err = NULL;
    CHECK_CODE(docker_containers_get(c, "dc-t3c-missing", &a, &err), DOCKER_ERR_NOT_FOUND, &err);
    docker_error_free(err);
    err = NULL;

    char *list = NULL;
    CHECK_OK(docker_containers_list(c, "{\"all\": true, \"filters\": {\"name\": \"dc-t3c-\"}}", &list, &err), &err);
    CHECK(strcmp(list, "[]") == 0);
    docker_string_free(list);

    cleanup(c);
    docker_client_free(c);
    DONE("test_containers");
}
