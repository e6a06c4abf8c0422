package dockercontainers

// #cgo CFLAGS: -I${SRCDIR}/../../include
// #include <stdlib.h>
// #include "docker_containers.h"
import "C"

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"unsafe"
)

// handle guards a C pointer against use after free: every call holds a use for its duration,
// and Close frees the pointer once the last use has ended. Calls after Close get ErrClosed.
type handle struct {
	mu      sync.Mutex
	p       unsafe.Pointer
	users   int
	closing bool
	free    func(unsafe.Pointer)
	onClose func(unsafe.Pointer) // run under the lock when Close finds calls in flight
}

func (h *handle) acquire() (unsafe.Pointer, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.p == nil || h.closing {
		return nil, ErrClosed
	}
	h.users++
	return h.p, nil
}

func (h *handle) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.users--
	if h.users == 0 && h.closing && h.p != nil {
		h.free(h.p)
		h.p = nil
	}
}

func (h *handle) isClosed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.closing || h.p == nil
}

// close marks the handle closed and frees it now or when the last call in flight returns.
func (h *handle) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closing || h.p == nil {
		return
	}
	h.closing = true
	if h.users == 0 {
		h.free(h.p)
		h.p = nil
	} else if h.onClose != nil {
		h.onClose(h.p)
	}
}

// Options are keyword arguments as docker-py names them ("environment", "mem_limit", "detach",
// "tail", ...), with docker-py's value shapes. They are sent to the library as one JSON object;
// an unknown key is an error naming the key. nil means the defaults.
type Options map[string]any

// OptionSet is what every method that takes options accepts: the map form (Options, or nil
// for the defaults) or one of the typed option structs generated from the library's option
// table (RunOptions, LogsOptions, ...: options_gen.go).
type OptionSet interface {
	optionMap() Options
}

func (o Options) optionMap() Options { return o }

// optionsOf gives the map form of s (nil for none).
func optionsOf(s OptionSet) Options {
	if s == nil {
		return nil
	}
	if v := reflect.ValueOf(s); v.Kind() == reflect.Pointer && v.IsNil() {
		return nil // a nil *RunOptions and the like: the defaults, as nil
	}
	return s.optionMap()
}

// structOptions maps a typed option struct to Options by its json tags, leaving out unset
// fields (zero values and nil pointers) so the library's defaults apply, and the Go-only ones
// (json:"-": callbacks, passed to the C call as arguments).
func structOptions(v any) Options {
	rv := reflect.ValueOf(v)
	rt := rv.Type()
	m := Options{}
	for i := 0; i < rt.NumField(); i++ {
		f := rv.Field(i)
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		if f.IsZero() || name == "-" {
			continue
		}
		if f.Kind() == reflect.Pointer {
			f = f.Elem()
		}
		m[name] = f.Interface()
	}
	return m
}

// cOptions marshals options to a C string (nil for none); free it with C.free.
func cOptions(op string, o Options) (*C.char, error) {
	if len(o) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(o)
	if err != nil {
		return nil, invalid(op, "options are not JSON-encodable: %v", err)
	}
	return C.CString(string(b)), nil
}

// withKey copies o with key set to v (the caller's map is never changed).
func withKey(o Options, key string, v any) Options {
	n := make(Options, len(o)+1)
	for k, x := range o {
		n[k] = x
	}
	n[key] = v
	return n
}

// cString is C.CString, or NULL for "" when nullable.
func cString(s string, nullable bool) *C.char {
	if s == "" && nullable {
		return nil
	}
	return C.CString(s)
}

func cfree(p *C.char) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

// takeString copies a library string into Go and frees it.
func takeString(p *C.char) string {
	if p == nil {
		return ""
	}
	s := C.GoString(p)
	C.docker_string_free(p)
	return s
}

// takeBuffer copies a library buffer into Go and frees it.
func takeBuffer(b *C.docker_buffer) []byte {
	if b == nil {
		return nil
	}
	var out []byte
	if b.len > 0 {
		out = C.GoBytes(unsafe.Pointer(b.data), C.int(b.len))
	} else {
		out = []byte{}
	}
	C.docker_buffer_free(b)
	return out
}

type result[T any] struct {
	v   T
	err error
}

// call runs a short (uncancellable in C) call so that the caller stops waiting as soon as ctx
// ends. The request itself then finishes in the background, bounded by the client's timeout;
// f must therefore do all its own freeing.
func call[T any](ctx context.Context, op string, f func() (T, error)) (T, error) {
	var zero T
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return zero, ctxError(op, err)
	}
	if ctx.Done() == nil {
		return f()
	}
	ch := make(chan result[T], 1)
	go func() {
		v, err := f()
		ch <- result[T]{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-ctx.Done():
		return zero, ctxError(op, ctx.Err())
	}
}

// cancelToken is a docker_cancel fired when ctx ends, for the long calls that take one.
type cancelToken struct {
	p    *C.docker_cancel
	done chan struct{}
	exit chan struct{}
}

// newCancel makes a token and, when ctx can end, a goroutine that fires it. Call stop before
// reading the result: it ends the goroutine and frees the token.
func newCancel(ctx context.Context) *cancelToken {
	t := &cancelToken{p: C.docker_cancel_new()}
	if ctx.Done() == nil {
		return t
	}
	t.done = make(chan struct{})
	t.exit = make(chan struct{})
	go func() {
		defer close(t.exit)
		select {
		case <-ctx.Done():
			C.docker_cancel_fire(t.p)
		case <-t.done:
		}
	}()
	return t
}

func (t *cancelToken) stop() {
	if t.done != nil {
		close(t.done)
		<-t.exit
	}
	C.docker_cancel_free(t.p)
}

// watch calls fire once when ctx ends, until the returned stop is called (stop waits for a
// fire in progress to finish).
func watch(ctx context.Context, fire func()) (stop func()) {
	if ctx == nil || ctx.Done() == nil {
		return func() {}
	}
	done := make(chan struct{})
	exit := make(chan struct{})
	go func() {
		defer close(exit)
		select {
		case <-ctx.Done():
			fire()
		case <-done:
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			<-exit
		})
	}
}

func bg(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}
