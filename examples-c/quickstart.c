/* quickstart.c: connect to the local engine, ping it, and print its version.
 * Build and run: make quickstart */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docker_containers.h"

static int fail(const char *what, docker_error *err) {
    fprintf(stderr, "%s failed: %s (%s, HTTP %d)\n", what, docker_error_message(err),
            docker_result_str(docker_error_code(err)), docker_error_http_status(err));
    docker_error_free(err);
    return 1;
}

int main(void) {
    docker_client *client = NULL;
    docker_error *err = NULL;

    printf("docker_containers %s\n", docker_version());

    /* DOCKER_HOST and friends, as docker.from_env() reads them. */
    if (docker_client_from_env(NULL, &client, &err) != DOCKER_OK)
        return fail("docker_client_from_env", err);

    if (docker_client_ping(client, &err) != DOCKER_OK) {
        docker_client_free(client);
        return fail("ping", err);
    }
    printf("ping: OK\n");

    char *version = NULL;
    if (docker_client_version(client, &version, &err) != DOCKER_OK) {
        docker_client_free(client);
        return fail("version", err);
    }
    printf("engine version: %s\n", version);
    docker_string_free(version);

    char *api = NULL;
    if (docker_client_api_version(client, &api, &err) != DOCKER_OK) {
        docker_client_free(client);
        return fail("api version", err);
    }
    printf("API version in use: %s\n", api);
    docker_string_free(api);

    docker_client_free(client);
    return 0;
}
