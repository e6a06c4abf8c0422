package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
import "C"

import (
	"context"
	"encoding/json"
	"errors"
	"runtime"
	"unsafe"
)

// Volume is docker-py's Volume model: a name (which is its id), the attributes from the last
// inspect, and the operations. Safe to use from many goroutines at once. Close it when done (a
// finalizer frees it otherwise); closing the handle does not touch the volume itself.
type Volume struct {
	h    handle
	name string
}

func wrapVolume(p *C.docker_volume) *Volume {
	v := &Volume{
		name: C.GoString(C.docker_volume_name(p)),
		h: handle{p: unsafe.Pointer(p), free: func(p unsafe.Pointer) {
			C.docker_volume_free((*C.docker_volume)(p))
		}},
	}
	runtime.SetFinalizer(v, func(v *Volume) { v.h.close() })
	return v
}

// Close frees the handle (after any call still running on it). Closing twice is harmless.
func (v *Volume) Close() error {
	v.h.close()
	return nil
}

func (v *Volume) use(f func(p *C.docker_volume) error) error {
	p, err := v.h.acquire()
	if err != nil {
		return err
	}
	defer v.h.release()
	return f((*C.docker_volume)(p))
}

// Name is the volume's name.
func (v *Volume) Name() string { return v.name }

// ID is the volume's name (docker-py's id for a volume).
func (v *Volume) ID() string { return v.name }

// Attrs is the whole inspect JSON as last fetched (docker-py's attrs); a fresh copy each call,
// nil after Close.
func (v *Volume) Attrs() json.RawMessage {
	var s json.RawMessage
	_ = v.use(func(p *C.docker_volume) error {
		var out *C.char
		var cerr *C.docker_error
		if rc := C.docker_volume_attrs_json(p, &out, &cerr); rc != C.DOCKER_OK {
			C.docker_error_free(cerr)
			return nil
		}
		s = json.RawMessage(takeString(out))
		return nil
	})
	return s
}

func (v *Volume) do(ctx context.Context, op string, opts Options, f func(*C.docker_volume, *C.char, **C.docker_error) C.docker_result) error {
	_, err := call(ctx, op, func() (struct{}, error) {
		copts, err := cOptions(op, opts)
		if err != nil {
			return struct{}{}, err
		}
		defer cfree(copts)
		return struct{}{}, v.use(func(p *C.docker_volume) error {
			var cerr *C.docker_error
			if rc := f(p, copts, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			return nil
		})
	})
	return err
}

// Reload fetches the attributes again.
func (v *Volume) Reload(ctx context.Context) error {
	return v.do(ctx, "Volume.Reload", nil, func(p *C.docker_volume, _ *C.char, e **C.docker_error) C.docker_result {
		return C.docker_volume_reload(p, e)
	})
}

// Remove removes the volume (opts: "force"); one a container uses is ErrConflict.
func (v *Volume) Remove(ctx context.Context, opts Options) error {
	return v.do(ctx, "Volume.Remove", opts, func(p *C.docker_volume, o *C.char, e **C.docker_error) C.docker_result {
		return C.docker_volume_remove(p, o, e)
	})
}

// String is "Volume(name)".
func (v *Volume) String() string { return "Volume(" + v.name + ")" }

// Volumes is docker-py's client.volumes: Create, Get, List, Prune.
type Volumes struct{ c *Client }

// Volumes gives the client's volume collection.
func (c *Client) Volumes() Volumes { return Volumes{c} }

// Create is docker-py's client.volumes.create(**options): "name" (none: the engine makes one
// up), "driver", "driver_opts", "labels".
func (vs Volumes) Create(ctx context.Context, opts Options) (*Volume, error) {
	const op = "Volumes.Create"
	return call(ctx, op, func() (*Volume, error) {
		copts, err := cOptions(op, opts)
		if err != nil {
			return nil, err
		}
		defer cfree(copts)
		var v *Volume
		err = vs.c.use(op, func(p *C.docker_client) error {
			var out *C.docker_volume
			var cerr *C.docker_error
			if rc := C.docker_volumes_create(p, copts, &out, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			v = wrapVolume(out)
			return nil
		})
		return v, err
	})
}

// Get is docker-py's client.volumes.get(name); ErrNotFound when there is none.
func (vs Volumes) Get(ctx context.Context, name string) (*Volume, error) {
	const op = "Volumes.Get"
	return call(ctx, op, func() (*Volume, error) {
		cname := C.CString(name)
		defer cfree(cname)
		var v *Volume
		err := vs.c.use(op, func(p *C.docker_client) error {
			var out *C.docker_volume
			var cerr *C.docker_error
			if rc := C.docker_volumes_get(p, cname, &out, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			v = wrapVolume(out)
			return nil
		})
		return v, err
	})
}

// List is docker-py's client.volumes.list(filters=...): a Volume for each. Close them when
// done (finalizers free them otherwise).
func (vs Volumes) List(ctx context.Context, filters map[string]any) ([]*Volume, error) {
	const op = "Volumes.List"
	var opts Options
	if filters != nil {
		opts = Options{"filters": filters}
	}
	s, err := vs.c.text(ctx, op, opts, func(p *C.docker_client, copts *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_volumes_list(p, copts, out, e)
	})
	if err != nil {
		return nil, err
	}
	var items []struct{ Name string }
	if err := json.Unmarshal([]byte(s), &items); err != nil {
		return nil, &Error{Op: op, Code: CodeProtocol, Message: "undecodable list: " + err.Error(), ExitStatus: -1}
	}
	out := make([]*Volume, 0, len(items))
	for _, it := range items {
		v, err := vs.Get(ctx, it.Name)
		if errors.Is(err, ErrNotFound) {
			continue // removed since the list was made
		}
		if err != nil {
			for _, w := range out {
				w.Close()
			}
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// VolumesPruneReport is what Volumes.Prune removed.
type VolumesPruneReport struct {
	VolumesDeleted []string
	SpaceReclaimed uint64
}

// Prune is docker-py's client.volumes.prune(filters): remove the volumes no container uses
// that match filters (nil: all of them).
func (vs Volumes) Prune(ctx context.Context, filters map[string]any) (VolumesPruneReport, error) {
	const op = "Volumes.Prune"
	var r VolumesPruneReport
	var opts Options
	if filters != nil {
		opts = Options{"filters": filters}
	}
	s, err := vs.c.text(ctx, op, opts, func(p *C.docker_client, copts *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_volumes_prune(p, copts, out, e)
	})
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return r, &Error{Op: op, Code: CodeProtocol, Message: "undecodable prune answer: " + err.Error(), ExitStatus: -1}
	}
	return r, nil
}
