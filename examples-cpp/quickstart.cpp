// quickstart.cpp: docker-py's quickstart in C++ with docker_containers.hpp: from_env, ping,
// run a container detached, read its logs, exec in it, stop and remove it.
// Usage: quickstart [CONTAINER_NAME] (default docker-containers-quickstart).
#include <cstdio>
#include <string>

#include "docker_containers.hpp"

int main(int argc, char **argv) {
    const std::string name = argc > 1 ? argv[1] : "docker-containers-quickstart";
    try {
        auto client = docker::Client::from_env();  // DOCKER_HOST, contexts, TLS: as the Docker CLI
        client.ping();
        std::printf("engine API %s, library %s\n", client.api_version().c_str(), docker::library_version());

        // client.containers.run(image, command, detach=True, name=...)
        auto container = client.containers().run_detached(
            "dc-test/busybox:latest", "sh -c 'echo hello from the container; sleep 60'", "{\"name\": \"" + name + "\"}");
        try {
            std::printf("started %s (%s)\n", container.name().c_str(), container.short_id().c_str());

            // container.logs(stream=True, follow=True): the first line, then stop reading.
            std::string first;
            container.logs("{\"follow\": true}", [&](docker_stream_kind, std::string_view data) {
                first.append(data);
                return first.find('\n') == std::string::npos;
            });
            std::printf("logs: %s", first.c_str());

            // container.exec_run(cmd)
            auto r = container.exec_run("sh -c 'echo hi from exec; exit 3'");
            std::printf("exec: exit code %lld, output: %s", static_cast<long long>(r.exit_code), r.output.c_str());

            container.stop("{\"timeout\": 1}");
            container.reload();
            std::printf("status after stop: %s\n", container.status().c_str());
        } catch (...) {
            container.remove("{\"force\": true}");
            throw;
        }
        container.remove();
        std::printf("removed %s\n", name.c_str());
    } catch (const docker::Error &e) {
        std::fprintf(stderr, "quickstart: %s (%s, HTTP %d)\n", e.what(), e.code_name(), e.http_status());
        return 1;
    }
    return 0;
}
