package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
import "C"

import (
	"context"
	"errors"
	"fmt"
	"unsafe"
)

// Code is the library's result code (docker_result in the C header). The values are stable.
type Code int

// The codes, as in include/docker_containers.h.
const (
	CodeOK                Code = C.DOCKER_OK
	CodeInvalidArgument   Code = C.DOCKER_ERR_INVALID_ARGUMENT
	CodeNotFound          Code = C.DOCKER_ERR_NOT_FOUND
	CodeConflict          Code = C.DOCKER_ERR_CONFLICT
	CodeImageNotFound     Code = C.DOCKER_ERR_IMAGE_NOT_FOUND
	CodeContainerFailed   Code = C.DOCKER_ERR_CONTAINER_FAILED
	CodeEngine            Code = C.DOCKER_ERR_ENGINE
	CodeConnection        Code = C.DOCKER_ERR_CONNECTION
	CodeTimeout           Code = C.DOCKER_ERR_TIMEOUT
	CodeCanceled          Code = C.DOCKER_ERR_CANCELLED
	CodeStoppedByCallback Code = C.DOCKER_ERR_STOPPED_BY_CALLBACK
	CodeTLS               Code = C.DOCKER_ERR_TLS
	CodeForked            Code = C.DOCKER_ERR_FORKED
	CodeProtocol          Code = C.DOCKER_ERR_PROTOCOL
	CodeIO                Code = C.DOCKER_ERR_IO
	CodeInternal          Code = C.DOCKER_ERR_INTERNAL
)

// String gives the library's static description of the code ("not found").
func (c Code) String() string {
	return C.GoString(C.docker_result_str(C.int32_t(c)))
}

// sentinel is the type of the Err* values: an error that stands for one code.
type sentinel struct {
	code Code
	text string
}

func (s *sentinel) Error() string { return "dockercontainers: " + s.text }

// Sentinel errors for errors.Is. Every *Error matches the one for its Code; an error caused by
// a context also matches context.Canceled or context.DeadlineExceeded.
var (
	ErrInvalidArgument = &sentinel{CodeInvalidArgument, "invalid argument"}
	ErrNotFound        = &sentinel{CodeNotFound, "not found"}
	ErrConflict        = &sentinel{CodeConflict, "conflict"}
	ErrImageNotFound   = &sentinel{CodeImageNotFound, "image not found"}
	ErrContainerFailed = &sentinel{CodeContainerFailed, "container failed"}
	ErrEngine          = &sentinel{CodeEngine, "engine error"}
	ErrConnection      = &sentinel{CodeConnection, "connection failed"}
	ErrTimeout         = &sentinel{CodeTimeout, "timeout"}
	ErrCanceled        = &sentinel{CodeCanceled, "canceled"}
	// ErrStoppedByCallback: a progress callback returned an error (errors.Is finds that too).
	ErrStoppedByCallback = &sentinel{CodeStoppedByCallback, "stopped by callback"}
	ErrTLS               = &sentinel{CodeTLS, "TLS"}
	ErrForked            = &sentinel{CodeForked, "forked"}
	ErrProtocol          = &sentinel{CodeProtocol, "protocol"}
	ErrIO                = &sentinel{CodeIO, "local I/O"}
	ErrInternal          = &sentinel{CodeInternal, "internal"}

	// ErrClosed is returned by calls on a Client, Container or Stream after its Close.
	ErrClosed = errors.New("dockercontainers: use of a closed handle")
)

var sentinels = map[Code]*sentinel{}

func init() {
	for _, s := range []*sentinel{ErrInvalidArgument, ErrNotFound, ErrConflict, ErrImageNotFound,
		ErrContainerFailed, ErrEngine, ErrConnection, ErrTimeout, ErrCanceled, ErrStoppedByCallback, ErrTLS, ErrForked,
		ErrProtocol, ErrIO, ErrInternal} {
		sentinels[s.code] = s
	}
}

// Error is a failed call: the library's code and message, the engine's HTTP status where the
// engine answered, and for a failed non-detached Run (CodeContainerFailed) the container's
// exit status and stderr.
type Error struct {
	Op         string // the method that failed, such as "Container.Stop"
	Code       Code
	Message    string // the library's message (the engine's own words where there are some)
	HTTPStatus int    // the engine's HTTP status, or 0
	ExitStatus int64  // for CodeContainerFailed: the exit status; otherwise -1
	Stderr     []byte // for CodeContainerFailed: what the container wrote to stderr
	cause      error  // context.Canceled or context.DeadlineExceeded when a context ended the call
}

func (e *Error) Error() string {
	s := "dockercontainers: " + e.Op + ": " + e.Message
	if e.HTTPStatus != 0 {
		s += fmt.Sprintf(" (%s, HTTP %d)", e.Code, e.HTTPStatus)
	} else {
		s += " (" + e.Code.String() + ")"
	}
	return s
}

// Is matches the sentinel of the error's code (errors.Is(err, ErrNotFound)). A missing image
// is a not-found too: CodeImageNotFound matches ErrImageNotFound and ErrNotFound.
func (e *Error) Is(target error) bool {
	s, ok := target.(*sentinel)
	return ok && (s.code == e.Code || s.code == CodeNotFound && e.Code == CodeImageNotFound)
}

// Unwrap gives the context's error when a context ended the call.
func (e *Error) Unwrap() error { return e.cause }

// takeError turns a C error object into an *Error, in the type of its errdefs class
// (errdefs.go), and frees it.
func takeError(op string, rc C.docker_result, cerr *C.docker_error) error {
	e := &Error{Op: op, Code: Code(rc), ExitStatus: -1}
	if cerr != nil {
		e.Code = Code(C.docker_error_code(cerr))
		e.Message = C.GoString(C.docker_error_message(cerr))
		e.HTTPStatus = int(C.docker_error_http_status(cerr))
		e.ExitStatus = int64(C.docker_error_exit_status(cerr))
		var n C.size_t
		if p := C.docker_error_stderr(cerr, &n); p != nil && n > 0 {
			e.Stderr = C.GoBytes(unsafe.Pointer(p), C.int(n))
		}
		C.docker_error_free(cerr)
	}
	if e.Message == "" {
		e.Message = e.Code.String()
	}
	return classify(e)
}

// ctxError is the error for a call that a context ended.
func ctxError(op string, err error) error {
	code := CodeCanceled
	if errors.Is(err, context.DeadlineExceeded) {
		code = CodeTimeout
	}
	return classify(&Error{Op: op, Code: code, Message: err.Error(), ExitStatus: -1, cause: err})
}

// withCtx replaces a cancellation or timeout caused by ctx with one that says so.
func withCtx(ctx context.Context, op string, err error) error {
	var e *Error
	if err == nil || !errors.As(err, &e) {
		return err
	}
	if ce := ctx.Err(); ce != nil && (e.Code == CodeCanceled || e.Code == CodeTimeout ||
		e.Code == CodeStoppedByCallback) {
		return ctxError(op, ce)
	}
	return err
}

// invalid is an argument error found on the Go side, before any call.
func invalid(op, format string, args ...any) error {
	return classify(&Error{Op: op, Code: CodeInvalidArgument, Message: fmt.Sprintf(format, args...), ExitStatus: -1})
}
