/* test_files.c: files from C under valgrind: put_archive from a buffer, get_archive by
 * callback with its stat, copy_to and copy_from through a temp dir, diff. Container: dc-t5c-a. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"

/* A one-file tar (ustar), built by hand: 512-byte header, data padded to 512, two zero blocks. */
static size_t make_tar(uint8_t *buf, const char *name, const char *data) {
    memset(buf, 0, 2048);
    size_t len = strlen(data);
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
    memcpy(buf + 512, data, len);
    return 2048;
}

static int count(void *userdata, docker_stream_kind kind, const uint8_t *data, size_t len) {
    (void)data;
    if (kind == DOCKER_STREAM_DATA) *(size_t *)userdata += len;
    return 0;
}

int main(void) {
    docker_error *err = NULL;
    docker_client *c = NULL;
    CHECK_OK(docker_client_from_env(NULL, &c, &err), &err);
    docker_container *h = NULL;
    if (docker_containers_get(c, "dc-t5c-a", &h, NULL) == DOCKER_OK) {
        docker_container_remove(h, "{\"force\": true}", NULL);
        docker_container_free(h);
        h = NULL;
    }
    CHECK_OK(docker_containers_run(c, IMAGE, "sleep 120", "{\"detach\": true, \"name\": \"dc-t5c-a\"}", &h, NULL, &err), &err);

    uint8_t tar[2048];
    size_t n = make_tar(tar, "hello.txt", "hello from C\n");
    CHECK_OK(docker_container_put_archive(h, "/tmp", tar, n, NULL, NULL, NULL, &err), &err);

    size_t got = 0;
    char *stat = NULL;
    CHECK_OK(docker_container_get_archive(h, "/tmp/hello.txt", NULL, count, &got, NULL, NULL, NULL, &stat, &err), &err);
    CHECK(got >= 1024);
    CHECK(strstr(stat, "\"name\":\"hello.txt\"") != NULL && strstr(stat, "\"size\":13") != NULL);
    docker_string_free(stat);

    char dir[] = "/tmp/dc-t5c-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    CHECK_OK(docker_container_copy_from(h, "/tmp/hello.txt", dir, NULL, NULL, NULL, &err), &err);
    char path[256];
    snprintf(path, sizeof path, "%s/hello.txt", dir);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    char line[64] = {0};
    CHECK(fgets(line, sizeof line, f) != NULL);
    fclose(f);
    CHECK(strcmp(line, "hello from C\n") == 0);
    CHECK_OK(docker_container_copy_to(h, path, "/tmp/copied.txt", NULL, NULL, NULL, &err), &err);
    CHECK_OK(docker_container_stat_path(h, "/tmp/copied.txt", &stat, &err), &err);
    CHECK(strstr(stat, "\"size\":13") != NULL);
    docker_string_free(stat);
    unlink(path);
    rmdir(dir);

    char *diff = NULL;
    CHECK_OK(docker_container_diff(h, &diff, &err), &err);
    CHECK(strstr(diff, "/tmp/hello.txt") != NULL);
    docker_string_free(diff);

    CHECK_CODE(docker_container_get_archive(h, "/nope", NULL, count, &got, NULL, NULL, NULL, NULL, &err), DOCKER_ERR_NOT_FOUND, &err);
    docker_error_free(err);
    err = NULL;
    CHECK_CODE(docker_container_put_archive(h, "/tmp", NULL, 5, NULL, NULL, NULL, &err), DOCKER_ERR_INVALID_ARGUMENT, &err);
    docker_error_free(err);
    err = NULL;

    CHECK_OK(docker_container_remove(h, "{\"force\": true}", &err), &err);
    docker_container_free(h);
    docker_client_free(c);
    DONE("test_files");
}
