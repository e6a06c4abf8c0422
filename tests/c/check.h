/* check.h: the few assertion helpers the C tests share. A failed check prints where and exits 1. */
#ifndef DC_CHECK_H
#define DC_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docker_containers.h"

static int check_count = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        check_count++;                                                               \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            exit(1);                                                                 \
        }                                                                            \
    } while (0)

/* Expect `call` to return `code`; print the error's message when it does not. */
#define CHECK_CODE(call, code, errp)                                                          \
    do {                                                                                      \
        check_count++;                                                                        \
        docker_result r_ = (call);                                                            \
        if (r_ != (code)) {                                                                   \
            fprintf(stderr, "%s:%d: %s returned %d (%s), wanted %d: %s\n", __FILE__, __LINE__, \
                    #call, (int)r_, docker_result_str(r_), (int)(code),                       \
                    *(errp) ? docker_error_message(*(errp)) : "(no error object)");           \
            exit(1);                                                                          \
        }                                                                                     \
    } while (0)

#define CHECK_OK(call, errp) CHECK_CODE(call, DOCKER_OK, errp)

/* True when the client's engine is Podman's Docker-compatible service (its /version names a
 * "Podman Engine" component): the tests then assert Podman's own behaviour where it differs
 * (README, "Podman"). */
static inline int engine_is_podman(docker_client *client) {
    char *v = NULL;
    if (docker_client_version(client, &v, NULL) != DOCKER_OK) return 0;
    int yes = strstr(v, "\"Podman Engine\"") != NULL;
    docker_string_free(v);
    return yes;
}

#define DONE(name)                                                \
    do {                                                          \
        printf("%s: %d checks, 1 passed, 0 failed\n", name, check_count); \
        return 0;                                                 \
    } while (0)

#endif
