"""client.networks and Network: docker-py's networks API on the C library (docker_networks_*,
docker_network_*). Keyword arguments become the library's JSON options, which use docker-py's
names and value shapes; the library translates them as docker-py does and rejects unknown ones.
IPAMConfig and IPAMPool build the `ipam` argument as docker.types does."""
import json
import threading
import weakref
from ctypes import byref, c_void_p

from ._native import call, enc, lib, take_string

# docker-py's positional order for create_network(name, ...), get/inspect_network(net_id, ...),
# networks(...) and connect/disconnect_container_to_network(container, net_id, ...).
_CREATE_ARGS = ("driver", "options", "ipam", "check_duplicate", "internal", "labels",
                "enable_ipv6", "attachable", "scope", "ingress")
_GET_ARGS = ("verbose", "scope")
_LIST_ARGS = ("names", "ids", "filters")
_CONNECT_ARGS = ("ipv4_address", "ipv6_address", "aliases", "links", "link_local_ips",
                 "driver_opt", "mac_address")
_DISCONNECT_ARGS = ("force",)


def _kwargs(what, names, args, kwargs):
    """docker-py's positional arguments folded into the keywords, as its signatures take them."""
    if len(args) > len(names):
        raise TypeError(f"{what}() takes at most {len(names)} positional arguments after the "
                        f"first ({len(args)} given)")
    out = dict(kwargs)
    for name, value in zip(names, args):
        if name in out:
            raise TypeError(f"{what}() got multiple values for argument '{name}'")
        out[name] = value
    return out


def _opts(d):
    """Options as JSON, leaving out what the caller left at None."""
    d = {k: v for k, v in d.items() if v is not None}
    return json.dumps(d).encode() if d else None


class IPAMPool(dict):
    """docker.types.IPAMPool: one address pool of a network's IPAM configuration (subnet in
    CIDR form, iprange for the addresses the engine hands out, gateway, aux_addresses as
    {hostname: address})."""

    def __init__(self, subnet=None, iprange=None, gateway=None, aux_addresses=None):
        super().__init__(Subnet=subnet, IPRange=iprange, Gateway=gateway,
                         AuxiliaryAddresses=aux_addresses)


class IPAMConfig(dict):
    """docker.types.IPAMConfig: a network's IPAM driver ("default"), its pools (IPAMPool) and
    the driver's options (a dict)."""

    def __init__(self, driver="default", pool_configs=None, options=None):
        super().__init__(Driver=driver, Config=pool_configs or [])
        if options:
            if not isinstance(options, dict):
                raise TypeError("IPAMConfig options must be a dictionary")
            self["Options"] = options


class Network:
    """One network, as docker-py's Network model. Properties read the attributes from the last
    reload (attrs); operations ask the engine."""

    def __init__(self, client, attrs=None, _ptr=None):
        self.client = client
        self.attrs = attrs or {}
        self._ptr = _ptr
        self._lock = threading.Lock()
        self._fin = weakref.finalize(self, lib.docker_network_free, _ptr) if _ptr else None

    @classmethod
    def _adopt(cls, client, ptr):
        n = cls(client, _ptr=ptr)
        n._load_attrs()
        return n

    @property
    def _p(self):
        """The library handle; made on first use for networks that came from list()."""
        if self._ptr is None:
            with self._lock:
                if self._ptr is None:
                    out = c_void_p()
                    call(lib.docker_networks_get, self.client._p, enc(self.id), None, byref(out))
                    self._ptr = out.value
                    self._fin = weakref.finalize(self, lib.docker_network_free, self._ptr)
        return self._ptr

    def _load_attrs(self):
        out = c_void_p()
        call(lib.docker_network_attrs_json, self._p, byref(out))
        self.attrs = json.loads(take_string(out.value))

    @property
    def id(self):
        """The full network id."""
        return self.attrs.get("Id")

    @property
    def short_id(self):
        """The first 12 characters of the id."""
        return (self.id or "")[:12]

    @property
    def name(self):
        """The network's name, from attrs."""
        return self.attrs.get("Name")

    @property
    def containers(self):
        """The Containers connected to the network, from attrs (reload() for a fresh list; a
        network from list() has none unless listed with greedy=True)."""
        return [self.client.containers.get(cid)
                for cid in (self.attrs.get("Containers") or {}).keys()]

    def __repr__(self):
        return f"<Network: {self.short_id}>"

    def __eq__(self, other):
        return isinstance(other, Network) and self.id == other.id

    def __hash__(self):
        return hash(("Network", self.id))

    def reload(self):
        """Fetch the attributes again. (docker_network_reload)"""
        call(lib.docker_network_reload, self._p)
        self._load_attrs()

    def connect(self, container, *args, **kwargs):
        """Connect a container (a Container, an id or a name): ipv4_address, ipv6_address,
        aliases, links, link_local_ips, driver_opt, mac_address, as docker-py takes them.
        (docker_network_connect)"""
        opts = _kwargs("connect", _CONNECT_ARGS, args, kwargs)
        call(lib.docker_network_connect, self._p, enc(_container_ref(container)), _opts(opts))

    def disconnect(self, container, *args, **kwargs):
        """Disconnect a container (a Container, an id or a name); force=True as docker-py takes
        it. (docker_network_disconnect)"""
        opts = _kwargs("disconnect", _DISCONNECT_ARGS, args, kwargs)
        call(lib.docker_network_disconnect, self._p, enc(_container_ref(container)), _opts(opts))

    def remove(self):
        """Remove the network; one that containers use raises APIError. (docker_network_remove)"""
        call(lib.docker_network_remove, self._p)


def _container_ref(container):
    """A Container's id, or the id or name given."""
    return container if isinstance(container, str) else getattr(container, "id", container)


class NetworkCollection:
    """docker-py's client.networks: create, get, list, prune."""

    def __init__(self, client):
        self.client = client

    def create(self, name, *args, **kwargs):
        """Create a network and return it: driver, options, ipam (IPAMConfig or a dict),
        check_duplicate, internal, labels, enable_ipv6, attachable, scope, ingress.
        (docker_networks_create)"""
        opts = _kwargs("create", _CREATE_ARGS, args, kwargs)
        out = c_void_p()
        call(lib.docker_networks_create, self.client._p, enc(name), _opts(opts), byref(out))
        return Network._adopt(self.client, out.value)

    def get(self, network_id, *args, **kwargs):
        """The Network with this id, id prefix or name (verbose, scope as docker-py takes them);
        a missing one raises NotFound. (docker_networks_get)"""
        opts = _kwargs("get", _GET_ARGS, args, kwargs)
        out = c_void_p()
        call(lib.docker_networks_get, self.client._p, enc(network_id), _opts(opts), byref(out))
        return Network._adopt(self.client, out.value)

    def list(self, *args, **kwargs):
        """Networks: names, ids, filters (docker-py's form), greedy (True: each one's full
        attributes, with its containers). (docker_networks_list)"""
        opts = _kwargs("list", _LIST_ARGS, args, kwargs)
        out = c_void_p()
        call(lib.docker_networks_list, self.client._p, _opts(opts), byref(out))
        return [Network(self.client, attrs=a) for a in json.loads(take_string(out.value))]

    def prune(self, filters=None):
        """Remove the networks no container uses: {"NetworksDeleted": [...]}.
        (docker_networks_prune)"""
        out = c_void_p()
        call(lib.docker_networks_prune, self.client._p, _opts({"filters": filters}), byref(out))
        return json.loads(take_string(out.value))
