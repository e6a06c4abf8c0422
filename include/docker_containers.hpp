// docker_containers.hpp: a header-only C++17 wrapper over docker_containers.h.
// RAII handles (move-only), exceptions built from docker_error objects, std::function callbacks.
// Every call blocks the calling thread; callbacks run on it.
#ifndef DOCKER_CONTAINERS_HPP
#define DOCKER_CONTAINERS_HPP

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "docker_containers.h"

namespace docker {

/// A failed call: the library's code, message, HTTP status, and for a failed run the exit
/// status and stderr.
class Error : public std::runtime_error {
public:
    explicit Error(docker_error *e)
        : std::runtime_error(docker_error_message(e)),
          code_(docker_error_code(e)),
          http_status_(docker_error_http_status(e)),
          exit_status_(docker_error_exit_status(e)) {
        size_t len = 0;
        const uint8_t *p = docker_error_stderr(e, &len);
        if (p) stderr_.assign(reinterpret_cast<const char *>(p), len);
        docker_error_free(e);
    }
    docker_result code() const noexcept { return code_; }
    const char *code_name() const noexcept { return docker_result_str(code_); }
    int http_status() const noexcept { return http_status_; }
    int64_t exit_status() const noexcept { return exit_status_; }
    const std::string &stderr_output() const noexcept { return stderr_; }
    bool not_found() const noexcept { return code_ == DOCKER_ERR_NOT_FOUND; }

private:
    docker_result code_;
    int http_status_;
    int64_t exit_status_;
    std::string stderr_;
};

namespace detail {
// `e` by reference: it is read here, after the call that sets it (C++ does not order the
// evaluation of function arguments).
inline void check(docker_result r, docker_error *const &e) {
    if (r != DOCKER_OK) {
        if (e) throw Error(e);
        throw std::runtime_error(docker_result_str(r));
    }
}
inline std::string take(char *s) {
    std::string out(s ? s : "");
    docker_string_free(s);
    return out;
}
inline std::string take(docker_buffer *b) {
    std::string out;
    if (b && b->len) out.assign(reinterpret_cast<const char *>(b->data), b->len);
    docker_buffer_free(b);
    return out;
}
inline const char *opt(const std::string &s) { return s.empty() ? nullptr : s.c_str(); }

/// Bridges a std::function to the C callback; exceptions stop the stream and are rethrown.
struct Callback {
    std::function<bool(docker_stream_kind, std::string_view)> fn;
    std::exception_ptr error;
    static int call(void *ud, docker_stream_kind kind, const uint8_t *data, size_t len) {
        auto *self = static_cast<Callback *>(ud);
        try {
            return self->fn(kind, std::string_view(reinterpret_cast<const char *>(data), len)) ? 0 : 1;
        } catch (...) {
            self->error = std::current_exception();
            return 1;
        }
    }
};
inline void check_stream(docker_result r, docker_error *const &e, Callback &cb, bool stopped_ok = true) {
    if (cb.error) {
        docker_error_free(e);
        std::rethrow_exception(cb.error);
    }
    if (r == DOCKER_ERR_STOPPED_BY_CALLBACK && stopped_ok) {
        docker_error_free(e);
        return;
    }
    check(r, e);
}
}  // namespace detail

/// The result of exec_run: docker-py's ExecResult.
struct ExecResult {
    int64_t exit_code;
    std::string output;
};

/// A pull stream (logs_open, exec_open, ...). next() returns false at the end.
class Stream {
public:
    explicit Stream(docker_stream *s) : s_(s, &docker_stream_free) {}
    /// The next chunk; false at the end. `timeout_ms` < 0 waits for ever.
    bool next(docker_stream_kind &kind, std::string &data, int64_t timeout_ms = -1) {
        docker_chunk c{};
        docker_error *e = nullptr;
        detail::check(docker_stream_next(s_.get(), timeout_ms, &c, &e), e);
        if (c.kind == DOCKER_STREAM_END) return false;
        kind = c.kind;
        data.assign(reinterpret_cast<const char *>(c.data), c.len);
        return true;
    }
    void write(std::string_view data) {
        docker_error *e = nullptr;
        detail::check(docker_stream_write(s_.get(), reinterpret_cast<const uint8_t *>(data.data()), data.size(), &e), e);
    }
    void close_write() {
        docker_error *e = nullptr;
        detail::check(docker_stream_close_write(s_.get(), &e), e);
    }
    int64_t exit_code() const {
        int64_t code = -1;
        docker_error *e = nullptr;
        detail::check(docker_stream_exit_code(s_.get(), &code, &e), e);
        return code;
    }
    void cancel() noexcept { docker_stream_cancel(s_.get()); }

private:
    std::unique_ptr<docker_stream, void (*)(docker_stream *)> s_;
};

/// One container (docker-py's Container).
class Container {
public:
    explicit Container(docker_container *c) : c_(c, &docker_container_free) {}
    std::string id() const { return docker_container_id(c_.get()); }
    std::string name() const { return get(&docker_container_name); }
    std::string status() const { return get(&docker_container_status); }
    std::string attrs_json() const { return get(&docker_container_attrs_json); }
    void reload() { call(&docker_container_reload); }
    void start() { call(&docker_container_start); }
    void pause() { call(&docker_container_pause); }
    void unpause() { call(&docker_container_unpause); }
    void stop(const std::string &options = "") { call_opts(&docker_container_stop, options); }
    void restart(const std::string &options = "") { call_opts(&docker_container_restart, options); }
    void remove(const std::string &options = "") { call_opts(&docker_container_remove, options); }
    void kill(const std::string &signal = "") {
        docker_error *e = nullptr;
        detail::check(docker_container_kill(c_.get(), detail::opt(signal), &e), e);
    }
    int64_t wait(const std::string &options = "") {
        int64_t code = -1;
        docker_error *e = nullptr;
        detail::check(docker_container_wait(c_.get(), detail::opt(options), &code, nullptr, &e), e);
        return code;
    }
    ExecResult exec_run(const std::string &cmd, const std::string &options = "") {
        int64_t code = -1;
        docker_buffer *out = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_exec_run(c_.get(), cmd.c_str(), detail::opt(options), &code, &out, nullptr, &e), e);
        return {code, detail::take(out)};
    }
    /// Streamed exec: `on_data(kind, bytes)` returns false to stop; returns the exit code.
    int64_t exec_stream(const std::string &cmd, std::function<bool(docker_stream_kind, std::string_view)> on_data,
                        const std::string &options = "") {
        detail::Callback cb{std::move(on_data), nullptr};
        int64_t code = -1;
        docker_error *e = nullptr;
        docker_result r = docker_container_exec_stream(c_.get(), cmd.c_str(), detail::opt(options),
                                                       &detail::Callback::call, &cb, nullptr, &code, &e);
        detail::check_stream(r, e, cb);
        return code;
    }
    Stream exec_open(const std::string &cmd, const std::string &options = "") {
        docker_stream *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_exec_open(c_.get(), cmd.c_str(), detail::opt(options), &s, &e), e);
        return Stream(s);
    }
    /// docker-py's logs(): the whole output (stdout and stderr in order).
    std::string logs(const std::string &options = "") {
        docker_buffer *out = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_logs_buffer(c_.get(), detail::opt(options), &out, nullptr, &e), e);
        return detail::take(out);
    }
    /// logs with a callback (for follow): `on_data` returns false to stop.
    void logs(const std::string &options, std::function<bool(docker_stream_kind, std::string_view)> on_data) {
        detail::Callback cb{std::move(on_data), nullptr};
        docker_error *e = nullptr;
        docker_result r = docker_container_logs(c_.get(), detail::opt(options), &detail::Callback::call, &cb, nullptr, &e);
        detail::check_stream(r, e, cb);
    }
    docker_container *handle() const noexcept { return c_.get(); }

private:
    std::string get(docker_result (*f)(const docker_container *, char **, docker_error **)) const {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), &s, &e), e);
        return detail::take(s);
    }
    void call(docker_result (*f)(const docker_container *, docker_error **)) {
        docker_error *e = nullptr;
        detail::check(f(c_.get(), &e), e);
    }
    void call_opts(docker_result (*f)(const docker_container *, const char *, docker_error **), const std::string &o) {
        docker_error *e = nullptr;
        detail::check(f(c_.get(), detail::opt(o), &e), e);
    }
    std::unique_ptr<docker_container, void (*)(docker_container *)> c_;
};

/// A client (docker-py's DockerClient).
class Client {
public:
    /// docker.from_env(): DOCKER_HOST and friends; `options` as docker_client_from_env.
    static Client from_env(const std::string &options = "") {
        docker_client *c = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_client_from_env(detail::opt(options), &c, &e), e);
        return Client(c);
    }
    /// DockerClient(base_url=..., ...) as a JSON object.
    explicit Client(const std::string &options) : c_(nullptr, &docker_client_free) {
        docker_client *c = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_client_new(detail::opt(options), &c, &e), e);
        c_.reset(c);
    }
    void ping() {
        docker_error *e = nullptr;
        detail::check(docker_client_ping(c_.get(), &e), e);
    }
    std::string version_json() {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_client_version(c_.get(), &s, &e), e);
        return detail::take(s);
    }
    /// containers.run(image, command, detach=False, ...): the output; a non-zero exit throws
    /// Error with code DOCKER_ERR_CONTAINER_FAILED.
    std::string run(const std::string &image, const std::string &command, const std::string &options = "") {
        docker_buffer *out = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_containers_run(c_.get(), image.c_str(), detail::opt(command), detail::opt(options), nullptr, &out, &e), e);
        return detail::take(out);
    }
    /// containers.run(..., detach=True): `options` must hold "detach": true.
    Container run_detached(const std::string &image, const std::string &command, const std::string &options) {
        docker_container *h = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_containers_run(c_.get(), image.c_str(), detail::opt(command), options.c_str(), &h, nullptr, &e), e);
        return Container(h);
    }
    Container get(const std::string &id_or_name) {
        docker_container *h = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_containers_get(c_.get(), id_or_name.c_str(), &h, &e), e);
        return Container(h);
    }
    std::string list_json(const std::string &options = "") {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_containers_list(c_.get(), detail::opt(options), &s, &e), e);
        return detail::take(s);
    }
    docker_client *handle() const noexcept { return c_.get(); }

private:
    explicit Client(docker_client *c) : c_(c, &docker_client_free) {}
    std::unique_ptr<docker_client, void (*)(docker_client *)> c_;
};

}  // namespace docker

#endif
