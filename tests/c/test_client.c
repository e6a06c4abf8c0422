/* test_client.c: the client and error conventions through the C ABI, against the real engine:
 * ping, version, info, API version, bad input, unreachable engines, result strings. */
#include "check.h"
#include "docker_containers.h"

static void expect_invalid(docker_result r, docker_error **err, const char *needle) {
    CHECK(r == DOCKER_ERR_INVALID_ARGUMENT);
    CHECK(*err != NULL);
    CHECK(docker_error_code(*err) == DOCKER_ERR_INVALID_ARGUMENT);
    if (needle && !strstr(docker_error_message(*err), needle)) {
        fprintf(stderr, "message %s lacks %s\n", docker_error_message(*err), needle);
        exit(1);
    }
    docker_error_free(*err);
    *err = NULL;
}

int main(void) {
    docker_error *err = NULL;
    docker_client *c = NULL;

    CHECK(strcmp(docker_result_str(DOCKER_OK), "ok") == 0);
    CHECK(strcmp(docker_result_str(DOCKER_ERR_NOT_FOUND), "not found") == 0);
    CHECK(strcmp(docker_result_str(12345), "unknown result code") == 0);
    CHECK(strcmp(docker_result_str(-1), "unknown result code") == 0);
    {
        char v[32];
        snprintf(v, sizeof v, "%d.%d.%d", DOCKER_CONTAINERS_VERSION_MAJOR,
                 DOCKER_CONTAINERS_VERSION_MINOR, DOCKER_CONTAINERS_VERSION_PATCH);
        CHECK(strcmp(v, docker_version()) == 0);
    }

    /* NULL-safety of the error accessors and the free functions. */
    CHECK(docker_error_code(NULL) == DOCKER_ERR_INVALID_ARGUMENT);
    CHECK(strcmp(docker_error_message(NULL), "") == 0);
    CHECK(docker_error_http_status(NULL) == 0);
    CHECK(docker_error_exit_status(NULL) == -1);
    docker_error_free(NULL);
    docker_client_free(NULL);
    docker_string_free(NULL);
    docker_buffer_free(NULL);

    CHECK_OK(docker_client_from_env(NULL, &c, &err), &err);
    CHECK(c != NULL);
    CHECK_OK(docker_client_ping(c, &err), &err);
    CHECK_OK(docker_client_ping(c, NULL), &err);

    char *s = NULL;
    CHECK_OK(docker_client_version(c, &s, &err), &err);
    CHECK(strstr(s, "ApiVersion") != NULL);
    docker_string_free(s);
    s = NULL;
    CHECK_OK(docker_client_info(c, &s, &err), &err);
    CHECK(strstr(s, "\"Containers\"") != NULL);
    docker_string_free(s);
    s = NULL;
    CHECK_OK(docker_client_api_version(c, &s, &err), &err);
    CHECK(strncmp(s, "1.", 2) == 0);
    docker_string_free(s);
    s = NULL;

    /* A pinned version is used as given. */
    docker_client *pinned = NULL;
    CHECK_OK(docker_client_new("{\"version\":\"1.30\"}", &pinned, &err), &err);
    CHECK_OK(docker_client_api_version(pinned, &s, &err), &err);
    CHECK(strcmp(s, "1.30") == 0);
    docker_string_free(s);
    s = NULL;
    CHECK_OK(docker_client_ping(pinned, &err), &err);
    CHECK_OK(docker_client_version(pinned, &s, &err), &err);
    docker_string_free(s);
    s = NULL;
    docker_client_free(pinned);

    /* Bad input: NULL pointers, malformed JSON, unknown keys, wrong types, bad UTF-8. */
    expect_invalid(docker_client_ping(NULL, &err), &err, "client is NULL");
    expect_invalid(docker_client_version(c, NULL, &err), &err, "NULL");
    expect_invalid(docker_client_version(NULL, &s, &err), &err, "client is NULL");
    expect_invalid(docker_client_from_env(NULL, NULL, &err), &err, "NULL");
    docker_client *never = NULL;
    expect_invalid(docker_client_new("{", &never, &err), &err, "invalid JSON");
    expect_invalid(docker_client_new("[]", &never, &err), &err, "JSON object");
    expect_invalid(docker_client_new("{\"timout\":5}", &never, &err), &err, "\"timout\"");
    expect_invalid(docker_client_new("{\"timeout\":\"5\"}", &never, &err), &err, "\"timeout\"");
    expect_invalid(docker_client_new("{\"version\":\"one\"}", &never, &err), &err, "API version");
    expect_invalid(docker_client_new("{\"base_url\":\"ftp://x\"}", &never, &err), &err, "ftp://x");
    expect_invalid(docker_client_new("{\"base_url\":\"\xff\xfe\"}", &never, &err), &err, "UTF-8");
    expect_invalid(docker_client_from_env("{\"base_url\":\"unix:///x\"}", &never, &err), &err, "base_url");
    CHECK(never == NULL);
    /* No error slot: the code alone. */
    CHECK(docker_client_ping(NULL, NULL) == DOCKER_ERR_INVALID_ARGUMENT);

    /* Unreachable engines fail fast, with the connection code and the address. */
    CHECK_CODE(docker_client_new("{\"base_url\":\"unix:///nonexistent/docker.sock\"}", &never, &err),
               DOCKER_OK, &err);
    CHECK(docker_client_ping(never, &err) == DOCKER_ERR_CONNECTION);
    CHECK(strstr(docker_error_message(err), "/nonexistent/docker.sock") != NULL);
    docker_error_free(err);
    err = NULL;
    docker_client_free(never);
    never = NULL;
    CHECK_OK(docker_client_new("{\"base_url\":\"tcp://127.0.0.1:1\",\"timeout\":5}", &never, &err), &err);
    CHECK(docker_client_ping(never, &err) == DOCKER_ERR_CONNECTION);
    CHECK(strstr(docker_error_message(err), "127.0.0.1:1") != NULL);
    docker_error_free(err);
    err = NULL;
    docker_client_free(never);
    never = NULL;

    /* TLS asked for with a CA file that is not there: a TLS error naming it, never plain tcp. */
    CHECK(docker_client_new("{\"base_url\":\"tcp://127.0.0.1:2376\",\"tls_ca_cert\":\"/nonexistent/ca.pem\"}",
                            &never, &err) == DOCKER_ERR_TLS);
    CHECK(strstr(docker_error_message(err), "/nonexistent/ca.pem") != NULL);
    docker_error_free(err);
    err = NULL;

    docker_client_free(c);
    DONE("test_client");
}
