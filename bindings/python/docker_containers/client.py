"""DockerClient, client.containers, Container and Image: docker-py's containers API on the C
library. Keyword arguments become the library's JSON options, which use docker-py's names and
value shapes (the library translates them as docker-py does and rejects unknown ones)."""
import ctypes
import datetime
import io
import json
import threading
import weakref
from collections import namedtuple
from ctypes import byref, c_bool, c_int64, c_uint8, c_void_p

from . import errors
from ._native import READ_CB, call, enc, lib, raise_for, take_buffer, take_string
from ._stream import Output, Stream, open_stream
from .networks import NetworkCollection
from .volumes import VolumeCollection

ExecResult = namedtuple("ExecResult", "exit_code,output")


def _opts(d):
    """Options as JSON, leaving out what the caller left at None."""
    d = {k: v for k, v in d.items() if v is not None}
    return json.dumps(d, default=_json_default).encode() if d else None


def _json_default(v):
    if isinstance(v, datetime.datetime):
        return _unix(v)
    if isinstance(v, bytes):
        return v.decode()
    raise TypeError(f"{type(v).__name__} is not JSON serialisable")


def _unix(v):
    """docker-py's since/until: a datetime, or unix seconds (int or float)."""
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            v = v.astimezone()
        return v.timestamp()
    return v


def _command(command, opts, key):
    """A command as the library takes it: a string it splits as a shell would, or a list in
    the options."""
    if command is None or isinstance(command, str):
        return enc(command)
    opts[key] = list(command)
    return None


def _port_objects(opts):
    """`ports` with docker-py's binding tuples in the library's JSON form, which has no tuples:
    (ip, port) becomes {"HostIp": ip, "HostPort": port}, (ip,) {"HostIp": ip}, (port,)
    {"HostPort": port}, read as docker-py's _convert_port_binding reads a tuple. Lists stay
    lists of bindings, as docker-py reads a list."""
    def binding(b):
        if not isinstance(b, tuple):
            return b
        if len(b) == 2:
            return {"HostIp": b[0], "HostPort": b[1]}
        return {"HostIp": b[0]} if isinstance(b[0], str) else {"HostPort": b[0]}

    ports = opts.get("ports")
    if isinstance(ports, dict):
        opts["ports"] = {k: [binding(x) for x in v] if isinstance(v, list) else binding(v)
                         for k, v in ports.items()}
    return opts


class DockerClient:
    """A client for one engine. `base_url`, `version`, `timeout` (seconds) and the library's
    other options (`user_agent`, `max_pool_size`, `tls`, `podman`...) as keywords.
    Safe to share between threads."""

    def __init__(self, base_url=None, version=None, timeout=None, _from_env=False, **kwargs):
        opts = dict(kwargs)
        if base_url is not None:
            opts["base_url"] = base_url
        if version is not None:
            opts["version"] = version
        if timeout is not None:
            opts["timeout"] = timeout
        out = c_void_p()
        fn = lib.docker_client_from_env if _from_env else lib.docker_client_new
        call(fn, _opts(opts), byref(out))
        self._ptr = out.value
        self._fin = weakref.finalize(self, lib.docker_client_free, self._ptr)
        self.containers = ContainerCollection(self)
        self.images = ImageCollection(self)
        self.networks = NetworkCollection(self)
        self.volumes = VolumeCollection(self)

    @classmethod
    def from_env(cls, version=None, timeout=None, **kwargs):
        """DOCKER_HOST, DOCKER_API_VERSION and the TLS variables, as docker-py reads them."""
        return cls(version=version, timeout=timeout, _from_env=True, **kwargs)

    @property
    def api(self):
        """docker-py's low-level client (an APIClient) on this client's connection."""
        from .api import APIClient
        return APIClient(_client=self)

    @property
    def _p(self):
        if not self._fin.alive:
            raise errors.InvalidArgument("this client is closed")
        return self._ptr

    def ping(self):
        """Check that the engine answers (GET /_ping). True, or raises. (docker_client_ping)"""
        call(lib.docker_client_ping, self._p)
        return True

    def _text(self, fn):
        out = c_void_p()
        call(fn, self._p, byref(out))
        return take_string(out.value)

    def version(self, api_version=True):
        """The engine's version (GET /version) as a dict, as the engine sent it.
        (docker_client_version)"""
        return json.loads(self._text(lib.docker_client_version))

    def info(self):
        """System-wide information (GET /info) as a dict. (docker_client_info)"""
        return json.loads(self._text(lib.docker_client_info))

    def events(self, since=None, until=None, filters=None, decode=None):
        """docker-py's events(): an iterator of the engine's events, JSON bytes each (dicts with
        decode=True); since/until as for logs; without until it runs until closed (close() from
        any thread ends it). (docker_client_events_open)"""
        opts = {"since": _unix(since), "until": _unix(until), "filters": filters}
        return Output(open_stream(lib.docker_client_events_open, self._p, _opts(opts)),
                      decode_json=bool(decode))

    def stats_all(self, filters=None):
        """What `docker stats` shows for many containers (not in docker-py): an iterator of dicts,
        {"event": "joined" | "sample" | "left", "id", "name", ...} with each sample's derived
        figures, for every running container or those `filters` (containers.list's) selects,
        joining as they start and leaving as they stop. close() from any thread ends it.
        (docker_client_stats_open)"""
        return Output(open_stream(lib.docker_client_stats_open, self._p, _opts({"filters": filters})),
                      decode_json=True)

    @property
    def api_version(self):
        """The Engine API version this client uses, such as "1.41". (docker_client_api_version)"""
        return self._text(lib.docker_client_api_version)

    def close(self):
        """Free the client; containers made from it stay usable. Closing twice is fine.
        (docker_client_free)"""
        self._fin()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def from_env(**kwargs):
    """docker.from_env(): a DockerClient configured from the environment."""
    return DockerClient.from_env(**kwargs)


class Image:
    """An image as docker-py's Image model shows it: id, short_id, tags, labels, attrs."""

    def __init__(self, client, attrs):
        self.client = client
        self.attrs = attrs

    @property
    def id(self):
        """The image id ("sha256:...")."""
        return self.attrs.get("Id")

    @property
    def short_id(self):
        """The id shortened as docker-py does ("sha256:" and 12 hex digits)."""
        i = self.id or ""
        return i[:19] if i.startswith("sha256:") else i[:12]

    @property
    def tags(self):
        """The image's tags, without "<none>:<none>"."""
        return [t for t in (self.attrs.get("RepoTags") or []) if t != "<none>:<none>"]

    @property
    def labels(self):
        """The image's labels (a dict; {} when none)."""
        return (self.attrs.get("Config") or {}).get("Labels") or {}

    def __repr__(self):
        return f"<Image: '{', '.join(self.tags)}'>"

    def __eq__(self, other):
        return isinstance(other, Image) and self.id == other.id

    def __hash__(self):
        return hash(self.id)


class ImageCollection:
    """The few image calls the containers API needs: get, exists (ours), remove."""

    def __init__(self, client):
        self.client = client

    def get(self, name):
        """An Image from its name or id; a missing image raises ImageNotFound/NotFound.
        (docker_images_inspect)"""
        out = c_void_p()
        call(lib.docker_images_inspect, self.client._p, enc(name), byref(out))
        return Image(self.client, json.loads(take_string(out.value)))

    def exists(self, name):
        """Whether the image is present (not in docker-py). (docker_images_exists)"""
        b = c_bool(False)
        call(lib.docker_images_exists, self.client._p, enc(name), byref(b))
        return b.value

    def remove(self, image, force=False, noprune=False):
        """Remove an image; `force` and `noprune` as in docker-py. (docker_images_remove)"""
        call(lib.docker_images_remove, self.client._p, enc(image), _opts({"force": force, "noprune": noprune}))


class ContainerCollection:
    """client.containers: run, create, get, list, prune."""

    def __init__(self, client):
        self.client = client

    def run(self, image, command=None, stdout=True, stderr=False, remove=False, **kwargs):
        """docker-py's run: the output as bytes, a Container with detach=True, or a log
        generator with stream=True. A non-zero exit raises ContainerError."""
        if isinstance(image, Image):
            image = image.id
        stream = kwargs.pop("stream", False)
        detach = kwargs.get("detach", False)
        if stream and not detach:
            # Start detached, then follow its logs, as docker-py does.
            kwargs["detach"] = True
            c = self.run(image, command, stdout=stdout, stderr=stderr, **kwargs)
            return _StreamedRun(c, remove, c.logs(stdout=stdout, stderr=stderr, stream=True, follow=True))
        opts = _port_objects(dict(kwargs, stdout=stdout, stderr=stderr, remove=remove))
        cmd = _command(command, opts, "command")
        out = c_void_p()
        buf = c_void_p()
        err = c_void_p()
        code = lib.docker_containers_run(self.client._p, enc(image), cmd, _opts(opts), byref(out),
                                         None if detach else byref(buf), byref(err))
        try:
            raise_for(code, err)
        except errors.ContainerError as e:
            e.command, e.image = command, image
            e.args = (f"Command '{command}' in image '{image}' returned non-zero exit status "
                      f"{e.exit_status}: {e.stderr.decode('utf-8', 'replace') if e.stderr else ''}",)
            if not remove:
                name = kwargs.get("name")
                try:
                    e.container = self.get(name) if name else None
                except errors.NotFound:
                    e.container = None
            raise
        if detach:
            return Container._adopt(self.client, out.value)
        if out.value:
            lib.docker_container_free(out.value)
        return take_buffer(buf.value)

    def create(self, image, command=None, **kwargs):
        """docker-py's create(image, command, **kwargs): a Container, created but not started. A
        missing image is pulled unless pull=False. (docker_containers_create)"""
        if isinstance(image, Image):
            image = image.id
        opts = _port_objects(dict(kwargs))
        cmd = _command(command, opts, "command")
        out = c_void_p()
        call(lib.docker_containers_create, self.client._p, enc(image), cmd, _opts(opts), byref(out))
        return Container._adopt(self.client, out.value)

    def get(self, container_id):
        """The Container with this id, short id prefix or name; a missing one raises NotFound.
        (docker_containers_get)"""
        out = c_void_p()
        call(lib.docker_containers_get, self.client._p, enc(container_id), byref(out))
        return Container._adopt(self.client, out.value)

    def list(self, all=False, before=None, filters=None, limit=-1, since=None, sparse=False,
             ignore_removed=False):
        """docker-py's list(): Containers, running only unless all=True; `filters` in docker-py's
        form. (docker_containers_list)"""
        out = c_void_p()
        opts = {"all": all or None, "before": before, "filters": filters,
                "limit": limit if limit != -1 else None, "since": since,
                "sparse": sparse or None, "ignore_removed": ignore_removed or None}
        call(lib.docker_containers_list, self.client._p, _opts(opts), byref(out))
        return [Container(self.client, attrs=a) for a in json.loads(take_string(out.value))]

    def prune(self, filters=None):
        """Remove stopped containers: {"ContainersDeleted": [...], "SpaceReclaimed": N}.
        (docker_containers_prune)"""
        out = c_void_p()
        call(lib.docker_containers_prune, self.client._p, _opts({"filters": filters}), byref(out))
        return json.loads(take_string(out.value))


class _StreamedRun:
    """run(stream=True): the container's log stream, followed while it runs (docker-py's
    CancellableStream): iterate it for the output as it comes; close() it from any thread to
    end the iteration. With remove, the container goes when the stream ends or is closed."""

    def __init__(self, container, remove, logs):
        self.container, self._remove, self._logs = container, remove, logs
        self._removed = False

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self._logs)
        except StopIteration:
            self._finish()
            raise

    def _finish(self):
        if self._remove and not self._removed:
            self._removed = True
            try:
                self.container.remove(force=True)
            except errors.NotFound:
                pass

    def close(self):
        """End the stream (from any thread) and, with remove, remove the container."""
        self._logs.close()
        self._finish()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Container:
    """One container, as docker-py's Container model. Properties read the attributes from the
    last reload (attrs); operations ask the engine."""

    def __init__(self, client, attrs=None, _ptr=None):
        self.client = client
        self.attrs = attrs or {}
        self._ptr = _ptr
        self._lock = threading.Lock()
        self._fin = weakref.finalize(self, lib.docker_container_free, _ptr) if _ptr else None

    @classmethod
    def _adopt(cls, client, ptr):
        c = cls(client, _ptr=ptr)
        c._load_attrs()
        return c

    @property
    def _p(self):
        """The library handle; made on first use for containers that came from list()."""
        if self._ptr is None:
            with self._lock:
                if self._ptr is None:
                    out = c_void_p()
                    call(lib.docker_containers_get, self.client._p, enc(self.id), byref(out))
                    self._ptr = out.value
                    self._fin = weakref.finalize(self, lib.docker_container_free, self._ptr)
        return self._ptr

    def _text(self, fn, *args):
        out = c_void_p()
        call(fn, self._p, *args, byref(out))
        return take_string(out.value)

    def _load_attrs(self):
        self.attrs = json.loads(self._text(lib.docker_container_attrs_json))

    # --- attributes, as docker-py computes them from attrs ---

    @property
    def id(self):
        """The full container id."""
        return self.attrs.get("Id") or self.attrs.get("ID")

    @property
    def short_id(self):
        """The first 12 characters of the id."""
        return self.id[:12]

    @property
    def name(self):
        """The name without its leading slash, from attrs."""
        n = self.attrs.get("Name")
        if n is None:
            names = self.attrs.get("Names") or []
            n = names[0] if names else None
        return n.lstrip("/") if n else None

    @property
    def labels(self):
        """The labels as a dict ({} when none), from attrs. A sparse object (from
        list(sparse=True)) has none yet: DockerException, as in docker-py; reload() first."""
        try:
            labels = self.attrs["Config"].get("Labels")
        except KeyError as e:
            raise errors.DockerException(
                "Label data is not available for sparse objects. Call reload() to retrieve all information"
            ) from e
        return labels or {}

    @property
    def status(self):
        """"created", "running", "paused", "exited", ... from attrs: reload() for a fresh one."""
        st = self.attrs.get("State")
        return st.get("Status") if isinstance(st, dict) else st

    @property
    def health(self):
        """"healthy", "unhealthy", "starting", or "unknown" without a healthcheck, from attrs."""
        st = self.attrs.get("State")
        if isinstance(st, dict) and st.get("Health"):
            return st["Health"].get("Status") or "unknown"
        return "unknown"

    @property
    def ports(self):
        """The published ports, docker-py's shape: {"80/tcp": [{"HostIp": ..., "HostPort": ...}]}."""
        return (self.attrs.get("NetworkSettings") or {}).get("Ports") or {}

    @property
    def image(self):
        """The container's Image (asks the engine); an untagged stand-in when the image is gone."""
        iid = self.attrs.get("Image") or self.attrs.get("ImageID")
        if not iid:
            return None
        try:
            return self.client.images.get(iid.split(":", 1)[1] if iid.startswith("sha256:") else iid)
        except errors.NotFound:
            return Image(self.client, {"Id": iid, "RepoTags": []})

    def __repr__(self):
        return f"<Container: {self.short_id}>"

    def __eq__(self, other):
        return isinstance(other, Container) and self.id == other.id

    def __hash__(self):
        return hash(self.id)

    def reload(self):
        """Fetch the attributes again (attrs and every property). (docker_container_reload)"""
        call(lib.docker_container_reload, self._p)
        self._load_attrs()

    # --- lifecycle ---

    def start(self, **kwargs):
        """Start the container; starting a running one is not an error. (docker_container_start)"""
        call(lib.docker_container_start, self._p)

    def stop(self, timeout=None):
        """SIGTERM (or the StopSignal), then SIGKILL after `timeout` seconds (default: the
        container's StopTimeout). (docker_container_stop)"""
        call(lib.docker_container_stop, self._p, _opts({"timeout": timeout}))

    def restart(self, timeout=None):
        """Restart, killing after `timeout` seconds (default 10). (docker_container_restart)"""
        call(lib.docker_container_restart, self._p, _opts({"timeout": timeout}))

    def kill(self, signal=None):
        """Send `signal` (a name such as "SIGTERM" or a number; default SIGKILL). A stopped
        container raises Conflict. (docker_container_kill)"""
        call(lib.docker_container_kill, self._p, enc(signal))

    def pause(self):
        """Pause all processes in the container. (docker_container_pause)"""
        call(lib.docker_container_pause, self._p)

    def unpause(self):
        """Unpause the container. (docker_container_unpause)"""
        call(lib.docker_container_unpause, self._p)

    def remove(self, v=False, link=False, force=False):
        """Remove the container: `v` its anonymous volumes, `link` a link only, `force` kill it
        first. (docker_container_remove)"""
        call(lib.docker_container_remove, self._p, _opts({"v": v or None, "link": link or None, "force": force or None}))

    def wait(self, timeout=None, condition=None):
        """{"StatusCode": N, "Error": ...}. Past `timeout` seconds: errors.Timeout."""
        code = c_int64()
        out = c_void_p()
        call(lib.docker_container_wait, self._p, _opts({"timeout": timeout, "condition": condition}),
             byref(code), byref(out))
        return json.loads(take_string(out.value))

    def wait_for(self, status=None, healthy=None, log=None, port=None, exec=None, timeout=None):
        """Block until every given condition holds: status ("running", "exited", "removed"...),
        healthy=True, log (a regular expression, or {"pattern", "stream", "times"}), port (80,
        or {"port", "http_path", "http_status"}), exec (a command that must exit 0). Past
        `timeout` seconds: errors.Timeout naming what did not hold; a container that exits,
        is removed or turns unhealthy: errors.ContainerError with its exit status and last
        output. (docker_container_wait_for)"""
        conds = {"status": status, "healthy": healthy, "log": log, "port": port, "exec": exec}
        ms = -1 if timeout is None else max(0, int(timeout * 1000))
        call(lib.docker_container_wait_for, self._p, _opts(conds) or b"{}", ms, None)

    def rename(self, name):
        """Rename the container; a name in use raises Conflict. (docker_container_rename)"""
        call(lib.docker_container_rename, self._p, enc(name))

    def resize(self, height, width):
        """Resize the container's tty to `height` rows and `width` columns.
        (docker_container_resize)"""
        call(lib.docker_container_resize, self._p, height, width)

    def update(self, **kwargs):
        """Change resources with docker-py's update() keywords; returns {"Warnings": [...] or
        None}. (docker_container_update)"""
        call(lib.docker_container_update, self._p, _opts(kwargs))
        return {"Warnings": json.loads(self._text(lib.docker_container_warnings_json)) or None}

    def commit(self, repository=None, tag=None, **kwargs):
        """Make an image from the container (repository, tag, message, author, changes, conf,
        pause); returns the Image. (docker_container_commit)"""
        out = c_void_p()
        call(lib.docker_container_commit, self._p, _opts(dict(kwargs, repository=repository, tag=tag)), byref(out))
        return self.client.images.get(take_string(out.value))

    # --- exec and top ---

    def exec_run(self, cmd, stdout=True, stderr=True, stdin=False, tty=False, privileged=False,
                 user="", detach=False, stream=False, socket=False, environment=None,
                 workdir=None, demux=False):
        """docker-py's exec_run: ExecResult(exit_code, output). demux gives (stdout, stderr);
        stream an iterator (exit code on it at the end); socket a Stream; detach starts it and
        returns at once. (docker_container_exec_run, _exec_open, _exec_detached)"""
        opts = {"stdout": stdout, "stderr": stderr, "tty": tty or None,
                "privileged": privileged or None, "user": user or None,
                "environment": environment, "workdir": workdir}
        c = _command(cmd, opts, "cmd")
        if detach:
            out = c_void_p()
            call(lib.docker_container_exec_detached, self._p, c, _opts(opts), byref(out))
            take_string(out.value)
            return ExecResult(None, b"")
        if socket:
            opts["stdin"] = True
            return ExecResult(None, open_stream(lib.docker_container_exec_open, self._p, c, _opts(opts)))
        if stream:
            opts["stdin"] = stdin or None
            if not stdin:
                opts["stdin"] = False
            s = open_stream(lib.docker_container_exec_open, self._p, c, _opts(opts))
            return ExecResult(None, Output(s, demux=demux))
        if demux:
            opts["demux"] = True
        code = c_int64(-1)
        out, err_out = c_void_p(), c_void_p()
        call(lib.docker_container_exec_run, self._p, c, _opts(opts), byref(code), byref(out),
             byref(err_out) if demux else None)
        a = take_buffer(out.value)
        if demux:
            b = take_buffer(err_out.value)
            return ExecResult(code.value, (a or None, b or None))
        return ExecResult(code.value, a)

    def top(self, ps_args=None):
        """The processes as {"Titles": [...], "Processes": [[...]]}; `ps_args` such as "aux".
        (docker_container_top)"""
        return json.loads(self._text(lib.docker_container_top, _opts({"ps_args": ps_args})))

    # --- logs, stats, attach ---

    def logs(self, stdout=True, stderr=True, stream=False, timestamps=False, tail="all",
             since=None, follow=None, until=None):
        """docker-py's logs(): bytes, or with stream=True an iterator of chunks (following by
        default). since/until: datetime, or unix seconds. (docker_container_logs_buffer,
        _logs_open)"""
        if follow is None:
            follow = stream  # docker-py: a stream follows unless told otherwise
        opts = {"stdout": stdout, "stderr": stderr, "timestamps": timestamps or None,
                "tail": tail if tail != "all" else None, "since": _unix(since), "until": _unix(until),
                "follow": follow or None}
        if stream:
            return Output(open_stream(lib.docker_container_logs_open, self._p, _opts(opts)))
        if follow:
            return b"".join(Output(open_stream(lib.docker_container_logs_open, self._p, _opts(opts))))
        out = c_void_p()
        call(lib.docker_container_logs_buffer, self._p, _opts(opts), byref(out), None)
        return take_buffer(out.value)

    def stats(self, decode=None, stream=True, one_shot=None):
        """With stream (default) an iterator of samples (dicts with decode=True, else JSON bytes);
        stream=False one sample as a dict, each with "derived" figures.
        (docker_container_stats_open, _stats_once)"""
        if not stream:
            # docker-py's default: the engine takes its two readings, so cpu_percent is real;
            # one_shot=True asks for the quick sample without them.
            s = self._text(lib.docker_container_stats_once, _opts({"one_shot": bool(one_shot)}))
            return json.loads(s)
        it = Output(open_stream(lib.docker_container_stats_open, self._p, None), decode_json=bool(decode))
        return it

    def attach(self, stdout=True, stderr=True, stream=False, logs=False, demux=False):
        # stream=False asks the engine for what there is now (docker-py sends stream=0), so a
        # stopped container's attach ends instead of waiting for it to start again.
        """docker-py's attach(): the output as bytes (or (stdout, stderr) with demux), or an
        iterator with stream=True. (docker_container_attach_open)"""
        opts = {"stdout": stdout, "stderr": stderr, "logs": logs or None, "stdin": False,
                "stream": bool(stream)}
        out = Output(open_stream(lib.docker_container_attach_open, self._p, _opts(opts)), demux=demux)
        if stream:
            return out
        if demux:
            o, e = [], []
            for a, b in out:
                (o if a is not None else e).append(a if a is not None else b)
            return (b"".join(o) or None, b"".join(e) or None)
        return b"".join(out)

    def attach_socket(self, **kwargs):
        """Both directions as a Stream (write, close_write, resize, iterate for output).
        docker-py returns a raw socket; this is the library's bounded stream instead."""
        opts = dict(kwargs)
        opts.setdefault("stdin", True)
        opts.pop("params", None)
        opts.pop("ws", None)
        return open_stream(lib.docker_container_attach_open, self._p, _opts(opts))

    # --- files ---

    def diff(self):
        """The filesystem changes: [{"Path": ..., "Kind": 0 modified / 1 added / 2 deleted}].
        (docker_container_diff)"""
        return json.loads(self._text(lib.docker_container_diff) or "null")

    def put_archive(self, path, data):
        """Extract a tar (bytes, or a file-like object read in pieces) into `path`. True."""
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = bytes(data)
            buf = (c_uint8 * len(data)).from_buffer_copy(data) if data else None
            call(lib.docker_container_put_archive, self._p, enc(path), buf, len(data), None, None, None)
            return True
        if not hasattr(data, "read"):
            raise errors.InvalidArgument("put_archive: data must be bytes or a file-like object")
        failure = []

        def reader(_ud, buf, cap):
            try:
                chunk = data.read(cap)
                if not chunk:
                    return 0
                ctypes.memmove(buf, chunk, len(chunk))
                return len(chunk)
            except BaseException as e:  # re-raised below, after the library has let go
                failure.append(e)
                return -1

        cb = READ_CB(reader)
        err = c_void_p()
        code = lib.docker_container_put_archive_reader(self._p, enc(path), cb, None, None, None, None,
                                                       byref(err))
        if failure:
            lib.docker_error_free(err) if code else None
            raise failure[0]
        raise_for(code, err)
        return True

    def get_archive(self, path, chunk_size=2 * 1024 * 1024, encode_stream=False):
        """(a generator of tar chunks, the path's stat as a dict), as docker-py."""
        out, stat = c_void_p(), c_void_p()
        call(lib.docker_container_get_archive_open, self._p, enc(path), byref(out), byref(stat))
        return Output(Stream(out.value), chunk_size=chunk_size), json.loads(take_string(stat.value))

    def export(self, chunk_size=2 * 1024 * 1024):
        """The container's filesystem as a generator of tar chunks of `chunk_size` bytes.
        (docker_container_export_open)"""
        return Output(open_stream(lib.docker_container_export_open, self._p), chunk_size=chunk_size)

    def copy_to(self, host_path, container_path, **kwargs):
        """Copy a host file or directory into the container (`docker cp`); not in docker-py."""
        call(lib.docker_container_copy_to, self._p, enc(host_path), enc(container_path), _opts(kwargs),
             None, None)

    def copy_from(self, container_path, host_path, **kwargs):
        """Copy a path out of the container to the host (`docker cp`); not in docker-py."""
        call(lib.docker_container_copy_from, self._p, enc(container_path), enc(host_path), _opts(kwargs),
             None, None)
