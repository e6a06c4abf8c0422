/* test_progress_images.c: copy progress (docker_transfer_cb) and images list/tag from C under
 * valgrind and the sanitizers. Container: dcab-c-prog; tags: dcab-c/img:v1, dcab-c/img:latest.
 * The test removes them at its start and end; when a check fails (exit(1)), an atexit handler
 * removes them with the docker CLI, since the library cannot be called once exit() has destroyed
 * the thread's locals. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"
#define NAME "dcab-c-prog"

static void cleanup_cli(void) {
    if (system("docker rm -f " NAME " >/dev/null 2>&1; docker rmi dcab-c/img:v1 dcab-c/img:latest >/dev/null 2>&1")) {
        /* Nothing was left: the CLI's "no such ..." status. */
    }
}

static void cleanup(void) {
    docker_client *c = NULL;
    if (docker_client_from_env(NULL, &c, NULL) != DOCKER_OK) return;
    docker_container *h = NULL;
    if (docker_containers_get(c, NAME, &h, NULL) == DOCKER_OK) {
        docker_container_remove(h, "{\"force\": true}", NULL);
        docker_container_free(h);
    }
    docker_images_remove(c, "dcab-c/img:v1", NULL, NULL);
    docker_images_remove(c, "dcab-c/img:latest", NULL, NULL);
    docker_client_free(c);
}

/* A tar of one file of `len` bytes: header, data padded to 512, two zero blocks. */
static uint8_t *make_tar(const char *name, size_t len, size_t *out_len) {
    size_t padded = (len + 511) / 512 * 512, total = 512 + padded + 1024;
    uint8_t *buf = calloc(1, total);
    if (!buf) return NULL;
    strcpy((char *)buf, name);
    strcpy((char *)buf + 100, "0000644");
    strcpy((char *)buf + 108, "0000000");
    strcpy((char *)buf + 116, "0000000");
    snprintf((char *)buf + 124, 12, "%011o", (unsigned)len);
    strcpy((char *)buf + 136, "00000000000");
    buf[156] = '0';
    memcpy(buf + 257, "ustar", 6);
    memcpy(buf + 263, "00", 2);
    memset(buf + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; i++) sum += buf[i];
    snprintf((char *)buf + 148, 8, "%06o", sum);
    for (size_t i = 0; i < len; i++) buf[512 + i] = (uint8_t)(i * 31 % 253);
    *out_len = total;
    return buf;
}

struct seen {
    int calls;
    int stop_at; /* 0: never */
    uint64_t last;
    int64_t total;
    int rising;
};

static int32_t on_progress(void *userdata, uint64_t done, int64_t total) {
    struct seen *s = userdata;
    if (s->calls > 0 && done <= s->last) s->rising = 0;
    s->calls++;
    s->last = done;
    s->total = total;
    return s->stop_at && s->calls >= s->stop_at;
}

static int count(void *userdata, docker_stream_kind kind, const uint8_t *data, size_t len) {
    (void)data;
    if (kind == DOCKER_STREAM_DATA) *(size_t *)userdata += len;
    return 0;
}

int main(void) {
    cleanup();
    atexit(cleanup_cli);
    docker_error *err = NULL;
    docker_client *c = NULL;
    CHECK_OK(docker_client_from_env(NULL, &c, &err), &err);
    docker_container *h = NULL;
    CHECK_OK(docker_containers_run(c, IMAGE, "sleep 120", "{\"detach\": true, \"name\": \"" NAME "\"}", &h, NULL, &err),
             &err);

    /* An upload of a known size: rising counts, the last one the whole buffer. */
    size_t n = 0;
    uint8_t *tar = make_tar("big.bin", 1000000, &n);
    CHECK(tar != NULL);
    struct seen s = {0, 0, 0, 0, 1};
    CHECK_OK(docker_container_put_archive(h, "/tmp", tar, n, NULL, on_progress, &s, &err), &err);
    CHECK(s.calls >= 10 && s.rising);
    CHECK(s.last == n && s.total == (int64_t)n);

    /* A download: total unknown, the last count is what reached the data callback. */
    size_t got = 0;
    struct seen d = {0, 0, 0, 0, 1};
    CHECK_OK(docker_container_get_archive(h, "/tmp/big.bin", NULL, count, &got, NULL, on_progress, &d, NULL, &err),
             &err);
    CHECK(d.rising && d.total == -1 && d.last == got && got > 1000000);

    /* Stopped by the progress callback: the code, and the client and container go on. */
    struct seen st = {0, 1, 0, 0, 1};
    CHECK_CODE(docker_container_put_archive(h, "/tmp", tar, n, NULL, on_progress, &st, &err),
               DOCKER_ERR_STOPPED_BY_CALLBACK, &err);
    docker_error_free(err);
    err = NULL;
    CHECK(st.calls == 1);
    char path[] = "/tmp/dcab-c-prog-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    struct seen ex = {0, 1, 0, 0, 1};
    CHECK_CODE(docker_container_export_to_file(h, path, on_progress, &ex, &err), DOCKER_ERR_STOPPED_BY_CALLBACK, &err);
    docker_error_free(err);
    err = NULL;
    unlink(path);
    got = 0;
    CHECK_OK(docker_container_get_archive(h, "/tmp/big.bin", NULL, count, &got, NULL, NULL, NULL, NULL, &err), &err);
    CHECK(got > 1000000);
    free(tar);

    /* Images: tag with and without a tag, list by name, the errors. */
    CHECK_OK(docker_images_tag(c, IMAGE, "dcab-c/img", "{\"tag\": \"v1\"}", &err), &err);
    CHECK_OK(docker_images_tag(c, IMAGE, "dcab-c/img", NULL, &err), &err);
    char *list = NULL;
    CHECK_OK(docker_images_list(c, "{\"name\": \"dcab-c/img\"}", &list, &err), &err);
    CHECK(strstr(list, "dcab-c/img:v1\"") != NULL && strstr(list, "dcab-c/img:latest\"") != NULL);
    docker_string_free(list);
    CHECK_OK(docker_images_list(c, "{\"filters\": {\"reference\": \"dcab-c/none\"}}", &list, &err), &err);
    CHECK(strcmp(list, "[]") == 0 || strcmp(list, "[]\n") == 0);
    docker_string_free(list);
    CHECK_CODE(docker_images_tag(c, "dcab-c/missing:x", "dcab-c/img", NULL, &err), DOCKER_ERR_IMAGE_NOT_FOUND, &err);
    docker_error_free(err);
    err = NULL;
    CHECK_CODE(docker_images_tag(c, IMAGE, "", NULL, &err), DOCKER_ERR_INVALID_ARGUMENT, &err);
    CHECK(strstr(docker_error_message(err), "repository") != NULL);
    docker_error_free(err);
    err = NULL;
    CHECK_CODE(docker_images_list(c, "{\"nme\": \"x\"}", &list, &err), DOCKER_ERR_INVALID_ARGUMENT, &err);
    CHECK(strstr(docker_error_message(err), "\"nme\"") != NULL);
    docker_error_free(err);
    err = NULL;

    CHECK_OK(docker_container_remove(h, "{\"force\": true}", &err), &err);
    docker_container_free(h);
    CHECK_OK(docker_images_remove(c, "dcab-c/img:v1", NULL, &err), &err);
    CHECK_OK(docker_images_remove(c, "dcab-c/img:latest", NULL, &err), &err);
    docker_client_free(c);
    DONE("test_progress_images");
}
