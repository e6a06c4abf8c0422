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

// Network is docker-py's Network model: an id, the attributes from the last inspect, and the
// operations. Safe to use from many goroutines at once. Close it when done (a finalizer frees
// it otherwise); closing the handle does not touch the network itself.
type Network struct {
	h  handle
	id string
}

func wrapNetwork(p *C.docker_network) *Network {
	n := &Network{
		id: C.GoString(C.docker_network_id(p)),
		h: handle{p: unsafe.Pointer(p), free: func(p unsafe.Pointer) {
			C.docker_network_free((*C.docker_network)(p))
		}},
	}
	runtime.SetFinalizer(n, func(n *Network) { n.h.close() })
	return n
}

// Close frees the handle (after any call still running on it). Closing twice is harmless.
func (n *Network) Close() error {
	n.h.close()
	return nil
}

func (n *Network) use(f func(p *C.docker_network) error) error {
	p, err := n.h.acquire()
	if err != nil {
		return err
	}
	defer n.h.release()
	return f((*C.docker_network)(p))
}

// ID is the full network id.
func (n *Network) ID() string { return n.id }

func (n *Network) cached(f func(*C.docker_network, **C.char, **C.docker_error) C.docker_result) string {
	var s string
	_ = n.use(func(p *C.docker_network) error {
		var out *C.char
		var cerr *C.docker_error
		if rc := f(p, &out, &cerr); rc != C.DOCKER_OK {
			C.docker_error_free(cerr)
			return nil
		}
		s = takeString(out)
		return nil
	})
	return s
}

// Name is the network's name, from the cached attributes; "" after Close.
func (n *Network) Name() string {
	return n.cached(func(p *C.docker_network, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_network_name(p, o, e)
	})
}

// Attrs is the whole inspect JSON as last fetched (docker-py's attrs; its "Containers" object
// is docker-py's containers); a fresh copy each call.
func (n *Network) Attrs() json.RawMessage {
	return json.RawMessage(n.cached(func(p *C.docker_network, o **C.char, e **C.docker_error) C.docker_result {
		return C.docker_network_attrs_json(p, o, e)
	}))
}

// do runs a network call taking a container (may be "") and options, with no output.
func (n *Network) do(ctx context.Context, op, container string, opts Options, f func(*C.docker_network, *C.char, *C.char, **C.docker_error) C.docker_result) error {
	_, err := call(ctx, op, func() (struct{}, error) {
		copts, err := cOptions(op, opts)
		if err != nil {
			return struct{}{}, err
		}
		defer cfree(copts)
		cctr := C.CString(container)
		defer cfree(cctr)
		return struct{}{}, n.use(func(p *C.docker_network) error {
			var cerr *C.docker_error
			if rc := f(p, cctr, copts, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			return nil
		})
	})
	return err
}

// Reload fetches the attributes again.
func (n *Network) Reload(ctx context.Context) error {
	return n.do(ctx, "Network.Reload", "", nil, func(p *C.docker_network, _, _ *C.char, e **C.docker_error) C.docker_result {
		return C.docker_network_reload(p, e)
	})
}

// Remove removes the network; one that containers use is refused (ErrEngine).
func (n *Network) Remove(ctx context.Context) error {
	return n.do(ctx, "Network.Remove", "", nil, func(p *C.docker_network, _, _ *C.char, e **C.docker_error) C.docker_result {
		return C.docker_network_remove(p, e)
	})
}

// Connect connects a container (id or name) with docker-py's keywords: "aliases", "links",
// "ipv4_address", "ipv6_address", "link_local_ips", "driver_opt", "mac_address".
func (n *Network) Connect(ctx context.Context, container string, opts Options) error {
	return n.do(ctx, "Network.Connect", container, opts, func(p *C.docker_network, c, o *C.char, e **C.docker_error) C.docker_result {
		return C.docker_network_connect(p, c, o, e)
	})
}

// Disconnect disconnects a container (id or name); opts: "force".
func (n *Network) Disconnect(ctx context.Context, container string, opts Options) error {
	return n.do(ctx, "Network.Disconnect", container, opts, func(p *C.docker_network, c, o *C.char, e **C.docker_error) C.docker_result {
		return C.docker_network_disconnect(p, c, o, e)
	})
}

// String is "Network(id)".
func (n *Network) String() string { return "Network(" + n.id + ")" }

// Networks is docker-py's client.networks: Create, Get, List, Prune.
type Networks struct{ c *Client }

// Networks gives the client's network collection.
func (c *Client) Networks() Networks { return Networks{c} }

// Create is docker-py's client.networks.create(name, **options): "driver", "options", "ipam"
// (docker-py's IPAMConfig keywords or the Engine API's object), "check_duplicate", "internal",
// "labels", "enable_ipv6", "attachable", "scope", "ingress".
func (ns Networks) Create(ctx context.Context, name string, opts Options) (*Network, error) {
	const op = "Networks.Create"
	return ns.handle(ctx, op, name, opts, func(p *C.docker_client, s, o *C.char, out **C.docker_network, e **C.docker_error) C.docker_result {
		return C.docker_networks_create(p, s, o, out, e)
	})
}

// Get is docker-py's client.networks.get(id, **options) ("verbose", "scope"): by id, id
// prefix or name; ErrNotFound when there is none.
func (ns Networks) Get(ctx context.Context, id string, opts Options) (*Network, error) {
	const op = "Networks.Get"
	return ns.handle(ctx, op, id, opts, func(p *C.docker_client, s, o *C.char, out **C.docker_network, e **C.docker_error) C.docker_result {
		return C.docker_networks_get(p, s, o, out, e)
	})
}

func (ns Networks) handle(ctx context.Context, op, s string, opts Options, f func(*C.docker_client, *C.char, *C.char, **C.docker_network, **C.docker_error) C.docker_result) (*Network, error) {
	return call(ctx, op, func() (*Network, error) {
		copts, err := cOptions(op, opts)
		if err != nil {
			return nil, err
		}
		defer cfree(copts)
		cs := C.CString(s)
		defer cfree(cs)
		var n *Network
		err = ns.c.use(op, func(p *C.docker_client) error {
			var out *C.docker_network
			var cerr *C.docker_error
			if rc := f(p, cs, copts, &out, &cerr); rc != C.DOCKER_OK {
				return takeError(op, rc, cerr)
			}
			n = wrapNetwork(out)
			return nil
		})
		return n, err
	})
}

// List is docker-py's client.networks.list(**options) ("names", "ids", "filters", "greedy"):
// a Network for each (each one inspected, so its attributes are complete). Close them when
// done (finalizers free them otherwise).
func (ns Networks) List(ctx context.Context, opts Options) ([]*Network, error) {
	const op = "Networks.List"
	s, err := ns.c.text(ctx, op, opts, func(p *C.docker_client, copts *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_networks_list(p, copts, out, e)
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
	out := make([]*Network, 0, len(items))
	for _, it := range items {
		n, err := ns.Get(ctx, it.ID, nil)
		if errors.Is(err, ErrNotFound) {
			continue // removed since the list was made
		}
		if err != nil {
			for _, m := range out {
				m.Close()
			}
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// NetworksPruneReport is what Networks.Prune removed.
type NetworksPruneReport struct {
	NetworksDeleted []string
}

// Prune is docker-py's client.networks.prune(filters): remove the networks no container uses
// that match filters (nil: all of them).
func (ns Networks) Prune(ctx context.Context, filters map[string]any) (NetworksPruneReport, error) {
	const op = "Networks.Prune"
	var r NetworksPruneReport
	var opts Options
	if filters != nil {
		opts = Options{"filters": filters}
	}
	s, err := ns.c.text(ctx, op, opts, func(p *C.docker_client, copts *C.char, out **C.char, e **C.docker_error) C.docker_result {
		return C.docker_networks_prune(p, copts, out, e)
	})
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return r, &Error{Op: op, Code: CodeProtocol, Message: "undecodable prune answer: " + err.Error(), ExitStatus: -1}
	}
	return r, nil
}
