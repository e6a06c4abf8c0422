// test_networks_volumes.cpp: the C++17 wrapper's Networks, Network, Volumes and Volume against
// the real engine, under valgrind: RAII handles, exceptions for refusals and missing objects,
// connect with an alias (a second container finds it), a volume shared by two containers.
// Everything is named dcnet-cpp-*, removed at the start and at the end.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "docker_containers.hpp"

static int checks = 0;

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        checks++;                                                                         \
        if (!(cond)) {                                                                    \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            std::exit(1);                                                                 \
        }                                                                                 \
    } while (0)

static const char *IMAGE = "dc-test/busybox:latest";

static void cleanup(docker::Client &client) {
    try {
        client.get("dcnet-cpp-srv").remove("{\"force\": true}");
    } catch (const docker::Error &) {
    }
    try {
        client.networks().get("dcnet-cpp-net").remove();
    } catch (const docker::Error &) {
    }
    try {
        client.volumes().get("dcnet-cpp-vol").remove("{\"force\": true}");
    } catch (const docker::Error &) {
    }
}

int main() {
    auto client = docker::Client::from_env();
    cleanup(client);
    {
        docker::Network net = client.networks().create("dcnet-cpp-net", R"({"labels": {"dcnet.cpp": "1"}})");
        CHECK(net.id().size() == 64 && net.name() == "dcnet-cpp-net");
        CHECK(net.attrs_json().find("\"dcnet.cpp\":\"1\"") != std::string::npos);
        CHECK(client.networks().get("dcnet-cpp-net").id() == net.id());
        CHECK(client.networks().list_json(R"({"filters": {"label": "dcnet.cpp=1"}})").find(net.id()) !=
              std::string::npos);
        try {
            client.networks().create("dcnet-cpp-x", R"({"drivr": "bridge"})");
            CHECK(false);
        } catch (const docker::InvalidArgument &e) {
            CHECK(std::string(e.what()).find("\"drivr\"") != std::string::npos);
        }

        docker::Volume vol = client.volumes().create(R"({"name": "dcnet-cpp-vol", "labels": {"dcnet.cpp": "1"}})");
        CHECK(vol.name() == "dcnet-cpp-vol" && vol.id() == vol.name());
        CHECK(client.volumes().list_json(R"({"filters": {"label": "dcnet.cpp=1"}})").find("dcnet-cpp-vol") !=
              std::string::npos);

        docker::Container srv =
            client.run_detached(IMAGE, "sh -c 'echo shared > /v/f; sleep 300'",
                                R"({"name": "dcnet-cpp-srv", "volumes": ["dcnet-cpp-vol:/v"]})");
        net.connect(srv, R"({"aliases": ["dcnet-cpp-alias"]})");
        net.reload();
        CHECK(net.attrs_json().find(srv.id()) != std::string::npos);
        std::string out = client.run(IMAGE, "sh -c 'ping -c 1 -W 10 dcnet-cpp-alias >/dev/null && echo reached; "
                                            "while [ ! -s /v/f ]; do sleep 0.1; done; cat /v/f'",
                                     R"({"remove": true, "network": "dcnet-cpp-net", "volumes": ["dcnet-cpp-vol:/v:ro"]})");
        CHECK(out == "reached\nshared\n");
        try {
            vol.remove();
            CHECK(false);
        } catch (const docker::Conflict &) {
        }
        net.disconnect(srv);
        srv.remove("{\"force\": true}");
        net.remove();
        vol.remove();
        try {
            net.reload();
            CHECK(false);
        } catch (const docker::NotFound &) {
        }
        try {
            client.volumes().get("dcnet-cpp-vol");
            CHECK(false);
        } catch (const docker::NotFound &) {
        }
    }
    cleanup(client);
    std::printf("test_networks_volumes (C++): %d checks, 1 passed, 0 failed\n", checks);
    return 0;
}
