package dockercontainers

// Go functions the library calls back. This file's preamble may only declare (cgo's rule for
// files with //export); the C trampolines that pass them on are in archive.go and images.go.

// #include <stdint.h>
// #include <stddef.h>
import "C"

import (
	"context"
	"encoding/json"
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

//export dcgoPullProgress
func dcgoPullProgress(userdata unsafe.Pointer, data *C.uint8_t, n C.size_t) C.int32_t {
	r := cgo.Handle(uintptr(userdata)).Value().(*relay)
	stop := r.enter(func() error {
		if r.pull == nil {
			return nil
		}
		// data is lent for this call: copied, as the callback may keep the item.
		raw := C.GoBytes(unsafe.Pointer(data), C.int(n))
		var p PullProgress
		_ = json.Unmarshal(raw, &p) // the engine's own object; Raw has it whatever its shape
		p.Raw = raw
		return r.pull(p)
	})
	if stop {
		return 1
	}
	return 0
}

//export dcgoTransfer
func dcgoTransfer(userdata unsafe.Pointer, done C.uint64_t, total C.int64_t) C.int32_t {
	r := cgo.Handle(uintptr(userdata)).Value().(*relay)
	stop := r.enter(func() error {
		if r.transfer == nil {
			return nil
		}
		return r.transfer(uint64(done), int64(total))
	})
	if stop {
		return 1
	}
	return 0
}
