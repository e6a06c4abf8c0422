package dockercontainers

// Readiness waits (Container.WaitFor) and the engine's events (Client.Events) and
// many-container stats (Client.StatsAll), on docker_container_wait_for and the client's
// pull streams.

// #include <stdlib.h>
// #include "docker_containers.h"
import "C"

import (
	"context"
	"time"
)

// WaitFor blocks until every condition holds: "status" ("running", "exited", "removed"...),
// "healthy": true, "log" (a regular expression, or {"pattern", "stream", "times"}), "port"
// (80, or {"port", "http_path", "http_status"}), "exec" (a command that must exit 0). The wait
// ends with ctx: its deadline becomes the library's timeout (an error matching ErrTimeout that
// names what did not hold), its cancellation ends it with ctx's error. A container that exits,
// is removed or turns unhealthy gives an error matching ErrContainerFailed, with its exit
// status and last output.
func (c *Container) WaitFor(ctx context.Context, conditions Options) error {
	const op = "Container.WaitFor"
	ctx = bg(ctx)
	if err := ctx.Err(); err != nil {
		return ctxError(op, err)
	}
	ctext, err := cOptions(op, conditions)
	if err != nil {
		return err
	}
	if ctext == nil {
		ctext = C.CString("{}")
	}
	defer cfree(ctext)
	timeout := C.int64_t(-1)
	if d, ok := ctx.Deadline(); ok {
		timeout = 0
		if left := time.Until(d).Milliseconds(); left > 0 {
			timeout = C.int64_t(left)
		}
	}
	err = c.use(func(p *C.docker_container) error {
		tok := newCancel(ctx)
		var cerr *C.docker_error
		rc := C.docker_container_wait_for(p, ctext, timeout, tok.p, &cerr)
		tok.stop()
		if rc != C.DOCKER_OK {
			return takeError(op, rc, cerr)
		}
		return nil
	})
	return withCtx(ctx, op, err)
}

// clientOpen runs one of the client's _open calls and wraps its stream.
func (c *Client) clientOpen(ctx context.Context, op string, opts Options, f func(*C.docker_client, *C.char, **C.docker_stream, **C.docker_error) C.docker_result) (*Stream, error) {
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
	err = c.use(op, func(p *C.docker_client) error {
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

// Events streams the engine's events, one JSON chunk (KindJSON) each: read them with Decode.
// Options: "since", "until" (as for Logs; with "until" the stream ends there), "filters"
// (docker-py's dict). It runs until ctx ends or the stream is closed.
func (c *Client) Events(ctx context.Context, options OptionSet) (*Stream, error) {
	return c.clientOpen(ctx, "Client.Events", optionsOf(options), func(p *C.docker_client, o *C.char, out **C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_client_events_open(p, o, out, e)
	})
}

// StatsAll streams the stats of every running container (or those "filters" selects), as
// `docker stats` shows them: JSON chunks {"event": "joined"|"sample"|"left", "id", "name",
// "stats"} as containers start, report and stop.
func (c *Client) StatsAll(ctx context.Context, options OptionSet) (*Stream, error) {
	return c.clientOpen(ctx, "Client.StatsAll", optionsOf(options), func(p *C.docker_client, o *C.char, out **C.docker_stream, e **C.docker_error) C.docker_result {
		return C.docker_client_stats_open(p, o, out, e)
	})
}
