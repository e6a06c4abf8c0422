// test_events.cpp: the wrapper's readiness wait and events, under valgrind: wait_for with a
// timeout (docker::Timeout), a cancel token fired from another thread, events as a range.
// Containers: dcevt-cpp-*.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

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

int main() {
    using namespace std::chrono_literals;
    auto client = docker::Client::from_env();
    try {
        client.get("dcevt-cpp-a").remove("{\"force\": true}");
    } catch (const docker::Error &) {
    }
    auto since = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count() - 1);
    auto c = client.run_detached("dc-test/busybox:latest", "sh -c 'echo up; sleep 300'",
                                 "{\"detach\": true, \"name\": \"dcevt-cpp-a\"}");
    c.wait_for("{\"log\": \"^up$\"}", 120s);
    try {
        c.wait_for("{\"status\": \"paused\"}", 300ms);
        CHECK(false);
    } catch (const docker::Timeout &e) {
        CHECK(std::string(e.what()).find("wanted paused") != std::string::npos);
    }
    docker::CancelToken token;
    std::thread firer([&] {
        std::this_thread::sleep_for(200ms);
        token.fire();
    });
    try {
        c.wait_for("{\"status\": \"exited\"}", -1ms, &token);
        CHECK(false);
    } catch (const docker::Cancelled &) {
        checks++;
    }
    firer.join();
    // The start event, replayed from `since`: read until it comes, with no `until` bound (under
    // load, a since/until window on Podman once came back without it). A minute of silence fails.
    int starts = 0;
    auto events = client.events_stream("{\"since\": " + since + ", \"filters\": {\"container\": \"" +
                                       c.id() + "\"}}");
    docker::Chunk ch{};
    try {
        while (starts == 0 && events.next(ch, 60000)) {
            CHECK(ch.kind == DOCKER_STREAM_JSON);
            CHECK(ch.data.find(c.id()) != std::string_view::npos);
            if (ch.data.find("\"Action\":\"start\"") != std::string_view::npos) starts++;
        }
    } catch (const docker::Timeout &) {
        std::fprintf(stderr, "no start event within 60 s of silence\n");
    }
    CHECK(starts >= 1);
    c.remove("{\"force\": true}");
    std::printf("test_events: %d checks, 1 passed, 0 failed\n", checks);
    return 0;
}
