# Generated from api/options.json (src/engine/option_table.rs) by scripts/gen_options.py:
# do not edit; run `make options`. One TypedDict per C function that takes options, and
# one per Python method's **kwargs (client.pyi).
from __future__ import annotations

import typing as _t
from typing import TypedDict


class ClientFromEnvOptions(TypedDict, total=False):
    """The options of docker_client_from_env."""

    # The version of the API to use ("auto" or "1.41"). (default "auto")
    version: str
    # Default timeout for API calls, in seconds. (default 60)
    timeout: float
    # Set a custom user agent for requests to the server.
    user_agent: str
    # The maximum number of connections to save in the pool. (default 64)
    max_pool_size: int
    # Use TLS (true); any tls_* key turns it on too.
    tls: bool | _t.Mapping[str, _t.Any]
    # Check the server certificate against the CA (false must be asked for). (default true)
    tls_verify: bool
    # Path to the CA certificate (PEM).
    tls_ca_cert: str
    # Path to the client certificate (PEM).
    tls_client_cert: str
    # Path to the client key (PEM).
    tls_client_key: str
    # The name the server certificate must carry (default: the host).
    tls_server_name: str
    # A Docker CLI context by name: its engine address and TLS files.
    context: str
    # Extra arguments for ssh, for ssh:// engines, such as ["-i", "key"].
    ssh_options: _t.Sequence[_t.Any]
    # Find Podman's Docker-compatible socket instead of a base_url. (default false)
    podman: bool

class ClientNewOptions(TypedDict, total=False):
    """The options of docker_client_new."""

    # URL to the Docker server, for example unix:///var/run/docker.sock or tcp://127.0.0.1:1234. (default "unix:///var/run/docker.sock")
    base_url: str
    # The version of the API to use ("auto" or "1.41"). (default "auto")
    version: str
    # Default timeout for API calls, in seconds. (default 60)
    timeout: float
    # Set a custom user agent for requests to the server.
    user_agent: str
    # The maximum number of connections to save in the pool. (default 64)
    max_pool_size: int
    # Use TLS (true); any tls_* key turns it on too.
    tls: bool | _t.Mapping[str, _t.Any]
    # Check the server certificate against the CA (false must be asked for). (default true)
    tls_verify: bool
    # Path to the CA certificate (PEM).
    tls_ca_cert: str
    # Path to the client certificate (PEM).
    tls_client_cert: str
    # Path to the client key (PEM).
    tls_client_key: str
    # The name the server certificate must carry (default: the host).
    tls_server_name: str
    # A Docker CLI context by name: its engine address and TLS files.
    context: str
    # Extra arguments for ssh, for ssh:// engines, such as ["-i", "key"].
    ssh_options: _t.Sequence[_t.Any]
    # Find Podman's Docker-compatible socket instead of a base_url. (default false)
    podman: bool

class ContainersRunOptions(TypedDict, total=False):
    """The options of docker_containers_run."""

    # Run container in the background and return a Container object. (default false)
    detach: bool
    # Remove the container when it has finished running. (default false)
    remove: bool
    # Return logs from STDOUT when detach=False. (default true)
    stdout: bool
    # Return logs from STDERR when detach=False. (default false)
    stderr: bool
    # docker-py's log generator; refused unless detach is true (read the logs instead). (default false)
    stream: bool
    # Pull the image when the engine does not have it. (default true)
    pull: bool
    # The command to run in the container (when the command argument is NULL).
    command: str | _t.Sequence[_t.Any]
    # enable auto-removal of the container on daemon side when the container's process exits. (API 1.25+)
    auto_remove: bool
    # Block IO weight (relative weight), accepts a weight value between 10 and 1000.
    blkio_weight: int
    # Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}].
    blkio_weight_device: _t.Sequence[_t.Any]
    # Add kernel capabilities.
    cap_add: _t.Sequence[_t.Any]
    # Drop kernel capabilities.
    cap_drop: _t.Sequence[_t.Any]
    # Override the default parent cgroup.
    cgroup_parent: str
    # Override the default cgroup namespace mode for the container.
    cgroupns: str
    # Number of usable CPUs (Windows only). (API 1.25+)
    cpu_count: int
    # Usable percentage of the available CPUs (Windows only). (API 1.25+)
    cpu_percent: int
    # The length of a CPU period in microseconds.
    cpu_period: int
    # Microseconds of CPU time that the container can get in a CPU period.
    cpu_quota: int
    # Limit CPU real-time period in microseconds. (API 1.25+)
    cpu_rt_period: int
    # Limit CPU real-time runtime in microseconds. (API 1.25+)
    cpu_rt_runtime: int
    # CPU shares (relative weight).
    cpu_shares: int
    # CPUs in which to allow execution ("0-3", "0,1").
    cpuset_cpus: str
    # Memory nodes (MEMs) in which to allow execution ("0-3", "0,1").
    cpuset_mems: str
    # A list of cgroup rules to apply to the container. (API 1.28+)
    device_cgroup_rules: _t.Sequence[_t.Any]
    # Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}].
    device_read_bps: _t.Sequence[_t.Any]
    # Limit read rate (IO per second) from a device.
    device_read_iops: _t.Sequence[_t.Any]
    # Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances. (API 1.40+)
    device_requests: _t.Sequence[_t.Any]
    # Limit write rate (bytes per second) from a device.
    device_write_bps: _t.Sequence[_t.Any]
    # Limit write rate (IO per second) from a device.
    device_write_iops: _t.Sequence[_t.Any]
    # Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>".
    devices: _t.Sequence[_t.Any]
    # Set custom DNS servers.
    dns: _t.Sequence[_t.Any]
    # Additional options to be added to the container's "resolv.conf" file.
    dns_opt: _t.Sequence[_t.Any]
    # DNS search domains.
    dns_search: _t.Sequence[_t.Any]
    # Set custom DNS search domains.
    domainname: str | _t.Sequence[_t.Any]
    # The entrypoint for the container.
    entrypoint: str | _t.Sequence[_t.Any]
    # Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]".
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Additional hostnames to resolve inside the container, as a mapping of hostname to IP address.
    extra_hosts: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # List of additional group names and/or IDs that the container process will run as.
    group_add: _t.Sequence[_t.Any]
    # Specify a test to perform to check that the container is healthy. (API 1.24+)
    healthcheck: _t.Mapping[str, _t.Any]
    # Optional hostname for the container.
    hostname: str
    # Run an init inside the container that forwards signals and reaps processes. (API 1.25+)
    init: bool
    # Path to the docker-init binary. (API 1.25+)
    init_path: str
    # Set the IPC mode for the container.
    ipc_mode: str
    # Isolation technology to use.
    isolation: str
    # Kernel memory limit.
    kernel_memory: int | str
    # A dictionary of name-value labels.
    labels: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Mapping of links using the "{'container': 'alias'}" format.
    links: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Logging configuration.
    log_config: _t.Mapping[str, _t.Any]
    # LXC config.
    lxc_conf: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # MAC address to assign to the container.
    mac_address: str
    # Memory limit.
    mem_limit: int | str
    # Memory soft limit.
    mem_reservation: int | str
    # Tune a container's memory swappiness behavior.
    mem_swappiness: int
    # Maximum amount of memory + swap a container is allowed to consume.
    memswap_limit: int | str
    # Specification for mounts to be added to the container. (API 1.30+)
    mounts: _t.Sequence[_t.Any]
    # The name for this container.
    name: str
    # CPU quota in units of 1e-9 CPUs. (API 1.25+)
    nano_cpus: int
    # Name of the network this container will be connected to at creation time.
    network: str
    # Disable networking.
    network_disabled: bool
    # Network mode: "bridge", "none", "container:<name|id>" or "host".
    network_mode: str
    # Dictionary of EndpointConfig objects for each container network.
    networking_config: _t.Mapping[str, _t.Any]
    # Whether to disable OOM killer.
    oom_kill_disable: bool
    # An integer value containing the score given to the container in order to tune OOM killer preferences.
    oom_score_adj: int
    # If set to "host", use the host PID namespace inside the container.
    pid_mode: str
    # Tune a container's pids limit.
    pids_limit: int
    # Platform in the format "os[/arch[/variant]]". (API 1.41+)
    platform: str
    # Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these.
    ports: _t.Mapping[str, _t.Any]
    # Give extended privileges to this container.
    privileged: bool
    # Publish all ports to the host.
    publish_all_ports: bool
    # Mount the container's root filesystem as read only.
    read_only: bool
    # Restart the container when it exits.
    restart_policy: _t.Mapping[str, _t.Any]
    # Runtime to use with this container. (API 1.25+)
    runtime: str
    # A list of string values to customize labels for MLS systems, such as SELinux.
    security_opt: _t.Sequence[_t.Any]
    # Size of /dev/shm.
    shm_size: int | str
    # Keep "STDIN" open even if not attached.
    stdin_open: bool
    # The stop signal to use to stop the container.
    stop_signal: str
    # Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword. (API 1.25+)
    stop_timeout: int
    # Storage driver options per container as a key-value mapping.
    storage_opt: _t.Mapping[str, _t.Any]
    # Kernel parameters to set in the container.
    sysctls: _t.Mapping[str, _t.Any]
    # Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path.
    tmpfs: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Allocate a pseudo-TTY.
    tty: bool
    # Ulimits to set inside the container, as a list of docker.types.Ulimit instances.
    ulimits: _t.Sequence[_t.Any]
    # If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built.
    use_config_proxy: bool
    # Username or UID to run commands as inside the container.
    user: str | int
    # Sets the user namespace mode for the container when user namespace remapping option is enabled.
    userns_mode: str
    # Sets the UTS namespace mode for the container.
    uts_mode: str
    # The name of a volume driver/plugin.
    volume_driver: str
    # A dictionary to configure volumes mounted inside the container.
    volumes: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any] | str
    # List of container names or IDs to get volumes from.
    volumes_from: _t.Sequence[_t.Any] | str
    # Path to the working directory.
    working_dir: str
    # Raw Engine API container config fields, merged last (its fields land at the top level of the create body).
    Config: _t.Mapping[str, _t.Any]
    # Raw Engine API HostConfig fields, merged last, deeply.
    HostConfig: _t.Mapping[str, _t.Any]
    # Raw Engine API NetworkingConfig, merged last, deeply.
    NetworkingConfig: _t.Mapping[str, _t.Any]

class ContainersRunCancelOptions(TypedDict, total=False):
    """The options of docker_containers_run_cancel."""

    # Run container in the background and return a Container object. (default false)
    detach: bool
    # Remove the container when it has finished running. (default false)
    remove: bool
    # Return logs from STDOUT when detach=False. (default true)
    stdout: bool
    # Return logs from STDERR when detach=False. (default false)
    stderr: bool
    # docker-py's log generator; refused unless detach is true (read the logs instead). (default false)
    stream: bool
    # Pull the image when the engine does not have it. (default true)
    pull: bool
    # The command to run in the container (when the command argument is NULL).
    command: str | _t.Sequence[_t.Any]
    # enable auto-removal of the container on daemon side when the container's process exits. (API 1.25+)
    auto_remove: bool
    # Block IO weight (relative weight), accepts a weight value between 10 and 1000.
    blkio_weight: int
    # Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}].
    blkio_weight_device: _t.Sequence[_t.Any]
    # Add kernel capabilities.
    cap_add: _t.Sequence[_t.Any]
    # Drop kernel capabilities.
    cap_drop: _t.Sequence[_t.Any]
    # Override the default parent cgroup.
    cgroup_parent: str
    # Override the default cgroup namespace mode for the container.
    cgroupns: str
    # Number of usable CPUs (Windows only). (API 1.25+)
    cpu_count: int
    # Usable percentage of the available CPUs (Windows only). (API 1.25+)
    cpu_percent: int
    # The length of a CPU period in microseconds.
    cpu_period: int
    # Microseconds of CPU time that the container can get in a CPU period.
    cpu_quota: int
    # Limit CPU real-time period in microseconds. (API 1.25+)
    cpu_rt_period: int
    # Limit CPU real-time runtime in microseconds. (API 1.25+)
    cpu_rt_runtime: int
    # CPU shares (relative weight).
    cpu_shares: int
    # CPUs in which to allow execution ("0-3", "0,1").
    cpuset_cpus: str
    # Memory nodes (MEMs) in which to allow execution ("0-3", "0,1").
    cpuset_mems: str
    # A list of cgroup rules to apply to the container. (API 1.28+)
    device_cgroup_rules: _t.Sequence[_t.Any]
    # Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}].
    device_read_bps: _t.Sequence[_t.Any]
    # Limit read rate (IO per second) from a device.
    device_read_iops: _t.Sequence[_t.Any]
    # Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances. (API 1.40+)
    device_requests: _t.Sequence[_t.Any]
    # Limit write rate (bytes per second) from a device.
    device_write_bps: _t.Sequence[_t.Any]
    # Limit write rate (IO per second) from a device.
    device_write_iops: _t.Sequence[_t.Any]
    # Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>".
    devices: _t.Sequence[_t.Any]
    # Set custom DNS servers.
    dns: _t.Sequence[_t.Any]
    # Additional options to be added to the container's "resolv.conf" file.
    dns_opt: _t.Sequence[_t.Any]
    # DNS search domains.
    dns_search: _t.Sequence[_t.Any]
    # Set custom DNS search domains.
    domainname: str | _t.Sequence[_t.Any]
    # The entrypoint for the container.
    entrypoint: str | _t.Sequence[_t.Any]
    # Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]".
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Additional hostnames to resolve inside the container, as a mapping of hostname to IP address.
    extra_hosts: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # List of additional group names and/or IDs that the container process will run as.
    group_add: _t.Sequence[_t.Any]
    # Specify a test to perform to check that the container is healthy. (API 1.24+)
    healthcheck: _t.Mapping[str, _t.Any]
    # Optional hostname for the container.
    hostname: str
    # Run an init inside the container that forwards signals and reaps processes. (API 1.25+)
    init: bool
    # Path to the docker-init binary. (API 1.25+)
    init_path: str
    # Set the IPC mode for the container.
    ipc_mode: str
    # Isolation technology to use.
    isolation: str
    # Kernel memory limit.
    kernel_memory: int | str
    # A dictionary of name-value labels.
    labels: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Mapping of links using the "{'container': 'alias'}" format.
    links: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Logging configuration.
    log_config: _t.Mapping[str, _t.Any]
    # LXC config.
    lxc_conf: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # MAC address to assign to the container.
    mac_address: str
    # Memory limit.
    mem_limit: int | str
    # Memory soft limit.
    mem_reservation: int | str
    # Tune a container's memory swappiness behavior.
    mem_swappiness: int
    # Maximum amount of memory + swap a container is allowed to consume.
    memswap_limit: int | str
    # Specification for mounts to be added to the container. (API 1.30+)
    mounts: _t.Sequence[_t.Any]
    # The name for this container.
    name: str
    # CPU quota in units of 1e-9 CPUs. (API 1.25+)
    nano_cpus: int
    # Name of the network this container will be connected to at creation time.
    network: str
    # Disable networking.
    network_disabled: bool
    # Network mode: "bridge", "none", "container:<name|id>" or "host".
    network_mode: str
    # Dictionary of EndpointConfig objects for each container network.
    networking_config: _t.Mapping[str, _t.Any]
    # Whether to disable OOM killer.
    oom_kill_disable: bool
    # An integer value containing the score given to the container in order to tune OOM killer preferences.
    oom_score_adj: int
    # If set to "host", use the host PID namespace inside the container.
    pid_mode: str
    # Tune a container's pids limit.
    pids_limit: int
    # Platform in the format "os[/arch[/variant]]". (API 1.41+)
    platform: str
    # Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these.
    ports: _t.Mapping[str, _t.Any]
    # Give extended privileges to this container.
    privileged: bool
    # Publish all ports to the host.
    publish_all_ports: bool
    # Mount the container's root filesystem as read only.
    read_only: bool
    # Restart the container when it exits.
    restart_policy: _t.Mapping[str, _t.Any]
    # Runtime to use with this container. (API 1.25+)
    runtime: str
    # A list of string values to customize labels for MLS systems, such as SELinux.
    security_opt: _t.Sequence[_t.Any]
    # Size of /dev/shm.
    shm_size: int | str
    # Keep "STDIN" open even if not attached.
    stdin_open: bool
    # The stop signal to use to stop the container.
    stop_signal: str
    # Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword. (API 1.25+)
    stop_timeout: int
    # Storage driver options per container as a key-value mapping.
    storage_opt: _t.Mapping[str, _t.Any]
    # Kernel parameters to set in the container.
    sysctls: _t.Mapping[str, _t.Any]
    # Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path.
    tmpfs: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Allocate a pseudo-TTY.
    tty: bool
    # Ulimits to set inside the container, as a list of docker.types.Ulimit instances.
    ulimits: _t.Sequence[_t.Any]
    # If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built.
    use_config_proxy: bool
    # Username or UID to run commands as inside the container.
    user: str | int
    # Sets the user namespace mode for the container when user namespace remapping option is enabled.
    userns_mode: str
    # Sets the UTS namespace mode for the container.
    uts_mode: str
    # The name of a volume driver/plugin.
    volume_driver: str
    # A dictionary to configure volumes mounted inside the container.
    volumes: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any] | str
    # List of container names or IDs to get volumes from.
    volumes_from: _t.Sequence[_t.Any] | str
    # Path to the working directory.
    working_dir: str
    # Raw Engine API container config fields, merged last (its fields land at the top level of the create body).
    Config: _t.Mapping[str, _t.Any]
    # Raw Engine API HostConfig fields, merged last, deeply.
    HostConfig: _t.Mapping[str, _t.Any]
    # Raw Engine API NetworkingConfig, merged last, deeply.
    NetworkingConfig: _t.Mapping[str, _t.Any]

class ContainersCreateOptions(TypedDict, total=False):
    """The options of docker_containers_create."""

    # Pull the image when the engine does not have it. (default true)
    pull: bool
    # The command to run in the container (when the command argument is NULL).
    command: str | _t.Sequence[_t.Any]
    # enable auto-removal of the container on daemon side when the container's process exits. (API 1.25+)
    auto_remove: bool
    # Block IO weight (relative weight), accepts a weight value between 10 and 1000.
    blkio_weight: int
    # Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}].
    blkio_weight_device: _t.Sequence[_t.Any]
    # Add kernel capabilities.
    cap_add: _t.Sequence[_t.Any]
    # Drop kernel capabilities.
    cap_drop: _t.Sequence[_t.Any]
    # Override the default parent cgroup.
    cgroup_parent: str
    # Override the default cgroup namespace mode for the container.
    cgroupns: str
    # Number of usable CPUs (Windows only). (API 1.25+)
    cpu_count: int
    # Usable percentage of the available CPUs (Windows only). (API 1.25+)
    cpu_percent: int
    # The length of a CPU period in microseconds.
    cpu_period: int
    # Microseconds of CPU time that the container can get in a CPU period.
    cpu_quota: int
    # Limit CPU real-time period in microseconds. (API 1.25+)
    cpu_rt_period: int
    # Limit CPU real-time runtime in microseconds. (API 1.25+)
    cpu_rt_runtime: int
    # CPU shares (relative weight).
    cpu_shares: int
    # CPUs in which to allow execution ("0-3", "0,1").
    cpuset_cpus: str
    # Memory nodes (MEMs) in which to allow execution ("0-3", "0,1").
    cpuset_mems: str
    # Run container in the background and return a Container object.
    detach: bool
    # A list of cgroup rules to apply to the container. (API 1.28+)
    device_cgroup_rules: _t.Sequence[_t.Any]
    # Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}].
    device_read_bps: _t.Sequence[_t.Any]
    # Limit read rate (IO per second) from a device.
    device_read_iops: _t.Sequence[_t.Any]
    # Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances. (API 1.40+)
    device_requests: _t.Sequence[_t.Any]
    # Limit write rate (bytes per second) from a device.
    device_write_bps: _t.Sequence[_t.Any]
    # Limit write rate (IO per second) from a device.
    device_write_iops: _t.Sequence[_t.Any]
    # Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>".
    devices: _t.Sequence[_t.Any]
    # Set custom DNS servers.
    dns: _t.Sequence[_t.Any]
    # Additional options to be added to the container's "resolv.conf" file.
    dns_opt: _t.Sequence[_t.Any]
    # DNS search domains.
    dns_search: _t.Sequence[_t.Any]
    # Set custom DNS search domains.
    domainname: str | _t.Sequence[_t.Any]
    # The entrypoint for the container.
    entrypoint: str | _t.Sequence[_t.Any]
    # Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]".
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Additional hostnames to resolve inside the container, as a mapping of hostname to IP address.
    extra_hosts: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # List of additional group names and/or IDs that the container process will run as.
    group_add: _t.Sequence[_t.Any]
    # Specify a test to perform to check that the container is healthy. (API 1.24+)
    healthcheck: _t.Mapping[str, _t.Any]
    # Optional hostname for the container.
    hostname: str
    # Run an init inside the container that forwards signals and reaps processes. (API 1.25+)
    init: bool
    # Path to the docker-init binary. (API 1.25+)
    init_path: str
    # Set the IPC mode for the container.
    ipc_mode: str
    # Isolation technology to use.
    isolation: str
    # Kernel memory limit.
    kernel_memory: int | str
    # A dictionary of name-value labels.
    labels: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Mapping of links using the "{'container': 'alias'}" format.
    links: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Logging configuration.
    log_config: _t.Mapping[str, _t.Any]
    # LXC config.
    lxc_conf: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # MAC address to assign to the container.
    mac_address: str
    # Memory limit.
    mem_limit: int | str
    # Memory soft limit.
    mem_reservation: int | str
    # Tune a container's memory swappiness behavior.
    mem_swappiness: int
    # Maximum amount of memory + swap a container is allowed to consume.
    memswap_limit: int | str
    # Specification for mounts to be added to the container. (API 1.30+)
    mounts: _t.Sequence[_t.Any]
    # The name for this container.
    name: str
    # CPU quota in units of 1e-9 CPUs. (API 1.25+)
    nano_cpus: int
    # Name of the network this container will be connected to at creation time.
    network: str
    # Disable networking.
    network_disabled: bool
    # Network mode: "bridge", "none", "container:<name|id>" or "host".
    network_mode: str
    # Dictionary of EndpointConfig objects for each container network.
    networking_config: _t.Mapping[str, _t.Any]
    # Whether to disable OOM killer.
    oom_kill_disable: bool
    # An integer value containing the score given to the container in order to tune OOM killer preferences.
    oom_score_adj: int
    # If set to "host", use the host PID namespace inside the container.
    pid_mode: str
    # Tune a container's pids limit.
    pids_limit: int
    # Platform in the format "os[/arch[/variant]]". (API 1.41+)
    platform: str
    # Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these.
    ports: _t.Mapping[str, _t.Any]
    # Give extended privileges to this container.
    privileged: bool
    # Publish all ports to the host.
    publish_all_ports: bool
    # Mount the container's root filesystem as read only.
    read_only: bool
    # Restart the container when it exits.
    restart_policy: _t.Mapping[str, _t.Any]
    # Runtime to use with this container. (API 1.25+)
    runtime: str
    # A list of string values to customize labels for MLS systems, such as SELinux.
    security_opt: _t.Sequence[_t.Any]
    # Size of /dev/shm.
    shm_size: int | str
    # Keep "STDIN" open even if not attached.
    stdin_open: bool
    # The stop signal to use to stop the container.
    stop_signal: str
    # Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword. (API 1.25+)
    stop_timeout: int
    # Storage driver options per container as a key-value mapping.
    storage_opt: _t.Mapping[str, _t.Any]
    # Kernel parameters to set in the container.
    sysctls: _t.Mapping[str, _t.Any]
    # Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path.
    tmpfs: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Allocate a pseudo-TTY.
    tty: bool
    # Ulimits to set inside the container, as a list of docker.types.Ulimit instances.
    ulimits: _t.Sequence[_t.Any]
    # If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built.
    use_config_proxy: bool
    # Username or UID to run commands as inside the container.
    user: str | int
    # Sets the user namespace mode for the container when user namespace remapping option is enabled.
    userns_mode: str
    # Sets the UTS namespace mode for the container.
    uts_mode: str
    # The name of a volume driver/plugin.
    volume_driver: str
    # A dictionary to configure volumes mounted inside the container.
    volumes: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any] | str
    # List of container names or IDs to get volumes from.
    volumes_from: _t.Sequence[_t.Any] | str
    # Path to the working directory.
    working_dir: str
    # Raw Engine API container config fields, merged last (its fields land at the top level of the create body).
    Config: _t.Mapping[str, _t.Any]
    # Raw Engine API HostConfig fields, merged last, deeply.
    HostConfig: _t.Mapping[str, _t.Any]
    # Raw Engine API NetworkingConfig, merged last, deeply.
    NetworkingConfig: _t.Mapping[str, _t.Any]

class ContainersListOptions(TypedDict, total=False):
    """The options of docker_containers_list."""

    # Show all containers. (default false)
    all: bool
    # Show only container created before Id or Name, include non-running ones.
    before: str
    # Show only containers created since Id or Name, include non-running ones.
    since: str
    # Show limit last created containers, include non-running ones.
    limit: int
    # Filters to be processed on the container list, such as {"status": "exited", "label": ["a=b"]}.
    filters: _t.Mapping[str, _t.Any]
    # Do not inspect containers: the engine's list entries as they are. (default false)
    sparse: bool
    # Ignore failures due to missing containers when attempting to inspect containers from the original list. (default true)
    ignore_removed: bool

class ContainersPruneOptions(TypedDict, total=False):
    """The options of docker_containers_prune."""

    # Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}.
    filters: _t.Mapping[str, _t.Any]

class ContainerStopOptions(TypedDict, total=False):
    """The options of docker_container_stop."""

    # Timeout in seconds to wait for the container to stop before sending a SIGKILL (-1: wait for ever).
    timeout: int
    # The signal to stop it with (a name such as "SIGTERM" or a number). (API 1.42+)
    signal: str

class ContainerRestartOptions(TypedDict, total=False):
    """The options of docker_container_restart."""

    # Number of seconds to try to stop for before killing the container. (default 10)
    timeout: int
    # The signal to stop it with (a name such as "SIGTERM" or a number). (API 1.42+)
    signal: str

class ContainerRemoveOptions(TypedDict, total=False):
    """The options of docker_container_remove."""

    # Remove the volumes associated with the container. (default false)
    v: bool
    # Remove the specified link and not the underlying container. (default false)
    link: bool
    # Force the removal of a running container (uses SIGKILL). (default false)
    force: bool

class ContainerWaitOptions(TypedDict, total=False):
    """The options of docker_container_wait."""

    # Wait until a container state reaches the given condition, either not-running (default), next-exit, or removed. (default "not-running"; API 1.30+)
    condition: str
    # Seconds to wait; when they pass: DOCKER_ERR_TIMEOUT (omitted: for ever).
    timeout: float

class ContainerWaitCancelOptions(TypedDict, total=False):
    """The options of docker_container_wait_cancel."""

    # Wait until a container state reaches the given condition, either not-running (default), next-exit, or removed. (default "not-running"; API 1.30+)
    condition: str
    # Seconds to wait; when they pass: DOCKER_ERR_TIMEOUT (omitted: for ever).
    timeout: float

class ContainerUpdateOptions(TypedDict, total=False):
    """The options of docker_container_update."""

    # Block IO (relative weight), between 10 and 1000.
    blkio_weight: int
    # Limit CPU CFS (Completely Fair Scheduler) period.
    cpu_period: int
    # Limit CPU CFS (Completely Fair Scheduler) quota.
    cpu_quota: int
    # CPU shares (relative weight).
    cpu_shares: int
    # CPUs in which to allow execution.
    cpuset_cpus: str
    # MEMs in which to allow execution.
    cpuset_mems: str
    # Memory limit ("512m" or bytes).
    mem_limit: int | str
    # Memory soft limit.
    mem_reservation: int | str
    # Total memory (memory + swap), -1 to disable swap.
    memswap_limit: int | str
    # Kernel memory limit.
    kernel_memory: int | str
    # Restart policy dictionary.
    restart_policy: _t.Mapping[str, _t.Any]
    # CPU quota in units of 1e-9 CPUs.
    nano_cpus: int
    # CPUs as a number (1.5), sent as NanoCpus.
    cpus: float
    # Tune a container's pids limit (0 lifts the limit).
    pids_limit: int
    # Limit CPU real-time period in microseconds.
    cpu_rt_period: int
    # Limit CPU real-time runtime in microseconds.
    cpu_rt_runtime: int
    # Whether to disable OOM killer.
    oom_kill_disable: bool

class ContainerCommitOptions(TypedDict, total=False):
    """The options of docker_container_commit."""

    # The repository to push the image to.
    repository: str
    # The tag to push.
    tag: str
    # A commit message.
    message: str
    # The name of the author.
    author: str
    # Dockerfile instructions to apply while committing.
    changes: str | _t.Sequence[_t.Any]
    # The configuration for the container.
    conf: _t.Mapping[str, _t.Any]
    # Whether to pause the container before committing. (default true)
    pause: bool

class ContainerPutArchiveOptions(TypedDict, total=False):
    """The options of docker_container_put_archive."""

    # Refuse to replace a directory with a non-directory and the reverse. (default false)
    no_overwrite_dir_non_dir: bool
    # Keep the archive's owners (uid and gid). (default false; API 1.40+)
    copy_uid_gid: bool

class ContainerPutArchiveFileOptions(TypedDict, total=False):
    """The options of docker_container_put_archive_file."""

    # Refuse to replace a directory with a non-directory and the reverse. (default false)
    no_overwrite_dir_non_dir: bool
    # Keep the archive's owners (uid and gid). (default false; API 1.40+)
    copy_uid_gid: bool

class ContainerPutArchiveReaderOptions(TypedDict, total=False):
    """The options of docker_container_put_archive_reader."""

    # Refuse to replace a directory with a non-directory and the reverse. (default false)
    no_overwrite_dir_non_dir: bool
    # Keep the archive's owners (uid and gid). (default false; API 1.40+)
    copy_uid_gid: bool

class ContainerGetArchiveOptions(TypedDict, total=False):
    """The options of docker_container_get_archive."""

    # Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
    idle_timeout: float

class ContainerExportOptions(TypedDict, total=False):
    """The options of docker_container_export."""

    # Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
    idle_timeout: float

class ContainerCopyToOptions(TypedDict, total=False):
    """The options of docker_container_copy_to."""

    # Copy what a top-level symlink points to (docker cp -L). (default false)
    follow_link: bool
    # Keep the files' owners (uid and gid). (default false; API 1.40+)
    copy_uid_gid: bool

class ContainerCopyFromOptions(TypedDict, total=False):
    """The options of docker_container_copy_from."""

    # Copy what a top-level symlink points to (docker cp -L). (default false)
    follow_link: bool
    # Keep owners (docker cp -a; needs the rights). (default false)
    archive: bool

class ImagesPullOptions(TypedDict, total=False):
    """The options of docker_images_pull."""

    # Platform in the format os[/arch[/variant]]. (API 1.32+)
    platform: str
    # Seconds the whole pull may take (default: no limit).
    timeout: float

class ImagesRemoveOptions(TypedDict, total=False):
    """The options of docker_images_remove."""

    # Force removal of the image. (default false)
    force: bool
    # Do not delete untagged parents. (default false)
    noprune: bool

class ImagesListOptions(TypedDict, total=False):
    """The options of docker_images_list."""

    # Only show images belonging to the repository name (sent as the reference filter).
    name: str
    # Show intermediate image layers. (default false)
    all: bool
    # Filters to be processed on the image list, such as {"dangling": true, "label": ["a=b"]}.
    filters: _t.Mapping[str, _t.Any]

class ImagesTagOptions(TypedDict, total=False):
    """The options of docker_images_tag."""

    # The tag name (the engine's default: latest).
    tag: str
    # Force the tag. (default false)
    force: bool

class ImagesPruneOptions(TypedDict, total=False):
    """The options of docker_images_prune."""

    # Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}.
    filters: _t.Mapping[str, _t.Any]

class NetworksCreateOptions(TypedDict, total=False):
    """The options of docker_networks_create."""

    # Name of the driver used to create the network.
    driver: str
    # Driver options as a key-value dictionary.
    options: _t.Mapping[str, _t.Any]
    # Optional custom IP scheme for the network: docker-py's IPAMConfig ({"driver", "pool_configs": [{"subnet", "iprange", "gateway", "aux_addresses"}], "options"}) or the Engine API's IPAM object.
    ipam: _t.Mapping[str, _t.Any]
    # Request daemon to check for networks with same name.
    check_duplicate: bool
    # Restrict external access to the network. (default false)
    internal: bool
    # Map of labels to set on the network.
    labels: _t.Mapping[str, _t.Any]
    # Enable IPv6 on the network. (default false)
    enable_ipv6: bool
    # If enabled, and the network is in the global scope, non-service containers on worker nodes will be able to connect to the network.
    attachable: bool
    # Specify the network's scope (local, global or swarm).
    scope: str
    # If set, create an ingress network which provides the routing-mesh in swarm mode.
    ingress: bool

class NetworksGetOptions(TypedDict, total=False):
    """The options of docker_networks_get."""

    # Retrieve the service details across the cluster in swarm mode.
    verbose: bool
    # Filter the network by scope (swarm, global or local).
    scope: str

class NetworksListOptions(TypedDict, total=False):
    """The options of docker_networks_list."""

    # List of names to filter by.
    names: _t.Sequence[_t.Any]
    # List of ids to filter by.
    ids: _t.Sequence[_t.Any]
    # Filters to be processed on the network list, such as {"driver": "bridge", "label": ["a=b"]}.
    filters: _t.Mapping[str, _t.Any]
    # Fetch more details for each network individually (the engine's inspect of each). (default false)
    greedy: bool

class NetworksPruneOptions(TypedDict, total=False):
    """The options of docker_networks_prune."""

    # Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}.
    filters: _t.Mapping[str, _t.Any]

class NetworkConnectOptions(TypedDict, total=False):
    """The options of docker_network_connect."""

    # A list of aliases for this endpoint. Names in that list can be used within the network to reach the container.
    aliases: _t.Sequence[_t.Any]
    # A list of links for this endpoint. Containers declared in this list will be linked to this container.
    links: _t.Sequence[_t.Any] | _t.Mapping[str, _t.Any]
    # The IP address of this container on the network, using the IPv4 protocol.
    ipv4_address: str
    # The IP address of this container on the network, using the IPv6 protocol.
    ipv6_address: str
    # A list of link-local (IPv4/IPv6) addresses.
    link_local_ips: _t.Sequence[_t.Any]
    # A dictionary of options to provide to the network driver.
    driver_opt: _t.Mapping[str, _t.Any]
    # The MAC address of this container on the network. (API 1.44+)
    mac_address: str

class NetworkDisconnectOptions(TypedDict, total=False):
    """The options of docker_network_disconnect."""

    # Force the action (disconnect a running container; remove a volume in use). (default false)
    force: bool

class VolumesCreateOptions(TypedDict, total=False):
    """The options of docker_volumes_create."""

    # Name of the volume; the engine makes one up when absent.
    name: str
    # Name of the driver used to create the volume.
    driver: str
    # Driver options as a key-value dictionary.
    driver_opts: _t.Mapping[str, _t.Any]
    # Labels to set on the volume.
    labels: _t.Mapping[str, _t.Any]

class VolumesListOptions(TypedDict, total=False):
    """The options of docker_volumes_list."""

    # Server-side list filtering options, such as {"label": ["a=b"], "dangling": true}.
    filters: _t.Mapping[str, _t.Any]

class VolumesPruneOptions(TypedDict, total=False):
    """The options of docker_volumes_prune."""

    # Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}.
    filters: _t.Mapping[str, _t.Any]

class VolumeRemoveOptions(TypedDict, total=False):
    """The options of docker_volume_remove."""

    # Force the action (disconnect a running container; remove a volume in use). (default false)
    force: bool

class ContainerLogsOptions(TypedDict, total=False):
    """The options of docker_container_logs."""

    # Get STDOUT. (default true)
    stdout: bool
    # Get STDERR. (default true)
    stderr: bool
    # Show timestamps. (default false)
    timestamps: bool
    # Output specified number of lines at the end of logs: an integer or "all". (default "all")
    tail: str | int
    # Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m").
    since: str | float
    # Show logs that occurred before the given time (as since). (API 1.35+)
    until: str | float
    # Follow log output. (default false)
    follow: bool
    # Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
    idle_timeout: float

class ContainerLogsOpenOptions(TypedDict, total=False):
    """The options of docker_container_logs_open."""

    # Get STDOUT. (default true)
    stdout: bool
    # Get STDERR. (default true)
    stderr: bool
    # Show timestamps. (default false)
    timestamps: bool
    # Output specified number of lines at the end of logs: an integer or "all". (default "all")
    tail: str | int
    # Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m").
    since: str | float
    # Show logs that occurred before the given time (as since). (API 1.35+)
    until: str | float
    # Follow log output. (default false)
    follow: bool

class ContainerLogsBufferOptions(TypedDict, total=False):
    """The options of docker_container_logs_buffer."""

    # Get STDOUT. (default true)
    stdout: bool
    # Get STDERR. (default true)
    stderr: bool
    # Show timestamps. (default false)
    timestamps: bool
    # Output specified number of lines at the end of logs: an integer or "all". (default "all")
    tail: str | int
    # Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m").
    since: str | float
    # Show logs that occurred before the given time (as since). (API 1.35+)
    until: str | float
    # Follow log output. (default false)
    follow: bool
    # Return stdout and stderr separately. (default false)
    demux: bool

class ContainerStatsOptions(TypedDict, total=False):
    """The options of docker_container_stats."""

    # Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
    idle_timeout: float

class ContainerStatsOpenOptions(TypedDict, total=False):
    """The options of docker_container_stats_open."""

    pass

class ContainerStatsOnceOptions(TypedDict, total=False):
    """The options of docker_container_stats_once."""

    # true: the sample at once, without the previous CPU reading; false: wait for a second reading. (default true; API 1.41+)
    one_shot: bool

class ContainerAttachOptions(TypedDict, total=False):
    """The options of docker_container_attach."""

    # Include stdout. (default true)
    stdout: bool
    # Include stderr. (default true)
    stderr: bool
    # Return container output progressively. (default true)
    stream: bool
    # Include the container's previous output. (default false)
    logs: bool
    # Override the key sequence for detaching a container.
    detach_keys: str
    # Attach to stdin. (default false)
    stdin: bool
    # Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
    idle_timeout: float

class ContainerAttachOpenOptions(TypedDict, total=False):
    """The options of docker_container_attach_open."""

    # Include stdout. (default true)
    stdout: bool
    # Include stderr. (default true)
    stderr: bool
    # Return container output progressively. (default true)
    stream: bool
    # Include the container's previous output. (default false)
    logs: bool
    # Override the key sequence for detaching a container.
    detach_keys: str
    # Attach to stdin. (default true)
    stdin: bool

class ContainerExecRunOptions(TypedDict, total=False):
    """The options of docker_container_exec_run."""

    # Command to be executed (when the cmd argument is NULL).
    cmd: str | _t.Sequence[_t.Any]
    # Attach to stdout. (default true)
    stdout: bool
    # Attach to stderr. (default true)
    stderr: bool
    # Allocate a pseudo-TTY. (default false)
    tty: bool
    # Run as privileged. (default false)
    privileged: bool
    # User to execute command as.
    user: str | int
    # A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}.
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Path to working directory for this exec session. (API 1.35+)
    workdir: str
    # Override the key sequence for detaching a container.
    detach_keys: str
    # Attach to stdin. (default false)
    stdin: bool
    # Return stdout and stderr separately. (default false)
    demux: bool

class ContainerExecStreamOptions(TypedDict, total=False):
    """The options of docker_container_exec_stream."""

    # Command to be executed (when the cmd argument is NULL).
    cmd: str | _t.Sequence[_t.Any]
    # Attach to stdout. (default true)
    stdout: bool
    # Attach to stderr. (default true)
    stderr: bool
    # Allocate a pseudo-TTY. (default false)
    tty: bool
    # Run as privileged. (default false)
    privileged: bool
    # User to execute command as.
    user: str | int
    # A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}.
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Path to working directory for this exec session. (API 1.35+)
    workdir: str
    # Override the key sequence for detaching a container.
    detach_keys: str
    # Attach to stdin. (default false)
    stdin: bool
    # Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
    idle_timeout: float

class ContainerExecOpenOptions(TypedDict, total=False):
    """The options of docker_container_exec_open."""

    # Command to be executed (when the cmd argument is NULL).
    cmd: str | _t.Sequence[_t.Any]
    # Attach to stdout. (default true)
    stdout: bool
    # Attach to stderr. (default true)
    stderr: bool
    # Allocate a pseudo-TTY. (default false)
    tty: bool
    # Run as privileged. (default false)
    privileged: bool
    # User to execute command as.
    user: str | int
    # A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}.
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Path to working directory for this exec session. (API 1.35+)
    workdir: str
    # Override the key sequence for detaching a container.
    detach_keys: str
    # Attach to stdin. (default true)
    stdin: bool

class ContainerExecDetachedOptions(TypedDict, total=False):
    """The options of docker_container_exec_detached."""

    # Command to be executed (when the cmd argument is NULL).
    cmd: str | _t.Sequence[_t.Any]
    # Attach to stdout. (default true)
    stdout: bool
    # Attach to stderr. (default true)
    stderr: bool
    # Allocate a pseudo-TTY. (default false)
    tty: bool
    # Run as privileged. (default false)
    privileged: bool
    # User to execute command as.
    user: str | int
    # A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}.
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Path to working directory for this exec session. (API 1.35+)
    workdir: str
    # Override the key sequence for detaching a container.
    detach_keys: str
    # Attach to stdin. (default false)
    stdin: bool

class ContainerTopOptions(TypedDict, total=False):
    """The options of docker_container_top."""

    # An optional arguments passed to ps (for example, aux).
    ps_args: str

class ClientEventsOptions(TypedDict, total=False):
    """The options of docker_client_events."""

    # Get events from this time: unix seconds, RFC 3339, or a duration back from now ("10m").
    since: str | float
    # Get events until this time (as since); without it the stream runs until stopped.
    until: str | float
    # Filters: type, event, container, image, label, network, volume, daemon, ... (docker-py's dict).
    filters: _t.Mapping[str, _t.Any]
    # Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
    idle_timeout: float

class ClientEventsOpenOptions(TypedDict, total=False):
    """The options of docker_client_events_open."""

    # Get events from this time: unix seconds, RFC 3339, or a duration back from now ("10m").
    since: str | float
    # Get events until this time (as since); without it the stream runs until stopped.
    until: str | float
    # Filters: type, event, container, image, label, network, volume, daemon, ... (docker-py's dict).
    filters: _t.Mapping[str, _t.Any]

class ClientStatsOptions(TypedDict, total=False):
    """The options of docker_client_stats."""

    # Which containers: the filters of containers.list (name, label, id, ...).
    filters: _t.Mapping[str, _t.Any]
    # Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
    idle_timeout: float

class ClientStatsOpenOptions(TypedDict, total=False):
    """The options of docker_client_stats_open."""

    # Which containers: the filters of containers.list (name, label, id, ...).
    filters: _t.Mapping[str, _t.Any]

class ClientKwargs(TypedDict, total=False):
    """The options of docker_client_new."""

    # Set a custom user agent for requests to the server.
    user_agent: str
    # The maximum number of connections to save in the pool. (default 64)
    max_pool_size: int
    # Use TLS (true); any tls_* key turns it on too.
    tls: bool | _t.Mapping[str, _t.Any]
    # Check the server certificate against the CA (false must be asked for). (default true)
    tls_verify: bool
    # Path to the CA certificate (PEM).
    tls_ca_cert: str
    # Path to the client certificate (PEM).
    tls_client_cert: str
    # Path to the client key (PEM).
    tls_client_key: str
    # The name the server certificate must carry (default: the host).
    tls_server_name: str
    # A Docker CLI context by name: its engine address and TLS files.
    context: str
    # Extra arguments for ssh, for ssh:// engines, such as ["-i", "key"].
    ssh_options: _t.Sequence[_t.Any]
    # Find Podman's Docker-compatible socket instead of a base_url. (default false)
    podman: bool

class FromEnvKwargs(TypedDict, total=False):
    """The options of docker_client_from_env."""

    # Set a custom user agent for requests to the server.
    user_agent: str
    # The maximum number of connections to save in the pool. (default 64)
    max_pool_size: int
    # Use TLS (true); any tls_* key turns it on too.
    tls: bool | _t.Mapping[str, _t.Any]
    # Check the server certificate against the CA (false must be asked for). (default true)
    tls_verify: bool
    # Path to the CA certificate (PEM).
    tls_ca_cert: str
    # Path to the client certificate (PEM).
    tls_client_cert: str
    # Path to the client key (PEM).
    tls_client_key: str
    # The name the server certificate must carry (default: the host).
    tls_server_name: str
    # A Docker CLI context by name: its engine address and TLS files.
    context: str
    # Extra arguments for ssh, for ssh:// engines, such as ["-i", "key"].
    ssh_options: _t.Sequence[_t.Any]
    # Find Podman's Docker-compatible socket instead of a base_url. (default false)
    podman: bool

class RunKwargs(TypedDict, total=False):
    """The options of docker_containers_run."""

    # Pull the image when the engine does not have it. (default true)
    pull: bool
    # enable auto-removal of the container on daemon side when the container's process exits. (API 1.25+)
    auto_remove: bool
    # Block IO weight (relative weight), accepts a weight value between 10 and 1000.
    blkio_weight: int
    # Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}].
    blkio_weight_device: _t.Sequence[_t.Any]
    # Add kernel capabilities.
    cap_add: _t.Sequence[_t.Any]
    # Drop kernel capabilities.
    cap_drop: _t.Sequence[_t.Any]
    # Override the default parent cgroup.
    cgroup_parent: str
    # Override the default cgroup namespace mode for the container.
    cgroupns: str
    # Number of usable CPUs (Windows only). (API 1.25+)
    cpu_count: int
    # Usable percentage of the available CPUs (Windows only). (API 1.25+)
    cpu_percent: int
    # The length of a CPU period in microseconds.
    cpu_period: int
    # Microseconds of CPU time that the container can get in a CPU period.
    cpu_quota: int
    # Limit CPU real-time period in microseconds. (API 1.25+)
    cpu_rt_period: int
    # Limit CPU real-time runtime in microseconds. (API 1.25+)
    cpu_rt_runtime: int
    # CPU shares (relative weight).
    cpu_shares: int
    # CPUs in which to allow execution ("0-3", "0,1").
    cpuset_cpus: str
    # Memory nodes (MEMs) in which to allow execution ("0-3", "0,1").
    cpuset_mems: str
    # A list of cgroup rules to apply to the container. (API 1.28+)
    device_cgroup_rules: _t.Sequence[_t.Any]
    # Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}].
    device_read_bps: _t.Sequence[_t.Any]
    # Limit read rate (IO per second) from a device.
    device_read_iops: _t.Sequence[_t.Any]
    # Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances. (API 1.40+)
    device_requests: _t.Sequence[_t.Any]
    # Limit write rate (bytes per second) from a device.
    device_write_bps: _t.Sequence[_t.Any]
    # Limit write rate (IO per second) from a device.
    device_write_iops: _t.Sequence[_t.Any]
    # Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>".
    devices: _t.Sequence[_t.Any]
    # Set custom DNS servers.
    dns: _t.Sequence[_t.Any]
    # Additional options to be added to the container's "resolv.conf" file.
    dns_opt: _t.Sequence[_t.Any]
    # DNS search domains.
    dns_search: _t.Sequence[_t.Any]
    # Set custom DNS search domains.
    domainname: str | _t.Sequence[_t.Any]
    # The entrypoint for the container.
    entrypoint: str | _t.Sequence[_t.Any]
    # Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]".
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Additional hostnames to resolve inside the container, as a mapping of hostname to IP address.
    extra_hosts: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # List of additional group names and/or IDs that the container process will run as.
    group_add: _t.Sequence[_t.Any]
    # Specify a test to perform to check that the container is healthy. (API 1.24+)
    healthcheck: _t.Mapping[str, _t.Any]
    # Optional hostname for the container.
    hostname: str
    # Run an init inside the container that forwards signals and reaps processes. (API 1.25+)
    init: bool
    # Path to the docker-init binary. (API 1.25+)
    init_path: str
    # Set the IPC mode for the container.
    ipc_mode: str
    # Isolation technology to use.
    isolation: str
    # Kernel memory limit.
    kernel_memory: int | str
    # A dictionary of name-value labels.
    labels: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Mapping of links using the "{'container': 'alias'}" format.
    links: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Logging configuration.
    log_config: _t.Mapping[str, _t.Any]
    # LXC config.
    lxc_conf: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # MAC address to assign to the container.
    mac_address: str
    # Memory limit.
    mem_limit: int | str
    # Memory soft limit.
    mem_reservation: int | str
    # Tune a container's memory swappiness behavior.
    mem_swappiness: int
    # Maximum amount of memory + swap a container is allowed to consume.
    memswap_limit: int | str
    # Specification for mounts to be added to the container. (API 1.30+)
    mounts: _t.Sequence[_t.Any]
    # The name for this container.
    name: str
    # CPU quota in units of 1e-9 CPUs. (API 1.25+)
    nano_cpus: int
    # Name of the network this container will be connected to at creation time.
    network: str
    # Disable networking.
    network_disabled: bool
    # Network mode: "bridge", "none", "container:<name|id>" or "host".
    network_mode: str
    # Dictionary of EndpointConfig objects for each container network.
    networking_config: _t.Mapping[str, _t.Any]
    # Whether to disable OOM killer.
    oom_kill_disable: bool
    # An integer value containing the score given to the container in order to tune OOM killer preferences.
    oom_score_adj: int
    # If set to "host", use the host PID namespace inside the container.
    pid_mode: str
    # Tune a container's pids limit.
    pids_limit: int
    # Platform in the format "os[/arch[/variant]]". (API 1.41+)
    platform: str
    # Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these.
    ports: _t.Mapping[str, _t.Any]
    # Give extended privileges to this container.
    privileged: bool
    # Publish all ports to the host.
    publish_all_ports: bool
    # Mount the container's root filesystem as read only.
    read_only: bool
    # Restart the container when it exits.
    restart_policy: _t.Mapping[str, _t.Any]
    # Runtime to use with this container. (API 1.25+)
    runtime: str
    # A list of string values to customize labels for MLS systems, such as SELinux.
    security_opt: _t.Sequence[_t.Any]
    # Size of /dev/shm.
    shm_size: int | str
    # Keep "STDIN" open even if not attached.
    stdin_open: bool
    # The stop signal to use to stop the container.
    stop_signal: str
    # Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword. (API 1.25+)
    stop_timeout: int
    # Storage driver options per container as a key-value mapping.
    storage_opt: _t.Mapping[str, _t.Any]
    # Kernel parameters to set in the container.
    sysctls: _t.Mapping[str, _t.Any]
    # Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path.
    tmpfs: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Allocate a pseudo-TTY.
    tty: bool
    # Ulimits to set inside the container, as a list of docker.types.Ulimit instances.
    ulimits: _t.Sequence[_t.Any]
    # If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built.
    use_config_proxy: bool
    # Username or UID to run commands as inside the container.
    user: str | int
    # Sets the user namespace mode for the container when user namespace remapping option is enabled.
    userns_mode: str
    # Sets the UTS namespace mode for the container.
    uts_mode: str
    # The name of a volume driver/plugin.
    volume_driver: str
    # A dictionary to configure volumes mounted inside the container.
    volumes: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any] | str
    # List of container names or IDs to get volumes from.
    volumes_from: _t.Sequence[_t.Any] | str
    # Path to the working directory.
    working_dir: str
    # Raw Engine API container config fields, merged last (its fields land at the top level of the create body).
    Config: _t.Mapping[str, _t.Any]
    # Raw Engine API HostConfig fields, merged last, deeply.
    HostConfig: _t.Mapping[str, _t.Any]
    # Raw Engine API NetworkingConfig, merged last, deeply.
    NetworkingConfig: _t.Mapping[str, _t.Any]

class CreateKwargs(TypedDict, total=False):
    """The options of docker_containers_create."""

    # Pull the image when the engine does not have it. (default true)
    pull: bool
    # enable auto-removal of the container on daemon side when the container's process exits. (API 1.25+)
    auto_remove: bool
    # Block IO weight (relative weight), accepts a weight value between 10 and 1000.
    blkio_weight: int
    # Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}].
    blkio_weight_device: _t.Sequence[_t.Any]
    # Add kernel capabilities.
    cap_add: _t.Sequence[_t.Any]
    # Drop kernel capabilities.
    cap_drop: _t.Sequence[_t.Any]
    # Override the default parent cgroup.
    cgroup_parent: str
    # Override the default cgroup namespace mode for the container.
    cgroupns: str
    # Number of usable CPUs (Windows only). (API 1.25+)
    cpu_count: int
    # Usable percentage of the available CPUs (Windows only). (API 1.25+)
    cpu_percent: int
    # The length of a CPU period in microseconds.
    cpu_period: int
    # Microseconds of CPU time that the container can get in a CPU period.
    cpu_quota: int
    # Limit CPU real-time period in microseconds. (API 1.25+)
    cpu_rt_period: int
    # Limit CPU real-time runtime in microseconds. (API 1.25+)
    cpu_rt_runtime: int
    # CPU shares (relative weight).
    cpu_shares: int
    # CPUs in which to allow execution ("0-3", "0,1").
    cpuset_cpus: str
    # Memory nodes (MEMs) in which to allow execution ("0-3", "0,1").
    cpuset_mems: str
    # Run container in the background and return a Container object.
    detach: bool
    # A list of cgroup rules to apply to the container. (API 1.28+)
    device_cgroup_rules: _t.Sequence[_t.Any]
    # Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}].
    device_read_bps: _t.Sequence[_t.Any]
    # Limit read rate (IO per second) from a device.
    device_read_iops: _t.Sequence[_t.Any]
    # Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances. (API 1.40+)
    device_requests: _t.Sequence[_t.Any]
    # Limit write rate (bytes per second) from a device.
    device_write_bps: _t.Sequence[_t.Any]
    # Limit write rate (IO per second) from a device.
    device_write_iops: _t.Sequence[_t.Any]
    # Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>".
    devices: _t.Sequence[_t.Any]
    # Set custom DNS servers.
    dns: _t.Sequence[_t.Any]
    # Additional options to be added to the container's "resolv.conf" file.
    dns_opt: _t.Sequence[_t.Any]
    # DNS search domains.
    dns_search: _t.Sequence[_t.Any]
    # Set custom DNS search domains.
    domainname: str | _t.Sequence[_t.Any]
    # The entrypoint for the container.
    entrypoint: str | _t.Sequence[_t.Any]
    # Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]".
    environment: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Additional hostnames to resolve inside the container, as a mapping of hostname to IP address.
    extra_hosts: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # List of additional group names and/or IDs that the container process will run as.
    group_add: _t.Sequence[_t.Any]
    # Specify a test to perform to check that the container is healthy. (API 1.24+)
    healthcheck: _t.Mapping[str, _t.Any]
    # Optional hostname for the container.
    hostname: str
    # Run an init inside the container that forwards signals and reaps processes. (API 1.25+)
    init: bool
    # Path to the docker-init binary. (API 1.25+)
    init_path: str
    # Set the IPC mode for the container.
    ipc_mode: str
    # Isolation technology to use.
    isolation: str
    # Kernel memory limit.
    kernel_memory: int | str
    # A dictionary of name-value labels.
    labels: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Mapping of links using the "{'container': 'alias'}" format.
    links: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Logging configuration.
    log_config: _t.Mapping[str, _t.Any]
    # LXC config.
    lxc_conf: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # MAC address to assign to the container.
    mac_address: str
    # Memory limit.
    mem_limit: int | str
    # Memory soft limit.
    mem_reservation: int | str
    # Tune a container's memory swappiness behavior.
    mem_swappiness: int
    # Maximum amount of memory + swap a container is allowed to consume.
    memswap_limit: int | str
    # Specification for mounts to be added to the container. (API 1.30+)
    mounts: _t.Sequence[_t.Any]
    # The name for this container.
    name: str
    # CPU quota in units of 1e-9 CPUs. (API 1.25+)
    nano_cpus: int
    # Name of the network this container will be connected to at creation time.
    network: str
    # Disable networking.
    network_disabled: bool
    # Network mode: "bridge", "none", "container:<name|id>" or "host".
    network_mode: str
    # Dictionary of EndpointConfig objects for each container network.
    networking_config: _t.Mapping[str, _t.Any]
    # Whether to disable OOM killer.
    oom_kill_disable: bool
    # An integer value containing the score given to the container in order to tune OOM killer preferences.
    oom_score_adj: int
    # If set to "host", use the host PID namespace inside the container.
    pid_mode: str
    # Tune a container's pids limit.
    pids_limit: int
    # Platform in the format "os[/arch[/variant]]". (API 1.41+)
    platform: str
    # Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these.
    ports: _t.Mapping[str, _t.Any]
    # Give extended privileges to this container.
    privileged: bool
    # Publish all ports to the host.
    publish_all_ports: bool
    # Mount the container's root filesystem as read only.
    read_only: bool
    # Restart the container when it exits.
    restart_policy: _t.Mapping[str, _t.Any]
    # Runtime to use with this container. (API 1.25+)
    runtime: str
    # A list of string values to customize labels for MLS systems, such as SELinux.
    security_opt: _t.Sequence[_t.Any]
    # Size of /dev/shm.
    shm_size: int | str
    # Keep "STDIN" open even if not attached.
    stdin_open: bool
    # The stop signal to use to stop the container.
    stop_signal: str
    # Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword. (API 1.25+)
    stop_timeout: int
    # Storage driver options per container as a key-value mapping.
    storage_opt: _t.Mapping[str, _t.Any]
    # Kernel parameters to set in the container.
    sysctls: _t.Mapping[str, _t.Any]
    # Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path.
    tmpfs: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any]
    # Allocate a pseudo-TTY.
    tty: bool
    # Ulimits to set inside the container, as a list of docker.types.Ulimit instances.
    ulimits: _t.Sequence[_t.Any]
    # If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built.
    use_config_proxy: bool
    # Username or UID to run commands as inside the container.
    user: str | int
    # Sets the user namespace mode for the container when user namespace remapping option is enabled.
    userns_mode: str
    # Sets the UTS namespace mode for the container.
    uts_mode: str
    # The name of a volume driver/plugin.
    volume_driver: str
    # A dictionary to configure volumes mounted inside the container.
    volumes: _t.Mapping[str, _t.Any] | _t.Sequence[_t.Any] | str
    # List of container names or IDs to get volumes from.
    volumes_from: _t.Sequence[_t.Any] | str
    # Path to the working directory.
    working_dir: str
    # Raw Engine API container config fields, merged last (its fields land at the top level of the create body).
    Config: _t.Mapping[str, _t.Any]
    # Raw Engine API HostConfig fields, merged last, deeply.
    HostConfig: _t.Mapping[str, _t.Any]
    # Raw Engine API NetworkingConfig, merged last, deeply.
    NetworkingConfig: _t.Mapping[str, _t.Any]

class UpdateKwargs(TypedDict, total=False):
    """The options of docker_container_update."""

    # Block IO (relative weight), between 10 and 1000.
    blkio_weight: int
    # Limit CPU CFS (Completely Fair Scheduler) period.
    cpu_period: int
    # Limit CPU CFS (Completely Fair Scheduler) quota.
    cpu_quota: int
    # CPU shares (relative weight).
    cpu_shares: int
    # CPUs in which to allow execution.
    cpuset_cpus: str
    # MEMs in which to allow execution.
    cpuset_mems: str
    # Memory limit ("512m" or bytes).
    mem_limit: int | str
    # Memory soft limit.
    mem_reservation: int | str
    # Total memory (memory + swap), -1 to disable swap.
    memswap_limit: int | str
    # Kernel memory limit.
    kernel_memory: int | str
    # Restart policy dictionary.
    restart_policy: _t.Mapping[str, _t.Any]
    # CPU quota in units of 1e-9 CPUs.
    nano_cpus: int
    # CPUs as a number (1.5), sent as NanoCpus.
    cpus: float
    # Tune a container's pids limit (0 lifts the limit).
    pids_limit: int
    # Limit CPU real-time period in microseconds.
    cpu_rt_period: int
    # Limit CPU real-time runtime in microseconds.
    cpu_rt_runtime: int
    # Whether to disable OOM killer.
    oom_kill_disable: bool

class CommitKwargs(TypedDict, total=False):
    """The options of docker_container_commit."""

    # A commit message.
    message: str
    # The name of the author.
    author: str
    # Dockerfile instructions to apply while committing.
    changes: str | _t.Sequence[_t.Any]
    # The configuration for the container.
    conf: _t.Mapping[str, _t.Any]
    # Whether to pause the container before committing. (default true)
    pause: bool

class AttachSocketKwargs(TypedDict, total=False):
    """The options of docker_container_attach_open."""

    # Include stdout. (default true)
    stdout: bool
    # Include stderr. (default true)
    stderr: bool
    # Return container output progressively. (default true)
    stream: bool
    # Include the container's previous output. (default false)
    logs: bool
    # Override the key sequence for detaching a container.
    detach_keys: str
    # Attach to stdin. (default true)
    stdin: bool

class CopyToKwargs(TypedDict, total=False):
    """The options of docker_container_copy_to."""

    # Copy what a top-level symlink points to (docker cp -L). (default false)
    follow_link: bool
    # Keep the files' owners (uid and gid). (default false; API 1.40+)
    copy_uid_gid: bool

class CopyFromKwargs(TypedDict, total=False):
    """The options of docker_container_copy_from."""

    # Copy what a top-level symlink points to (docker cp -L). (default false)
    follow_link: bool
    # Keep owners (docker cp -a; needs the rights). (default false)
    archive: bool
