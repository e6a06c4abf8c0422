/* test_containers_more.c: more of docker-py's container examples in C (beyond
 * test_containers.c), against the real engine, under valgrind: run echo, run failing, detached run with a port, attrs, pause/unpause, stop, wait,
 * kill with a bad signal, update, list, prune, commit, force removal. Containers are named
 * dc-t3-cm-* and removed at the start and at the end. */
#define _DEFAULT_SOURCE /* usleep */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"
#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"

static docker_client *c = NULL;

static void force_remove(const char *name) {
    docker_container *h = NULL;
    docker_error *err = NULL;
    if (docker_containers_get(c, name, &h, &err) != DOCKER_OK) {
        docker_error_free(err);
        return;
    }
    if (docker_container_remove(h, "{\"force\":true}", &err) != DOCKER_OK) docker_error_free(err);
    docker_container_free(h);
}

static void cleanup(void) {
    force_remove("dc-t3-cm-echo");
    force_remove("dc-t3-cm-fail");
    force_remove("dc-t3-cm-port");
    force_remove("dc-t3-cm-life");
    docker_error *err = NULL;
    if (docker_images_remove(c, "dc-t3-cm/committed:v1", "{\"force\":true}", &err) != DOCKER_OK)
        docker_error_free(err);
}

/* Expect a failure with `code`; free the error. */
static void expect(docker_result r, docker_error **err, docker_result code) {
    if (r != code) {
        fprintf(stderr, "got %s, wanted %s: %s\n", docker_result_str(r), docker_result_str(code),
                *err ? docker_error_message(*err) : "");
        exit(1);
    }
    CHECK(*err != NULL && docker_error_code(*err) == code);
    docker_error_free(*err);
    *err = NULL;
}

static char *get_text(docker_result (*f)(const docker_container *, char **, docker_error **),
                      docker_container *h) {
    char *s = NULL;
    docker_error *err = NULL;
    CHECK_OK(f(h, &s, &err), &err);
    return s;
}

static int status_is(docker_container *h, const char *want) {
    docker_error *err = NULL;
    CHECK_OK(docker_container_reload(h, &err), &err);
    char *s = get_text(docker_container_status, h);
    int ok = strcmp(s, want) == 0;
    if (!ok) fprintf(stderr, "status %s, wanted %s\n", s, want);
    docker_string_free(s);
    return ok;
}

static int connect_and_read(int port, char *buf, size_t cap) {
    for (int attempt = 0; attempt < 100; attempt++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons((unsigned short)port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        size_t got = 0;
        if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
            ssize_t n;
            while (got < cap - 1 && (n = read(fd, buf + got, cap - 1 - got)) > 0) got += (size_t)n;
        }
        close(fd);
        buf[got] = 0;
        if (got > 0) return 1;
        usleep(100 * 1000);
    }
    return 0;
}

int main(void) {
    docker_error *err = NULL;
    CHECK_OK(docker_client_from_env(NULL, &c, &err), &err);
    cleanup();

    /* client.containers.run("busybox", "echo hello", remove=True) == b"hello\n" */
    docker_buffer *out = NULL;
    CHECK_OK(docker_containers_run(c, IMAGE, "echo hello", "{\"remove\":true,\"name\":\"dc-t3-cm-echo\"}",
                                   NULL, &out, &err), &err);
    CHECK(out->len == 6 && memcmp(out->data, "hello\n", 6) == 0);
    docker_buffer_free(out);
    out = NULL;

    /* A failing command: ContainerError with exit status and stderr; removed all the same. */
    docker_result r = docker_containers_run(c, IMAGE, "sh -c 'echo oops >&2; exit 3'",
                                            "{\"remove\":true,\"name\":\"dc-t3-cm-fail\"}", NULL, &out, &err);
    CHECK(r == DOCKER_ERR_CONTAINER_FAILED);
    CHECK(out == NULL);
    CHECK(docker_error_exit_status(err) == 3);
    size_t len = 0;
    const uint8_t *se = docker_error_stderr(err, &len);
    CHECK(len == 5 && memcmp(se, "oops\n", 5) == 0);
    docker_error_free(err);
    err = NULL;
    docker_container *h = NULL;
    expect(docker_containers_get(c, "dc-t3-cm-fail", &h, &err), &err, DOCKER_ERR_NOT_FOUND);

    /* An absent image. */
    expect(docker_containers_run(c, "dc-t3-cm/absent:latest", NULL, NULL, NULL, &out, &err), &err,
           DOCKER_ERR_IMAGE_NOT_FOUND);

    /* Detached, with port 80 published on a random host port. */
    CHECK_OK(docker_containers_run(c, IMAGE, "nc -ll -p 80 -e echo hi",
                                   "{\"detach\":true,\"name\":\"dc-t3-cm-port\",\"ports\":{\"80/tcp\":null},"
                                   "\"environment\":{\"A\":\"1\"},\"mem_limit\":\"64m\",\"labels\":{\"dc-t3-cm\":\"1\"}}",
                                   &h, NULL, &err), &err);
    CHECK_OK(docker_container_reload(h, &err), &err);
    char *ports = get_text(docker_container_ports_json, h);
    const char *hp = strstr(ports, "\"HostPort\":\"");
    CHECK(hp != NULL);
    int port = atoi(hp + strlen("\"HostPort\":\""));
    CHECK(port > 0);
    docker_string_free(ports);
    char buf[64];
    CHECK(connect_and_read(port, buf, sizeof buf));
    CHECK(strcmp(buf, "hi\n") == 0);
    char *name = get_text(docker_container_name, h);
    CHECK(strcmp(name, "dc-t3-cm-port") == 0);
    docker_string_free(name);
    char *sid = get_text(docker_container_short_id, h);
    CHECK(strlen(sid) == 12 && strncmp(sid, docker_container_id(h), 12) == 0);
    docker_string_free(sid);
    char *attrs = get_text(docker_container_attrs_json, h);
    CHECK(strstr(attrs, "\"A=1\"") != NULL);
    CHECK(strstr(attrs, "\"Memory\":67108864") != NULL);
    docker_string_free(attrs);
    char *labels = get_text(docker_container_labels_json, h);
    CHECK(strcmp(labels, "{\"dc-t3-cm\":\"1\"}") == 0);
    docker_string_free(labels);
    char *health = get_text(docker_container_health, h);
    CHECK(strcmp(health, "unknown") == 0);
    docker_string_free(health);
    char *image = get_text(docker_container_image, h);
    CHECK(strstr(image, IMAGE) != NULL);
    docker_string_free(image);

    /* The name is taken now. */
    docker_container *h2 = NULL;
    expect(docker_containers_create(c, IMAGE, NULL, "{\"name\":\"dc-t3-cm-port\"}", &h2, &err), &err,
           DOCKER_ERR_CONFLICT);
    CHECK(h2 == NULL);

    /* list with a label filter, sparse and full. */
    char *js = NULL;
    CHECK_OK(docker_containers_list(c, "{\"filters\":{\"label\":\"dc-t3-cm=1\"},\"sparse\":true}", &js, &err), &err);
    CHECK(strstr(js, "\"/dc-t3-cm-port\"") != NULL);
    docker_string_free(js);
    CHECK_OK(docker_containers_list(c, "{\"filters\":{\"name\":\"dc-t3-cm-port\"}}", &js, &err), &err);
    CHECK(strstr(js, "\"Name\":\"/dc-t3-cm-port\"") != NULL);
    docker_string_free(js);

    /* pause / unpause, update, kill with a bad signal, force removal. */
    CHECK_OK(docker_container_pause(h, &err), &err);
    CHECK(status_is(h, "paused"));
    CHECK_OK(docker_container_unpause(h, &err), &err);
    CHECK(status_is(h, "running"));
    if (engine_is_podman(c)) /* Podman 4.3 has no update endpoint. */
        expect(docker_container_update(h, "{\"cpu_shares\":0}", &err), &err, DOCKER_ERR_NOT_FOUND);
    else
        CHECK_OK(docker_container_update(h, "{\"cpu_shares\":0,\"mem_limit\":\"96m\",\"memswap_limit\":-1}",
                                         &err), &err);
    char *warnings = get_text(docker_container_warnings_json, h);
    CHECK(warnings[0] == '[');
    docker_string_free(warnings);
    expect(docker_container_kill(h, "SIGNOPE", &err), &err, DOCKER_ERR_INVALID_ARGUMENT);
    expect(docker_container_remove(h, NULL, &err), &err, DOCKER_ERR_CONFLICT);
    CHECK_OK(docker_container_remove(h, "{\"force\":true}", &err), &err);
    expect(docker_container_stop(h, NULL, &err), &err, DOCKER_ERR_NOT_FOUND);
    docker_container_free(h);
    h = NULL;

    /* stop with a timeout, wait's exit code, commit, prune. */
    CHECK_OK(docker_containers_run(c, IMAGE, NULL,
                                   "{\"command\":[\"sh\",\"-c\",\"echo x > /x; sleep 300\"],\"detach\":true,\"name\":\"dc-t3-cm-life\",\"labels\":{\"dc-t3-cm\":\"life\"}}",
                                   &h, NULL, &err), &err);
    CHECK_OK(docker_container_stop(h, "{\"timeout\":1}", &err), &err);
    int64_t code = -1;
    char *wait_json = NULL;
    CHECK_OK(docker_container_wait(h, "{\"timeout\":10}", &code, &wait_json, &err), &err);
    CHECK(code == 137);
    CHECK(strstr(wait_json, "\"StatusCode\":137") != NULL);
    docker_string_free(wait_json);
    char *image_id = NULL;
    CHECK_OK(docker_container_commit(h, "{\"repository\":\"dc-t3-cm/committed\",\"tag\":\"v1\"}", &image_id, &err), &err);
    CHECK(strncmp(image_id, "sha256:", 7) == 0);
    CHECK_OK(docker_images_inspect(c, image_id, &js, &err), &err);
    CHECK(strstr(js, "dc-t3-cm/committed:v1") != NULL);
    docker_string_free(js);
    CHECK_OK(docker_images_remove(c, image_id, NULL, &err), &err);
    bool there = true;
    CHECK_OK(docker_images_exists(c, image_id, &there, &err), &err);
    CHECK(!there);
    docker_string_free(image_id);
    CHECK_OK(docker_containers_prune(c, "{\"filters\":{\"label\":\"dc-t3-cm=life\"}}", &js, &err), &err);
    CHECK(strstr(js, docker_container_id(h)) != NULL);
    docker_string_free(js);
    docker_container_free(h);

    cleanup();
    docker_client_free(c);
    DONE("test_containers_more");
}
