"""docker-py's docker.types for containers: LogConfig, Ulimit, Mount, Healthcheck, RestartPolicy,
DeviceRequest, EndpointConfig. Each is a dict in the Engine API's shape (what create_host_config
and create_container send), built from docker-py's keyword arguments."""
from . import errors
from .utils import (convert_port_bindings, convert_tmpfs_mounts, convert_volume_binds,
                    format_extra_hosts, normalize_links, parse_bytes, parse_devices, version_lt)


class DictType(dict):
    """The base of every type here: a dict built from keyword arguments."""

    def __init__(self, init):
        super().__init__(init)


class LogConfigTypesEnum:
    """The log drivers every engine has."""

    _values = ("json-file", "syslog", "journald", "gelf", "fluentd", "none")
    JSON, SYSLOG, JOURNALD, GELF, FLUENTD, NONE = _values


class LogConfig(DictType):
    """A container's log driver: {"Type": type, "Config": {...}} (type= and config=, or Type=
    and Config=)."""

    types = LogConfigTypesEnum

    def __init__(self, **kwargs):
        kind = kwargs.get("type", kwargs.get("Type"))
        config = kwargs.get("config", kwargs.get("Config")) or {}
        if config and not isinstance(config, dict):
            raise ValueError("LogConfig.config must be a dictionary")
        super().__init__({"Type": kind, "Config": config})

    @property
    def type(self):
        """The driver's name."""
        return self["Type"]

    @type.setter
    def type(self, value):
        """Set the type."""
        self["Type"] = value

    @property
    def config(self):
        """The driver's options (a dict)."""
        return self["Config"]

    def set_config_value(self, key, value):
        """Set one driver option."""
        self.config[key] = value

    def unset_config(self, key):
        """Remove one driver option (absent is fine)."""
        self.config.pop(key, None)


class Ulimit(DictType):
    """One ulimit: {"Name", "Soft", "Hard"} from name=, soft=, hard= (or Name=, Soft=, Hard=)."""

    def __init__(self, **kwargs):
        name = kwargs.get("name", kwargs.get("Name"))
        soft = kwargs.get("soft", kwargs.get("Soft"))
        hard = kwargs.get("hard", kwargs.get("Hard"))
        if not isinstance(name, str):
            raise ValueError("Ulimit.name must be a string")
        if soft and not isinstance(soft, int):
            raise ValueError("Ulimit.soft must be an integer")
        if hard and not isinstance(hard, int):
            raise ValueError("Ulimit.hard must be an integer")
        super().__init__({"Name": name, "Soft": soft, "Hard": hard})

    @property
    def name(self):
        """The limit's name ("nofile", "nproc", ...)."""
        return self["Name"]

    @name.setter
    def name(self, value):
        """Set the name."""
        self["Name"] = value

    @property
    def soft(self):
        """The soft limit."""
        return self.get("Soft")

    @soft.setter
    def soft(self, value):
        """Set the soft."""
        self["Soft"] = value

    @property
    def hard(self):
        """The hard limit."""
        return self.get("Hard")

    @hard.setter
    def hard(self, value):
        """Set the hard."""
        self["Hard"] = value


def _typed(value, kind, what, default):
    if value is None:
        return default
    if not isinstance(value, kind):
        raise ValueError(f"DeviceRequest.{what}")
    return value


class DeviceRequest(DictType):
    """A device request (GPUs): driver, count (-1: all), device_ids, capabilities (a list of
    lists), options, as {"Driver", "Count", "DeviceIDs", "Capabilities", "Options"}."""

    def __init__(self, **kwargs):
        def arg(a, b):
            return kwargs.get(a, kwargs.get(b))
        super().__init__({
            "Driver": _typed(arg("driver", "Driver"), str, "driver must be a string", ""),
            "Count": _typed(arg("count", "Count"), int, "count must be an integer", 0),
            "DeviceIDs": _typed(arg("device_ids", "DeviceIDs"), list, "device_ids must be a list", []),
            "Capabilities": _typed(arg("capabilities", "Capabilities"), list,
                                   "capabilities must be a list", []),
            "Options": _typed(arg("options", "Options"), dict, "options must be a dict", {}),
        })

    @property
    def driver(self):
        """The device driver ("" for any)."""
        return self["Driver"]

    @property
    def count(self):
        """How many devices (-1: all)."""
        return self["Count"]

    @property
    def device_ids(self):
        """The devices asked for by id."""
        return self["DeviceIDs"]

    @property
    def capabilities(self):
        """Capabilities: any one inner list, all of its entries."""
        return self["Capabilities"]

    @property
    def options(self):
        """Driver options."""
        return self["Options"]


class Healthcheck(DictType):
    """A health check: test (a list such as ["CMD", "true"], or a string run by the shell, which
    becomes ["CMD-SHELL", test]), interval, timeout and start_period in nanoseconds, retries.
    Lower-case or the Engine API's capitalised keys; the five keys are always there (None when
    not given), as in docker-py."""

    def __init__(self, **kwargs):
        test = kwargs.get("test", kwargs.get("Test"))
        if isinstance(test, str):
            test = ["CMD-SHELL", test]
        d = {"Test": test}
        for low, key in (("interval", "Interval"), ("timeout", "Timeout"),
                         ("retries", "Retries"), ("start_period", "StartPeriod")):
            d[key] = kwargs.get(low, kwargs.get(key))
        super().__init__(d)

    @property
    def test(self):
        """The check's command."""
        return self.get("Test")

    @property
    def interval(self):
        """Nanoseconds between checks."""
        return self.get("Interval")

    @property
    def timeout(self):
        """Nanoseconds a check may take."""
        return self.get("Timeout")

    @property
    def retries(self):
        """Failures in a row before "unhealthy"."""
        return self.get("Retries")

    @property
    def start_period(self):
        """Nanoseconds of start-up during which failures do not count."""
        return self.get("StartPeriod")


class RestartConditionTypesEnum:
    """RestartPolicy's conditions."""

    _values = ("none", "on-failure", "any")
    NONE, ON_FAILURE, ANY = _values


class RestartPolicy(DictType):
    """docker-py's RestartPolicy (a service task's): {"Condition", "Delay", "MaxAttempts",
    "Window"}. A container's restart_policy is a plain dict {"Name": ..., "MaximumRetryCount": N}."""

    condition_types = RestartConditionTypesEnum

    def __init__(self, condition=RestartConditionTypesEnum.NONE, delay=0, max_attempts=0, window=0):
        if condition not in self.condition_types._values:
            raise TypeError(f"Invalid RestartPolicy condition {condition}")
        super().__init__({"Condition": condition, "Delay": delay, "MaxAttempts": max_attempts,
                          "Window": window})


class Mount(dict):
    """A mount for create_host_config(mounts=[...]): target, source, type ("volume", "bind",
    "tmpfs", "npipe"), read_only, consistency, and the options of its type (propagation for bind;
    no_copy, labels, driver_config for volume; tmpfs_size, tmpfs_mode for tmpfs)."""

    def __init__(self, target, source, type="volume", read_only=False, consistency=None,
                 propagation=None, no_copy=False, labels=None, driver_config=None,
                 tmpfs_size=None, tmpfs_mode=None):
        self["Target"] = target
        self["Source"] = source
        if type not in ("bind", "volume", "tmpfs", "npipe"):
            raise errors.InvalidArgument(f'Unsupported mount type: "{type}"')
        self["Type"] = type
        self["ReadOnly"] = read_only
        if consistency:
            self["Consistency"] = consistency
        if type == "bind":
            if propagation is not None:
                self["BindOptions"] = {"Propagation": propagation}
            if any([labels, driver_config, no_copy, tmpfs_size, tmpfs_mode]):
                raise errors.InvalidArgument("Incompatible options have been provided for the bind type mount.")
        elif type == "volume":
            opts = {}
            if no_copy:
                opts["NoCopy"] = True
            if labels:
                opts["Labels"] = labels
            if driver_config:
                opts["DriverConfig"] = driver_config
            if opts:
                self["VolumeOptions"] = opts
            if any([propagation, tmpfs_size, tmpfs_mode]):
                raise errors.InvalidArgument("Incompatible options have been provided for the volume type mount.")
        elif type == "tmpfs":
            opts = {}
            if tmpfs_mode:
                if not isinstance(tmpfs_mode, int):
                    raise errors.InvalidArgument("tmpfs_mode must be an integer")
                opts["Mode"] = tmpfs_mode
            if tmpfs_size:
                opts["SizeBytes"] = parse_bytes(tmpfs_size)
            if opts:
                self["TmpfsOptions"] = opts
            if any([propagation, labels, driver_config, no_copy]):
                raise errors.InvalidArgument("Incompatible options have been provided for the tmpfs type mount.")

    @classmethod
    def parse_mount_string(cls, string):
        """A Mount from "source:target[:mode]" ("ro"/"rw"); a source that is an absolute path
        makes a bind mount, else a named volume."""
        parts = string.split(":")
        if len(parts) > 3:
            raise errors.InvalidArgument(f'Invalid mount format "{string}"')
        if len(parts) == 1:
            return cls(target=parts[0], source=None)
        target, source = parts[1], parts[0]
        read_only = len(parts) == 3 and parts[2] == "ro"
        kind = "bind" if source.startswith("/") else "volume"
        return cls(target, source, read_only=read_only, type=kind)


class EndpointConfig(dict):
    """One network endpoint for create_networking_config: aliases, links, ipv4_address,
    ipv6_address, link_local_ips, driver_opt, mac_address (API 1.25+ for the addresses)."""

    def __init__(self, version, aliases=None, links=None, ipv4_address=None, ipv6_address=None,
                 link_local_ips=None, driver_opt=None, mac_address=None):
        if version_lt(version, "1.22"):
            raise errors.InvalidVersion("Endpoint config is not supported for API version < 1.22")
        if aliases:
            self["Aliases"] = aliases
        if links:
            self["Links"] = normalize_links(links)
        ipam = {}
        if ipv4_address:
            ipam["IPv4Address"] = ipv4_address
        if ipv6_address:
            ipam["IPv6Address"] = ipv6_address
        if link_local_ips is not None:
            if version_lt(version, "1.24"):
                raise errors.InvalidVersion("link_local_ips is not supported for API version < 1.24")
            ipam["LinkLocalIPs"] = link_local_ips
        if ipam:
            self["IPAMConfig"] = ipam
        if driver_opt:
            if not isinstance(driver_opt, dict):
                raise TypeError("driver_opt must be a dictionary")
            self["DriverOpts"] = driver_opt
        if mac_address:
            if version_lt(version, "1.25"):
                raise errors.InvalidVersion("mac_address is not supported for API version < 1.25")
            self["MacAddress"] = mac_address



def _type_error(param, value, expected):
    return TypeError(f"Invalid type for {param} param: expected {expected} but found {type(value)}")


def _need(version, param, minimum):
    if version_lt(version, minimum):
        raise errors.InvalidVersion(f"{param} param is not supported in API versions < {minimum}")


# Keyword -> (HostConfig key, when it is set, the type it must have, the API version it needs).
# "set": the key goes in whenever the value is not None; "truthy": only when the value is truthy.
_PLAIN = {
    "ipc_mode": ("IpcMode", "truthy", None, None),
    "privileged": ("Privileged", "truthy", None, None),
    "oom_kill_disable": ("OomKillDisable", "truthy", None, None),
    "oom_score_adj": ("OomScoreAdj", "truthy", int, "1.22"),
    "publish_all_ports": ("PublishAllPorts", "truthy", None, None),
    "read_only": ("ReadonlyRootfs", "set", None, None),
    "dns_search": ("DnsSearch", "truthy", None, None),
    "cap_add": ("CapAdd", "truthy", None, None),
    "cap_drop": ("CapDrop", "truthy", None, None),
    "dns": ("Dns", "set", None, None),
    "dns_opt": ("DnsOptions", "set", None, None),
    "security_opt": ("SecurityOpt", "set", list, None),
    "cgroup_parent": ("CgroupParent", "set", None, None),
    "cpu_quota": ("CpuQuota", "truthy", int, None),
    "cpu_period": ("CpuPeriod", "truthy", int, None),
    "cpu_shares": ("CpuShares", "truthy", int, None),
    "cpuset_cpus": ("CpusetCpus", "truthy", None, None),
    "cpuset_mems": ("CpusetMems", "truthy", str, None),
    "cpu_rt_period": ("CPURealtimePeriod", "truthy", int, "1.25"),
    "cpu_rt_runtime": ("CPURealtimeRuntime", "truthy", int, "1.25"),
    "blkio_weight": ("BlkioWeight", "truthy", int, "1.22"),
    "blkio_weight_device": ("BlkioWeightDevice", "truthy", list, "1.22"),
    "device_read_bps": ("BlkioDeviceReadBps", "truthy", list, "1.22"),
    "device_write_bps": ("BlkioDeviceWriteBps", "truthy", list, "1.22"),
    "device_read_iops": ("BlkioDeviceReadIOps", "truthy", list, "1.22"),
    "device_write_iops": ("BlkioDeviceWriteIOps", "truthy", list, "1.22"),
    "pids_limit": ("PidsLimit", "truthy", int, "1.23"),
    "isolation": ("Isolation", "truthy", str, "1.24"),
    "auto_remove": ("AutoRemove", "truthy", None, "1.25"),
    "storage_opt": ("StorageOpt", "set", None, "1.24"),
    "init": ("Init", "set", None, "1.25"),
    "volume_driver": ("VolumeDriver", "set", None, None),
    "cpu_count": ("CpuCount", "truthy", int, "1.25"),
    "cpu_percent": ("CpuPercent", "truthy", int, "1.25"),
    "nano_cpus": ("NanoCpus", "truthy", int, "1.25"),
    "runtime": ("Runtime", "truthy", None, "1.25"),
    "mounts": ("Mounts", "set", None, "1.30"),
    "device_cgroup_rules": ("DeviceCgroupRules", "set", list, "1.28"),
    "cgroupns": ("CgroupnsMode", "truthy", None, None),
}

# Keyword -> (HostConfig key, conversion, when it is set).
_CONVERTED = {
    "mem_limit": ("Memory", parse_bytes, "set"),
    "memswap_limit": ("MemorySwap", parse_bytes, "set"),
    "mem_reservation": ("MemoryReservation", parse_bytes, "truthy"),
    "kernel_memory": ("KernelMemory", parse_bytes, "truthy"),
    "shm_size": ("ShmSize", lambda v: parse_bytes(v) if isinstance(v, str) else v, "set"),
    "binds": ("Binds", convert_volume_binds, "set"),
    "port_bindings": ("PortBindings", convert_port_bindings, "set"),
    "links": ("Links", normalize_links, "set"),
    "devices": ("Devices", parse_devices, "truthy"),
    "group_add": ("GroupAdd", lambda v: [str(g) for g in v], "truthy"),
    "volumes_from": ("VolumesFrom", lambda v: v.split(",") if isinstance(v, str) else v, "set"),
    "extra_hosts": ("ExtraHosts", lambda v: format_extra_hosts(v) if isinstance(v, dict) else v, "set"),
}


class HostConfig(dict):
    """docker-py's HostConfig(version, **kwargs): the Engine API's HostConfig from
    create_host_config's keyword arguments (binds, port_bindings, restart_policy, mem_limit,
    log_config, ulimits, mounts, device_requests, ...). An unknown keyword is a TypeError, a
    value of the wrong type a TypeError naming it, an option newer than `version`
    InvalidVersion."""

    def __init__(self, version, **kwargs):
        known = set(_PLAIN) | set(_CONVERTED) | {
            "lxc_conf", "network_mode", "restart_policy", "pid_mode", "mem_swappiness", "sysctls",
            "ulimits", "log_config", "tmpfs", "userns_mode", "uts_mode", "init_path",
            "device_requests"}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise TypeError(f"create_host_config() got an unexpected keyword argument '{unknown[0]}'")
        get = kwargs.get
        for kw, (key, convert, when) in _CONVERTED.items():
            v = get(kw)
            if v is not None and (when == "set" or v):
                self[key] = convert(v)
        for kw, (key, when, kind, minimum) in _PLAIN.items():
            v = get(kw)
            if v is None or (when == "truthy" and not v):
                continue
            if minimum:
                _need(version, kw, minimum)
            if kind is not None and not isinstance(v, kind):
                raise _type_error(kw, v, kind.__name__)
            self[key] = v
        if get("mem_swappiness") is not None:
            if not isinstance(get("mem_swappiness"), int):
                raise _type_error("mem_swappiness", get("mem_swappiness"), "int")
            self["MemorySwappiness"] = get("mem_swappiness")
        if get("pid_mode"):
            if version_lt(version, "1.24") and get("pid_mode") != "host":
                raise ValueError(f"Invalid value for pid_mode param: {get('pid_mode')}")
            self["PidMode"] = get("pid_mode")
        if get("network_mode") == "host" and get("port_bindings"):
            raise errors.InvalidArgument('"host" network_mode is incompatible with port_bindings')
        self["NetworkMode"] = get("network_mode") or "default"
        if get("restart_policy"):
            if not isinstance(get("restart_policy"), dict):
                raise _type_error("restart_policy", get("restart_policy"), "dict")
            self["RestartPolicy"] = get("restart_policy")
        if get("sysctls"):
            if not isinstance(get("sysctls"), dict):
                raise _type_error("sysctls", get("sysctls"), "dict")
            self["Sysctls"] = {k: str(v) for k, v in get("sysctls").items()}
        lxc = get("lxc_conf")
        if isinstance(lxc, dict):
            lxc = [{"Key": k, "Value": str(v)} for k, v in lxc.items()]
        if lxc is not None:
            self["LxcConf"] = lxc
        if get("ulimits") is not None:
            if not isinstance(get("ulimits"), list):
                raise _type_error("ulimits", get("ulimits"), "list")
            self["Ulimits"] = [u if isinstance(u, Ulimit) else Ulimit(**u) for u in get("ulimits")]
        lc = get("log_config")
        if lc is not None:
            if not isinstance(lc, LogConfig):
                if not isinstance(lc, dict):
                    raise _type_error("log_config", lc, "LogConfig")
                lc = LogConfig(**lc)
            self["LogConfig"] = lc
        if get("tmpfs"):
            _need(version, "tmpfs", "1.22")
            self["Tmpfs"] = convert_tmpfs_mounts(get("tmpfs"))
        for kw, key in (("userns_mode", "UsernsMode"), ("uts_mode", "UTSMode")):
            if get(kw):
                if get(kw) != "host":
                    raise ValueError(f"Invalid value for {kw} param: {get(kw)}")
                self[key] = get(kw)
        if get("init_path") is not None:
            _need(version, "init_path", "1.25")
            if not version_lt(version, "1.29"):
                raise errors.InvalidVersion("init_path param is not supported in API versions > 1.29")
            self["InitPath"] = get("init_path")
        reqs = get("device_requests")
        if reqs is not None:
            _need(version, "device_requests", "1.40")
            if not isinstance(reqs, list):
                raise _type_error("device_requests", reqs, "list")
            self["DeviceRequests"] = [r if isinstance(r, DeviceRequest) else DeviceRequest(**r) for r in reqs]


__all__ = ["DictType", "LogConfig", "LogConfigTypesEnum", "Ulimit", "DeviceRequest", "Healthcheck",
           "RestartPolicy", "RestartConditionTypesEnum",
           "Mount", "EndpointConfig", "HostConfig"]
