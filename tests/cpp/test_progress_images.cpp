// test_progress_images.cpp: the C++ wrapper's copy progress (OnTransfer) and images list/tag
// against the real engine, under valgrind and the sanitizers. Container: dcab-cpp-prog; tags:
// dcab-cpp/img:*, removed by a guard (and, when a check exits, by the docker CLI).
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <unistd.h>

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

static void cleanup_cli() {
    if (std::system("docker rm -f dcab-cpp-prog >/dev/null 2>&1; "
                    "docker rmi dcab-cpp/img:v1 dcab-cpp/img:latest >/dev/null 2>&1")) {
        // Nothing was left.
    }
}

// A one-file ustar archive of `len` bytes.
static std::string tar_of(const std::string &name, size_t len) {
    std::string t(512, '\0');
    std::snprintf(&t[0], 100, "%s", name.c_str());
    std::snprintf(&t[100], 8, "0000644");
    std::snprintf(&t[108], 8, "0000000");
    std::snprintf(&t[116], 8, "0000000");
    std::snprintf(&t[124], 12, "%011o", static_cast<unsigned>(len));
    std::snprintf(&t[136], 12, "00000000000");
    t[156] = '0';
    t.replace(257, 6, std::string("ustar\0", 6));
    t.replace(263, 2, "00");
    t.replace(148, 8, 8, ' ');
    unsigned sum = 0;
    for (size_t i = 0; i < 512; i++) sum += static_cast<unsigned char>(t[i]);
    std::snprintf(&t[148], 8, "%06o", sum);
    std::string data(len, '\0');
    for (size_t i = 0; i < len; i++) data[i] = static_cast<char>(i * 13 % 251);
    t += data;
    t.append((512 - len % 512) % 512 + 1024, '\0');
    return t;
}

int main() {
    cleanup_cli();
    std::atexit(cleanup_cli);
    auto client = docker::Client::from_env();
    auto images = client.images();
    {
        auto c = client.run_detached(IMAGE, "sleep 120", "{\"detach\": true, \"name\": \"dcab-cpp-prog\"}");
        const std::string tar = tar_of("big.bin", 700000);

        // Rising counts up to the buffer's size, each with that total.
        uint64_t last = 0;
        int calls = 0;
        bool rising = true, totals = true;
        c.put_archive("/tmp", tar, {}, [&](uint64_t done, int64_t total) {
            rising = rising && (calls == 0 || done > last);
            totals = totals && total == static_cast<int64_t>(tar.size());
            last = done;
            calls++;
            return true;
        });
        CHECK(calls >= 10 && rising && totals && last == tar.size());

        // A download: the last count is what the data callback got; total unknown.
        std::ostringstream out;
        int64_t seen_total = 0;
        last = 0;
        c.get_archive("/tmp/big.bin", out, {}, nullptr, [&](uint64_t done, int64_t total) {
            last = done;
            seen_total = total;
            return true;
        });
        CHECK(seen_total == -1 && last == out.str().size() && last > 700000);

        // A stop asked by the progress callback throws StoppedByCallback; a stop asked by the
        // data callback is still a normal return.
        char dir[] = "/tmp/dcab-cpp-XXXXXX";
        CHECK(mkdtemp(dir) != nullptr);
        try {
            c.copy_from("/tmp/big.bin", dir, {}, [](uint64_t, int64_t) { return false; });
            CHECK(false);
        } catch (const docker::StoppedByCallback &) {
        }
        std::remove((std::string(dir) + "/big.bin").c_str());
        CHECK(rmdir(dir) == 0);
        c.export_to([](docker_stream_kind, std::string_view) { return false; });
        // An exception thrown in the progress callback comes back out.
        try {
            c.export_to([](docker_stream_kind, std::string_view) { return true; }, {}, nullptr,
                        [](uint64_t, int64_t) -> bool { throw std::runtime_error("enough"); });
            CHECK(false);
        } catch (const std::runtime_error &e) {
            CHECK(std::string(e.what()) == "enough");
        }
        c.put_archive("/tmp", tar_of("after.txt", 5));
        CHECK(c.stat_path("/tmp/after.txt").find("\"size\":5") != std::string::npos);
        c.remove("{\"force\": true}");
    }

    images.tag(IMAGE, "dcab-cpp/img", "{\"tag\": \"v1\"}");
    images.tag(IMAGE, "dcab-cpp/img");
    std::string list = images.list_json("{\"name\": \"dcab-cpp/img\"}");
    CHECK(list.find("dcab-cpp/img:v1\"") != std::string::npos && list.find("dcab-cpp/img:latest\"") != std::string::npos);
    CHECK(images.list_json("{\"filters\": {\"reference\": [\"dcab-cpp/none\"]}}").find("RepoTags") == std::string::npos);
    try {
        images.tag("dcab-cpp/missing:x", "dcab-cpp/img");
        CHECK(false);
    } catch (const docker::ImageNotFound &) {
    }
    try {
        images.tag(IMAGE, " ");
        CHECK(false);
    } catch (const docker::InvalidArgument &e) {
        CHECK(std::string(e.what()).find("repository") != std::string::npos);
    }
    CHECK(images.prune_json("{\"filters\": {\"label\": [\"dcab-cpp=none\"]}}").find("\"ImagesDeleted\":[]") !=
          std::string::npos);
    images.remove("dcab-cpp/img:v1");
    images.remove("dcab-cpp/img:latest");
    std::printf("test_progress_images (C++): %d checks, 1 passed, 0 failed\n", checks);
    return 0;
}
