package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
import "C"

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// runLabel marks the container of a Run whose context can end, so that a Run ended by its
// context can find the container and stop it.
const runLabel = "org.docker-containers.go.run"

// Run is docker-py's client.containers.run(image, command, **options). command nil means the
// image's default (or "command" in opts); opts are run()'s keywords ("detach", "remove",
// "name", "environment", "stderr", ...).
//
// With "detach": true the container is started and returned; output is nil. Otherwise Run
// waits for the container to end and returns what it wrote (stdout; stderr too with "stderr":
// true) and the container (nil with "remove": true). A non-zero exit is an *Error with
// CodeContainerFailed (errors.Is(err, ErrContainerFailed)), ExitStatus and Stderr.
//
// When ctx ends during a non-detached run, Run returns at once with the context's error, and
// the container is killed (and removed, with "remove": true); a detached run ended before it
// returned removes its container. To find it, Run adds the label org.docker-containers.go.run
// to the containers of calls whose context can end.
func (c *Client) Run(ctx context.Context, image string, command []string, options OptionSet) (*Container, []byte, error) {
	opts := optionsOf(options)
	const op = "Client.Run"
	ctx = bg(ctx)
	if command != nil {
		opts = withKey(opts, "command", command)
	}
	detach, _ := opts["detach"].(bool)
	remove, _ := opts["remove"].(bool)
	var mark string
	if ctx.Done() != nil {
		var err error
		if opts, mark, err = addRunLabel(opts); err != nil {
			return nil, nil, invalid(op, "%v", err)
		}
	}
	copts, err := cOptions(op, opts)
	if err != nil {
		return nil, nil, err
	}
	defer cfree(copts)
	cimage := C.CString(image)
	defer cfree(cimage)
	if err := ctx.Err(); err != nil {
		return nil, nil, ctxError(op, err)
	}

	var ctr *Container
	var output []byte
	err = c.use(op, func(p *C.docker_client) error {
		tok := newCancel(ctx)
		var out *C.docker_container
		var buf *C.docker_buffer
		var cerr *C.docker_error
		rc := C.docker_containers_run_cancel(p, cimage, nil, copts, tok.p, &out, &buf, &cerr)
		tok.stop()
		if rc != C.DOCKER_OK {
			return takeError(op, rc, cerr)
		}
		if out != nil {
			ctr = wrapContainer(out)
		}
		output = takeBuffer(buf)
		return nil
	})
	if err != nil {
		if ctx.Err() != nil && mark != "" {
			// A detached container the caller never got back is removed too.
			c.stopMarked(mark, remove || detach)
		}
		return nil, nil, withCtx(ctx, op, err)
	}
	return ctr, output, nil
}

// addRunLabel copies opts with a fresh run label added to "labels" (a map or a list).
func addRunLabel(opts Options) (Options, string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, "", err
	}
	mark := hex.EncodeToString(b[:])
	switch l := opts["labels"].(type) {
	case nil:
		return withKey(opts, "labels", map[string]string{runLabel: mark}), mark, nil
	case map[string]string:
		n := map[string]any{runLabel: mark}
		for k, v := range l {
			n[k] = v
		}
		return withKey(opts, "labels", n), mark, nil
	case map[string]any:
		n := map[string]any{runLabel: mark}
		for k, v := range l {
			n[k] = v
		}
		return withKey(opts, "labels", n), mark, nil
	case []string: // docker-py's list form: names with empty values
		n := map[string]any{runLabel: mark}
		for _, k := range l {
			n[k] = ""
		}
		return withKey(opts, "labels", n), mark, nil
	case []any:
		n := map[string]any{runLabel: mark}
		for _, k := range l {
			ks, ok := k.(string)
			if !ok {
				return nil, "", fmt.Errorf("run options: \"labels\" holds %T, not a string", k)
			}
			n[ks] = ""
		}
		return withKey(opts, "labels", n), mark, nil
	default:
		return nil, "", fmt.Errorf("run options: \"labels\" must be a map or a list of strings, not %T", l)
	}
}

// stopMarked kills (or force-removes) the container of a Run its context ended.
func (c *Client) stopMarked(mark string, remove bool) {
	list, err := c.List(context.Background(), Options{"all": true,
		"filters": map[string]any{"label": []string{runLabel + "=" + mark}}})
	if err != nil {
		return
	}
	for _, ctr := range list {
		if remove {
			_ = ctr.Remove(context.Background(), Options{"force": true})
		} else {
			_ = ctr.Kill(context.Background(), "")
		}
		ctr.Close()
	}
}

// Create is docker-py's client.containers.create(image, command, **options): the container is
// made but not started.
func (c *Client) Create(ctx context.Context, image string, command []string, options OptionSet) (*Container, error) {
	opts := optionsOf(options)
	const op = "Client.Create"
	if command != nil {
		opts = withKey(opts, "command", command)
	}
	return call(ctx, op, func() (*Container, error) {
		copts, err := cOptions(op, opts)
		if err != nil {
			return nil, err
		}
		defer cfree(copts)
		cimage := C.CString(image)
		defer cfree(cimage)
		var ctr *Container
		err = c.use(op, func(p *C.docker_client) error {
			var out *C.docker_container
			var cerr *C.docker_error
			if rc := C.docker_containers_create(p, cimage, nil, copts, &out, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			ctr = wrapContainer(out)
			return nil
		})
		return ctr, err
	})
}

// Get is docker-py's client.containers.get: a container by id, id prefix or name. A missing
// one gives an error matching ErrNotFound.
func (c *Client) Get(ctx context.Context, idOrName string) (*Container, error) {
	const op = "Client.Get"
	return call(ctx, op, func() (*Container, error) {
		cid := C.CString(idOrName)
		defer cfree(cid)
		var ctr *Container
		err := c.use(op, func(p *C.docker_client) error {
			var out *C.docker_container
			var cerr *C.docker_error
			if rc := C.docker_containers_get(p, cid, &out, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			ctr = wrapContainer(out)
			return nil
		})
		return ctr, err
	})
}

// List is docker-py's client.containers.list(**options) ("all", "filters", "limit", "since",
// "before", "sparse", "ignore_removed"): a Container for each, in the engine's order. Close
// them when done (finalizers free them otherwise).
func (c *Client) List(ctx context.Context, options OptionSet) ([]*Container, error) {
	opts := optionsOf(options)
	const op = "Client.List"
	if opts == nil {
		opts = Options{}
	}
	if _, ok := opts["sparse"]; !ok {
		// Only the ids are needed here: each container is inspected once, by Get.
		opts = withKey(opts, "sparse", true)
	}
	s, err := c.text(ctx, op, opts, func(p *C.docker_client, copts *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_containers_list(p, copts, out, e)
	})
	if err != nil {
		return nil, err
	}
	var items []struct {
		ID string `json:"Id"`
	}
	if err := json.Unmarshal([]byte(s), &items); err != nil {
		return nil, &Error{Op: op, Code: CodeProtocol, Message: "undecodable list: " + err.Error(), ExitStatus: -1}
	}
	out := make([]*Container, 0, len(items))
	for _, it := range items {
		ctr, err := c.Get(ctx, it.ID)
		if errors.Is(err, ErrNotFound) {
			continue // removed since the list was made
		}
		if err != nil {
			for _, x := range out {
				x.Close()
			}
			return nil, err
		}
		out = append(out, ctr)
	}
	return out, nil
}

// PruneReport is what Prune removed.
type PruneReport struct {
	ContainersDeleted []string
	SpaceReclaimed    uint64
}

// Prune is docker-py's client.containers.prune(filters): remove stopped containers matching
// filters (nil: all), e.g. {"label": []string{"app=x"}, "until": "10m"}.
func (c *Client) Prune(ctx context.Context, filters map[string]any) (PruneReport, error) {
	const op = "Client.Prune"
	var r PruneReport
	var opts Options
	if filters != nil {
		opts = Options{"filters": filters}
	}
	s, err := c.text(ctx, op, opts, func(p *C.docker_client, copts *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_containers_prune(p, copts, out, e)
	})
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return r, &Error{Op: op, Code: CodeProtocol, Message: "undecodable answer: " + err.Error(), ExitStatus: -1}
	}
	return r, nil
}
