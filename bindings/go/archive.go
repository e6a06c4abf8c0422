package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
// extern int64_t dcgoRead(void *userdata, uint8_t *buf, size_t n);
// static docker_result dcgo_put_archive(const docker_container *c, const char *path,
//                                       uintptr_t h, const char *opts, docker_error **err) {
//     return docker_container_put_archive_reader(c, path, dcgoRead, (void *)h, opts, NULL, NULL, err);
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
// "copy_uid_gid". An error from r, or ctx ending, stops the upload and is returned.
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
	err = c.use(func(p *C.docker_container) error {
		var cerr *C.docker_error
		rc := C.dcgo_put_archive(p, cpath, C.uintptr_t(h), copts, &cerr)
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
	return err
}
