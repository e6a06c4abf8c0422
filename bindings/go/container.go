package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
import "C"

import (
	"context"
	"encoding/json"
	"runtime"
	"unsafe"
)

// Container is docker-py's Container model: an id, the attributes from the last inspect, and
// the operations. Safe to use from many goroutines at once. Close it when done (a finalizer
// frees it otherwise); closing the handle does not touch the container itself.
type Container struct {
	h  handle
	id string
}

func wrapContainer(p *C.docker_container) *Container {
	c := &Container{
		id: C.GoString(C.docker_container_id(p)),
		h: handle{p: unsafe.Pointer(p), free: func(p unsafe.Pointer) {
			C.docker_container_free((*C.docker_container)(p))
		}},
	}
	runtime.SetFinalizer(c, func(c *Container) { c.h.close() })
	return c
}

// Close frees the handle (after any call still running on it). Closing twice is harmless.
func (c *Container) Close() error {
	c.h.close()
	return nil
}

func (c *Container) use(f func(p *C.docker_container) error) error {
	p, err := c.h.acquire()
	if err != nil {
		return err
	}
	defer c.h.release()
	return f((*C.docker_container)(p))
}

// ID is the full container id.
func (c *Container) ID() string { return c.id }

// ShortID is the first 12 characters of the id.
func (c *Container) ShortID() string {
	if len(c.id) > 12 {
		return c.id[:12]
	}
	return c.id
}

// cached reads one of the attribute getters (no request is made); "" after Close.
func (c *Container) cached(f func(*C.docker_container, **C.char, **C.docker_error) C.docker_result) string {
	var s string
	_ = c.use(func(p *C.docker_container) error {
		var out *C.char
		var cerr *C.docker_error
		if rc := f(p, &out, &cerr); rc != C.DOCKER_OK {
			C.docker_error_free(cerr)
			return nil
		}
		s = takeString(out)
		return nil
	})
	return s
}

// Name is the container's name without the leading slash, from the cached attributes.
func (c *Container) Name() string {
	return c.cached(func(p *C.docker_container, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_name(p, o, e)
	})
}

// Status is "created", "running", "paused", "restarting", "removing", "exited" or "dead", from
// the cached attributes: call Reload for a fresh one.
func (c *Container) Status() string {
	return c.cached(func(p *C.docker_container, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_status(p, o, e)
	})
}

// Health is "healthy", "unhealthy", "starting", or "unknown" without a healthcheck.
func (c *Container) Health() string {
	return c.cached(func(p *C.docker_container, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_health(p, o, e)
	})
}

// Labels are the container's labels (empty, not nil, when it has none).
func (c *Container) Labels() map[string]string {
	m := map[string]string{}
	s := c.cached(func(p *C.docker_container, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_labels_json(p, o, e)
	})
	_ = json.Unmarshal([]byte(s), &m)
	return m
}

// PortBinding is one host address a container port is published on.
type PortBinding struct {
	HostIP   string `json:"HostIp"`
	HostPort string `json:"HostPort"`
}

// Ports maps "80/tcp" to where it is published (nil for an exposed, unpublished port).
func (c *Container) Ports() map[string][]PortBinding {
	m := map[string][]PortBinding{}
	s := c.cached(func(p *C.docker_container, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_ports_json(p, o, e)
	})
	_ = json.Unmarshal([]byte(s), &m)
	return m
}

// Attrs is the whole inspect JSON as last fetched (docker-py's attrs); a fresh copy each call.
func (c *Container) Attrs() json.RawMessage {
	return json.RawMessage(c.cached(func(p *C.docker_container, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_attrs_json(p, o, e)
	}))
}

// Warnings are the engine's warnings from create or the last Update.
func (c *Container) Warnings() []string {
	var w []string
	s := c.cached(func(p *C.docker_container, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_warnings_json(p, o, e)
	})
	_ = json.Unmarshal([]byte(s), &w)
	return w
}

// do runs a container call with options and no output.
func (c *Container) do(ctx context.Context, op string, opts Options, f func(*C.docker_container, *C.char, **C.docker_error) C.docker_result) error {
	_, err := call(ctx, op, func() (struct{}, error) {
		copts, err := cOptions(op, opts)
		if err != nil {
			return struct{}{}, err
		}
		defer cfree(copts)
		return struct{}{}, c.use(func(p *C.docker_container) error {
			var cerr *C.docker_error
			if rc := f(p, copts, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			return nil
		})
	})
	return err
}

// text runs a container call with options that hands back one string.
func (c *Container) text(ctx context.Context, op string, opts Options, f func(*C.docker_container, *C.char, **C.char, **C.docker_error) C.docker_result) (string, error) {
	return call(ctx, op, func() (string, error) {
		copts, err := cOptions(op, opts)
		if err != nil {
			return "", err
		}
		defer cfree(copts)
		var s string
		err = c.use(func(p *C.docker_container) error {
			var out *C.char
			var cerr *C.docker_error
			if rc := f(p, copts, &out, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			s = takeString(out)
			return nil
		})
		return s, err
	})
}

// ImageRef is the container's image.
type ImageRef struct {
	ID       string   `json:"Id"`
	RepoTags []string `json:"RepoTags"`
}

// Image asks the engine for the container's image (RepoTags empty when it is gone or untagged).
func (c *Container) Image(ctx context.Context) (ImageRef, error) {
	var r ImageRef
	s, err := c.text(ctx, "Container.Image", nil, func(p *C.docker_container, _ *C.char, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_image(p, o, e)
	})
	if err == nil {
		err = json.Unmarshal([]byte(s), &r)
	}
	return r, err
}

// Reload fetches the attributes again.
func (c *Container) Reload(ctx context.Context) error {
	return c.do(ctx, "Container.Reload", nil, func(p *C.docker_container, _ *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_reload(p, e)
	})
}

// Start starts the container (starting a running one is not an error).
func (c *Container) Start(ctx context.Context) error {
	return c.do(ctx, "Container.Start", nil, func(p *C.docker_container, _ *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_start(p, e)
	})
}

// Stop stops the container. Options: "timeout" (seconds before SIGKILL), "signal".
func (c *Container) Stop(ctx context.Context, options OptionSet) error {
	opts := optionsOf(options)
	return c.do(ctx, "Container.Stop", opts, func(p *C.docker_container, o *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_stop(p, o, e)
	})
}

// Restart restarts the container. Options: "timeout", "signal".
func (c *Container) Restart(ctx context.Context, options OptionSet) error {
	opts := optionsOf(options)
	return c.do(ctx, "Container.Restart", opts, func(p *C.docker_container, o *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_restart(p, o, e)
	})
}

// Kill sends a signal ("" means SIGKILL; "TERM", "SIGUSR1" or "9" otherwise).
func (c *Container) Kill(ctx context.Context, signal string) error {
	return c.do(ctx, "Container.Kill", nil, func(p *C.docker_container, _ *C.char, e **C.docker_error) C.docker_result {
		s := cString(signal, true)
		defer cfree(s)
		return C.docker_container_kill(p, s, e)
	})
}

// Pause freezes the container's processes.
func (c *Container) Pause(ctx context.Context) error {
	return c.do(ctx, "Container.Pause", nil, func(p *C.docker_container, _ *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_pause(p, e)
	})
}

// Unpause thaws them.
func (c *Container) Unpause(ctx context.Context) error {
	return c.do(ctx, "Container.Unpause", nil, func(p *C.docker_container, _ *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_unpause(p, e)
	})
}

// Remove removes the container. Options: "v", "link", "force". The handle stays valid (Close
// it as usual).
func (c *Container) Remove(ctx context.Context, options OptionSet) error {
	opts := optionsOf(options)
	return c.do(ctx, "Container.Remove", opts, func(p *C.docker_container, o *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_remove(p, o, e)
	})
}

// Rename renames the container (a name in use: ErrConflict).
func (c *Container) Rename(ctx context.Context, name string) error {
	return c.do(ctx, "Container.Rename", nil, func(p *C.docker_container, _ *C.char, e **C.docker_error) C.docker_result {
		s := C.CString(name)
		defer cfree(s)
		return C.docker_container_rename(p, s, e)
	})
}

// Resize resizes the container's tty.
func (c *Container) Resize(ctx context.Context, height, width uint32) error {
	return c.do(ctx, "Container.Resize", nil, func(p *C.docker_container, _ *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_resize(p, C.uint32_t(height), C.uint32_t(width), e)
	})
}

// Update changes the container's resources: docker-py's update() keywords ("mem_limit": "64m",
// "cpu_shares", "pids_limit", "restart_policy", ...).
func (c *Container) Update(ctx context.Context, options OptionSet) error {
	opts := optionsOf(options)
	return c.do(ctx, "Container.Update", opts, func(p *C.docker_container, o *C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_update(p, o, e)
	})
}

// Commit makes an image of the container and returns its id. Options: "repository", "tag",
// "message", "author", "changes", "conf", "pause".
func (c *Container) Commit(ctx context.Context, options OptionSet) (string, error) {
	opts := optionsOf(options)
	return c.text(ctx, "Container.Commit", opts, func(p *C.docker_container, o *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_commit(p, o, out, e)
	})
}

// TopResult is the container's process table.
type TopResult struct {
	Titles    []string
	Processes [][]string
}

// Top lists the container's processes; psArgs ("" for the default) goes to ps.
func (c *Container) Top(ctx context.Context, psArgs string) (TopResult, error) {
	var r TopResult
	var opts Options
	if psArgs != "" {
		opts = Options{"ps_args": psArgs}
	}
	s, err := c.text(ctx, "Container.Top", opts, func(p *C.docker_container, o *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_top(p, o, out, e)
	})
	if err == nil {
		err = json.Unmarshal([]byte(s), &r)
	}
	return r, err
}

// Change is one filesystem change: Kind 0 modified, 1 added, 2 deleted.
type Change struct {
	Path string
	Kind int
}

// Diff lists the filesystem changes since the container was made.
func (c *Container) Diff(ctx context.Context) ([]Change, error) {
	var r []Change
	s, err := c.text(ctx, "Container.Diff", nil, func(p *C.docker_container, _ *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_diff(p, out, e)
	})
	if err == nil {
		err = json.Unmarshal([]byte(s), &r)
	}
	return r, err
}

// WaitResult is the engine's answer to a wait.
type WaitResult struct {
	StatusCode int64
	Error      *struct{ Message string }
}

// Wait waits for the container to stop and returns its exit code. Options: "condition"
// ("not-running", "next-exit", "removed"), "timeout" (seconds; then ErrTimeout). ctx
// cancels the wait at once (the container is untouched).
func (c *Container) Wait(ctx context.Context, options OptionSet) (WaitResult, error) {
	opts := optionsOf(options)
	const op = "Container.Wait"
	ctx = bg(ctx)
	var r WaitResult
	if err := ctx.Err(); err != nil {
		return r, ctxError(op, err)
	}
	copts, err := cOptions(op, opts)
	if err != nil {
		return r, err
	}
	defer cfree(copts)
	err = c.use(func(p *C.docker_container) error {
		tok := newCancel(ctx)
		var code C.int64_t
		var res *C.char
		var cerr *C.docker_error
		rc := C.docker_container_wait_cancel(p, copts, tok.p, &code, &res, &cerr)
		tok.stop()
		if rc != C.DOCKER_OK {
			return takeError(op, rc, cerr)
		}
		s := takeString(res)
		if json.Unmarshal([]byte(s), &r) != nil {
			r = WaitResult{}
		}
		r.StatusCode = int64(code)
		return nil
	})
	return r, withCtx(ctx, op, err)
}

// ExecResult is a finished exec: its exit code and output (with "demux": stdout in Output and
// stderr in Stderr; otherwise both in Output, in order).
type ExecResult struct {
	ExitCode int64
	Output   []byte
	Stderr   []byte
}

// ExecRun runs cmd in the container and gathers its output, like docker-py's exec_run, with the
// exit code. Options: "stdout", "stderr", "tty", "privileged", "user", "environment",
// "workdir", "demux". A non-zero exit code is not an error.
func (c *Container) ExecRun(ctx context.Context, cmd []string, options OptionSet) (ExecResult, error) {
	opts := optionsOf(options)
	const op = "Container.ExecRun"
	if len(cmd) == 0 {
		return ExecResult{}, invalid(op, "cmd is empty")
	}
	opts = withKey(opts, "cmd", cmd)
	return call(ctx, op, func() (ExecResult, error) {
		var r ExecResult
		copts, err := cOptions(op, opts)
		if err != nil {
			return r, err
		}
		defer cfree(copts)
		err = c.use(func(p *C.docker_container) error {
			var code C.int64_t
			var out, errb *C.docker_buffer
			var cerr *C.docker_error
			if rc := C.docker_container_exec_run(p, nil, copts, &code, &out, &errb, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			r = ExecResult{ExitCode: int64(code), Output: takeBuffer(out), Stderr: takeBuffer(errb)}
			return nil
		})
		return r, err
	})
}

// StatsOnce is one stats sample, decoded, with the library's "derived" figures
// (cpu_percent, memory_usage, ...). Options: "one_shot".
func (c *Container) StatsOnce(ctx context.Context, options OptionSet) (map[string]any, error) {
	opts := optionsOf(options)
	s, err := c.text(ctx, "Container.StatsOnce", opts, func(p *C.docker_container, o *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_container_stats_once(p, o, out, e)
	})
	if err != nil {
		return nil, err
	}
	return decodeMap("Container.StatsOnce", s)
}

// PathStat describes a path in the container.
type PathStat struct {
	Name       string `json:"name"`
	Size       int64  `json:"size"`
	Mode       uint32 `json:"mode"`
	ModeBits   uint32 `json:"mode_bits"`
	Mtime      string `json:"mtime"`
	LinkTarget string `json:"link_target"`
	IsDir      bool   `json:"is_dir"`
	IsSymlink  bool   `json:"is_symlink"`
}

func decodeStat(s string) PathStat {
	var st PathStat
	_ = json.Unmarshal([]byte(s), &st)
	return st
}

// StatPath stats a path in the container without reading it.
func (c *Container) StatPath(ctx context.Context, path string) (PathStat, error) {
	s, err := c.text(ctx, "Container.StatPath", nil, func(p *C.docker_container, _ *C.char, out **C.char, e **C.docker_error) C.docker_result {
		cp := C.CString(path)
		defer cfree(cp)
		return C.docker_container_stat_path(p, cp, out, e)
	})
	return decodeStat(s), err
}

// CopyTo copies a host file or directory into the container with docker cp's rules.
// Options: "follow_link", "copy_uid_gid".
func (c *Container) CopyTo(ctx context.Context, hostPath, containerPath string, options OptionSet) error {
	opts := optionsOf(options)
	return c.do(ctx, "Container.CopyTo", opts, func(p *C.docker_container, o *C.char, e **C.docker_error) C.docker_result {
		h, ct := C.CString(hostPath), C.CString(containerPath)
		defer cfree(h)
		defer cfree(ct)
		return C.docker_container_copy_to(p, h, ct, o, nil, nil, e)
	})
}

// CopyFrom copies a path out of the container to the host with docker cp's rules; nothing is
// ever written outside hostPath. Options: "follow_link", "archive".
func (c *Container) CopyFrom(ctx context.Context, containerPath, hostPath string, options OptionSet) error {
	opts := optionsOf(options)
	return c.do(ctx, "Container.CopyFrom", opts, func(p *C.docker_container, o *C.char, e **C.docker_error) C.docker_result {
		h, ct := C.CString(hostPath), C.CString(containerPath)
		defer cfree(h)
		defer cfree(ct)
		return C.docker_container_copy_from(p, ct, h, o, nil, nil, e)
	})
}

// String is "Container(<short id>)".
func (c *Container) String() string {
	return "Container(" + c.ShortID() + ")"
}
