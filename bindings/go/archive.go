package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
// extern int64_t dcgoRead(void *userdata, uint8_t *buf, size_t n);
// extern int32_t dcgoTransfer(void *userdata, uint64_t done, int64_t total);
// // p (a cgo.Handle of a relay, or 0 for none) receives the copy's progress.
// static docker_result dcgo_put_archive(const docker_container *c, const char *path,
//                                       uintptr_t h, const char *opts, uintptr_t p,
//                                       docker_error **err) {
//     return docker_container_put_archive_reader(c, path, dcgoRead, (void *)h, opts,
//                                                p ? dcgoTransfer : NULL, (void *)p, err);
// }
// static docker_result dcgo_copy_to(const docker_container *c, const char *host,
//                                   const char *ctr, const char *opts, uintptr_t p,
//                                   docker_error **err) {
//     return docker_container_copy_to(c, host, ctr, opts, p ? dcgoTransfer : NULL, (void *)p, err);
// }
// static docker_result dcgo_copy_from(const docker_container *c, const char *ctr,
//                                     const char *host, const char *opts, uintptr_t p,
//                                     docker_error **err) {
//     return docker_container_copy_from(c, ctr, host, opts, p ? dcgoTransfer : NULL, (void *)p, err);
// }
import "C"

import (
	"context"
	"errors"
	"io"
	"runtime/cgo"
)

// PutArchive extracts the tar archive read from r into the directory path in the container,
// streamed (r is read 64 KiB at a time, never whole). Options: "no_overwrite_dir_non_dir",
// "copy_uid_gid" (PutArchiveOptions), and Progress (total -1: a reader's size is unknown). An
// error from r or from Progress, or ctx ending, stops the upload and is returned.
func (c *Container) PutArchive(ctx context.Context, path string, r io.Reader, options OptionSet) error {
	opts := optionsOf(options)
	const op = "Container.PutArchive"
	ctx = bg(ctx)
	if r == nil {
		return invalid(op, "reader is nil")
	}
	if err := ctx.Err(); err != nil {
		return ctxError(op, err)
	}
	copts, err := cOptions(op, opts)
	if err != nil {
		return err
	}
	defer cfree(copts)
	cpath := C.CString(path)
	defer cfree(cpath)
	u := &upload{ctx: ctx, r: r}
	h := cgo.NewHandle(u)
	defer h.Delete()
	pr := &relay{ctx: ctx, transfer: transferOf(options)}
	ph := pr.handle(pr.transfer != nil)
	defer ph.Delete()
	err = c.use(func(p *C.docker_container) error {
		var cerr *C.docker_error
		rc := C.dcgo_put_archive(p, cpath, C.uintptr_t(h), copts, C.uintptr_t(ph), &cerr)
		if rc == C.DOCKER_OK {
			return nil
		}
		err := takeError(op, rc, cerr)
		if u.err != nil {
			if errors.Is(u.err, context.Canceled) || errors.Is(u.err, context.DeadlineExceeded) {
				return ctxError(op, u.err)
			}
			return &Error{Op: op, Code: CodeIO, Message: "reading the archive: " + u.err.Error(), ExitStatus: -1, cause: u.err}
		}
		return err
	})
	if u.panicked != nil {
		panic(u.panicked)
	}
	pr.end()
	return pr.wrap(op, err)
}

// transferOf is the Progress of a copy's option struct (nil for the map form).
func transferOf(opts OptionSet) ProgressFunc {
	switch o := opts.(type) {
	case PutArchiveOptions:
		return o.Progress
	case *PutArchiveOptions:
		if o != nil {
			return o.Progress
		}
	case CopyToOptions:
		return o.Progress
	case *CopyToOptions:
		if o != nil {
			return o.Progress
		}
	case CopyFromOptions:
		return o.Progress
	case *CopyFromOptions:
		if o != nil {
			return o.Progress
		}
	}
	return nil
}

// CopyTo copies a host file or directory into the container with docker cp's rules.
// Options: "follow_link", "copy_uid_gid" (CopyToOptions), and Progress (the tar stream built
// from hostPath). When ctx ends, the copy stops at its next chunk.
func (c *Container) CopyTo(ctx context.Context, hostPath, containerPath string, options OptionSet) error {
	const op = "Container.CopyTo"
	return c.copy(ctx, op, options, func(p *C.docker_container, o *C.char, ph C.uintptr_t, e **C.docker_error) C.docker_result {
		h, ct := C.CString(hostPath), C.CString(containerPath)
		defer cfree(h)
		defer cfree(ct)
		return C.dcgo_copy_to(p, h, ct, o, ph, e)
	})
}

// CopyFrom copies a path out of the container to the host with docker cp's rules; nothing is
// ever written outside hostPath. Options: "follow_link", "archive" (CopyFromOptions), and
// Progress (the tar stream read from the engine). When ctx ends, the copy stops at its next
// chunk.
func (c *Container) CopyFrom(ctx context.Context, containerPath, hostPath string, options OptionSet) error {
	const op = "Container.CopyFrom"
	return c.copy(ctx, op, options, func(p *C.docker_container, o *C.char, ph C.uintptr_t, e **C.docker_error) C.docker_result {
		h, ct := C.CString(hostPath), C.CString(containerPath)
		defer cfree(h)
		defer cfree(ct)
		return C.dcgo_copy_from(p, ct, h, o, ph, e)
	})
}

// copy runs CopyTo or CopyFrom with a relay for its progress, also there when only ctx can
// end, so that the copy itself stops rather than finishing in the background.
func (c *Container) copy(ctx context.Context, op string, options OptionSet, f func(*C.docker_container, *C.char, C.uintptr_t, **C.docker_error) C.docker_result) error {
	ctx = bg(ctx)
	r := &relay{ctx: ctx, transfer: transferOf(options)}
	err := c.do(ctx, op, optionsOf(options), func(p *C.docker_container, o *C.char, e **C.docker_error) C.docker_result {
		ph := r.handle(r.transfer != nil || ctx.Done() != nil)
		defer ph.Delete()
		return f(p, o, C.uintptr_t(ph), e)
	})
	r.end()
	return r.wrap(op, err)
}
