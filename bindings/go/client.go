package dockercontainers

// #include <stdlib.h>
// #include "docker_containers.h"
import "C"

import (
	"context"
	"encoding/json"
	"runtime"
	"time"
	"unsafe"
)

// Client talks to one Docker engine. It is safe to use from many goroutines at once. Close it
// when done (a finalizer frees it otherwise); containers got from it stay usable after.
type Client struct {
	h handle
}

// ClientOptions are docker-py's DockerClient keywords.
type ClientOptions struct {
	BaseURL     string        // "unix:///var/run/docker.sock" (default), "tcp://host:2375"
	Version     string        // "auto" (default) or a pinned API version such as "1.41"
	Timeout     time.Duration // per call (default 60 s); streams are exempt
	UserAgent   string
	MaxPoolSize int // idle keep-alive connections kept (default 64)
}

func (o ClientOptions) options(withBase bool) Options {
	m := Options{}
	if withBase && o.BaseURL != "" {
		m["base_url"] = o.BaseURL
	}
	if o.Version != "" {
		m["version"] = o.Version
	}
	if o.Timeout > 0 {
		m["timeout"] = o.Timeout.Seconds()
	}
	if o.UserAgent != "" {
		m["user_agent"] = o.UserAgent
	}
	if o.MaxPoolSize > 0 {
		m["max_pool_size"] = o.MaxPoolSize
	}
	return m
}

// FromEnv makes a client from DOCKER_HOST, DOCKER_API_VERSION, DOCKER_TLS_VERIFY and
// DOCKER_CERT_PATH, like docker-py's docker.from_env(). BaseURL in opts is not allowed
// (the environment decides it). Nothing is sent to the engine until the first call.
func FromEnv(opts ...ClientOptions) (*Client, error) {
	var o Options
	if len(opts) > 0 {
		if opts[0].BaseURL != "" {
			return nil, invalid("FromEnv", "BaseURL is read from DOCKER_HOST; use New for an explicit one")
		}
		o = opts[0].options(false)
	}
	return newClient("FromEnv", o, true)
}

// New makes a client from its options only (the environment is not read), like docker-py's
// DockerClient(base_url=...).
func New(opts ClientOptions) (*Client, error) {
	return newClient("New", opts.options(true), false)
}

func newClient(op string, o Options, env bool) (*Client, error) {
	copts, err := cOptions(op, o)
	if err != nil {
		return nil, err
	}
	defer cfree(copts)
	var p *C.docker_client
	var cerr *C.docker_error
	var rc C.docker_result
	if env {
		rc = C.docker_client_from_env(copts, &p, &cerr)
	} else {
		rc = C.docker_client_new(copts, &p, &cerr)
	}
	if rc != C.DOCKER_OK {
		return nil, takeError(op, rc, cerr)
	}
	c := &Client{h: handle{p: unsafe.Pointer(p), free: func(p unsafe.Pointer) {
		C.docker_client_free((*C.docker_client)(p))
	}}}
	runtime.SetFinalizer(c, func(c *Client) { c.h.close() })
	return c, nil
}

// Close frees the client (after any call still running on it). Containers and streams made from
// it keep working. Closing twice is harmless.
func (c *Client) Close() error {
	c.h.close()
	return nil
}

// use runs f with the client's C pointer held.
func (c *Client) use(op string, f func(p *C.docker_client) error) error {
	p, err := c.h.acquire()
	if err != nil {
		return err
	}
	defer c.h.release()
	return f((*C.docker_client)(p))
}

// text runs a client call that hands back one string, with options marshalled and freed
// inside the call (which may outlive the caller's wait, see call).
func (c *Client) text(ctx context.Context, op string, opts Options, f func(*C.docker_client, *C.char, **C.char, **C.docker_error) C.docker_result) (string, error) {
	return call(ctx, op, func() (string, error) {
		copts, err := cOptions(op, opts)
		if err != nil {
			return "", err
		}
		defer cfree(copts)
		var s string
		err = c.use(op, func(p *C.docker_client) error {
			var out *C.char
			var cerr *C.docker_error
			if rc := f(p, copts, &out, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			s = takeString(out)
			return nil
		})
		return s, err
	})
}

// Ping checks that the engine answers.
func (c *Client) Ping(ctx context.Context) error {
	_, err := call(ctx, "Client.Ping", func() (struct{}, error) {
		return struct{}{}, c.use("Client.Ping", func(p *C.docker_client) error {
			var cerr *C.docker_error
			if rc := C.docker_client_ping(p, &cerr); rc != C.DOCKER_OK {
				return takeError("Client.Ping", rc, cerr)
			}
			return nil
		})
	})
	return err
}

func decodeMap(op, s string) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, &Error{Op: op, Code: CodeProtocol, Message: "undecodable answer: " + err.Error(), ExitStatus: -1}
	}
	return m, nil
}

// Version is the engine's GET /version answer, decoded.
func (c *Client) Version(ctx context.Context) (map[string]any, error) {
	s, err := c.text(ctx, "Client.Version", nil, func(p *C.docker_client, _ *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_client_version(p, out, e)
	})
	if err != nil {
		return nil, err
	}
	return decodeMap("Client.Version", s)
}

// Info is the engine's GET /info answer, decoded.
func (c *Client) Info(ctx context.Context) (map[string]any, error) {
	s, err := c.text(ctx, "Client.Info", nil, func(p *C.docker_client, _ *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_client_info(p, out, e)
	})
	if err != nil {
		return nil, err
	}
	return decodeMap("Client.Info", s)
}

// APIVersion is the Engine API version the client uses ("1.41").
func (c *Client) APIVersion(ctx context.Context) (string, error) {
	return c.text(ctx, "Client.APIVersion", nil, func(p *C.docker_client, _ *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_client_api_version(p, out, e)
	})
}

// LibraryVersion is the C library's version ("0.1.0").
func LibraryVersion() string { return C.GoString(C.docker_version()) }
