package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
import "C"

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"sync"
	"unsafe"
)

// Kind says what a chunk of stream data is.
type Kind int

// The chunk kinds.
const (
	KindStdin   Kind = C.DOCKER_STREAM_STDIN
	KindStdout  Kind = C.DOCKER_STREAM_STDOUT
	KindStderr  Kind = C.DOCKER_STREAM_STDERR
	KindConsole Kind = C.DOCKER_STREAM_CONSOLE // a tty's output: stdout and stderr in one
	KindJSON    Kind = C.DOCKER_STREAM_JSON    // one stats sample
	KindData    Kind = C.DOCKER_STREAM_DATA    // tar bytes
)

// Chunk is one piece of a stream. Data is valid until the next call on the stream.
type Chunk struct {
	Kind Kind
	Data []byte
}

// Stream is one of the library's pull streams (logs, stats, attach, exec, export,
// get_archive). Read gives the data of every kind in order, as an io.Reader; Next gives
// chunks with their kind. Read and Next are for one goroutine at a time; Write, CloseWrite,
// Resize and Close may be called from others. Close cancels the stream (a Read blocked in
// another goroutine returns) and frees it. The library reads from the engine only as fast as
// the stream is consumed, so memory stays bounded.
type Stream struct {
	h        *handle
	op       string
	ctx      context.Context
	stopWait func()
	readMu   sync.Mutex
	buf      []byte // the chunk being read, copied out of the library
	pending  []byte // what Read has not handed out of buf yet
	err      error  // sticky end: io.EOF or the error that ended the stream
}

func newStream(ctx context.Context, op string, p *C.docker_stream) *Stream {
	s := &Stream{op: op, ctx: ctx}
	h := &handle{
		p:       unsafe.Pointer(p),
		free:    func(p unsafe.Pointer) { C.docker_stream_free((*C.docker_stream)(p)) },
		onClose: func(p unsafe.Pointer) { C.docker_stream_cancel((*C.docker_stream)(p)) },
	}
	s.h = h
	// The watcher holds only the handle, so that a forgotten Stream can still be finalized.
	s.stopWait = watch(ctx, func() {
		if p, err := h.acquire(); err == nil {
			C.docker_stream_cancel((*C.docker_stream)(p))
			h.release()
		}
	})
	runtime.SetFinalizer(s, func(s *Stream) { s.stopWait(); s.h.close() })
	return s
}

// Close cancels the stream and frees it (once a Read in progress has returned). Closing twice
// is harmless.
func (s *Stream) Close() error {
	s.stopWait()
	s.h.close()
	return nil
}

// Next waits for the next chunk. At the end it returns io.EOF. When the stream's context ends,
// the error matches both ErrCanceled (or ErrTimeout) and the context's error.
func (s *Stream) Next() (Chunk, error) {
	s.readMu.Lock()
	defer s.readMu.Unlock()
	s.pending = nil
	return s.next()
}

func (s *Stream) next() (Chunk, error) {
	if s.err != nil {
		return Chunk{}, s.err
	}
	p, err := s.h.acquire()
	if err != nil {
		return Chunk{}, err
	}
	defer s.h.release()
	var ch C.docker_chunk
	var cerr *C.docker_error
	rc := C.docker_stream_next((*C.docker_stream)(p), -1, &ch, &cerr)
	if rc != C.DOCKER_OK {
		err := withCtx(s.ctx, s.op, takeError(s.op, rc, cerr))
		if errors.Is(err, ErrCanceled) && s.ctx.Err() == nil && s.h.isClosed() {
			err = ErrClosed
		}
		s.err = err
		return Chunk{}, err
	}
	if ch.kind == C.DOCKER_STREAM_END {
		s.err = io.EOF
		return Chunk{}, io.EOF
	}
	n := int(ch.len)
	if cap(s.buf) < n {
		s.buf = make([]byte, n)
	}
	s.buf = s.buf[:n]
	if n > 0 {
		copy(s.buf, unsafe.Slice((*byte)(unsafe.Pointer(ch.data)), n))
	}
	return Chunk{Kind: Kind(ch.kind), Data: s.buf}, nil
}

// Read implements io.Reader over the data of every kind.
func (s *Stream) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	s.readMu.Lock()
	defer s.readMu.Unlock()
	if s.h.isClosed() {
		return 0, ErrClosed
	}
	for len(s.pending) == 0 {
		ch, err := s.next()
		if err != nil {
			return 0, err
		}
		s.pending = ch.Data
	}
	n := copy(b, s.pending)
	s.pending = s.pending[n:]
	return n, nil
}

// Demux copies the stream to its end, stdout (and console) to stdout and stderr to stderr.
// A nil writer discards.
func (s *Stream) Demux(stdout, stderr io.Writer) error {
	for {
		ch, err := s.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		w := stdout
		if ch.Kind == KindStderr {
			w = stderr
		}
		if w != nil {
			if _, err := w.Write(ch.Data); err != nil {
				return err
			}
		}
	}
}

// Decode reads the next chunk as JSON into v (for Stats).
func (s *Stream) Decode(v any) error {
	ch, err := s.Next()
	if err != nil {
		return err
	}
	return json.Unmarshal(ch.Data, v)
}

// Write sends b to the stream's stdin (Attach, Exec).
func (s *Stream) Write(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	err := s.with(func(p *C.docker_stream, e **C.docker_error) C.docker_result {
		// b is passed for the call only; the library copies what it keeps.
		return C.docker_stream_write(p, (*C.uint8_t)(unsafe.Pointer(&b[0])), C.size_t(len(b)), e)
	})
	if err != nil {
		return 0, err
	}
	return len(b), nil
}

// CloseWrite ends stdin: the process reads end of file while its output keeps coming.
func (s *Stream) CloseWrite() error {
	return s.with(func(p *C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_stream_close_write(p, e)
	})
}

// Resize resizes the tty behind the stream.
func (s *Stream) Resize(height, width uint32) error {
	return s.with(func(p *C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_stream_resize(p, C.uint32_t(height), C.uint32_t(width), e)
	})
}

// ExitCode is an exec stream's exit code, once Read or Next has reached io.EOF.
func (s *Stream) ExitCode() (int64, error) {
	var code C.int64_t
	err := s.with(func(p *C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_stream_exit_code(p, &code, e)
	})
	return int64(code), err
}

func (s *Stream) with(f func(*C.docker_stream, **C.docker_error) C.docker_result) error {
	p, err := s.h.acquire()
	if err != nil {
		return err
	}
	defer s.h.release()
	var cerr *C.docker_error
	if rc := f((*C.docker_stream)(p), &cerr); rc != C.DOCKER_OK {
		return withCtx(s.ctx, s.op, takeError(s.op, rc, cerr))
	}
	return nil
}

// open runs one of the _open calls and wraps its stream.
func (c *Container) open(ctx context.Context, op string, opts Options, f func(*C.docker_container, *C.char, **C.docker_stream, **C.docker_error) C.docker_result) (*Stream, error) {
	ctx = bg(ctx)
	if err := ctx.Err(); err != nil {
		return nil, ctxError(op, err)
	}
	copts, err := cOptions(op, opts)
	if err != nil {
		return nil, err
	}
	defer cfree(copts)
	var s *Stream
	err = c.use(func(p *C.docker_container) error {
		var out *C.docker_stream
		var cerr *C.docker_error
		if rc := f(p, copts, &out, &cerr); rc != C.DOCKER_OK {
			return takeError(op, rc, cerr)
		}
		s = newStream(ctx, op, out)
		return nil
	})
	return s, err
}

// Logs streams the container's output. Options: "stdout", "stderr", "timestamps", "tail",
// "since", "until", "follow". With "follow": true it keeps reading until ctx ends or the
// stream is closed.
func (c *Container) Logs(ctx context.Context, options OptionSet) (*Stream, error) {
	opts := optionsOf(options)
	return c.open(ctx, "Container.Logs", opts, func(p *C.docker_container, o *C.char, out **C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_container_logs_open(p, o, out, e)
	})
}

// Stats streams stats samples, one JSON chunk (KindJSON) a second: read them with Decode.
func (c *Container) Stats(ctx context.Context, options OptionSet) (*Stream, error) {
	opts := optionsOf(options)
	return c.open(ctx, "Container.Stats", opts, func(p *C.docker_container, o *C.char, out **C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_container_stats_open(p, o, out, e)
	})
}

// Attach connects to the container's stdio: read its output, Write its stdin (the container
// needs "stdin_open"), CloseWrite to send end of file. Options: "stdout", "stderr", "stdin",
// "logs", "detach_keys".
func (c *Container) Attach(ctx context.Context, options OptionSet) (*Stream, error) {
	opts := optionsOf(options)
	return c.open(ctx, "Container.Attach", opts, func(p *C.docker_container, o *C.char, out **C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_container_attach_open(p, o, out, e)
	})
}

// Exec starts cmd in the container as an interactive stream: read its output, Write its
// stdin, CloseWrite, and ExitCode after the end. Options as ExecRun, "stdin" defaulting to true.
func (c *Container) Exec(ctx context.Context, cmd []string, options OptionSet) (*Stream, error) {
	opts := optionsOf(options)
	const op = "Container.Exec"
	if len(cmd) == 0 {
		return nil, invalid(op, "cmd is empty")
	}
	return c.open(ctx, op, withKey(opts, "cmd", cmd), func(p *C.docker_container, o *C.char, out **C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_container_exec_open(p, nil, o, out, e)
	})
}

// ExportOptions are Export's options (Go-only: the pull form takes no JSON options).
type ExportOptions struct {
	// Called from Read as the tar stream is read (total -1), and once at its end.
	Progress ProgressFunc
}

// GetArchiveOptions are GetArchive's options (Go-only, as ExportOptions).
type GetArchiveOptions struct {
	// Called from Read as the tar stream is read (total -1), and once at its end.
	Progress ProgressFunc
}

// Export streams the container's filesystem as a tar archive. With a Progress option the
// reader reports the bytes read so far (see ProgressFunc); an error from it closes the stream
// and Read returns it wrapped.
func (c *Container) Export(ctx context.Context, opts ...ExportOptions) (io.ReadCloser, error) {
	const op = "Container.Export"
	s, err := c.open(ctx, op, nil, func(p *C.docker_container, _ *C.char, out **C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_container_export_open(p, out, e)
	})
	if err != nil {
		return nil, err
	}
	for _, o := range opts {
		if o.Progress != nil {
			return &countingStream{s: s, op: op, fn: o.Progress}, nil
		}
	}
	return s, nil
}

// GetArchive streams path (a file or a directory) as a tar archive, with its stat. Progress
// as Export's.
func (c *Container) GetArchive(ctx context.Context, path string, opts ...GetArchiveOptions) (io.ReadCloser, PathStat, error) {
	const op = "Container.GetArchive"
	var stat string
	s, err := c.open(ctx, op, nil, func(p *C.docker_container, _ *C.char, out **C.docker_stream, e **C.docker_error) C.docker_result {
		cp := C.CString(path)
		defer cfree(cp)
		var st *C.char
		rc := C.docker_container_get_archive_open(p, cp, out, &st, e)
		stat = takeString(st)
		return rc
	})
	if err != nil {
		return nil, PathStat{}, err
	}
	for _, o := range opts {
		if o.Progress != nil {
			return &countingStream{s: s, op: op, fn: o.Progress}, decodeStat(stat), nil
		}
	}
	return s, decodeStat(stat), nil
}

// countingStream is a tar Stream that tells a ProgressFunc how much has been read: after each
// Read that gives data, and once at the end of the stream.
type countingStream struct {
	s    *Stream
	op   string
	fn   ProgressFunc
	done uint64
	err  error // sticky: the progress error, wrapped, or the end
}

func (r *countingStream) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	n, err := r.s.Read(p)
	r.done += uint64(n)
	if n > 0 || err == io.EOF {
		if perr := r.fn(r.done, -1); perr != nil {
			r.s.Close()
			r.err = classify(&Error{Op: r.op, Code: CodeStoppedByCallback, Message: "stopped by the progress callback: " + perr.Error(), ExitStatus: -1, cause: perr})
			return n, r.err
		}
	}
	if err != nil {
		r.err = err
	}
	return n, err
}

// Close closes the stream.
func (r *countingStream) Close() error { return r.s.Close() }
