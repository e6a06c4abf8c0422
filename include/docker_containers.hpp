// docker_containers.hpp: a header-only C++17 wrapper over every function of docker_containers.h.
// RAII handles (move-only), one exception class per error code (all deriving from docker::Error),
// std::string_view inputs, pull streams as input ranges, archives to and from files and
// std::istream/std::ostream, a cancel token that any thread may fire. Every call blocks the
// calling thread; callbacks run on it. `make check-wrapper` checks that each C function is used
// here (or listed with a reason in include/docker_containers.hpp.unwrapped).
#ifndef DOCKER_CONTAINERS_HPP
#define DOCKER_CONTAINERS_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <ios>
#include <istream>
#include <iterator>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "docker_containers.h"

namespace docker {

/// The library's version, "MAJOR.MINOR.PATCH" (docker_version).
inline const char *library_version() noexcept { return docker_version(); }

/// A failed call: the library's code, message, HTTP status, and for a failed run the exit
/// status and stderr. Each code has its own subclass below; catch docker::Error for all.
class Error : public std::runtime_error {
public:
    /// Takes ownership of `e` (reads it, then frees it).
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
    /// An error made on this side of the ABI (no error object).
    Error(docker_result code, const std::string &message)
        : std::runtime_error(message), code_(code), http_status_(0), exit_status_(-1) {}
    docker_result code() const noexcept { return code_; }
    /// A static description of the code ("not found").
    const char *code_name() const noexcept { return docker_result_str(code_); }
    /// The engine's HTTP status, 0 when the error did not come from an engine answer.
    int http_status() const noexcept { return http_status_; }
    /// For a failed non-detached run: the container's exit status; otherwise -1.
    int64_t exit_status() const noexcept { return exit_status_; }
    /// For a failed non-detached run: what the container wrote to stderr.
    const std::string &stderr_output() const noexcept { return stderr_; }
    bool not_found() const noexcept { return code_ == DOCKER_ERR_NOT_FOUND; }

private:
    docker_result code_;
    int http_status_;
    int64_t exit_status_;
    std::string stderr_;
};

// One class per docker_result code, in the header's order.
#define DOCKER_CONTAINERS_ERROR_CLASS(name) \
    class name : public Error {             \
    public:                                 \
        using Error::Error;                 \
    };
DOCKER_CONTAINERS_ERROR_CLASS(InvalidArgument)    // DOCKER_ERR_INVALID_ARGUMENT
DOCKER_CONTAINERS_ERROR_CLASS(NotFound)           // DOCKER_ERR_NOT_FOUND
DOCKER_CONTAINERS_ERROR_CLASS(Conflict)           // DOCKER_ERR_CONFLICT
DOCKER_CONTAINERS_ERROR_CLASS(ImageNotFound)      // DOCKER_ERR_IMAGE_NOT_FOUND
DOCKER_CONTAINERS_ERROR_CLASS(ContainerFailed)    // DOCKER_ERR_CONTAINER_FAILED
DOCKER_CONTAINERS_ERROR_CLASS(EngineError)        // DOCKER_ERR_ENGINE
DOCKER_CONTAINERS_ERROR_CLASS(ConnectionError)    // DOCKER_ERR_CONNECTION
DOCKER_CONTAINERS_ERROR_CLASS(Timeout)            // DOCKER_ERR_TIMEOUT
DOCKER_CONTAINERS_ERROR_CLASS(Cancelled)          // DOCKER_ERR_CANCELLED
DOCKER_CONTAINERS_ERROR_CLASS(StoppedByCallback)  // DOCKER_ERR_STOPPED_BY_CALLBACK
DOCKER_CONTAINERS_ERROR_CLASS(TlsError)           // DOCKER_ERR_TLS
DOCKER_CONTAINERS_ERROR_CLASS(Forked)             // DOCKER_ERR_FORKED
DOCKER_CONTAINERS_ERROR_CLASS(ProtocolError)      // DOCKER_ERR_PROTOCOL
DOCKER_CONTAINERS_ERROR_CLASS(IoError)            // DOCKER_ERR_IO
DOCKER_CONTAINERS_ERROR_CLASS(InternalError)      // DOCKER_ERR_INTERNAL
#undef DOCKER_CONTAINERS_ERROR_CLASS

/// A cancel token (docker_cancel): pass it to a blocking call, fire it from any thread, and
/// that call throws docker::Cancelled promptly. Once fired it stays fired. Move-only; it must
/// outlive the calls using it.
class CancelToken {
public:
    CancelToken() : c_(docker_cancel_new(), &docker_cancel_free) {}
    /// Safe from any thread, any number of times.
    void fire() const noexcept { docker_cancel_fire(c_.get()); }
    const docker_cancel *handle() const noexcept { return c_.get(); }

private:
    std::unique_ptr<docker_cancel, void (*)(docker_cancel *)> c_;
};

/// Data handed to a stream callback: `kind` and bytes borrowed for the callback's duration.
/// Return true to go on, false to stop (the call then returns normally).
using OnData = std::function<bool(docker_stream_kind, std::string_view)>;
/// A pull progress item (one JSON object). Return true to go on.
using OnProgress = std::function<bool(std::string_view)>;
/// Progress of a copy (put/get_archive, export, copy_to/from), on the calling thread: bytes of
/// the tar stream so far, and its size when known (a buffer's or a file's), else -1. Return
/// true to go on; false stops the copy, which then throws StoppedByCallback.
using OnTransfer = std::function<bool(uint64_t done, int64_t total)>;

namespace detail {
/// Throws the docker::Error subclass for `e`'s code (taking ownership of `e`).
[[noreturn]] inline void raise(docker_error *e) {
    switch (docker_error_code(e)) {
    case DOCKER_ERR_INVALID_ARGUMENT: throw InvalidArgument(e);
    case DOCKER_ERR_NOT_FOUND: throw NotFound(e);
    case DOCKER_ERR_CONFLICT: throw Conflict(e);
    case DOCKER_ERR_IMAGE_NOT_FOUND: throw ImageNotFound(e);
    case DOCKER_ERR_CONTAINER_FAILED: throw ContainerFailed(e);
    case DOCKER_ERR_ENGINE: throw EngineError(e);
    case DOCKER_ERR_CONNECTION: throw ConnectionError(e);
    case DOCKER_ERR_TIMEOUT: throw Timeout(e);
    case DOCKER_ERR_CANCELLED: throw Cancelled(e);
    case DOCKER_ERR_STOPPED_BY_CALLBACK: throw StoppedByCallback(e);
    case DOCKER_ERR_TLS: throw TlsError(e);
    case DOCKER_ERR_FORKED: throw Forked(e);
    case DOCKER_ERR_PROTOCOL: throw ProtocolError(e);
    case DOCKER_ERR_IO: throw IoError(e);
    case DOCKER_ERR_INTERNAL: throw InternalError(e);
    default: throw Error(e);
    }
}
// `e` by reference: it is read here, after the call that sets it (C++ does not order the
// evaluation of function arguments).
inline void check(docker_result r, docker_error *const &e) {
    if (r != DOCKER_OK) {
        if (e) raise(e);
        throw Error(r, docker_result_str(r));
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
inline const uint8_t *bytes(std::string_view v) { return reinterpret_cast<const uint8_t *>(v.data()); }

/// A NUL-terminated copy of a std::string_view argument, alive until the end of the full
/// expression that made it. opt() gives NULL for an empty value (the C "default").
class CStr {
public:
    explicit CStr(std::string_view v) : s_(v) {}
    const char *c() const noexcept { return s_.c_str(); }
    const char *opt() const noexcept { return s_.empty() ? nullptr : s_.c_str(); }

private:
    std::string s_;
};
inline const docker_cancel *token(const CancelToken *t) { return t ? t->handle() : nullptr; }

/// Bridges an OnData to the C callback; an exception stops the stream and is rethrown.
struct Callback {
    OnData fn;
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
/// Bridges an OnProgress to the C pull callback.
struct Progress {
    OnProgress fn;
    std::exception_ptr error;
    static int call(void *ud, const uint8_t *data, size_t len) {
        auto *self = static_cast<Progress *>(ud);
        if (!self->fn) return 0;
        try {
            return self->fn(std::string_view(reinterpret_cast<const char *>(data), len)) ? 0 : 1;
        } catch (...) {
            self->error = std::current_exception();
            return 1;
        }
    }
};
/// Bridges an OnTransfer to docker_transfer_cb (NULL when empty).
struct Transfer {
    OnTransfer fn;
    std::exception_ptr error;
    bool stopped = false;
    static int32_t call(void *ud, uint64_t done, int64_t total) {
        auto *self = static_cast<Transfer *>(ud);
        try {
            if (self->fn(done, total)) return 0;
        } catch (...) {
            self->error = std::current_exception();
        }
        self->stopped = true;
        return 1;
    }
    docker_transfer_cb cb() const { return fn ? &Transfer::call : nullptr; }
    void *ud() { return fn ? this : nullptr; }
    /// After the call: the callback's exception first, then the call's own result (a stop it
    /// asked for throws StoppedByCallback).
    void check(docker_result r, docker_error *const &e) {
        if (error) {
            docker_error_free(e);
            std::rethrow_exception(error);
        }
        detail::check(r, e);
    }
};
/// A stream call with a data callback and a transfer callback: a stop the data callback asked
/// for is a normal return; one the transfer callback asked for throws.
inline void check_stream(docker_result r, docker_error *const &e, Callback &cb, Transfer &t) {
    if (t.error || t.stopped) t.check(r, e);
    check_stream(r, e, cb);
}
/// Feeds an upload from a std::istream; a stream error or an exception aborts the upload.
struct Reader {
    std::istream &in;
    std::exception_ptr error;
    static int64_t call(void *ud, uint8_t *buf, size_t cap) {
        auto *self = static_cast<Reader *>(ud);
        try {
            self->in.read(reinterpret_cast<char *>(buf), static_cast<std::streamsize>(cap));
            if (self->in.bad()) throw std::ios_base::failure("put_archive: reading the input stream failed");
            return static_cast<int64_t>(self->in.gcount());
        } catch (...) {
            self->error = std::current_exception();
            return -1;
        }
    }
};
/// An OnData that writes every chunk to `out`, throwing when `out` fails.
inline OnData writer(std::ostream &out) {
    return [&out](docker_stream_kind, std::string_view d) {
        out.write(d.data(), static_cast<std::streamsize>(d.size()));
        if (!out) throw std::ios_base::failure("writing the output stream failed");
        return true;
    };
}
/// `options` with "detach": true as its last key (serde_json keeps the last of two equal keys),
/// so run_detached can never run a container to its end. Not an object: InvalidArgument.
inline std::string force_detach(std::string_view options) {
    const char *ws = " \t\r\n";
    size_t first = options.find_first_not_of(ws);
    if (first == std::string_view::npos) return "{\"detach\": true}";
    size_t last = options.find_last_not_of(ws);
    if (options[first] != '{' || options[last] != '}')
        throw InvalidArgument(DOCKER_ERR_INVALID_ARGUMENT, "run_detached: options must be a JSON object");
    std::string_view body = options.substr(first + 1, last - first - 1);
    bool empty = body.find_first_not_of(ws) == std::string_view::npos;
    std::string out("{");
    out.append(body);
    out.append(empty ? "\"detach\": true}" : ", \"detach\": true}");
    return out;
}
}  // namespace detail

/// One chunk of a pull stream: `data` is borrowed until the stream's next step.
struct Chunk {
    docker_stream_kind kind;
    std::string_view data;
};

/// A pull stream (docker_stream: logs, stats, attach, exec, get_archive, export). An input
/// range: `for (const docker::Chunk &c : stream)` reads chunks until the end, waiting up to
/// timeout() ms for each (default: for ever; docker::Timeout when one does not come).
/// cancel() may be called from any other thread; the loop then throws docker::Cancelled.
class Stream {
public:
    explicit Stream(docker_stream *s) : s_(s, &docker_stream_free) {}

    /// The next chunk into `chunk`; false at the end. `timeout_ms` < 0 waits for ever;
    /// docker::Timeout when nothing came in time (nothing is lost: call again).
    bool next(Chunk &chunk, int64_t timeout_ms) {
        docker_chunk c{};
        docker_error *e = nullptr;
        detail::check(docker_stream_next(s_.get(), timeout_ms, &c, &e), e);
        if (c.kind == DOCKER_STREAM_END) return false;
        chunk.kind = c.kind;
        chunk.data = std::string_view(reinterpret_cast<const char *>(c.data), c.len);
        return true;
    }
    /// The next chunk, copied into `data`; false at the end.
    bool next(docker_stream_kind &kind, std::string &data, int64_t timeout_ms = -1) {
        Chunk c{};
        if (!next(c, timeout_ms)) return false;
        kind = c.kind;
        data.assign(c.data);
        return true;
    }
    /// Everything up to the end, concatenated.
    std::string read_all() {
        std::string out;
        for (const Chunk &c : *this) out.append(c.data);
        return out;
    }
    /// Write to the stream's stdin (attach_socket, exec_open).
    void write(std::string_view data) {
        docker_error *e = nullptr;
        detail::check(docker_stream_write(s_.get(), detail::bytes(data), data.size(), &e), e);
    }
    /// End stdin (a half-close: output keeps coming).
    void close_write() {
        docker_error *e = nullptr;
        detail::check(docker_stream_close_write(s_.get(), &e), e);
    }
    /// Resize the tty behind the stream.
    void resize(uint32_t height, uint32_t width) {
        docker_error *e = nullptr;
        detail::check(docker_stream_resize(s_.get(), height, width, &e), e);
    }
    /// An ended exec stream's exit code.
    int64_t exit_code() const {
        int64_t code = -1;
        docker_error *e = nullptr;
        detail::check(docker_stream_exit_code(s_.get(), &code, &e), e);
        return code;
    }
    /// From any thread: a next() blocked on the stream throws docker::Cancelled.
    void cancel() const noexcept { docker_stream_cancel(s_.get()); }
    /// The per-chunk wait of range iteration, in ms (< 0: for ever).
    Stream &timeout(int64_t ms) noexcept {
        timeout_ms_ = ms;
        return *this;
    }
    int64_t timeout() const noexcept { return timeout_ms_; }
    docker_stream *handle() const noexcept { return s_.get(); }

    struct sentinel {};
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Chunk;
        using difference_type = std::ptrdiff_t;
        using pointer = const Chunk *;
        using reference = const Chunk &;
        iterator() = default;
        explicit iterator(Stream *s) : s_(s) { ++*this; }
        reference operator*() const noexcept { return c_; }
        pointer operator->() const noexcept { return &c_; }
        iterator &operator++() {
            if (s_ && !s_->next(c_, s_->timeout_ms_)) s_ = nullptr;
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator &i, sentinel) noexcept { return i.s_ == nullptr; }
        friend bool operator!=(const iterator &i, sentinel) noexcept { return i.s_ != nullptr; }
        friend bool operator==(sentinel, const iterator &i) noexcept { return i.s_ == nullptr; }
        friend bool operator!=(sentinel, const iterator &i) noexcept { return i.s_ != nullptr; }

    private:
        Stream *s_ = nullptr;
        Chunk c_{DOCKER_STREAM_END, {}};
    };
    /// Reads the first chunk (blocking): call once per pass.
    iterator begin() { return iterator(this); }
    sentinel end() const noexcept { return {}; }

private:
    std::unique_ptr<docker_stream, void (*)(docker_stream *)> s_;
    int64_t timeout_ms_ = -1;
};

/// The result of exec_run: docker-py's ExecResult. `error_output` is filled with "demux": true.
struct ExecResult {
    int64_t exit_code;
    std::string output;
    std::string error_output = {};
};
/// Output gathered in memory: stdout (and stderr too, without "demux": true) in `out`.
struct Output {
    std::string out;
    std::string err;
};
/// The result of wait: the exit code and the engine's {"StatusCode": N, "Error": ...}.
struct WaitResult {
    int64_t status_code;
    std::string json;
};
/// get_archive as a pull stream, with the path's stat JSON.
struct ArchiveStream {
    Stream stream;
    std::string stat_json;
};

/// One container (docker-py's Container). Move-only; the handle keeps its client alive.
class Container {
public:
    explicit Container(docker_container *c) : c_(c, &docker_container_free) {}

    // Properties: from the cached attributes (reload() refreshes them), except image_json.
    std::string id() const { return docker_container_id(c_.get()); }
    std::string short_id() const { return get(&docker_container_short_id); }
    std::string name() const { return get(&docker_container_name); }
    std::string status() const { return get(&docker_container_status); }
    std::string health() const { return get(&docker_container_health); }
    std::string labels_json() const { return get(&docker_container_labels_json); }
    std::string ports_json() const { return get(&docker_container_ports_json); }
    std::string attrs_json() const { return get(&docker_container_attrs_json); }
    std::string warnings_json() const { return get(&docker_container_warnings_json); }
    /// {"Id": ..., "RepoTags": [...]}: asks the engine.
    std::string image_json() const { return get(&docker_container_image); }

    // Lifecycle.
    void reload() { call(&docker_container_reload); }
    void start() { call(&docker_container_start); }
    void pause() { call(&docker_container_pause); }
    void unpause() { call(&docker_container_unpause); }
    void stop(std::string_view options = {}) { call_opts(&docker_container_stop, options); }
    void restart(std::string_view options = {}) { call_opts(&docker_container_restart, options); }
    void remove(std::string_view options = {}) { call_opts(&docker_container_remove, options); }
    void update(std::string_view options) { call_opts(&docker_container_update, options); }
    /// A signal name or number; empty: SIGKILL.
    void kill(std::string_view signal = {}) {
        docker_error *e = nullptr;
        detail::check(docker_container_kill(c_.get(), detail::CStr(signal).opt(), &e), e);
    }
    void rename(std::string_view name) {
        docker_error *e = nullptr;
        detail::check(docker_container_rename(c_.get(), detail::CStr(name).c(), &e), e);
    }
    void resize(uint32_t height, uint32_t width) {
        docker_error *e = nullptr;
        detail::check(docker_container_resize(c_.get(), height, width, &e), e);
    }
    /// The new image's id.
    std::string commit(std::string_view options = {}) {
        char *id = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_commit(c_.get(), detail::CStr(options).opt(), &id, &e), e);
        return detail::take(id);
    }
    /// Wait for the container to stop; its exit code.
    int64_t wait(std::string_view options = {}) { return wait_result(options).status_code; }
    /// wait, ended early (docker::Cancelled) when `cancel` fires.
    int64_t wait(std::string_view options, const CancelToken &cancel) { return wait_result(options, &cancel).status_code; }
    WaitResult wait_result(std::string_view options = {}, const CancelToken *cancel = nullptr) {
        WaitResult r{-1, {}};
        char *json = nullptr;
        docker_error *e = nullptr;
        detail::CStr o(options);
        if (cancel)
            detail::check(docker_container_wait_cancel(c_.get(), o.opt(), cancel->handle(), &r.status_code, &json, &e), e);
        else
            detail::check(docker_container_wait(c_.get(), o.opt(), &r.status_code, &json, &e), e);
        r.json = detail::take(json);
        return r;
    }

    /// Readiness: returns once every condition of `conditions` (a JSON object: status,
    /// healthy, log, port, exec; see docker_container_wait_for) holds. Throws docker::Timeout
    /// after `timeout` (negative: no limit) naming what did not hold, docker::ContainerFailed
    /// when the container exits, is removed or turns unhealthy (exit_status() and
    /// stderr_output() carry its last output), docker::Cancelled when `cancel` fires.
    void wait_for(std::string_view conditions, std::chrono::milliseconds timeout = std::chrono::milliseconds(-1),
                  const CancelToken *cancel = nullptr) {
        docker_error *e = nullptr;
        detail::check(docker_container_wait_for(c_.get(), detail::CStr(conditions).c(),
                                                static_cast<int64_t>(timeout.count()), detail::token(cancel), &e),
                      e);
    }

    // Exec.
    /// exec_run, gathered; with "demux": true stderr goes to error_output.
    ExecResult exec_run(std::string_view cmd, std::string_view options = {}) {
        int64_t code = -1;
        docker_buffer *out = nullptr, *err = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_exec_run(c_.get(), detail::CStr(cmd).opt(), detail::CStr(options).opt(), &code,
                                                &out, &err, &e),
                      e);
        std::string o = detail::take(out);
        return {code, std::move(o), detail::take(err)};
    }
    /// Streamed exec: `on_data(kind, bytes)` returns false to stop; returns the exit code.
    int64_t exec_stream(std::string_view cmd, OnData on_data, std::string_view options = {},
                        const CancelToken *cancel = nullptr) {
        detail::Callback cb{std::move(on_data), nullptr};
        int64_t code = -1;
        docker_error *e = nullptr;
        docker_result r = docker_container_exec_stream(c_.get(), detail::CStr(cmd).opt(), detail::CStr(options).opt(),
                                                       &detail::Callback::call, &cb, detail::token(cancel), &code, &e);
        detail::check_stream(r, e, cb);
        return code;
    }
    /// Interactive exec: write(), close_write(), range over the output, then exit_code().
    Stream exec_open(std::string_view cmd, std::string_view options = {}) {
        docker_stream *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_exec_open(c_.get(), detail::CStr(cmd).opt(), detail::CStr(options).opt(), &s, &e), e);
        return Stream(s);
    }
    /// exec_run(detach=True): the exec's id, for Client::exec_inspect.
    std::string exec_detached(std::string_view cmd, std::string_view options = {}) {
        char *id = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_exec_detached(c_.get(), detail::CStr(cmd).opt(), detail::CStr(options).opt(), &id, &e),
                      e);
        return detail::take(id);
    }
    /// {"Titles": [...], "Processes": [[...]]}. Options: `ps_args`.
    std::string top_json(std::string_view options = {}) { return get_opts(&docker_container_top, options); }

    // Logs, stats, attach.
    /// docker-py's logs(): the whole output (stdout and stderr in order).
    std::string logs(std::string_view options = {}) { return logs_output(options).out; }
    /// logs gathered, with "demux": true stderr apart in `err`.
    Output logs_output(std::string_view options = {}) {
        docker_buffer *out = nullptr, *err = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_logs_buffer(c_.get(), detail::CStr(options).opt(), &out, &err, &e), e);
        std::string o = detail::take(out);
        return {std::move(o), detail::take(err)};
    }
    /// logs with a callback (for follow): `on_data` returns false to stop.
    void logs(std::string_view options, OnData on_data, const CancelToken *cancel = nullptr) {
        stream_call(&docker_container_logs, options, std::move(on_data), cancel);
    }
    Stream logs_stream(std::string_view options = {}) { return open(&docker_container_logs_open, options); }
    void stats(std::string_view options, OnData on_data, const CancelToken *cancel = nullptr) {
        stream_call(&docker_container_stats, options, std::move(on_data), cancel);
    }
    Stream stats_stream(std::string_view options = {}) { return open(&docker_container_stats_open, options); }
    /// One sample as JSON.
    std::string stats_once(std::string_view options = {}) { return get_opts(&docker_container_stats_once, options); }
    void attach(std::string_view options, OnData on_data, const CancelToken *cancel = nullptr) {
        stream_call(&docker_container_attach, options, std::move(on_data), cancel);
    }
    /// docker-py's attach_socket(): both directions.
    Stream attach_socket(std::string_view options = {}) { return open(&docker_container_attach_open, options); }

    // Archives and files.
    /// Extract the tar `tar` (in memory) into directory `path`. `on_progress` (may be empty)
    /// counts the upload, total = tar.size().
    void put_archive(std::string_view path, std::string_view tar, std::string_view options = {},
                     OnTransfer on_progress = {}) {
        detail::Transfer t{std::move(on_progress), nullptr, false};
        docker_error *e = nullptr;
        docker_result r = docker_container_put_archive(c_.get(), detail::CStr(path).c(), detail::bytes(tar), tar.size(),
                                                       detail::CStr(options).opt(), t.cb(), t.ud(), &e);
        t.check(r, e);
    }
    /// Extract a tar read from `in` (streamed, 64 KiB at a time) into directory `path`.
    /// `on_progress` (may be empty) counts the upload (total -1).
    void put_archive(std::string_view path, std::istream &in, std::string_view options = {},
                     OnTransfer on_progress = {}) {
        detail::Reader rd{in, nullptr};
        detail::Transfer t{std::move(on_progress), nullptr, false};
        docker_error *e = nullptr;
        docker_result r = docker_container_put_archive_reader(c_.get(), detail::CStr(path).c(), &detail::Reader::call, &rd,
                                                              detail::CStr(options).opt(), t.cb(), t.ud(), &e);
        if (rd.error) {
            docker_error_free(e);
            std::rethrow_exception(rd.error);
        }
        t.check(r, e);
    }
    /// Extract the tar file `tar_path` on the host (streamed) into directory `path`.
    /// `on_progress` (may be empty) counts the upload, total = the file's size.
    void put_archive_file(std::string_view path, std::string_view tar_path, std::string_view options = {},
                          OnTransfer on_progress = {}) {
        detail::Transfer t{std::move(on_progress), nullptr, false};
        docker_error *e = nullptr;
        docker_result r = docker_container_put_archive_file(c_.get(), detail::CStr(path).c(), detail::CStr(tar_path).c(),
                                                            detail::CStr(options).opt(), t.cb(), t.ud(), &e);
        t.check(r, e);
    }
    /// get_archive(path) to a callback (DOCKER_STREAM_DATA chunks); returns the path's stat JSON.
    /// `on_progress` (may be empty) counts the tar as it arrives (total -1).
    std::string get_archive(std::string_view path, OnData on_data, std::string_view options = {},
                            const CancelToken *cancel = nullptr, OnTransfer on_progress = {}) {
        detail::Callback cb{std::move(on_data), nullptr};
        detail::Transfer t{std::move(on_progress), nullptr, false};
        char *stat = nullptr;
        docker_error *e = nullptr;
        docker_result r = docker_container_get_archive(c_.get(), detail::CStr(path).c(), detail::CStr(options).opt(),
                                                       &detail::Callback::call, &cb, detail::token(cancel), t.cb(),
                                                       t.ud(), &stat, &e);
        std::string s = detail::take(stat);
        detail::check_stream(r, e, cb, t);
        return s;
    }
    /// get_archive(path) written to `out`; returns the stat JSON.
    std::string get_archive(std::string_view path, std::ostream &out, std::string_view options = {},
                            const CancelToken *cancel = nullptr, OnTransfer on_progress = {}) {
        return get_archive(path, detail::writer(out), options, cancel, std::move(on_progress));
    }
    ArchiveStream get_archive_stream(std::string_view path) {
        docker_stream *s = nullptr;
        char *stat = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_get_archive_open(c_.get(), detail::CStr(path).c(), &s, &stat, &e), e);
        return {Stream(s), detail::take(stat)};
    }
    /// get_archive(path) into the tar file `file_path` on the host; returns the stat JSON.
    /// `on_progress` (may be empty) counts the tar as it arrives (total -1).
    std::string get_archive_to_file(std::string_view path, std::string_view file_path, OnTransfer on_progress = {}) {
        detail::Transfer t{std::move(on_progress), nullptr, false};
        char *stat = nullptr;
        docker_error *e = nullptr;
        docker_result r = docker_container_get_archive_to_file(c_.get(), detail::CStr(path).c(),
                                                               detail::CStr(file_path).c(), t.cb(), t.ud(), &stat, &e);
        std::string s = detail::take(stat);
        t.check(r, e);
        return s;
    }
    /// {name, size, mode, mode_bits, mtime, link_target, is_dir, is_symlink}.
    std::string stat_path(std::string_view path) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_stat_path(c_.get(), detail::CStr(path).c(), &s, &e), e);
        return detail::take(s);
    }
    /// docker-py's export() to a callback (`export` is a C++ keyword). `on_progress` (may be
    /// empty) counts the tar as it arrives (total -1).
    void export_to(OnData on_data, std::string_view options = {}, const CancelToken *cancel = nullptr,
                   OnTransfer on_progress = {}) {
        detail::Callback cb{std::move(on_data), nullptr};
        detail::Transfer t{std::move(on_progress), nullptr, false};
        docker_error *e = nullptr;
        docker_result r = docker_container_export(c_.get(), detail::CStr(options).opt(), &detail::Callback::call, &cb,
                                                  detail::token(cancel), t.cb(), t.ud(), &e);
        detail::check_stream(r, e, cb, t);
    }
    void export_to(std::ostream &out, std::string_view options = {}, const CancelToken *cancel = nullptr,
                   OnTransfer on_progress = {}) {
        export_to(detail::writer(out), options, cancel, std::move(on_progress));
    }
    Stream export_stream() {
        docker_stream *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_container_export_open(c_.get(), &s, &e), e);
        return Stream(s);
    }
    void export_to_file(std::string_view file_path, OnTransfer on_progress = {}) {
        detail::Transfer t{std::move(on_progress), nullptr, false};
        docker_error *e = nullptr;
        docker_result r = docker_container_export_to_file(c_.get(), detail::CStr(file_path).c(), t.cb(), t.ud(), &e);
        t.check(r, e);
    }
    /// [{"Path": "/x", "Kind": 1}, ...].
    std::string diff_json() const { return get(&docker_container_diff); }
    /// `docker cp HOST_PATH CONTAINER:PATH`. `on_progress` (may be empty) counts the tar sent
    /// (total -1).
    void copy_to(std::string_view host_path, std::string_view container_path, std::string_view options = {},
                 OnTransfer on_progress = {}) {
        detail::Transfer t{std::move(on_progress), nullptr, false};
        docker_error *e = nullptr;
        docker_result r = docker_container_copy_to(c_.get(), detail::CStr(host_path).c(),
                                                   detail::CStr(container_path).c(), detail::CStr(options).opt(),
                                                   t.cb(), t.ud(), &e);
        t.check(r, e);
    }
    /// `docker cp CONTAINER:PATH HOST_PATH`. `on_progress` (may be empty) counts the tar
    /// received (total -1).
    void copy_from(std::string_view container_path, std::string_view host_path, std::string_view options = {},
                   OnTransfer on_progress = {}) {
        detail::Transfer t{std::move(on_progress), nullptr, false};
        docker_error *e = nullptr;
        docker_result r = docker_container_copy_from(c_.get(), detail::CStr(container_path).c(),
                                                     detail::CStr(host_path).c(), detail::CStr(options).opt(),
                                                     t.cb(), t.ud(), &e);
        t.check(r, e);
    }
    docker_container *handle() const noexcept { return c_.get(); }

private:
    using StreamFn = docker_result (*)(const docker_container *, const char *, docker_stream_cb, void *,
                                       const docker_cancel *, docker_error **);
    using OpenFn = docker_result (*)(const docker_container *, const char *, docker_stream **, docker_error **);
    std::string get(docker_result (*f)(const docker_container *, char **, docker_error **)) const {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), &s, &e), e);
        return detail::take(s);
    }
    std::string get_opts(docker_result (*f)(const docker_container *, const char *, char **, docker_error **),
                         std::string_view o) const {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), detail::CStr(o).opt(), &s, &e), e);
        return detail::take(s);
    }
    void call(docker_result (*f)(const docker_container *, docker_error **)) {
        docker_error *e = nullptr;
        detail::check(f(c_.get(), &e), e);
    }
    void call_opts(docker_result (*f)(const docker_container *, const char *, docker_error **), std::string_view o) {
        docker_error *e = nullptr;
        detail::check(f(c_.get(), detail::CStr(o).opt(), &e), e);
    }
    void stream_call(StreamFn f, std::string_view o, OnData on_data, const CancelToken *cancel) {
        detail::Callback cb{std::move(on_data), nullptr};
        docker_error *e = nullptr;
        docker_result r = f(c_.get(), detail::CStr(o).opt(), &detail::Callback::call, &cb, detail::token(cancel), &e);
        detail::check_stream(r, e, cb);
    }
    Stream open(OpenFn f, std::string_view o) {
        docker_stream *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), detail::CStr(o).opt(), &s, &e), e);
        return Stream(s);
    }
    std::unique_ptr<docker_container, void (*)(docker_container *)> c_;
};

/// docker-py's `client.containers`: run, create, get, list, prune. Shares its client.
class Containers {
public:
    explicit Containers(std::shared_ptr<docker_client> c) : c_(std::move(c)) {}
    /// containers.run(image, command) not detached: the output; a non-zero exit throws
    /// docker::ContainerFailed (exit_status(), stderr_output()). `command` empty: the image's.
    std::string run(std::string_view image, std::string_view command = {}, std::string_view options = {},
                    const CancelToken *cancel = nullptr) {
        docker_buffer *out = nullptr;
        docker_error *e = nullptr;
        run_call(image, command, detail::CStr(options).opt(), cancel, nullptr, &out, e);
        return detail::take(out);
    }
    /// containers.run(..., detach=True): "detach": true is always added to `options` (a
    /// "detach": false there loses), so the call returns once the container has started.
    Container run_detached(std::string_view image, std::string_view command = {}, std::string_view options = {},
                           const CancelToken *cancel = nullptr) {
        docker_container *h = nullptr;
        docker_error *e = nullptr;
        std::string o = detail::force_detach(options);
        run_call(image, command, o.c_str(), cancel, &h, nullptr, e);
        return Container(h);
    }
    /// containers.create(image, command): made, not started.
    Container create(std::string_view image, std::string_view command = {}, std::string_view options = {}) {
        docker_container *h = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_containers_create(c_.get(), detail::CStr(image).c(), detail::CStr(command).opt(),
                                               detail::CStr(options).opt(), &h, &e),
                      e);
        return Container(h);
    }
    /// By full id, id prefix or name; docker::NotFound when there is none.
    Container get(std::string_view id_or_name) {
        docker_container *h = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_containers_get(c_.get(), detail::CStr(id_or_name).c(), &h, &e), e);
        return Container(h);
    }
    /// A JSON array (each container's inspect JSON unless "sparse": true).
    std::string list_json(std::string_view options = {}) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_containers_list(c_.get(), detail::CStr(options).opt(), &s, &e), e);
        return detail::take(s);
    }
    /// {"ContainersDeleted": [...], "SpaceReclaimed": N}.
    std::string prune_json(std::string_view options = {}) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_containers_prune(c_.get(), detail::CStr(options).opt(), &s, &e), e);
        return detail::take(s);
    }

private:
    void run_call(std::string_view image, std::string_view command, const char *options, const CancelToken *cancel,
                  docker_container **h, docker_buffer **out, docker_error *&e) {
        detail::CStr img(image), cmd(command);
        if (cancel)
            detail::check(docker_containers_run_cancel(c_.get(), img.c(), cmd.opt(), options, cancel->handle(), h, out, &e), e);
        else
            detail::check(docker_containers_run(c_.get(), img.c(), cmd.opt(), options, h, out, &e), e);
    }
    std::shared_ptr<docker_client> c_;
};

/// Images: pull, import, inspect, exists, remove, list, tag, prune. Shares its client.
class Images {
public:
    explicit Images(std::shared_ptr<docker_client> c) : c_(std::move(c)) {}
    /// Pull `reference`; `on_progress` (may be empty) gets each progress JSON object.
    void pull(std::string_view reference, std::string_view options = {}, OnProgress on_progress = {}) {
        detail::Progress p{std::move(on_progress), nullptr};
        docker_error *e = nullptr;
        docker_result r = docker_images_pull(c_.get(), detail::CStr(reference).c(), detail::CStr(options).opt(),
                                             &detail::Progress::call, &p, &e);
        if (p.error) {
            docker_error_free(e);
            std::rethrow_exception(p.error);
        }
        detail::check(r, e);
    }
    /// Import a root filesystem tar file as an image; the new image's id.
    std::string import_file(std::string_view tar_path, std::string_view repository = {}, std::string_view tag = {}) {
        char *id = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_images_import_file(c_.get(), detail::CStr(tar_path).c(), detail::CStr(repository).opt(),
                                                detail::CStr(tag).opt(), &id, &e),
                      e);
        return detail::take(id);
    }
    /// Import a root filesystem tar held in memory; the new image's id.
    std::string import_buffer(std::string_view tar, std::string_view repository = {}, std::string_view tag = {}) {
        char *id = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_images_import_buffer(c_.get(), detail::bytes(tar), tar.size(), detail::CStr(repository).opt(),
                                                  detail::CStr(tag).opt(), &id, &e),
                      e);
        return detail::take(id);
    }
    std::string inspect_json(std::string_view name) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_images_inspect(c_.get(), detail::CStr(name).c(), &s, &e), e);
        return detail::take(s);
    }
    bool exists(std::string_view name) {
        bool yes = false;
        docker_error *e = nullptr;
        detail::check(docker_images_exists(c_.get(), detail::CStr(name).c(), &yes, &e), e);
        return yes;
    }
    /// Options: `force`, `noprune`.
    void remove(std::string_view name, std::string_view options = {}) {
        docker_error *e = nullptr;
        detail::check(docker_images_remove(c_.get(), detail::CStr(name).c(), detail::CStr(options).opt(), &e), e);
    }
    /// docker-py's images.list(): a JSON array of image summaries. Options: name, all, filters.
    std::string list_json(std::string_view options = {}) { return text(&docker_images_list, options); }
    /// docker-py's tag(image, repository, tag=None, force=False). Options: tag, force. A missing
    /// image throws ImageNotFound.
    void tag(std::string_view image, std::string_view repository, std::string_view options = {}) {
        docker_error *e = nullptr;
        detail::check(docker_images_tag(c_.get(), detail::CStr(image).c(), detail::CStr(repository).c(),
                                        detail::CStr(options).opt(), &e),
                      e);
    }
    /// {"ImagesDeleted": [...], "SpaceReclaimed": N}. Options: filters.
    std::string prune_json(std::string_view options = {}) { return text(&docker_images_prune, options); }

private:
    std::string text(docker_result (*f)(const docker_client *, const char *, char **, docker_error **),
                     std::string_view o) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), detail::CStr(o).opt(), &s, &e), e);
        return detail::take(s);
    }
    std::shared_ptr<docker_client> c_;
};

/// One network (docker-py's Network). Move-only; the handle keeps its client alive.
class Network {
public:
    explicit Network(docker_network *n) : n_(n, &docker_network_free) {}
    std::string id() const { return docker_network_id(n_.get()); }
    // From the cached attributes (reload() refreshes them); "Containers" in attrs_json() is
    // docker-py's `containers`.
    std::string name() const { return get(&docker_network_name); }
    std::string attrs_json() const { return get(&docker_network_attrs_json); }
    void reload() { call(&docker_network_reload); }
    void remove() { call(&docker_network_remove); }
    /// Options: aliases, links, ipv4_address, ipv6_address, link_local_ips, driver_opt, mac_address.
    void connect(std::string_view container, std::string_view options = {}) {
        docker_error *e = nullptr;
        detail::check(docker_network_connect(n_.get(), detail::CStr(container).c(), detail::CStr(options).opt(), &e),
                      e);
    }
    void connect(const Container &container, std::string_view options = {}) { connect(container.id(), options); }
    /// Options: force.
    void disconnect(std::string_view container, std::string_view options = {}) {
        docker_error *e = nullptr;
        detail::check(docker_network_disconnect(n_.get(), detail::CStr(container).c(), detail::CStr(options).opt(), &e),
                      e);
    }
    void disconnect(const Container &container, std::string_view options = {}) { disconnect(container.id(), options); }
    docker_network *handle() const noexcept { return n_.get(); }

private:
    std::string get(docker_result (*f)(const docker_network *, char **, docker_error **)) const {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(n_.get(), &s, &e), e);
        return detail::take(s);
    }
    void call(docker_result (*f)(const docker_network *, docker_error **)) {
        docker_error *e = nullptr;
        detail::check(f(n_.get(), &e), e);
    }
    std::unique_ptr<docker_network, void (*)(docker_network *)> n_;
};

/// docker-py's `client.networks`: create, get, list, prune. Shares its client.
class Networks {
public:
    explicit Networks(std::shared_ptr<docker_client> c) : c_(std::move(c)) {}
    /// Options: driver, options, ipam, check_duplicate, internal, labels, enable_ipv6,
    /// attachable, scope, ingress (docker-py's keyword arguments).
    Network create(std::string_view name, std::string_view options = {}) {
        docker_network *n = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_networks_create(c_.get(), detail::CStr(name).c(), detail::CStr(options).opt(), &n, &e), e);
        return Network(n);
    }
    /// By id, id prefix or name; docker::NotFound when there is none. Options: verbose, scope.
    Network get(std::string_view network_id, std::string_view options = {}) {
        docker_network *n = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_networks_get(c_.get(), detail::CStr(network_id).c(), detail::CStr(options).opt(), &n, &e),
                      e);
        return Network(n);
    }
    /// A JSON array of the engine's list entries. Options: names, ids, filters, greedy.
    std::string list_json(std::string_view options = {}) { return text(&docker_networks_list, options); }
    /// {"NetworksDeleted": [...]}. Options: filters.
    std::string prune_json(std::string_view options = {}) { return text(&docker_networks_prune, options); }

private:
    std::string text(docker_result (*f)(const docker_client *, const char *, char **, docker_error **),
                     std::string_view o) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), detail::CStr(o).opt(), &s, &e), e);
        return detail::take(s);
    }
    std::shared_ptr<docker_client> c_;
};

/// One volume (docker-py's Volume; its name is its id). Move-only; keeps its client alive.
class Volume {
public:
    explicit Volume(docker_volume *v) : v_(v, &docker_volume_free) {}
    std::string name() const { return docker_volume_name(v_.get()); }
    std::string id() const { return name(); }
    /// From the cached attributes (reload() refreshes them).
    std::string attrs_json() const {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_volume_attrs_json(v_.get(), &s, &e), e);
        return detail::take(s);
    }
    void reload() {
        docker_error *e = nullptr;
        detail::check(docker_volume_reload(v_.get(), &e), e);
    }
    /// Options: force.
    void remove(std::string_view options = {}) {
        docker_error *e = nullptr;
        detail::check(docker_volume_remove(v_.get(), detail::CStr(options).opt(), &e), e);
    }
    docker_volume *handle() const noexcept { return v_.get(); }

private:
    std::unique_ptr<docker_volume, void (*)(docker_volume *)> v_;
};

/// docker-py's `client.volumes`: create, get, list, prune. Shares its client.
class Volumes {
public:
    explicit Volumes(std::shared_ptr<docker_client> c) : c_(std::move(c)) {}
    /// Options: name (none: the engine makes one up), driver, driver_opts, labels.
    Volume create(std::string_view options = {}) {
        docker_volume *v = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_volumes_create(c_.get(), detail::CStr(options).opt(), &v, &e), e);
        return Volume(v);
    }
    /// By name; docker::NotFound when there is none.
    Volume get(std::string_view name) {
        docker_volume *v = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_volumes_get(c_.get(), detail::CStr(name).c(), &v, &e), e);
        return Volume(v);
    }
    /// A JSON array of volumes. Options: filters.
    std::string list_json(std::string_view options = {}) { return text(&docker_volumes_list, options); }
    /// {"VolumesDeleted": [...], "SpaceReclaimed": N}. Options: filters.
    std::string prune_json(std::string_view options = {}) { return text(&docker_volumes_prune, options); }

private:
    std::string text(docker_result (*f)(const docker_client *, const char *, char **, docker_error **),
                     std::string_view o) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), detail::CStr(o).opt(), &s, &e), e);
        return detail::take(s);
    }
    std::shared_ptr<docker_client> c_;
};

/// A client (docker-py's DockerClient). Move-only; containers(), images(), networks() and volumes() share it.
class Client {
public:
    /// docker.from_env(): DOCKER_HOST and friends; `options` as docker_client_from_env.
    static Client from_env(std::string_view options = {}) {
        docker_client *c = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_client_from_env(detail::CStr(options).opt(), &c, &e), e);
        return Client(c);
    }
    /// DockerClient(base_url=..., ...) as a JSON object.
    explicit Client(std::string_view options) {
        docker_client *c = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_client_new(detail::CStr(options).opt(), &c, &e), e);
        c_.reset(c, &docker_client_free);
    }
    Client(Client &&) noexcept = default;
    Client &operator=(Client &&) noexcept = default;
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    void ping() {
        docker_error *e = nullptr;
        detail::check(docker_client_ping(c_.get(), &e), e);
    }
    std::string version_json() { return get(&docker_client_version); }
    std::string info_json() { return get(&docker_client_info); }
    /// The Engine API version in use, such as "1.41".
    std::string api_version() { return get(&docker_client_api_version); }

    Containers containers() const { return Containers(c_); }
    Images images() const { return Images(c_); }
    Networks networks() const { return Networks(c_); }
    Volumes volumes() const { return Volumes(c_); }
    // Shorthands for containers().run / run_detached / get / list_json.
    std::string run(std::string_view image, std::string_view command = {}, std::string_view options = {}) {
        return containers().run(image, command, options);
    }
    Container run_detached(std::string_view image, std::string_view command = {}, std::string_view options = {}) {
        return containers().run_detached(image, command, options);
    }
    Container get(std::string_view id_or_name) { return containers().get(id_or_name); }
    std::string list_json(std::string_view options = {}) { return containers().list_json(options); }

    /// An exec's inspect JSON (Running, ExitCode, ...).
    std::string exec_inspect(std::string_view exec_id) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(docker_exec_inspect(c_.get(), detail::CStr(exec_id).c(), &s, &e), e);
        return detail::take(s);
    }
    void exec_resize(std::string_view exec_id, uint32_t height, uint32_t width) {
        docker_error *e = nullptr;
        detail::check(docker_exec_resize(c_.get(), detail::CStr(exec_id).c(), height, width, &e), e);
    }
    /// docker-py's client.events(): each event's JSON to `on_data` (kind DOCKER_STREAM_JSON)
    /// until the stream ends (with "until"), `on_data` returns false, or `cancel` fires.
    void events(std::string_view options, OnData on_data, const CancelToken *cancel = nullptr) {
        stream_call(&docker_client_events, options, std::move(on_data), cancel);
    }
    /// The events as a range of chunks, one event's JSON each.
    Stream events_stream(std::string_view options = {}) { return open(&docker_client_events_open, options); }
    /// `docker stats` for many containers: "joined", "sample" and "left" items as JSON.
    void stats(std::string_view options, OnData on_data, const CancelToken *cancel = nullptr) {
        stream_call(&docker_client_stats, options, std::move(on_data), cancel);
    }
    Stream stats_stream(std::string_view options = {}) { return open(&docker_client_stats_open, options); }
    docker_client *handle() const noexcept { return c_.get(); }

private:
    explicit Client(docker_client *c) : c_(c, &docker_client_free) {}
    std::string get(docker_result (*f)(const docker_client *, char **, docker_error **)) {
        char *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), &s, &e), e);
        return detail::take(s);
    }
    using StreamFn = docker_result (*)(const docker_client *, const char *, docker_stream_cb, void *,
                                       const docker_cancel *, docker_error **);
    using OpenFn = docker_result (*)(const docker_client *, const char *, docker_stream **, docker_error **);
    void stream_call(StreamFn f, std::string_view o, OnData on_data, const CancelToken *cancel) {
        detail::Callback cb{std::move(on_data), nullptr};
        docker_error *e = nullptr;
        docker_result r = f(c_.get(), detail::CStr(o).opt(), &detail::Callback::call, &cb, detail::token(cancel), &e);
        detail::check_stream(r, e, cb);
    }
    Stream open(OpenFn f, std::string_view o) {
        docker_stream *s = nullptr;
        docker_error *e = nullptr;
        detail::check(f(c_.get(), detail::CStr(o).opt(), &s, &e), e);
        return Stream(s);
    }
    std::shared_ptr<docker_client> c_;
};

}  // namespace docker

#endif
