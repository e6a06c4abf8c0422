"""docker-py's docker.utils helpers that programs import (parse_repository_tag, kwargs_from_env,
convert_port_bindings, parse_bytes, ...), written from docker-py's documented behaviour. Pure
Python: nothing here talks to the engine."""
import os
import shlex

from . import errors

_BYTE_UNITS = {"b": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
_PROPAGATION = ("rshared", "shared", "rslave", "slave", "rprivate", "private")


def parse_repository_tag(repo_name):
    """Split "repo[:tag]" or "repo@digest" into (repo, tag or digest or None), leaving a
    registry's port ("host:5000/repo") in the repository."""
    if "@" in repo_name:
        repo, digest = repo_name.rsplit("@", 1)
        return repo, digest
    repo, sep, tag = repo_name.rpartition(":")
    if not sep or "/" in tag:
        return repo_name, None
    return repo, tag


def split_command(command):
    """A command string split as a POSIX shell would (shlex)."""
    return shlex.split(command)


def format_environment(environment):
    """{"K": "v", "FLAG": None} as ["K=v", "FLAG"] (bytes values decoded as UTF-8)."""
    out = []
    for key, value in environment.items():
        if value is None:
            out.append(key)
            continue
        if isinstance(value, bytes):
            value = value.decode("utf-8")
        out.append(f"{key}={value}")
    return out


def format_extra_hosts(extra_hosts, task=False):
    """{"host": "1.2.3.4"} as ["host:1.2.3.4"] (with task=True, services' "1.2.3.4 host")."""
    if task:
        return [f"{v} {k}" for k, v in sorted(extra_hosts.items())]
    return [f"{k}:{v}" for k, v in sorted(extra_hosts.items())]


def normalize_links(links):
    """Links as "name:alias" strings: a dict or a list of (name, alias) pairs, sorted."""
    if isinstance(links, dict):
        links = links.items()
    return [f"{name}:{alias}" if alias else name for name, alias in sorted(links)]


def parse_bytes(s):
    """A size such as 512, "512", "10k", "1.5m", "2g" or "4gb" as a number of bytes (binary
    units). A string with an unknown unit raises DockerException."""
    if isinstance(s, (int, float)):
        return s
    if len(s) == 0:
        return 0
    if len(s) >= 2 and s[-2:-1].isalpha() and s[-1].isalpha() and s[-1] in "bB":
        s = s[:-1]
    suffix = s[-1].lower()
    if suffix.isdigit():
        digits, suffix = s, "b"
    else:
        digits = s[:-1]
    if suffix not in _BYTE_UNITS:
        raise errors.DockerException(
            f"The specified value for memory ({s}) should specify the units. The postfix should "
            "be one of the `b` `k` `m` `g` characters")
    try:
        number = float(digits)
    except ValueError:
        raise errors.DockerException(
            f"Failed converting the string value for memory ({digits}) to an integer.") from None
    return int(number * _BYTE_UNITS[suffix])


def _port_binding(binding):
    hostip, hostport = "", ""
    if isinstance(binding, tuple):
        if len(binding) == 2:
            hostip, hostport = binding
        elif isinstance(binding[0], str):
            hostip = binding[0]
        else:
            hostport = binding[0]
    elif isinstance(binding, dict):
        if "HostPort" not in binding:
            raise ValueError(f"Invalid port binding: {binding}: needs a HostPort")
        hostport = binding["HostPort"]
        hostip = binding.get("HostIp", "")
    else:
        hostport = binding
    return {"HostIp": hostip, "HostPort": "" if hostport is None else str(hostport)}


def convert_port_bindings(port_bindings):
    """docker-py's port_bindings ({8080: 80, "53/udp": ("127.0.0.1", 53), 22: [1111, 2222]})
    as the Engine API's PortBindings ({"8080/tcp": [{"HostIp": "", "HostPort": "80"}], ...}).
    A tuple is (host ip, host port) or (host ip,) or (host port,); a list is several bindings."""
    out = {}
    for key, value in port_bindings.items():
        key = str(key)
        if "/" not in key:
            key += "/tcp"
        values = value if isinstance(value, list) else [value]
        out[key] = [_port_binding(v) for v in values]
    return out


def convert_volume_binds(binds):
    """docker-py's binds ({"/host": {"bind": "/ctr", "mode": "ro"}}, {"/host": "/ctr"} or a list
    of "host:ctr[:mode]" strings) as the Engine API's Binds list."""
    if isinstance(binds, list):
        return binds
    out = []
    for host, spec in binds.items():
        if isinstance(host, bytes):
            host = host.decode("utf-8")
        if isinstance(spec, dict):
            if "ro" in spec and "mode" in spec:
                raise ValueError(f'Binding cannot contain both "ro" and "mode": {spec!r}')
            bind = spec["bind"]
            if isinstance(bind, bytes):
                bind = bind.decode("utf-8")
            if "ro" in spec:
                mode = "ro" if spec["ro"] else "rw"
            else:
                mode = spec.get("mode", "rw")
            propagation = spec.get("propagation")
            if propagation is not None:
                if propagation not in _PROPAGATION:
                    raise ValueError(f"Invalid propagation mode: {propagation}")
                mode = f"{mode},{propagation}"
            out.append(f"{host}:{bind}:{mode}")
        else:
            if isinstance(spec, bytes):
                spec = spec.decode("utf-8")
            out.append(f"{host}:{spec}:rw")
    return out


def convert_tmpfs_mounts(tmpfs):
    """tmpfs as the Engine API's {path: options}: a dict stays, a list of "path[:options]"
    strings becomes one."""
    if isinstance(tmpfs, dict):
        return tmpfs
    if not isinstance(tmpfs, list):
        raise ValueError(f"Expected tmpfs value to be either a list or a dict, found: {type(tmpfs).__name__}")
    out = {}
    for mount in tmpfs:
        if not isinstance(mount, str):
            raise ValueError(f"Expected item in tmpfs list to be a string, found: {type(mount).__name__}")
        path, _, options = mount.partition(":")
        out[path] = options
    return out


def parse_devices(devices):
    """Devices as the Engine API's [{"PathOnHost", "PathInContainer", "CgroupPermissions"}]:
    dicts stay, strings "host[:container[:permissions]]" (permissions default "rwm")."""
    out = []
    for device in devices:
        if isinstance(device, dict):
            out.append(device)
            continue
        if not isinstance(device, str):
            raise errors.DockerException(f"Invalid device type {type(device)}")
        parts = device.split(":")
        host = parts[0]
        container = parts[1] if len(parts) > 1 and parts[1] else host
        perms = parts[2] if len(parts) > 2 else "rwm"
        out.append({"PathOnHost": host, "PathInContainer": container, "CgroupPermissions": perms})
    return out


def _version_key(v):
    return tuple(int(x) for x in str(v).split("."))


def version_lt(v1, v2):
    """Whether API version v1 ("1.41") is older than v2."""
    return _version_key(v1) < _version_key(v2)


def version_gte(v1, v2):
    """Whether API version v1 is v2 or newer."""
    return not version_lt(v1, v2)


def compare_version(v1, v2):
    """1 when v2 is newer than v1, -1 when older, 0 when equal (docker-py's order)."""
    a, b = _version_key(v1), _version_key(v2)
    return 0 if a == b else (1 if a < b else -1)


def kwargs_from_env(environment=None, ssl_version=None, assert_hostname=None, use_ssh_client=False):
    """The DockerClient/APIClient keyword arguments that DOCKER_HOST, DOCKER_TLS_VERIFY and
    DOCKER_CERT_PATH describe: {"base_url": ...} and, with TLS, this library's TLS options
    (tls_verify, tls_ca_cert, tls_client_cert, tls_client_key) where docker-py gives a TLSConfig."""
    env = os.environ if environment is None else environment
    params = {}
    host = env.get("DOCKER_HOST")
    if host:
        params["base_url"] = host
    cert_path = env.get("DOCKER_CERT_PATH") or None
    verify = env.get("DOCKER_TLS_VERIFY")
    tls_verify = verify not in (None, "", "0")
    if not (tls_verify or cert_path):
        return params
    if not cert_path:
        cert_path = os.path.join(os.path.expanduser("~"), ".docker")
    params["tls"] = True
    params["tls_verify"] = tls_verify
    params["tls_ca_cert"] = os.path.join(cert_path, "ca.pem")
    params["tls_client_cert"] = os.path.join(cert_path, "cert.pem")
    params["tls_client_key"] = os.path.join(cert_path, "key.pem")
    return params


def create_host_config(*args, **kwargs):
    """docker-py's utils.create_host_config: it only exists to point at the APIClient method."""
    raise errors.DeprecatedMethod("utils.create_host_config has been removed. Please use a "
                                  "docker.types.HostConfig object instead.")


__all__ = ["parse_repository_tag", "split_command", "format_environment", "format_extra_hosts",
           "normalize_links", "parse_bytes", "convert_port_bindings", "convert_volume_binds",
           "convert_tmpfs_mounts", "parse_devices", "version_lt", "version_gte",
           "compare_version", "kwargs_from_env", "create_host_config"]
