package dockercontainers

// Go functions the library calls back. This file's preamble may only declare (cgo's rule for
// files with //export); the C trampolines that pass them on are in archive.go.

// #include <stdint.h>
// #include <stddef.h>
import "C"

import (
	"context"
	"io"
	"runtime/cgo"
	"unsafe"
)

// upload is what a put_archive reader callback reads from.
type upload struct {
	ctx      context.Context
	r        io.Reader
	err      error
	panicked any // a panic in r.Read, re-raised once the C call has returned
}

//export dcgoRead
func dcgoRead(userdata unsafe.Pointer, buf *C.uint8_t, n C.size_t) (ret C.int64_t) {
	u := cgo.Handle(uintptr(userdata)).Value().(*upload)
	// A panic must not unwind through the library's C frames: stop the upload, re-panic later.
	defer func() {
		if p := recover(); p != nil {
			u.panicked = p
			ret = -1
		}
	}()
	if err := u.ctx.Err(); err != nil {
		u.err = err
		return -1
	}
	// buf is C memory, lent for this call: the reader fills it directly.
	b := unsafe.Slice((*byte)(unsafe.Pointer(buf)), int(n))
	for {
		k, err := u.r.Read(b)
		if k > 0 {
			return C.int64_t(k)
		}
		if err == io.EOF {
			return 0
		}
		if err != nil {
			u.err = err
			return -1
		}
	}
}
