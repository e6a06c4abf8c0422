"""client.volumes and Volume: docker-py's volumes API on the C library (docker_volumes_*,
docker_volume_*). A volume's name is its id."""
import json
import threading
import weakref
from ctypes import byref, c_void_p

from ._native import call, enc, lib, take_string
from .networks import _opts


class Volume:
    """One volume, as docker-py's Volume model: id and name (the same), attrs, remove, reload."""

    def __init__(self, client, attrs=None, _ptr=None):
        self.client = client
        self.attrs = attrs or {}
        self._ptr = _ptr
        self._lock = threading.Lock()
        self._fin = weakref.finalize(self, lib.docker_volume_free, _ptr) if _ptr else None

    @classmethod
    def _adopt(cls, client, ptr):
        v = cls(client, _ptr=ptr)
        v._load_attrs()
        return v

    @property
    def _p(self):
        """The library handle; made on first use for volumes that came from list()."""
        if self._ptr is None:
            with self._lock:
                if self._ptr is None:
                    out = c_void_p()
                    call(lib.docker_volumes_get, self.client._p, enc(self.id), byref(out))
                    self._ptr = out.value
                    self._fin = weakref.finalize(self, lib.docker_volume_free, self._ptr)
        return self._ptr

    def _load_attrs(self):
        out = c_void_p()
        call(lib.docker_volume_attrs_json, self._p, byref(out))
        self.attrs = json.loads(take_string(out.value))

    @property
    def id(self):
        """The volume's name, which is its id (docker-py's id_attribute is "Name")."""
        return self.attrs.get("Name")

    @property
    def short_id(self):
        """The first 12 characters of the id."""
        return (self.id or "")[:12]

    @property
    def name(self):
        """The volume's name."""
        return self.attrs["Name"]

    def __repr__(self):
        return f"<Volume: {self.short_id}>"

    def __eq__(self, other):
        return isinstance(other, Volume) and self.id == other.id

    def __hash__(self):
        return hash(("Volume", self.id))

    def reload(self):
        """Fetch the attributes again. (docker_volume_reload)"""
        call(lib.docker_volume_reload, self._p)
        self._load_attrs()

    def remove(self, force=False):
        """Remove the volume; one a container uses raises APIError (a conflict).
        (docker_volume_remove)"""
        call(lib.docker_volume_remove, self._p, _opts({"force": force or None}))


class VolumeCollection:
    """docker-py's client.volumes: create, get, list, prune."""

    def __init__(self, client):
        self.client = client

    def create(self, name=None, **kwargs):
        """Create a volume and return it: driver, driver_opts, labels; without a name the
        engine makes one up. (docker_volumes_create)"""
        out = c_void_p()
        call(lib.docker_volumes_create, self.client._p, _opts(dict(kwargs, name=name)),
             byref(out))
        return Volume._adopt(self.client, out.value)

    def get(self, volume_id):
        """The Volume with this name; a missing one raises NotFound. (docker_volumes_get)"""
        out = c_void_p()
        call(lib.docker_volumes_get, self.client._p, enc(volume_id), byref(out))
        return Volume._adopt(self.client, out.value)

    def list(self, **kwargs):
        """Volumes: filters in docker-py's form ({"label": ..., "name": ..., "dangling": ...}).
        (docker_volumes_list)"""
        out = c_void_p()
        call(lib.docker_volumes_list, self.client._p, _opts(kwargs), byref(out))
        return [Volume(self.client, attrs=a) for a in json.loads(take_string(out.value))]

    def prune(self, filters=None):
        """Remove the volumes no container uses: {"VolumesDeleted": [...], "SpaceReclaimed": N}.
        (docker_volumes_prune)"""
        out = c_void_p()
        call(lib.docker_volumes_prune, self.client._p, _opts({"filters": filters}), byref(out))
        return json.loads(take_string(out.value))
