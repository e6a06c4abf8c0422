// test_wrapper.cpp: the C++17 wrapper against the real engine, under valgrind: RAII, exceptions
// from error objects, std::function callbacks (and an exception thrown inside one), pull streams.
// Containers: dc-t6cpp-*.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "docker_containers.hpp"

static int checks = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            std::exit(1);                                                            \
        }                                                                            \
    } while (0)

static const char *IMAGE = "dc-test/busybox:latest";

int main() {
    auto client = docker::Client::from_env();
    client.ping();
    try {
        client.get("dc-t6cpp-a").remove("{\"force\": true}");
    } catch (const docker::Error &) {
    }

    CHECK(client.run(IMAGE, "echo hello", "{\"remove\": true}") == "hello\n");
    try {
        client.run(IMAGE, "sh -c 'echo bad >&2; exit 4'", "{\"remove\": true}");
        CHECK(false);
    } catch (const docker::Error &e) {
        CHECK(e.code() == DOCKER_ERR_CONTAINER_FAILED);
        CHECK(e.exit_status() == 4 && e.stderr_output() == "bad\n");
    }
    try {
        client.get("dc-t6cpp-missing");
        CHECK(false);
    } catch (const docker::Error &e) {
        CHECK(e.not_found() && e.http_status() == 404);
    }

    {
        auto c = client.run_detached(IMAGE, "sh -c 'seq 1 5; sleep 60'", "{\"detach\": true, \"name\": \"dc-t6cpp-a\"}");
        CHECK(c.name() == "dc-t6cpp-a" && c.status() == "created"); // as docker-py: read before the start
        auto r = c.exec_run("sh -c 'echo x; exit 3'");
        CHECK(r.exit_code == 3 && r.output == "x\n");
        std::string seen;
        int64_t code = c.exec_stream("echo streamed", [&](docker_stream_kind, std::string_view d) {
            seen.append(d);
            return true;
        });
        CHECK(code == 0 && seen == "streamed\n");
        // An exception thrown in a callback stops the stream and comes back out.
        try {
            c.logs("{\"follow\": true}", [](docker_stream_kind, std::string_view) -> bool { throw std::runtime_error("enough"); });
            CHECK(false);
        } catch (const std::runtime_error &e) {
            CHECK(std::string(e.what()) == "enough");
        }
        auto s = c.exec_open("cat");
        s.write("round trip\n");
        s.close_write();
        std::string got, piece;
        docker_stream_kind kind;
        while (s.next(kind, piece, 10000)) got += piece;
        CHECK(got == "round trip\n" && s.exit_code() == 0);
        CHECK(c.logs("{\"tail\": 2}") == "4\n5\n");
        c.remove("{\"force\": true}");
    }
    std::printf("test_wrapper: %d checks, 1 passed, 0 failed\n", checks);
    return 0;
}
