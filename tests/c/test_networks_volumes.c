/* test_networks_volumes.c: networks and volumes from C, against the real engine, under
 * valgrind and the sanitizers: a network with IPAM and labels, a volume with labels, a container
 * writing into the volume and connected to the network with an alias and a fixed address, a
 * second container finding it by the alias and reading the volume, list filters, disconnect,
 * remove, prune (always with this test's label). Everything is named dcnet-c-* and removed at
 * the start and at the end. */
#include "check.h"
#include "docker_containers.h"

#define IMAGE "dc-test/busybox:latest"
#define NET "dcnet-c-net"
#define VOL "dcnet-c-vol"

static docker_client *c = NULL;

static void drop(docker_error **err) {
    docker_error_free(*err);
    *err = NULL;
}

static void force_remove_container(const char *name) {
    docker_container *h = NULL;
    docker_error *err = NULL;
    if (docker_containers_get(c, name, &h, &err) != DOCKER_OK) {
        drop(&err);
        return;
    }
    if (docker_container_remove(h, "{\"force\":true}", &err) != DOCKER_OK) drop(&err);
    docker_container_free(h);
}

static void remove_network(const char *name) {
    docker_network *n = NULL;
    docker_error *err = NULL;
    if (docker_networks_get(c, name, NULL, &n, &err) != DOCKER_OK) {
        drop(&err);
        return;
    }
    if (docker_network_remove(n, &err) != DOCKER_OK) drop(&err);
    docker_network_free(n);
}

static void remove_volume(const char *name) {
    docker_volume *v = NULL;
    docker_error *err = NULL;
    if (docker_volumes_get(c, name, &v, &err) != DOCKER_OK) {
        drop(&err);
        return;
    }
    if (docker_volume_remove(v, "{\"force\":true}", &err) != DOCKER_OK) drop(&err);
    docker_volume_free(v);
}

static void cleanup(void) {
    force_remove_container("dcnet-c-srv");
    force_remove_container("dcnet-c-cli");
    remove_network(NET);
    remove_network("dcnet-c-prune");
    remove_volume(VOL);
    remove_volume("dcnet-c-prune");
}

/* Expect a failure with `code`; free the error. */
static void expect(docker_result r, docker_error **err, docker_result code) {
    if (r != code) {
        fprintf(stderr, "got %s, wanted %s: %s\n", docker_result_str(r), docker_result_str(code),
                *err ? docker_error_message(*err) : "");
        exit(1);
    }
    CHECK(*err != NULL && docker_error_code(*err) == code);
    drop(err);
}

/* Run a container to its end (removed after) and return its output as a string. */
static char *run_output(const char *cmd, const char *opts) {
    docker_buffer *out = NULL;
    docker_error *err = NULL;
    CHECK_OK(docker_containers_run(c, IMAGE, cmd, opts, NULL, &out, &err), &err);
    char *s = malloc(out->len + 1);
    CHECK(s != NULL);
    memcpy(s, out->data, out->len);
    s[out->len] = '\0';
    docker_buffer_free(out);
    return s;
}

static void test_network_and_volume_together(void) {
    docker_error *err = NULL;
    docker_network *net = NULL;
    CHECK_OK(docker_networks_create(
                 c, NET,
                 "{\"labels\": {\"dcnet.c\": \"net\"}, \"ipam\": {\"pool_configs\": "
                 "[{\"subnet\": \"10.213.5.0/24\", \"gateway\": \"10.213.5.1\"}]}}",
                 &net, &err),
             &err);
    CHECK(strlen(docker_network_id(net)) == 64);
    char *name = NULL;
    CHECK_OK(docker_network_name(net, &name, &err), &err);
    CHECK(strcmp(name, NET) == 0);
    docker_string_free(name);
    char *attrs = NULL;
    CHECK_OK(docker_network_attrs_json(net, &attrs, &err), &err);
    CHECK(strstr(attrs, "\"dcnet.c\":\"net\"") != NULL);
    CHECK(strstr(attrs, "10.213.5.0/24") != NULL);
    docker_string_free(attrs);

    docker_volume *vol = NULL;
    CHECK_OK(docker_volumes_create(c, "{\"name\": \"" VOL "\", \"labels\": {\"dcnet.c\": \"vol\"}}",
                                   &vol, &err),
             &err);
    CHECK(strcmp(docker_volume_name(vol), VOL) == 0);
    CHECK_OK(docker_volume_attrs_json(vol, &attrs, &err), &err);
    CHECK(strstr(attrs, "\"dcnet.c\":\"vol\"") != NULL);
    docker_string_free(attrs);

    /* A server writing into the volume, then connected with an alias and an address. */
    docker_container *srv = NULL;
    CHECK_OK(docker_containers_run(c, IMAGE, "sh -c 'echo in-the-volume > /data/f; sleep 300'",
                                   "{\"detach\": true, \"name\": \"dcnet-c-srv\", \"volumes\": "
                                   "{\"" VOL "\": {\"bind\": \"/data\", \"mode\": \"rw\"}}}",
                                   &srv, NULL, &err),
             &err);
    CHECK_OK(docker_network_connect(net, "dcnet-c-srv",
                                    "{\"aliases\": [\"dcnet-c-alias\"], "
                                    "\"ipv4_address\": \"10.213.5.20\"}",
                                    &err),
             &err);
    expect(docker_network_connect(net, "dcnet-c-srv", "{\"ipv4_adress\": \"10.213.5.21\"}", &err),
           &err, DOCKER_ERR_INVALID_ARGUMENT);
    CHECK_OK(docker_network_reload(net, &err), &err);
    CHECK_OK(docker_network_attrs_json(net, &attrs, &err), &err);
    CHECK(strstr(attrs, docker_container_id(srv)) != NULL);
    CHECK(strstr(attrs, "10.213.5.20/24") != NULL);
    docker_string_free(attrs);

    /* A client on the network finds the server by its alias and reads the volume. */
    char *out = run_output("sh -c 'nslookup dcnet-c-alias; while [ ! -s /in/f ]; do sleep 0.1; "
                           "done; cat /in/f'",
                           "{\"remove\": true, \"name\": \"dcnet-c-cli\", \"network\": \"" NET
                           "\", \"volumes\": [\"" VOL ":/in:ro\"]}");
    CHECK(strstr(out, "10.213.5.20") != NULL);
    CHECK(strstr(out, "in-the-volume") != NULL);
    free(out);

    /* Lists with filters find them. */
    char *list = NULL;
    CHECK_OK(docker_networks_list(c, "{\"names\": [\"" NET "\"], \"filters\": {\"label\": "
                                     "\"dcnet.c=net\"}}",
                                  &list, &err),
             &err);
    CHECK(strstr(list, docker_network_id(net)) != NULL);
    docker_string_free(list);
    CHECK_OK(docker_volumes_list(c, "{\"filters\": {\"label\": [\"dcnet.c=vol\"]}}", &list, &err),
             &err);
    CHECK(strstr(list, "\"Name\":\"" VOL "\"") != NULL);
    docker_string_free(list);
    expect(docker_volumes_list(c, "{\"filter\": {}}", &list, &err), &err,
           DOCKER_ERR_INVALID_ARGUMENT);

    /* In use: neither goes. Disconnect, remove the server, then both go. */
    CHECK(docker_network_remove(net, &err) != DOCKER_OK);
    drop(&err);
    expect(docker_volume_remove(vol, NULL, &err), &err, DOCKER_ERR_CONFLICT);
    CHECK_OK(docker_network_disconnect(net, docker_container_id(srv), NULL, &err), &err);
    CHECK_OK(docker_network_reload(net, &err), &err);
    CHECK_OK(docker_network_attrs_json(net, &attrs, &err), &err);
    CHECK(strstr(attrs, docker_container_id(srv)) == NULL);
    docker_string_free(attrs);
    CHECK_OK(docker_container_remove(srv, "{\"force\": true}", &err), &err);
    docker_container_free(srv);
    CHECK_OK(docker_network_remove(net, &err), &err);
    CHECK_OK(docker_volume_remove(vol, NULL, &err), &err);
    expect(docker_network_reload(net, &err), &err, DOCKER_ERR_NOT_FOUND);
    expect(docker_volume_reload(vol, &err), &err, DOCKER_ERR_NOT_FOUND);
    docker_network_free(net);
    docker_volume_free(vol);
    docker_network *n2 = NULL;
    expect(docker_networks_get(c, NET, NULL, &n2, &err), &err, DOCKER_ERR_NOT_FOUND);
    docker_volume *v2 = NULL;
    expect(docker_volumes_get(c, VOL, &v2, &err), &err, DOCKER_ERR_NOT_FOUND);
    CHECK(n2 == NULL && v2 == NULL);
}

static void test_prune_with_our_label(void) {
    docker_error *err = NULL;
    docker_network *net = NULL;
    docker_volume *vol = NULL;
    CHECK_OK(docker_networks_create(c, "dcnet-c-prune", "{\"labels\": {\"dcnet.c\": \"prune\"}}",
                                    &net, &err),
             &err);
    CHECK_OK(docker_volumes_create(
                 c, "{\"name\": \"dcnet-c-prune\", \"labels\": {\"dcnet.c\": \"prune\"}}", &vol,
                 &err),
             &err);
    char *out = NULL;
    CHECK_OK(docker_networks_prune(c, "{\"filters\": {\"label\": \"dcnet.c=prune\"}}", &out, &err),
             &err);
    CHECK(strstr(out, "\"NetworksDeleted\":[\"dcnet-c-prune\"]") != NULL);
    docker_string_free(out);
    CHECK_OK(docker_volumes_prune(c, "{\"filters\": {\"label\": \"dcnet.c=prune\"}}", &out, &err),
             &err);
    CHECK(strstr(out, "\"VolumesDeleted\":[\"dcnet-c-prune\"]") != NULL);
    docker_string_free(out);
    CHECK_OK(docker_volumes_prune(c, "{\"filters\": {\"label\": \"dcnet.c=prune\"}}", &out, &err),
             &err);
    CHECK(strstr(out, "\"VolumesDeleted\":[]") != NULL);
    docker_string_free(out);
    expect(docker_networks_prune(c, "{\"filters\": 1}", &out, &err), &err,
           DOCKER_ERR_INVALID_ARGUMENT);
    docker_network_free(net);
    docker_volume_free(vol);
}

static void test_null_arguments(void) {
    docker_error *err = NULL;
    docker_network *n = NULL;
    docker_volume *v = NULL;
    CHECK(strcmp(docker_network_id(NULL), "") == 0);
    CHECK(strcmp(docker_volume_name(NULL), "") == 0);
    docker_network_free(NULL);
    docker_volume_free(NULL);
    expect(docker_networks_create(c, NULL, NULL, &n, &err), &err, DOCKER_ERR_INVALID_ARGUMENT);
    expect(docker_networks_create(c, "dcnet-c-null", NULL, NULL, &err), &err,
           DOCKER_ERR_INVALID_ARGUMENT);
    expect(docker_volumes_create(NULL, NULL, &v, &err), &err, DOCKER_ERR_INVALID_ARGUMENT);
    expect(docker_network_connect(NULL, "x", NULL, &err), &err, DOCKER_ERR_INVALID_ARGUMENT);
    expect(docker_volume_remove(NULL, NULL, &err), &err, DOCKER_ERR_INVALID_ARGUMENT);
    /* A NULL error slot is allowed: the code alone comes back. */
    CHECK(docker_networks_get(c, "", NULL, &n, NULL) == DOCKER_ERR_INVALID_ARGUMENT);
    CHECK(n == NULL && v == NULL);
}

int main(void) {
    docker_error *err = NULL;
    CHECK_OK(docker_client_from_env(NULL, &c, &err), &err);
    cleanup();
    test_network_and_volume_together();
    test_prune_with_our_label();
    test_null_arguments();
    cleanup();
    docker_client_free(c);
    DONE("test_networks_volumes");
}
