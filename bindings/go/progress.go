package dockercontainers

import (
	"context"
	"errors"
	"runtime/cgo"
	"sync"
)

// ProgressFunc is told how far a long copy has got: done bytes of the tar stream so far, and
// total, its size when known in advance, else -1 (for the Go calls so far always -1: PutArchive
// reads an io.Reader, and the tars of CopyTo and CopyFrom are made or read as they go). It runs on the goroutine that made the call,
// at most once per chunk (64 KiB or so) and once more at the end with the final count; for
// GetArchive and Export, on the goroutine calling Read, after each Read that gives data and at
// the end of the stream. A non-nil error stops the copy: the call (or Read) returns an error
// that errors.Is matches with it and with ErrStoppedByCallback.
type ProgressFunc func(done uint64, total int64) error

// relay carries a Go callback (pull or copy progress) through the library's C callback, by a
// cgo.Handle. It stops the call when the callback returns an error, panics, or ctx ends, and
// never calls the callback again once the Go call has returned (end), even when a short call
// finishes in the background after its context ended.
type relay struct {
	ctx      context.Context
	pull     func(PullProgress) error
	transfer ProgressFunc
	mu       sync.Mutex
	over     bool
	err      error // why the Go side stopped the call: the callback's error, or ctx's
	panicked any   // a callback's panic, re-raised by end
}

// relayHandle is a relay's cgo.Handle, or 0 (no callback) when none is needed.
type relayHandle uintptr

// handle gives r's handle when want, else 0; Delete it once the C call has returned.
func (r *relay) handle(want bool) relayHandle {
	if !want {
		return 0
	}
	return relayHandle(cgo.NewHandle(r))
}

// Delete frees the handle (0 is fine).
func (h relayHandle) Delete() {
	if h != 0 {
		cgo.Handle(h).Delete()
	}
}

// enter runs f, the Go side of one callback, and says whether the call must stop.
func (r *relay) enter(f func() error) (stop bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.over || r.err != nil || r.panicked != nil {
		return true
	}
	if err := r.ctx.Err(); err != nil {
		r.err = err
		return true
	}
	// A panic must not unwind through the library's C frames: stop the call, re-panic in end.
	defer func() {
		if p := recover(); p != nil {
			r.panicked = p
			stop = true
		}
	}()
	if err := f(); err != nil {
		r.err = err
		return true
	}
	return false
}

// end stops all later callbacks (waiting for one in progress) and re-raises a callback's panic
// on the caller's goroutine.
func (r *relay) end() {
	r.mu.Lock()
	r.over = true
	p := r.panicked
	r.mu.Unlock()
	if p != nil {
		panic(p)
	}
}

// wrap gives the error a call stopped from the Go side returns: the context's, or the
// callback's own error wrapped in a stopped-by-callback *Error; other errors pass unchanged.
func (r *relay) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	r.mu.Lock()
	cause := r.err
	r.mu.Unlock()
	if cause == nil {
		return err
	}
	if errors.Is(cause, context.Canceled) || errors.Is(cause, context.DeadlineExceeded) {
		return ctxError(op, cause)
	}
	return classify(&Error{Op: op, Code: CodeStoppedByCallback, Message: "stopped by the progress callback: " + cause.Error(), ExitStatus: -1, cause: cause})
}
