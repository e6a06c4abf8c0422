"""docker-py's low-level APIClient (client.api, docker.APIClient(...)) for containers, exec and the
image calls programs pair with them: docker-py's method names, positional arities, keywords and
return shapes (dicts, generators, streams), on the C library's calls. Every method takes a
container as an id, a name, or the dict create_container returned.

The C ABI has no separate exec create: exec_create checks the container and records the exec,
and exec_start creates and starts it in one call, so until it is started an exec's id is this
client's own, and after a gathered or streamed start exec_inspect reports what the library saw
(ExitCode, Running, ProcessConfig). A detached start keeps the engine's id and exec_inspect asks
the engine. The README lists these and the calls left out."""
import ctypes
import io
import json
import os
import socket as _socket
import struct
import threading
import uuid
import weakref
from ctypes import byref, c_void_p

from . import errors
from ._native import CONSOLE, STDERR, call, enc, lib, raise_for, take_buffer, take_string
from ._stream import Output, open_stream
from .client import DockerClient, _image_errors, _opts, _pull, _pull_reference
from .types import EndpointConfig, Healthcheck, HostConfig
from .utils import format_environment, split_command

DEFAULT_DATA_CHUNK_SIZE = 1024 * 2048
DEFAULT_TIMEOUT_SECONDS = 60

# Execs recorded by exec_create, per DockerClient (shared by every client.api of one client).
# Past _MAX_EXECS the oldest finished ones are forgotten (their exec_inspect then asks the
# engine, which knows only the detached ones), so a long-running program does not grow.
_EXECS = weakref.WeakKeyDictionary()
_EXECS_LOCK = threading.Lock()
_MAX_EXECS = 4096


def _resource_id(resource):
    """docker-py's check_resource: the id of a dict ({"Id": ...}), and NullResource for none."""
    if isinstance(resource, dict):
        resource = resource.get("Id", resource.get("ID"))
    if not resource:
        raise errors.NullResource("Resource ID was not provided")
    return resource


def _proxy_environment():
    """The proxy variables from the Docker CLI's config.json ("proxies": {"default": {...}}),
    as docker-py's use_config_proxy adds them: ["http_proxy=...", "HTTP_PROXY=...", ...]."""
    base = os.environ.get("DOCKER_CONFIG") or os.path.join(os.path.expanduser("~"), ".docker")
    try:
        with open(os.path.join(base, "config.json"), encoding="utf-8") as f:
            proxies = (json.load(f).get("proxies") or {}).get("default") or {}
    except (OSError, ValueError, AttributeError):
        return []
    env = []
    for key, var in (("httpProxy", "http_proxy"), ("httpsProxy", "https_proxy"),
                     ("ftpProxy", "ftp_proxy"), ("noProxy", "no_proxy")):
        if proxies.get(key):
            env += [f"{var}={proxies[key]}", f"{var.upper()}={proxies[key]}"]
    return env


class _Exec:
    """An exec recorded by exec_create: its settings, then what its start gave."""

    def __init__(self, container_id, settings):
        self.container_id = container_id
        self.settings = settings
        self.started = False
        self.engine_id = None   # a detached start's real id
        self.exit_code = None   # a gathered start's exit code
        self.stream = None      # a streamed or socket start's Stream

    def finished(self):
        """Started and over: detached (the engine keeps it), gathered, or its stream ended."""
        if not self.started:
            return False
        if self.stream is not None:
            return self.stream.exit_code is not None or not self.stream._fin.alive
        return True


class APISocket:
    """What attach_socket and exec_start(socket=True) give: docker-py's socket, over the library's
    stream. send/sendall write stdin, recv/read give the bytes as the engine sends them (with the
    8-byte multiplexing header before each piece of stdout or stderr, raw for a tty), `_sock` is
    the object itself (docker-py programs write through `sock._sock`), shutdown(SHUT_WR) ends
    stdin. The stream's own calls are here too: write, close_write, resize, next_chunk, iteration
    as (kind, bytes), close from any thread."""

    def __init__(self, stream):
        self._stream = stream
        self._pending = bytearray()
        self._timeout = None

    @property
    def _sock(self):
        return self

    @property
    def exit_code(self):
        """An exec's exit code once its output has ended, else None."""
        return self._stream.exit_code

    def settimeout(self, timeout):
        """Seconds a recv may wait (None: for ever); past it, errors.Timeout (a TimeoutError,
        so socket.timeout catches it)."""
        self._timeout = timeout

    def gettimeout(self):
        """The recv timeout in seconds, or None."""
        return self._timeout

    def _fill(self):
        chunk = self._stream.next_chunk(timeout=self._timeout)
        if chunk is None:
            return False
        kind, data = chunk
        if kind == CONSOLE:
            self._pending += data
        else:
            self._pending += struct.pack(">BxxxL", 2 if kind == STDERR else 1, len(data)) + data
        return True

    def recv(self, bufsize, flags=0):
        """Up to `bufsize` bytes of the output as the engine frames it; b"" at the end."""
        while not self._pending:
            if not self._fill():
                return b""
        out = bytes(self._pending[:bufsize])
        del self._pending[:bufsize]
        return out

    def read(self, n=-1):
        """`n` bytes at most (as recv), or with n < 0 everything until the end."""
        if n >= 0:
            return self.recv(n)
        while self._fill():
            pass
        out = bytes(self._pending)
        self._pending.clear()
        return out

    def send(self, data, flags=0):
        """Write `data` to stdin; returns its length."""
        return self._stream.write(bytes(data))

    def sendall(self, data, flags=0):
        """Write all of `data` to stdin."""
        self._stream.write(bytes(data))

    def write(self, data):
        """Write `data` to stdin; returns its length."""
        return self._stream.write(bytes(data))

    def close_write(self):
        """End stdin (a half-close): the process reads end of file."""
        self._stream.close_write()

    def shutdown(self, how):
        """socket.SHUT_WR or SHUT_RDWR ends stdin; SHUT_RD and SHUT_RDWR also stop the output."""
        if how in (_socket.SHUT_WR, _socket.SHUT_RDWR):
            self._stream.close_write()
        if how in (_socket.SHUT_RD, _socket.SHUT_RDWR):
            self._stream.cancel()

    def resize(self, height, width):
        """Resize the tty behind the stream."""
        self._stream.resize(height, width)

    def next_chunk(self, timeout=None):
        """The next (kind, bytes) of output, or None at the end."""
        return self._stream.next_chunk(timeout)

    def __iter__(self):
        return iter(self._stream)

    def fileno(self):
        """There is no descriptor: the connection belongs to the library."""
        raise io.UnsupportedOperation("fileno: the stream's connection belongs to the library")

    def close(self):
        """Close the stream (from any thread; twice is fine)."""
        self._stream.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class APIClient:
    """docker-py's low-level client. `base_url`, `version` ("auto" or None: negotiated),
    `timeout` (seconds), `tls` (True: TLS from the library's options), `user_agent`,
    `max_pool_size`; num_pools, credstore_env and use_ssh_client are accepted and unused. Any
    other keyword is one of the library's client options."""

    def __init__(self, base_url=None, version=None, timeout=DEFAULT_TIMEOUT_SECONDS, tls=False,
                 user_agent=None, num_pools=None, credstore_env=None, use_ssh_client=False,
                 max_pool_size=None, _client=None, **kwargs):
        if _client is not None:
            self._client, self._owned = _client, False
            return
        opts = dict(kwargs)
        if tls is True:
            opts["tls"] = True
        elif tls not in (False, None):
            raise errors.InvalidArgument("tls: give True and the library's tls_* options; "
                                         "docker-py's TLSConfig objects are not supported")
        if user_agent is not None:
            opts["user_agent"] = user_agent
        if max_pool_size is not None:
            opts["max_pool_size"] = max_pool_size
        if isinstance(base_url, str) and base_url.startswith("unix://") and \
                not base_url[len("unix://"):].startswith("/"):
            # docker-py reads "unix://var/run/docker.sock" (its documented form) as an
            # absolute path; the library would take it as a relative one.
            base_url = "unix:///" + base_url[len("unix://"):]
        if version is not None and str(version).lower() == "auto":
            version = None
        self._client = DockerClient(base_url=base_url, version=version, timeout=timeout, **opts)
        self._owned = True

    # --- the client itself ---

    @property
    def api_version(self):
        """The Engine API version in use, such as "1.41"."""
        return self._client.api_version

    @property
    def _version(self):
        return self._client.api_version

    def close(self):
        """Free the client when this APIClient made it (client.api leaves its DockerClient open)."""
        if self._owned:
            self._client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def ping(self):
        """True when the engine answers GET /_ping; raises otherwise."""
        return self._client.ping()

    def version(self, api_version=True):
        """The engine's GET /version as a dict."""
        return self._client.version(api_version)

    def info(self):
        """The engine's GET /info as a dict."""
        return self._client.info()

    def _container(self, container):
        return self._client.containers.get(_resource_id(container))

    # --- create ---

    def create_host_config(self, *args, **kwargs):
        """A HostConfig dict for create_container(host_config=...), from docker-py's keywords
        (binds, port_bindings, restart_policy, mem_limit, links, log_config, ulimits, ...)."""
        if "version" in kwargs:
            raise TypeError("create_host_config() got an unexpected keyword argument 'version'")
        if args:
            raise TypeError("create_host_config() takes keyword arguments only")
        return HostConfig(self._version, **kwargs)

    def create_networking_config(self, *args, **kwargs):
        """{"EndpointsConfig": endpoints_config} for create_container(networking_config=...)."""
        endpoints = kwargs.get("endpoints_config", args[0] if args else None)
        return {"EndpointsConfig": endpoints} if endpoints else {}

    def create_endpoint_config(self, *args, **kwargs):
        """An EndpointConfig (aliases, links, ipv4_address, ...) for create_networking_config."""
        return EndpointConfig(self._version, *args, **kwargs)

    def create_container_config(self, image, command, hostname=None, user=None, detach=False,
                                stdin_open=False, tty=False, ports=None, environment=None,
                                volumes=None, network_disabled=False, entrypoint=None,
                                working_dir=None, domainname=None, host_config=None,
                                mac_address=None, labels=None, stop_signal=None,
                                networking_config=None, healthcheck=None, stop_timeout=None,
                                runtime=None):
        """The create body docker-py's ContainerConfig makes: `ports` a list of ports to expose
        (80, "53/udp", (53, "udp")), `volumes` a list of container paths, `command` and
        `entrypoint` strings split like a shell, `environment` a dict or list."""
        if isinstance(command, str):
            command = split_command(command)
        if isinstance(entrypoint, str):
            entrypoint = split_command(entrypoint)
        if isinstance(environment, dict):
            environment = format_environment(environment)
        if isinstance(labels, list):
            labels = {label: "" for label in labels}
        if isinstance(ports, list):
            exposed = {}
            for p in ports:
                port, proto = (p[0], p[1] if len(p) == 2 else "tcp") if isinstance(p, tuple) else (p, "tcp")
                exposed[f"{port}/{proto}"] = {}
            ports = exposed
        if isinstance(volumes, str):
            volumes = [volumes]
        if isinstance(volumes, list):
            volumes = {v: {} for v in volumes}
        if healthcheck and isinstance(healthcheck, dict) and not isinstance(healthcheck, Healthcheck):
            healthcheck = Healthcheck(**healthcheck)
        attach = not detach
        return {
            "Hostname": hostname, "Domainname": domainname, "ExposedPorts": ports,
            "User": str(user) if user is not None else None, "Tty": tty, "OpenStdin": stdin_open,
            "StdinOnce": attach and stdin_open, "AttachStdin": attach and stdin_open,
            "AttachStdout": attach, "AttachStderr": attach, "Env": environment, "Cmd": command,
            "Image": image, "Volumes": volumes, "NetworkDisabled": network_disabled,
            "Entrypoint": entrypoint, "WorkingDir": working_dir, "HostConfig": host_config,
            "NetworkingConfig": networking_config, "MacAddress": mac_address, "Labels": labels,
            "StopSignal": stop_signal, "Healthcheck": healthcheck, "StopTimeout": stop_timeout,
            "Runtime": runtime,
        }

    def create_container(self, image, command=None, hostname=None, user=None, detach=False,
                         stdin_open=False, tty=False, ports=None, environment=None, volumes=None,
                         network_disabled=False, name=None, entrypoint=None, working_dir=None,
                         domainname=None, host_config=None, mac_address=None, labels=None,
                         stop_signal=None, networking_config=None, healthcheck=None,
                         stop_timeout=None, runtime=None, use_config_proxy=True, platform=None):
        """Create a container (not started, never pulled: a missing image raises ImageNotFound)
        and return {"Id": ..., "Warnings": [...]}, as docker-py. `host_config` from
        create_host_config, `networking_config` from create_networking_config."""
        if isinstance(volumes, str):
            volumes = [volumes]
        if use_config_proxy:
            proxy = _proxy_environment()
            if proxy:
                if isinstance(environment, dict):
                    environment = format_environment(environment)
                environment = proxy + list(environment or [])
        config = self.create_container_config(
            image, command, hostname, user, detach, stdin_open, tty, ports, environment, volumes,
            network_disabled, entrypoint, working_dir, domainname, host_config, mac_address,
            labels, stop_signal, networking_config, healthcheck, stop_timeout, runtime)
        return self.create_container_from_config(config, name, platform)

    def create_container_from_config(self, config, name=None, platform=None):
        """Create a container from a create body (create_container_config's dict, the Engine
        API's shape); {"Id": ..., "Warnings": [...]}."""
        body = {k: v for k, v in config.items() if v is not None}
        image = body.pop("Image", None)
        opts = {"pull": False, "name": name, "platform": platform,
                "HostConfig": body.pop("HostConfig", None),
                "NetworkingConfig": body.pop("NetworkingConfig", None), "Config": body}
        out = c_void_p()
        call(lib.docker_containers_create, self._client._p, enc(image), None, _opts(opts), byref(out))
        try:
            cid = lib.docker_container_id(out.value).decode()
            w = c_void_p()
            call(lib.docker_container_warnings_json, out.value, byref(w))
            warnings = json.loads(take_string(w.value) or "null")
        finally:
            lib.docker_container_free(out.value)
        return {"Id": cid, "Warnings": warnings if warnings is not None else []}

    # --- lifecycle ---

    def start(self, container, *args, **kwargs):
        """Start a container. docker-py refuses host config arguments here, and so does this."""
        if args or kwargs:
            raise errors.DeprecatedMethod(
                "Providing configuration in the start() method is no longer supported. Use the "
                "host_config param in create_container instead.")
        self._container(container).start()

    def stop(self, container, timeout=None):
        """Stop a container: SIGTERM, then SIGKILL after `timeout` seconds."""
        self._container(container).stop(timeout=timeout)

    def restart(self, container, timeout=10):
        """Restart a container, killing it after `timeout` seconds."""
        self._container(container).restart(timeout=timeout)

    def kill(self, container, signal=None):
        """Send a signal (a name or a number; default SIGKILL)."""
        self._container(container).kill(signal)

    def pause(self, container):
        """Pause every process in a container."""
        self._container(container).pause()

    def unpause(self, container):
        """Unpause a container."""
        self._container(container).unpause()

    def wait(self, container, timeout=None, condition=None):
        """Block until the container stops: {"StatusCode": N, "Error": ...}. Past `timeout`
        seconds: errors.Timeout (docker-py raises requests' ReadTimeout)."""
        return self._container(container).wait(timeout=timeout, condition=condition)

    def remove_container(self, container, v=False, link=False, force=False):
        """Remove a container (`v` its anonymous volumes, `force` a running one)."""
        self._container(container).remove(v=v, link=link, force=force)

    def rename(self, container, name):
        """Give a container a new name."""
        self._container(container).rename(name)

    def resize(self, container, height, width):
        """Resize a container's tty."""
        self._container(container).resize(height, width)

    def update_container(self, container, blkio_weight=None, cpu_period=None, cpu_quota=None,
                         cpu_shares=None, cpuset_cpus=None, cpuset_mems=None, mem_limit=None,
                         mem_reservation=None, memswap_limit=None, kernel_memory=None,
                         restart_policy=None):
        """Change a container's resources; {"Warnings": [...] or None}."""
        kw = {k: v for k, v in (("blkio_weight", blkio_weight), ("cpu_period", cpu_period),
                                ("cpu_quota", cpu_quota), ("cpu_shares", cpu_shares),
                                ("cpuset_cpus", cpuset_cpus), ("cpuset_mems", cpuset_mems),
                                ("mem_limit", mem_limit), ("mem_reservation", mem_reservation),
                                ("memswap_limit", memswap_limit), ("kernel_memory", kernel_memory),
                                ("restart_policy", restart_policy)) if v is not None}
        return self._container(container).update(**kw)

    def commit(self, container, repository=None, tag=None, message=None, author=None, pause=True,
               changes=None, conf=None):
        """Make an image from a container: {"Id": "sha256:..."}."""
        c = self._container(container)
        out = c_void_p()
        call(lib.docker_container_commit, c._p, _opts({
            "repository": repository, "tag": tag, "message": message, "author": author,
            "pause": pause, "changes": changes, "conf": conf}), byref(out))
        return {"Id": take_string(out.value)}

    # --- reading ---

    def inspect_container(self, container):
        """The container's inspect dict (GET /containers/{id}/json)."""
        return self._container(container).attrs

    def containers(self, quiet=False, all=False, trunc=False, latest=False, since=None,
                   before=None, limit=-1, size=False, filters=None):
        """The engine's list entries as dicts (running only unless all=True); quiet: only
        {"Id": ...}; trunc: 12-character ids. size=True is not in the C ABI (InvalidArgument)."""
        if size:
            raise errors.InvalidArgument("containers(size=True): the C library's list has no size")
        opts = {"all": all or None, "since": since, "before": before, "filters": filters,
                "limit": 1 if latest else (limit if limit != -1 else None), "sparse": True}
        out = c_void_p()
        call(lib.docker_containers_list, self._client._p, _opts(opts), byref(out))
        entries = json.loads(take_string(out.value))
        if trunc:
            for e in entries:
                e["Id"] = e["Id"][:12]
        if quiet:
            return [{"Id": e["Id"]} for e in entries]
        return entries

    def port(self, container, private_port):
        """The host bindings of a container port: [{"HostIp", "HostPort"}], or None. `private_port`
        80 or "80" looks at 80/tcp, then 80/udp; "53/udp" at that one."""
        ports = self.inspect_container(container)["NetworkSettings"]["Ports"] or {}
        private_port = str(private_port)
        if "/" in private_port:
            return ports.get(private_port)
        found = ports.get(private_port + "/tcp")
        return found if found is not None else ports.get(private_port + "/udp")

    def top(self, container, ps_args=None):
        """{"Titles": [...], "Processes": [[...]]}."""
        return self._container(container).top(ps_args=ps_args)

    def diff(self, container):
        """The filesystem changes: [{"Path", "Kind"}], or None when there are none (the engine
        sends null then, and docker-py hands that on)."""
        return self._container(container).diff() or None

    def logs(self, container, stdout=True, stderr=True, stream=False, timestamps=False,
             tail="all", since=None, follow=None, until=None):
        """The logs as bytes, or with stream=True an iterator of chunks (following unless
        follow=False) that close() ends from any thread."""
        return self._container(container).logs(stdout=stdout, stderr=stderr, stream=stream,
                                               timestamps=timestamps, tail=tail, since=since,
                                               follow=follow, until=until)

    def attach(self, container, stdout=True, stderr=True, stream=False, logs=False, demux=False):
        """The container's output: bytes (a (stdout, stderr) tuple with demux), or an iterator
        with stream=True."""
        return self._container(container).attach(stdout=stdout, stderr=stderr, stream=stream,
                                                 logs=logs, demux=demux)

    def attach_socket(self, container, params=None, ws=False):
        """Both directions of an attach as an APISocket (docker-py's socket: send, sendall, recv
        with the engine's framing, _sock; and write, close_write, resize, iterate). `params` as docker-py's ({"stdin": 1, "stream": 1, ...}; default
        stdout, stderr and stream); websockets (ws=True) are not in the C ABI."""
        if ws:
            raise errors.InvalidArgument("attach_socket(ws=True): websockets are not in the C library")
        if params is None:
            params = {"stdout": 1, "stderr": 1, "stream": 1}
        opts = {k: bool(params.get(k, False)) for k in ("stdout", "stderr", "stream", "logs", "stdin")}
        if params.get("detachKeys"):
            opts["detach_keys"] = params["detachKeys"]
        c = self._container(container)
        return APISocket(open_stream(lib.docker_container_attach_open, c._p, _opts(opts)))

    def stats(self, container, decode=None, stream=True, one_shot=None):
        """Samples as an iterator (dicts with decode=True, else JSON bytes), or with stream=False
        one sample as a dict."""
        return self._container(container).stats(decode=decode, stream=stream, one_shot=one_shot)

    # --- files ---

    def export(self, container, chunk_size=DEFAULT_DATA_CHUNK_SIZE, progress=None):
        """The container's filesystem as a generator of tar chunks; `progress(done, None)` (not
        in docker-py) as the tar bytes are read."""
        return self._container(container).export(chunk_size=chunk_size, progress=progress)

    def get_archive(self, container, path, chunk_size=DEFAULT_DATA_CHUNK_SIZE, encode_stream=False,
                    progress=None):
        """(a generator of tar chunks of `path`, its stat dict); `progress` as for export."""
        return self._container(container).get_archive(path, chunk_size=chunk_size,
                                                      progress=progress)

    def put_archive(self, container, path, data, progress=None):
        """Extract a tar (bytes or a file-like object) into `path`; True. `progress(done,
        total)` (not in docker-py) as the tar is sent; an exception in it stops the copy."""
        return self._container(container).put_archive(path, data, progress=progress)

    def prune_containers(self, filters=None):
        """Remove stopped containers: {"ContainersDeleted": [...], "SpaceReclaimed": N}, with None
        for no container, as the engine sends it and docker-py hands it on."""
        pruned = self._client.containers.prune(filters=filters)
        pruned["ContainersDeleted"] = pruned.get("ContainersDeleted") or None
        return pruned

    # --- exec ---

    def _execs(self):
        with _EXECS_LOCK:
            return _EXECS.setdefault(self._client, {})

    def exec_create(self, container, cmd, stdout=True, stderr=True, stdin=False, tty=False,
                    privileged=False, user="", environment=None, workdir=None, detach_keys=None):
        """Set up a command to run in a running container; {"Id": ...} for exec_start. A stopped
        or paused container raises Conflict (409), a missing one NotFound, as the engine does."""
        c = self._container(container)
        state = c.attrs.get("State") or {}
        if not state.get("Running"):
            raise errors.Conflict(f"Container {c.id} is not running", status_code=409)
        if state.get("Paused"):
            raise errors.Conflict(f"Container {c.id} is paused, unpause the container before exec",
                                  status_code=409)
        if isinstance(cmd, str):
            cmd = split_command(cmd)
        if isinstance(environment, dict):
            environment = format_environment(environment)
        settings = {"cmd": list(cmd), "stdout": stdout, "stderr": stderr, "stdin": stdin,
                    "tty": tty, "privileged": privileged, "user": user or None,
                    "environment": environment, "workdir": workdir, "detach_keys": detach_keys}
        exec_id = uuid.uuid4().hex + uuid.uuid4().hex
        execs = self._execs()
        with _EXECS_LOCK:
            if len(execs) >= _MAX_EXECS:
                for old in [k for k, v in execs.items() if v.finished()][:len(execs) - _MAX_EXECS + 1]:
                    del execs[old]
            execs[exec_id] = _Exec(c.id, settings)
        return {"Id": exec_id}

    def exec_start(self, exec_id, detach=False, tty=False, stream=False, socket=False, demux=False):
        """Run an exec made by exec_create: its output as bytes ((stdout, stderr) with demux), an
        iterator with stream=True, an APISocket with socket=True, or "" at once with detach=True."""
        exec_id = _resource_id(exec_id)
        e = self._execs().get(exec_id)
        if e is None:
            raise errors.NotFound(f"No such exec instance: {exec_id} (exec_start runs execs made "
                                  "by this client's exec_create)", status_code=404)
        if e.started:
            raise errors.Conflict(f"Exec {exec_id} has already been started", status_code=409)
        e.started = True
        try:
            return self._start_exec(e, detach, tty, stream, socket, demux)
        except BaseException:
            e.started = False  # nothing ran: it may be started again
            raise

    def _start_exec(self, e, detach, tty, stream, socket, demux):
        s = dict(e.settings, tty=e.settings["tty"] or tty)
        c = self._client.containers.get(e.container_id)
        if detach:
            out = c_void_p()
            call(lib.docker_container_exec_detached, c._p, None, _opts(s), byref(out))
            e.engine_id = take_string(out.value)
            return ""
        if socket or stream:
            st = open_stream(lib.docker_container_exec_open, c._p, None, _opts(s))
            e.stream = st
            return APISocket(st) if socket else Output(st, demux=demux)
        code = ctypes.c_int64(-1)
        out, err_out = c_void_p(), c_void_p()
        call(lib.docker_container_exec_run, c._p, None, _opts(dict(s, demux=demux or None)),
             byref(code), byref(out), byref(err_out) if demux else None)
        e.exit_code = code.value
        a = take_buffer(out.value)
        if demux:
            return (a or None, take_buffer(err_out.value) or None)
        return a

    def exec_inspect(self, exec_id):
        """An exec's state: the engine's dict for an engine id or a detached start; for an exec
        of exec_create not started, or started gathered or streamed, the same keys from what the
        library saw (ID, ContainerID, Running, ExitCode, Pid, ProcessConfig, Open*)."""
        exec_id = _resource_id(exec_id)
        e = self._execs().get(exec_id)
        real = exec_id if e is None else e.engine_id
        if real is not None:
            out = c_void_p()
            call(lib.docker_exec_inspect, self._client._p, enc(real), byref(out))
            return json.loads(take_string(out.value))
        s = e.settings
        code = e.exit_code if e.stream is None else e.stream.exit_code
        running = e.started and code is None and e.stream is not None and not e.stream._stopped
        process = {"tty": bool(s["tty"]), "entrypoint": s["cmd"][0] if s["cmd"] else "",
                   "arguments": s["cmd"][1:], "privileged": bool(s["privileged"])}
        if s["user"]:
            process["user"] = str(s["user"])  # the engine leaves an empty one out
        return {"ID": exec_id, "ContainerID": e.container_id, "Running": running,
                "ExitCode": code, "Pid": 0, "CanRemove": False, "DetachKeys": s["detach_keys"] or "",
                "OpenStdin": bool(s["stdin"]), "OpenStdout": bool(s["stdout"]),
                "OpenStderr": bool(s["stderr"]), "ProcessConfig": process}

    def exec_resize(self, exec_id, height=None, width=None):
        """Resize an exec's tty (a started one: detached, or a socket/stream start)."""
        exec_id = _resource_id(exec_id)
        e = self._execs().get(exec_id)
        if e is not None and e.stream is not None:
            e.stream.resize(height or 0, width or 0)
            return
        if e is not None and e.engine_id is None:
            raise errors.Conflict(f"Exec {exec_id} is not running", status_code=409)
        call(lib.docker_exec_resize, self._client._p, enc(exec_id if e is None else e.engine_id),
             height or 0, width or 0)

    # --- images ---

    def inspect_image(self, image):
        """The image's inspect dict; a missing one raises ImageNotFound, as docker-py."""
        with _image_errors():
            return self._client.images.get(_resource_id(image)).attrs

    def remove_image(self, image, force=False, noprune=False):
        """Remove an image (`force` also when containers use it); a missing one raises
        ImageNotFound."""
        with _image_errors():
            self._client.images.remove(_resource_id(image), force=force, noprune=noprune)

    def images(self, name=None, quiet=False, all=False, filters=None):
        """The engine's image list entries (GET /images/json) as dicts: of repository `name`
        only if given, `all` with intermediate layers, `filters` as docker-py; quiet: the ids
        only. (docker_images_list)"""
        entries = self._client.images._list_json(name, all, filters)
        return [e["Id"] for e in entries] if quiet else entries

    def prune_images(self, filters=None):
        """Remove unused images: {"ImagesDeleted": [...] or None, "SpaceReclaimed": N}.
        (docker_images_prune)"""
        return self._client.images.prune(filters=filters)

    def tag(self, image, repository, tag=None, force=False):
        """Tag an image as `repository`:`tag`; True. A missing image raises ImageNotFound.
        (docker_images_tag)"""
        return self._client.images._tag(_resource_id(image), repository, tag=tag, force=force)

    def pull(self, repository, tag=None, stream=False, auth_config=None, decode=False,
             platform=None, all_tags=False):
        """Pull an image (tag from `tag`, the name, or "latest"). The engine's progress: as one
        string of JSON lines, or with stream=True an iterator over them (dicts with decode),
        given once the pull has ended. auth_config and all_tags are not in the C ABI."""
        if auth_config is not None or all_tags:
            raise errors.InvalidArgument("pull: auth_config and all_tags are not in the C library")
        _, _, reference = _pull_reference(repository, tag)
        items = []
        _pull(self._client, reference, platform, items.append)
        if stream:
            return iter([json.loads(i) for i in items] if decode else items)
        return "".join(i.decode("utf-8", "replace") + "\r\n" for i in items)

    # --- networks ---

    def create_network(self, name, driver=None, options=None, ipam=None, check_duplicate=None,
                       internal=False, labels=None, enable_ipv6=False, attachable=None,
                       scope=None, ingress=None):
        """Create a network: {"Id": ..., "Warning": ""}, the engine's answer as docker-py hands
        it on. `options` and `labels` must be dicts (TypeError, as docker-py)."""
        if options is not None and not isinstance(options, dict):
            raise TypeError("options must be a dictionary")
        if labels is not None and not isinstance(labels, dict):
            raise TypeError("labels must be a dictionary")
        net = self._client.networks.create(
            name, driver=driver, options=options, ipam=ipam, check_duplicate=check_duplicate,
            internal=internal or None, labels=labels, enable_ipv6=enable_ipv6 or None,
            attachable=attachable, scope=scope, ingress=ingress)
        return {"Id": net.id, "Warning": ""}

    def inspect_network(self, net_id, verbose=None, scope=None):
        """The network's inspect dict (id, id prefix or name; a missing one raises NotFound)."""
        return self._client.networks.get(_resource_id(net_id), verbose=verbose, scope=scope).attrs

    def networks(self, names=None, ids=None, filters=None):
        """The engine's network list entries as dicts, filtered by `names`, `ids` and docker-py's
        `filters`. (docker_networks_list)"""
        out = c_void_p()
        call(lib.docker_networks_list, self._client._p,
             _opts({"names": names or None, "ids": ids or None, "filters": filters or None}),
             byref(out))
        return json.loads(take_string(out.value))

    def remove_network(self, net_id):
        """Remove a network; one that containers use raises APIError."""
        self._network(net_id).remove()

    def connect_container_to_network(self, container, net_id, ipv4_address=None,
                                     ipv6_address=None, aliases=None, links=None,
                                     link_local_ips=None, driver_opt=None, mac_address=None):
        """Connect a container to a network, with docker-py's endpoint settings."""
        self._network(net_id).connect(
            _resource_id(container), ipv4_address=ipv4_address, ipv6_address=ipv6_address,
            aliases=aliases, links=links, link_local_ips=link_local_ips, driver_opt=driver_opt,
            mac_address=mac_address)

    def disconnect_container_from_network(self, container, net_id, force=False):
        """Disconnect a container from a network (`force` as docker-py)."""
        self._network(net_id).disconnect(_resource_id(container), force=force or None)

    def prune_networks(self, filters=None):
        """Remove the networks no container uses: {"NetworksDeleted": [...]}, with None for no
        network, as the engine sends it and docker-py hands it on."""
        pruned = self._client.networks.prune(filters=filters)
        pruned["NetworksDeleted"] = pruned.get("NetworksDeleted") or None
        return pruned

    def _network(self, net_id):
        return self._client.networks.get(_resource_id(net_id))

    # --- volumes ---

    def create_volume(self, name=None, driver=None, driver_opts=None, labels=None):
        """Create a volume (the engine names it when `name` is None): its inspect dict.
        `driver_opts` and `labels` must be dicts (TypeError, as docker-py)."""
        if driver_opts is not None and not isinstance(driver_opts, dict):
            raise TypeError("driver_opts must be a dictionary")
        if labels is not None and not isinstance(labels, dict):
            raise TypeError("labels must be a dictionary")
        return self._client.volumes.create(name, driver=driver, driver_opts=driver_opts,
                                           labels=labels).attrs

    def inspect_volume(self, name):
        """The volume's inspect dict; a missing one raises NotFound."""
        return self._client.volumes.get(name).attrs

    def volumes(self, filters=None):
        """{"Volumes": [...], "Warnings": None}, the engine's answer as docker-py hands it on;
        `filters` as docker-py ({"name": ..., "label": ..., "dangling": True})."""
        out = c_void_p()
        call(lib.docker_volumes_list, self._client._p, _opts({"filters": filters or None}),
             byref(out))
        return {"Volumes": json.loads(take_string(out.value)), "Warnings": None}

    def remove_volume(self, name, force=False):
        """Remove a volume; one a container uses raises APIError (a Conflict)."""
        self._client.volumes.get(name).remove(force=force)

    def prune_volumes(self, filters=None):
        """Remove the volumes no container uses: {"VolumesDeleted": [...], "SpaceReclaimed": N}."""
        return self._client.volumes.prune(filters=filters)


__all__ = ["APIClient", "APISocket", "DEFAULT_DATA_CHUNK_SIZE", "DEFAULT_TIMEOUT_SECONDS"]
