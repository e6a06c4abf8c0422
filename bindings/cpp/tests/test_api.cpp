// test_api.cpp: the C++ wrapper's whole surface against the real engine, built by CMake
// against an install prefix (make cmake-test), run under valgrind and again built with
// -fsanitize=address,undefined. Containers: dccpp-t*; removed at the start and at the end,
// also when a check fails (a failed check throws; main cleans up before returning 1).
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <unistd.h>

#include "docker_containers.hpp"

static int checks = 0;

struct CheckFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

#define CHECK(cond)                                                                                  \
    do {                                                                                             \
        checks++;                                                                                    \
        if (!(cond)) throw CheckFailed(std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": " + #cond); \
    } while (0)

// CHECK_THROWS(expr, Class): expr throws exactly a Class (which is a docker::Error).
#define CHECK_THROWS(expr, Class)                                        \
    do {                                                                 \
        bool thrown_ = false;                                            \
        try {                                                            \
            (void)(expr);                                                \
        } catch (const Class &e_) {                                      \
            thrown_ = true;                                              \
            const docker::Error &base_ = e_;                             \
            CHECK(base_.code() != DOCKER_OK && base_.what()[0] != '\0'); \
        }                                                                \
        CHECK(thrown_);                                                  \
    } while (0)

static const char *IMAGE = "dc-test/busybox:latest";
static const char *NAMES[] = {"dccpp-tmain", "dccpp-tcreate", "dccpp-tcreated", "dccpp-tdetach", "dccpp-tcancel",
                              "dccpp-tprune", "dccpp-trenamed"};

static bool contains(const std::string &hay, const std::string &needle) { return hay.find(needle) != std::string::npos; }

static void cleanup(docker::Client &client) {
    for (const char *n : NAMES) {
        try {
            client.get(n).remove("{\"force\": true}");
        } catch (const docker::NotFound &) {
        }
    }
    try {
        client.images().remove("dccpp-tcommit:t1", "{\"force\": true}");
    } catch (const docker::NotFound &) {
    }
}

// Removes an unnamed container when the scope ends, also when a check failed in it.
struct RemoveOnExit {
    docker::Container &c;
    ~RemoveOnExit() {
        try {
            c.remove("{\"force\": true}");
        } catch (const docker::Error &) {
        }
    }
};

// Every code has its class, and each class is a docker::Error.
static_assert(std::is_base_of_v<docker::Error, docker::InvalidArgument>);
static_assert(std::is_base_of_v<docker::Error, docker::NotFound>);
static_assert(std::is_base_of_v<docker::Error, docker::Conflict>);
static_assert(std::is_base_of_v<docker::Error, docker::ImageNotFound>);
static_assert(std::is_base_of_v<docker::Error, docker::ContainerFailed>);
static_assert(std::is_base_of_v<docker::Error, docker::EngineError>);
static_assert(std::is_base_of_v<docker::Error, docker::ConnectionError>);
static_assert(std::is_base_of_v<docker::Error, docker::Timeout>);
static_assert(std::is_base_of_v<docker::Error, docker::Cancelled>);
static_assert(std::is_base_of_v<docker::Error, docker::StoppedByCallback>);
static_assert(std::is_base_of_v<docker::Error, docker::TlsError>);
static_assert(std::is_base_of_v<docker::Error, docker::Forked>);
static_assert(std::is_base_of_v<docker::Error, docker::ProtocolError>);
static_assert(std::is_base_of_v<docker::Error, docker::IoError>);
static_assert(std::is_base_of_v<docker::Error, docker::InternalError>);
static_assert(std::is_base_of_v<std::runtime_error, docker::Error>);

static void client_calls(docker::Client &client) {
    client.ping();
    CHECK(contains(client.version_json(), "\"ApiVersion\""));
    CHECK(contains(client.info_json(), "\"Containers\""));
    std::string api = client.api_version();
    CHECK(api.size() >= 4 && api.compare(0, 2, "1.") == 0);
    CHECK(std::string(docker::library_version()) ==
          std::to_string(DOCKER_CONTAINERS_VERSION_MAJOR) + "." + std::to_string(DOCKER_CONTAINERS_VERSION_MINOR) + "." +
              std::to_string(DOCKER_CONTAINERS_VERSION_PATCH));
    // A client made with docker_client_new for an address where nothing listens.
    docker::Client nowhere("{\"base_url\": \"unix:///nonexistent/dccpp.sock\"}");
    CHECK_THROWS(nowhere.ping(), docker::ConnectionError);
    CHECK_THROWS(docker::Client("{\"no_such_key\": 1}"), docker::InvalidArgument);

    auto images = client.images();
    CHECK(images.exists(IMAGE));
    CHECK(!images.exists("dccpp-none/absent:latest"));
    CHECK(contains(images.inspect_json(IMAGE), "\"RepoTags\""));
    CHECK_THROWS(images.inspect_json("dccpp-none/absent:latest"), docker::NotFound);
    CHECK_THROWS(images.remove("dccpp-none/absent:latest"), docker::NotFound);
}

static void collection(docker::Client &client) {
    auto containers = client.containers();
    // run, not detached: the output; a failure is ContainerFailed with exit status and stderr.
    CHECK(containers.run(IMAGE, "echo hello", "{\"remove\": true}") == "hello\n");
    try {
        containers.run(IMAGE, "sh -c 'echo bad >&2; exit 4'", "{\"remove\": true}");
        CHECK(false);
    } catch (const docker::ContainerFailed &e) {
        CHECK(e.code() == DOCKER_ERR_CONTAINER_FAILED && e.exit_status() == 4 && e.stderr_output() == "bad\n");
    }
    CHECK_THROWS(containers.run("dccpp-none/absent:latest", "true", "{\"pull\": false}"), docker::ImageNotFound);
    CHECK_THROWS(containers.run(IMAGE, "true", "{\"remove\": true, \"colour\": 1}"), docker::InvalidArgument);

    // run_detached always detaches, even when told "detach": false or given no options.
    {
        auto c = containers.run_detached(IMAGE, "sleep 60", "{\"detach\": false, \"name\": \"dccpp-tdetach\"}");
        c.reload();
        CHECK(c.status() == "running" && c.name() == "dccpp-tdetach");
        c.remove("{\"force\": true}");
        auto d = containers.run_detached(IMAGE, "sleep 60");
        RemoveOnExit remove_d{d};
        d.reload();
        CHECK(d.status() == "running");
        CHECK_THROWS(containers.run_detached(IMAGE, "sleep 60", "null"), docker::InvalidArgument);
        CHECK_THROWS(containers.run_detached(IMAGE, "sleep 60", "[1]"), docker::InvalidArgument);
    }

    // create, get (by name and by short id), list, prune.
    auto created = containers.create(IMAGE, "sleep 60", "{\"name\": \"dccpp-tcreate\", \"labels\": {\"dccpp\": \"yes\"}}");
    CHECK(created.status() == "created");
    CHECK(containers.get("dccpp-tcreate").id() == created.id());
    CHECK(containers.get(created.short_id()).id() == created.id());
    CHECK_THROWS(containers.get("dccpp-tmissing"), docker::NotFound);
    try {
        containers.get("dccpp-tmissing");
    } catch (const docker::Error &e) {
        CHECK(e.not_found() && e.http_status() == 404);
    }
    CHECK_THROWS(containers.create(IMAGE, "true", "{\"name\": \"dccpp-tcreate\"}"), docker::Conflict);
    std::string listed = containers.list_json("{\"all\": true, \"filters\": {\"label\": [\"dccpp=yes\"]}}");
    CHECK(contains(listed, created.id()));
    CHECK(!contains(client.list_json("{\"filters\": {\"label\": [\"dccpp=yes\"]}}"), created.id()));  // not running

    auto doomed = containers.create(IMAGE, "true", "{\"name\": \"dccpp-tprune\", \"labels\": {\"dccpp-prune\": \"1\"}}");
    std::string pruned = containers.prune_json("{\"filters\": {\"label\": [\"dccpp-prune=1\"]}}");
    CHECK(contains(pruned, doomed.id()) && contains(pruned, "SpaceReclaimed"));
    CHECK_THROWS(doomed.reload(), docker::NotFound);
    created.remove();
    CHECK_THROWS(created.reload(), docker::NotFound);
}

static void properties_and_lifecycle(docker::Client &client) {
    auto c = client.containers().create(IMAGE, "sh -c 'echo one; echo two >&2; sleep 60'",
                                        "{\"name\": \"dccpp-tcreated\", \"labels\": {\"role\": \"props\"},"
                                        " \"ports\": {\"80/tcp\": null}, \"tty\": false}");
    CHECK(c.id().size() == 64 && c.short_id() == c.id().substr(0, 12));
    CHECK(c.name() == "dccpp-tcreated");
    CHECK(c.status() == "created" && c.health() == "unknown");
    CHECK(contains(c.labels_json(), "\"role\":\"props\"") || contains(c.labels_json(), "\"role\": \"props\""));
    CHECK(contains(c.attrs_json(), c.id()));
    CHECK(c.warnings_json().front() == '[');
    CHECK(contains(c.image_json(), "dc-test/busybox:latest"));
    c.start();
    c.reload();
    CHECK(c.status() == "running");
    CHECK(contains(c.ports_json(), "\"80/tcp\""));
    c.pause();
    c.reload();
    CHECK(c.status() == "paused");
    c.unpause();
    c.rename("dccpp-trenamed");
    c.reload();
    CHECK(c.name() == "dccpp-trenamed");
    c.update("{\"mem_limit\": \"64m\", \"memswap_limit\": \"128m\"}");
    c.reload();
    CHECK(contains(c.attrs_json(), "\"Memory\":67108864"));
    CHECK(contains(c.top_json(), "sleep 60"));
    CHECK(contains(c.stats_once(), "\"derived\""));
    auto split = c.logs_output("{\"demux\": true}");
    CHECK(split.out == "one\n" && split.err == "two\n");
    c.restart("{\"timeout\": 1}");
    c.reload();
    CHECK(c.status() == "running");
    c.kill("SIGKILL");
    CHECK(c.wait() == 137);
    auto w = c.wait_result("{\"condition\": \"not-running\"}");
    CHECK(w.status_code == 137 && contains(w.json, "StatusCode"));
    CHECK_THROWS(c.kill(), docker::Conflict);
    CHECK_THROWS(c.kill("SIGNOPE"), docker::InvalidArgument);
    std::string image_id = c.commit("{\"repository\": \"dccpp-tcommit\", \"tag\": \"t1\"}");
    CHECK(image_id.compare(0, 7, "sha256:") == 0 && client.images().exists("dccpp-tcommit:t1"));
    client.images().remove("dccpp-tcommit:t1");
    CHECK(!client.images().exists("dccpp-tcommit:t1"));
    c.stop();
    c.remove("{\"v\": true}");
}

// Pull streams as input ranges, callbacks, exec, logs and stats.
static void streams(docker::Container &c, docker::Client &client) {
    // Logs in order, read through range-for over a pull stream.
    std::string seen;
    for (const docker::Chunk &chunk : c.logs_stream("{\"follow\": true}")) {
        CHECK(chunk.kind == DOCKER_STREAM_STDOUT || chunk.kind == DOCKER_STREAM_STDERR);
        seen.append(chunk.data);
        if (contains(seen, "5\n")) break;
    }
    CHECK(seen == "1\n2\n3\n4\n5\n");
    CHECK(c.logs("{\"tail\": 2}") == "4\n5\n");

    // A stream with nothing ready: a 0 ms wait gives Timeout, and nothing is lost after it.
    {
        auto quiet = c.logs_stream("{\"follow\": true, \"tail\": 0}");
        docker::Chunk chunk{};
        quiet.timeout(0);
        CHECK(quiet.timeout() == 0);
        CHECK_THROWS(quiet.next(chunk, 0), docker::Timeout);
    }

    // exec: gathered, demuxed, streamed, interactive (range-for, then the exit code), detached.
    auto r = c.exec_run("sh -c 'echo x; echo y >&2; exit 3'", "{\"demux\": true}");
    CHECK(r.exit_code == 3 && r.output == "x\n" && r.error_output == "y\n");
    std::string streamed;
    CHECK(c.exec_stream("echo streamed", [&](docker_stream_kind, std::string_view d) {
        streamed.append(d);
        return true;
    }) == 0);
    CHECK(streamed == "streamed\n");
    auto s = c.exec_open("cat");
    s.write("round trip\n");
    s.close_write();
    std::string got;
    for (const auto &chunk : s) got.append(chunk.data);
    CHECK(got == "round trip\n" && s.exit_code() == 0);
    auto tty = c.exec_open("sh -c 'read line; echo got $line; exit 5'", "{\"tty\": true}");
    tty.resize(30, 100);
    tty.write("abc\n");
    CHECK(contains(tty.read_all(), "got abc") && tty.exit_code() == 5);
    std::string exec_id = c.exec_detached("sleep 30", "{\"tty\": true}");
    CHECK(contains(client.exec_inspect(exec_id), "\"Running\":true"));
    CHECK_THROWS(client.exec_inspect("dccpp-no-such-exec"), docker::NotFound);
    client.exec_resize(exec_id, 20, 80);
    CHECK_THROWS(client.exec_resize("dccpp-no-such-exec", 20, 80), docker::NotFound);

    // stats: one sample from the callback form, one from the range form.
    int samples = 0;
    c.stats("", [&](docker_stream_kind kind, std::string_view d) {
        CHECK(kind == DOCKER_STREAM_JSON && contains(std::string(d), "\"derived\""));
        return ++samples < 1;
    });
    CHECK(samples == 1);
    auto st = c.stats_stream();
    auto it = st.begin();
    CHECK(it != st.end() && it->kind == DOCKER_STREAM_JSON);

    // attach: the container's output replayed ("logs": true), then stopped by the callback.
    std::string attached;
    c.attach("{\"logs\": true, \"stream\": false}", [&](docker_stream_kind, std::string_view d) {
        attached.append(d);
        return true;
    });
    CHECK(contains(attached, "5\n"));
    auto sock = c.attach_socket("{\"logs\": true, \"stream\": false, \"stdin\": false}");
    CHECK(contains(sock.read_all(), "3\n"));

    // An exception thrown in a callback stops the stream and comes back out.
    try {
        c.logs("{\"follow\": true}", [](docker_stream_kind, std::string_view) -> bool { throw std::logic_error("enough"); });
        CHECK(false);
    } catch (const std::logic_error &e) {
        CHECK(std::string(e.what()) == "enough");
    }
}

// Cancellation fired from another thread.
static void cancellation(docker::Container &c, docker::Client &client) {
    // A following log stream: the token fires from another thread once the first chunk came.
    {
        docker::CancelToken token;
        std::mutex m;
        std::condition_variable cv;
        bool first = false;
        std::thread firer([&] {
            std::unique_lock<std::mutex> lock(m);
            cv.wait(lock, [&] { return first; });
            token.fire();
        });
        int chunks = 0;
        bool cancelled = false;
        try {
            c.logs("{\"follow\": true}", [&](docker_stream_kind, std::string_view) {
                if (chunks++ == 0) {
                    std::lock_guard<std::mutex> lock(m);
                    first = true;
                    cv.notify_one();
                }
                return true;
            }, &token);
        } catch (const docker::Cancelled &e) {
            cancelled = e.code() == DOCKER_ERR_CANCELLED;
        }
        firer.join();
        CHECK(cancelled && chunks >= 1);
        // Once fired it stays fired: the next call with it is cancelled too.
        CHECK_THROWS(c.wait("", token), docker::Cancelled);
    }
    // wait on a running container, fired from another thread.
    {
        docker::CancelToken token;
        std::thread firer([&] { token.fire(); });
        CHECK_THROWS(c.wait("", token), docker::Cancelled);
        firer.join();
        c.reload();
        CHECK(c.status() == "running");
    }
    // A run that would last a minute, cancelled from another thread; the container is left.
    {
        docker::CancelToken token;
        std::thread firer([&] { token.fire(); });
        CHECK_THROWS(client.containers().run(IMAGE, "sleep 60", "{\"name\": \"dccpp-tcancel\"}", &token),
                     docker::Cancelled);
        firer.join();
    }
    // A pull stream blocked in range-for, cancelled from another thread.
    {
        auto s = c.logs_stream("{\"follow\": true, \"tail\": 0}");
        std::thread canceller([&] { s.cancel(); });
        bool cancelled = false;
        try {
            for (const auto &chunk : s) (void)chunk;
        } catch (const docker::Cancelled &) {
            cancelled = true;
        }
        canceller.join();
        CHECK(cancelled);
    }
    // get_archive to an ostream with a token already fired.
    {
        docker::CancelToken token;
        token.fire();
        std::ostringstream out;
        CHECK_THROWS(c.get_archive("/bin", out, "", &token), docker::Cancelled);
    }
}

// Archives to and from memory, std::istream/std::ostream, files, and streams.
static void archives(docker::Container &c, const std::string &tmp) {
    c.exec_run("sh -c 'mkdir -p /src /dst /dst2 /dst3 && echo payload > /src/file.txt'");
    std::ostringstream tar_out;
    std::string stat = c.get_archive("/src/file.txt", tar_out);
    CHECK(contains(stat, "\"name\":\"file.txt\"") || contains(stat, "\"name\": \"file.txt\""));
    std::string tar = tar_out.str();
    CHECK(tar.size() >= 1024 && tar.size() % 512 == 0 && contains(tar, "payload\n"));
    std::istringstream tar_in(tar);
    c.put_archive("/dst", tar_in);
    CHECK(c.exec_run("cat /dst/file.txt").output == "payload\n");
    c.put_archive("/dst2", std::string_view(tar));
    CHECK(c.exec_run("cat /dst2/file.txt").output == "payload\n");

    // Files on the host.
    std::string tar_file = tmp + "/file.tar";
    CHECK(contains(c.get_archive_to_file("/src/file.txt", tar_file), "file.txt"));
    c.put_archive_file("/dst3", tar_file);
    CHECK(c.exec_run("cat /dst3/file.txt").output == "payload\n");
    CHECK_THROWS(c.put_archive_file("/dst3", tmp + "/absent.tar"), docker::IoError);
    CHECK_THROWS(c.put_archive("/no/such/dir", std::string_view(tar)), docker::NotFound);

    // The pull stream form, read as a range.
    auto as = c.get_archive_stream("/src/file.txt");
    CHECK(contains(as.stat_json, "file.txt"));
    std::string streamed;
    for (const auto &chunk : as.stream) {
        CHECK(chunk.kind == DOCKER_STREAM_DATA);
        streamed.append(chunk.data);
    }
    CHECK(streamed == tar);
    CHECK(contains(c.stat_path("/src"), "\"is_dir\":true") || contains(c.stat_path("/src"), "\"is_dir\": true"));
    CHECK_THROWS(c.stat_path("/no/such/path"), docker::NotFound);

    // export: to an ostream, as a range, to a file; the image's busybox is in each.
    std::ostringstream exported;
    c.export_to(exported);
    CHECK(contains(exported.str(), "bin/busybox"));
    std::string ranged = c.export_stream().read_all();
    CHECK(ranged.size() == exported.str().size());
    c.export_to_file(tmp + "/export.tar");
    std::ifstream ef(tmp + "/export.tar", std::ios::binary);
    std::string from_file((std::istreambuf_iterator<char>(ef)), std::istreambuf_iterator<char>());
    CHECK(from_file.size() == exported.str().size());
    // A failing ostream stops the export with std::ios_base::failure.
    std::ofstream closed;
    CHECK(!closed.is_open());
    bool failed = false;
    try {
        c.export_to(closed);
    } catch (const std::ios_base::failure &) {
        failed = true;
    }
    CHECK(failed);
    CHECK(contains(c.diff_json(), "/dst"));

    // docker cp both ways.
    {
        std::ofstream f(tmp + "/host.txt");
        f << "from the host\n";
    }
    c.copy_to(tmp + "/host.txt", "/copied.txt");
    CHECK(c.exec_run("cat /copied.txt").output == "from the host\n");
    c.copy_from("/src/file.txt", tmp + "/back.txt");
    std::ifstream back(tmp + "/back.txt");
    std::string line;
    std::getline(back, line);
    CHECK(line == "payload");
    CHECK_THROWS(c.copy_to(tmp + "/absent", "/x"), docker::IoError);
}

int main() {
    auto client = docker::Client::from_env();
    cleanup(client);
    char tmpl[] = "/tmp/dccpp-test-XXXXXX";
    std::string tmp = mkdtemp(tmpl) ? tmpl : "";
    int rc = 0;
    try {
        if (tmp.empty()) throw CheckFailed("mkdtemp failed");
        client_calls(client);
        collection(client);
        properties_and_lifecycle(client);
        auto main_c = client.run_detached(IMAGE, "sh -c 'seq 1 5; sleep 300'", "{\"name\": \"dccpp-tmain\"}");
        streams(main_c, client);
        cancellation(main_c, client);
        archives(main_c, tmp);
        main_c.remove("{\"force\": true}");
    } catch (const std::exception &e) {
        std::fprintf(stderr, "test_api: FAILED: %s\n", e.what());
        rc = 1;
    }
    cleanup(client);
    if (!tmp.empty()) std::filesystem::remove_all(tmp);
    if (rc == 0) std::printf("test_api: %d checks, 1 passed, 0 failed\n", checks);
    return rc;
}
