/* quickstart.c: docker-py's own examples, in C, against the local engine.
 *   connect, ping, version; run echo; run detached with a published port; get; status;
 *   exec_run; logs; pause/unpause; stop; wait; remove.
 * Build and run: make quickstart (the image dc-test/busybox:latest is built by scripts/engine-up.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"

static int fail(const char *what, docker_error *err) {
    fprintf(stderr, "%s failed: %s (%s, HTTP %d)\n", what, docker_error_message(err),
            docker_result_str(docker_error_code(err)), docker_error_http_status(err));
    docker_error_free(err);
    return 1;
}

static void print_status(const char *when, docker_container *c) {
    char *status = NULL;
    if (docker_container_reload(c, NULL) == DOCKER_OK &&
        docker_container_status(c, &status, NULL) == DOCKER_OK) {
        printf("status %s: %s\n", when, status);
        docker_string_free(status);
    }
}

int main(void) {
    docker_client *client = NULL;
    docker_error *err = NULL;

    printf("docker_containers %s\n", docker_version());

    /* docker.from_env() */
    if (docker_client_from_env(NULL, &client, &err) != DOCKER_OK) return fail("docker_client_from_env", err);
    if (docker_client_ping(client, &err) != DOCKER_OK) {
        docker_client_free(client);
        return fail("ping", err);
    }
    char *api = NULL;
    if (docker_client_api_version(client, &api, &err) != DOCKER_OK) {
        docker_client_free(client);
        return fail("api version", err);
    }
    printf("engine answers; API version in use: %s\n", api);
    docker_string_free(api);

    /* client.containers.run("busybox", "echo hello world", remove=True) */
    docker_buffer *output = NULL;
    if (docker_containers_run(client, IMAGE, "echo hello world", "{\"remove\": true}", NULL, &output, &err) != DOCKER_OK) {
        docker_client_free(client);
        return fail("run echo", err);
    }
    printf("run echo: %.*s", (int)output->len, (const char *)output->data);
    docker_buffer_free(output);

    /* client.containers.run("busybox", "httpd ...", detach=True, ports={"80/tcp": None}) */
    /* A web container left by an interrupted earlier run would hold the name: remove it. */
    docker_container *web = NULL;
    if (docker_containers_get(client, "dc-quickstart-web", &web, NULL) == DOCKER_OK) {
        docker_container_remove(web, "{\"force\": true}", NULL);
        docker_container_free(web);
        web = NULL;
    }
    const char *web_opts = "{\"detach\": true, \"name\": \"dc-quickstart-web\","
                           " \"ports\": {\"80/tcp\": {\"HostIp\": \"127.0.0.1\", \"HostPort\": null}}}";
    if (docker_containers_run(client, IMAGE, "httpd -f -p 80 -h /tmp", web_opts, &web, NULL, &err) != DOCKER_OK) {
        docker_client_free(client);
        return fail("run detached", err);
    }
    printf("started %s\n", docker_container_id(web));

    /* client.containers.get("dc-quickstart-web") */
    docker_container *same = NULL;
    if (docker_containers_get(client, "dc-quickstart-web", &same, &err) != DOCKER_OK) {
        fail("get", err);
        err = NULL;
    } else {
        char *name = NULL, *ports = NULL;
        docker_container_reload(same, NULL);
        if (docker_container_name(same, &name, NULL) == DOCKER_OK &&
            docker_container_ports_json(same, &ports, NULL) == DOCKER_OK)
            printf("get: name %s, ports %s\n", name, ports);
        docker_string_free(name);
        docker_string_free(ports);
        docker_container_free(same);
    }

    /* container.exec_run("echo hello from exec") -> (exit_code, output) */
    int64_t exit_code = -1;
    docker_buffer *exec_out = NULL;
    if (docker_container_exec_run(web, "sh -c 'echo hello from exec; exit 2'", NULL, &exit_code, &exec_out, NULL, &err) != DOCKER_OK) {
        fail("exec_run", err);
        err = NULL;
    } else {
        printf("exec_run: exit code %lld, output %.*s", (long long)exit_code, (int)exec_out->len, (const char *)exec_out->data);
        docker_buffer_free(exec_out);
    }

    /* container.logs() */
    docker_buffer *logs = NULL;
    if (docker_container_logs_buffer(web, "{\"tail\": 10}", &logs, NULL, &err) != DOCKER_OK) {
        fail("logs", err);
        err = NULL;
    } else {
        printf("logs: %zu bytes\n", logs->len);
        docker_buffer_free(logs);
    }

    print_status("after run", web);
    if (docker_container_pause(web, &err) != DOCKER_OK) { fail("pause", err); err = NULL; }
    print_status("after pause", web);
    if (docker_container_unpause(web, &err) != DOCKER_OK) { fail("unpause", err); err = NULL; }
    print_status("after unpause", web);

    /* container.stop(timeout=5); container.wait() */
    if (docker_container_stop(web, "{\"timeout\": 5}", &err) != DOCKER_OK) { fail("stop", err); err = NULL; }
    int64_t code = -1;
    if (docker_container_wait(web, NULL, &code, NULL, &err) != DOCKER_OK) { fail("wait", err); err = NULL; }
    printf("wait: exit code %lld\n", (long long)code);

    /* container.remove(force=True) */
    int rc = 0;
    if (docker_container_remove(web, "{\"force\": true}", &err) != DOCKER_OK) { rc = fail("remove", err); err = NULL; }
    else printf("removed\n");
    docker_container_free(web);

    /* A failing run: ContainerError with exit status and stderr. */
    if (docker_containers_run(client, IMAGE, "sh -c 'echo oops >&2; exit 3'", "{\"remove\": true}", NULL, &output, &err) ==
        DOCKER_ERR_CONTAINER_FAILED) {
        printf("failing run: exit status %lld, message: %s\n", (long long)docker_error_exit_status(err),
               docker_error_message(err));
        docker_error_free(err);
        err = NULL;
    } else {
        fprintf(stderr, "a failing run did not report DOCKER_ERR_CONTAINER_FAILED\n");
        rc = 1;
    }

    docker_client_free(client);
    return rc;
}
