// Generated from api/options.json (src/engine/option_table.rs) by scripts/gen_options.py:
// do not edit; run `make options`.

/** memLimit for mem_limit: the binding accepts docker-py's names in camelCase too. */
export type CamelCase<S extends string> = S extends `${infer H}_${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S;

/** An options interface with each key also accepted in camelCase. */
export type WithCamel<T> = T & { [K in keyof T as CamelCase<K & string>]?: T[K] };

/** The options of `docker_client_from_env`. */
export interface ClientFromEnvKeys {
  /** The version of the API to use ("auto" or "1.41"). (default "auto") */
  version?: string;
  /** Default timeout for API calls, in seconds. (default 60) */
  timeout?: number;
  /** Set a custom user agent for requests to the server. */
  user_agent?: string;
  /** The maximum number of connections to save in the pool. (default 64) */
  max_pool_size?: number;
  /** Use TLS (true); any tls_* key turns it on too. */
  tls?: boolean | Record<string, unknown>;
  /** Check the server certificate against the CA (false must be asked for). (default true) */
  tls_verify?: boolean;
  /** Path to the CA certificate (PEM). */
  tls_ca_cert?: string;
  /** Path to the client certificate (PEM). */
  tls_client_cert?: string;
  /** Path to the client key (PEM). */
  tls_client_key?: string;
  /** The name the server certificate must carry (default: the host). */
  tls_server_name?: string;
  /** A Docker CLI context by name: its engine address and TLS files. */
  context?: string;
  /** Extra arguments for ssh, for ssh:// engines, such as ["-i", "key"]. */
  ssh_options?: unknown[];
  /** Find Podman's Docker-compatible socket instead of a base_url. (default false) */
  podman?: boolean;
}
export type ClientFromEnvOptions = WithCamel<ClientFromEnvKeys>;

/** The options of `docker_client_new`. */
export interface ClientNewKeys {
  /** URL to the Docker server, for example unix:///var/run/docker.sock or tcp://127.0.0.1:1234. (default "unix:///var/run/docker.sock") */
  base_url?: string;
  /** The version of the API to use ("auto" or "1.41"). (default "auto") */
  version?: string;
  /** Default timeout for API calls, in seconds. (default 60) */
  timeout?: number;
  /** Set a custom user agent for requests to the server. */
  user_agent?: string;
  /** The maximum number of connections to save in the pool. (default 64) */
  max_pool_size?: number;
  /** Use TLS (true); any tls_* key turns it on too. */
  tls?: boolean | Record<string, unknown>;
  /** Check the server certificate against the CA (false must be asked for). (default true) */
  tls_verify?: boolean;
  /** Path to the CA certificate (PEM). */
  tls_ca_cert?: string;
  /** Path to the client certificate (PEM). */
  tls_client_cert?: string;
  /** Path to the client key (PEM). */
  tls_client_key?: string;
  /** The name the server certificate must carry (default: the host). */
  tls_server_name?: string;
  /** A Docker CLI context by name: its engine address and TLS files. */
  context?: string;
  /** Extra arguments for ssh, for ssh:// engines, such as ["-i", "key"]. */
  ssh_options?: unknown[];
  /** Find Podman's Docker-compatible socket instead of a base_url. (default false) */
  podman?: boolean;
}
export type ClientNewOptions = WithCamel<ClientNewKeys>;

/** The options of `docker_containers_run`. */
export interface ContainersRunKeys {
  /** Run container in the background and return a Container object. (default false) */
  detach?: boolean;
  /** Remove the container when it has finished running. (default false) */
  remove?: boolean;
  /** Return logs from STDOUT when detach=False. (default true) */
  stdout?: boolean;
  /** Return logs from STDERR when detach=False. (default false) */
  stderr?: boolean;
  /** docker-py's log generator; refused unless detach is true (read the logs instead). (default false) */
  stream?: boolean;
  /** Pull the image when the engine does not have it. (default true) */
  pull?: boolean;
  /** The command to run in the container (when the command argument is NULL). */
  command?: string | unknown[];
  /** enable auto-removal of the container on daemon side when the container's process exits. (API 1.25+) */
  auto_remove?: boolean;
  /** Block IO weight (relative weight), accepts a weight value between 10 and 1000. */
  blkio_weight?: number;
  /** Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}]. */
  blkio_weight_device?: unknown[];
  /** Add kernel capabilities. */
  cap_add?: unknown[];
  /** Drop kernel capabilities. */
  cap_drop?: unknown[];
  /** Override the default parent cgroup. */
  cgroup_parent?: string;
  /** Override the default cgroup namespace mode for the container. */
  cgroupns?: string;
  /** Number of usable CPUs (Windows only). (API 1.25+) */
  cpu_count?: number;
  /** Usable percentage of the available CPUs (Windows only). (API 1.25+) */
  cpu_percent?: number;
  /** The length of a CPU period in microseconds. */
  cpu_period?: number;
  /** Microseconds of CPU time that the container can get in a CPU period. */
  cpu_quota?: number;
  /** Limit CPU real-time period in microseconds. (API 1.25+) */
  cpu_rt_period?: number;
  /** Limit CPU real-time runtime in microseconds. (API 1.25+) */
  cpu_rt_runtime?: number;
  /** CPU shares (relative weight). */
  cpu_shares?: number;
  /** CPUs in which to allow execution ("0-3", "0,1"). */
  cpuset_cpus?: string;
  /** Memory nodes (MEMs) in which to allow execution ("0-3", "0,1"). */
  cpuset_mems?: string;
  /** A list of cgroup rules to apply to the container. (API 1.28+) */
  device_cgroup_rules?: unknown[];
  /** Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}]. */
  device_read_bps?: unknown[];
  /** Limit read rate (IO per second) from a device. */
  device_read_iops?: unknown[];
  /** Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances. (API 1.40+) */
  device_requests?: unknown[];
  /** Limit write rate (bytes per second) from a device. */
  device_write_bps?: unknown[];
  /** Limit write rate (IO per second) from a device. */
  device_write_iops?: unknown[];
  /** Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>". */
  devices?: unknown[];
  /** Set custom DNS servers. */
  dns?: unknown[];
  /** Additional options to be added to the container's "resolv.conf" file. */
  dns_opt?: unknown[];
  /** DNS search domains. */
  dns_search?: unknown[];
  /** Set custom DNS search domains. */
  domainname?: string | unknown[];
  /** The entrypoint for the container. */
  entrypoint?: string | unknown[];
  /** Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]". */
  environment?: Record<string, unknown> | unknown[];
  /** Additional hostnames to resolve inside the container, as a mapping of hostname to IP address. */
  extra_hosts?: Record<string, unknown> | unknown[];
  /** List of additional group names and/or IDs that the container process will run as. */
  group_add?: unknown[];
  /** Specify a test to perform to check that the container is healthy. (API 1.24+) */
  healthcheck?: Record<string, unknown>;
  /** Optional hostname for the container. */
  hostname?: string;
  /** Run an init inside the container that forwards signals and reaps processes. (API 1.25+) */
  init?: boolean;
  /** Path to the docker-init binary. (API 1.25+) */
  init_path?: string;
  /** Set the IPC mode for the container. */
  ipc_mode?: string;
  /** Isolation technology to use. */
  isolation?: string;
  /** Kernel memory limit. */
  kernel_memory?: number | string;
  /** A dictionary of name-value labels. */
  labels?: Record<string, unknown> | unknown[];
  /** Mapping of links using the "{'container': 'alias'}" format. */
  links?: Record<string, unknown> | unknown[];
  /** Logging configuration. */
  log_config?: Record<string, unknown>;
  /** LXC config. */
  lxc_conf?: Record<string, unknown> | unknown[];
  /** MAC address to assign to the container. */
  mac_address?: string;
  /** Memory limit. */
  mem_limit?: number | string;
  /** Memory soft limit. */
  mem_reservation?: number | string;
  /** Tune a container's memory swappiness behavior. */
  mem_swappiness?: number;
  /** Maximum amount of memory + swap a container is allowed to consume. */
  memswap_limit?: number | string;
  /** Specification for mounts to be added to the container. (API 1.30+) */
  mounts?: unknown[];
  /** The name for this container. */
  name?: string;
  /** CPU quota in units of 1e-9 CPUs. (API 1.25+) */
  nano_cpus?: number;
  /** Name of the network this container will be connected to at creation time. */
  network?: string;
  /** Disable networking. */
  network_disabled?: boolean;
  /** Network mode: "bridge", "none", "container:<name|id>" or "host". */
  network_mode?: string;
  /** Dictionary of EndpointConfig objects for each container network. */
  networking_config?: Record<string, unknown>;
  /** Whether to disable OOM killer. */
  oom_kill_disable?: boolean;
  /** An integer value containing the score given to the container in order to tune OOM killer preferences. */
  oom_score_adj?: number;
  /** If set to "host", use the host PID namespace inside the container. */
  pid_mode?: string;
  /** Tune a container's pids limit. */
  pids_limit?: number;
  /** Platform in the format "os[/arch[/variant]]". (API 1.41+) */
  platform?: string;
  /** Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these. */
  ports?: Record<string, unknown>;
  /** Give extended privileges to this container. */
  privileged?: boolean;
  /** Publish all ports to the host. */
  publish_all_ports?: boolean;
  /** Mount the container's root filesystem as read only. */
  read_only?: boolean;
  /** Restart the container when it exits. */
  restart_policy?: Record<string, unknown>;
  /** Runtime to use with this container. (API 1.25+) */
  runtime?: string;
  /** A list of string values to customize labels for MLS systems, such as SELinux. */
  security_opt?: unknown[];
  /** Size of /dev/shm. */
  shm_size?: number | string;
  /** Keep "STDIN" open even if not attached. */
  stdin_open?: boolean;
  /** The stop signal to use to stop the container. */
  stop_signal?: string;
  /** Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword. (API 1.25+) */
  stop_timeout?: number;
  /** Storage driver options per container as a key-value mapping. */
  storage_opt?: Record<string, unknown>;
  /** Kernel parameters to set in the container. */
  sysctls?: Record<string, unknown>;
  /** Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path. */
  tmpfs?: Record<string, unknown> | unknown[];
  /** Allocate a pseudo-TTY. */
  tty?: boolean;
  /** Ulimits to set inside the container, as a list of docker.types.Ulimit instances. */
  ulimits?: unknown[];
  /** If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built. */
  use_config_proxy?: boolean;
  /** Username or UID to run commands as inside the container. */
  user?: string | number;
  /** Sets the user namespace mode for the container when user namespace remapping option is enabled. */
  userns_mode?: string;
  /** Sets the UTS namespace mode for the container. */
  uts_mode?: string;
  /** The name of a volume driver/plugin. */
  volume_driver?: string;
  /** A dictionary to configure volumes mounted inside the container. */
  volumes?: Record<string, unknown> | unknown[] | string;
  /** List of container names or IDs to get volumes from. */
  volumes_from?: unknown[] | string;
  /** Path to the working directory. */
  working_dir?: string;
  /** Raw Engine API container config fields, merged last (its fields land at the top level of the create body). */
  Config?: Record<string, unknown>;
  /** Raw Engine API HostConfig fields, merged last, deeply. */
  HostConfig?: Record<string, unknown>;
  /** Raw Engine API NetworkingConfig, merged last, deeply. */
  NetworkingConfig?: Record<string, unknown>;
}
export type ContainersRunOptions = WithCamel<ContainersRunKeys>;

/** The options of `docker_containers_run_cancel`. */
export interface ContainersRunCancelKeys {
  /** Run container in the background and return a Container object. (default false) */
  detach?: boolean;
  /** Remove the container when it has finished running. (default false) */
  remove?: boolean;
  /** Return logs from STDOUT when detach=False. (default true) */
  stdout?: boolean;
  /** Return logs from STDERR when detach=False. (default false) */
  stderr?: boolean;
  /** docker-py's log generator; refused unless detach is true (read the logs instead). (default false) */
  stream?: boolean;
  /** Pull the image when the engine does not have it. (default true) */
  pull?: boolean;
  /** The command to run in the container (when the command argument is NULL). */
  command?: string | unknown[];
  /** enable auto-removal of the container on daemon side when the container's process exits. (API 1.25+) */
  auto_remove?: boolean;
  /** Block IO weight (relative weight), accepts a weight value between 10 and 1000. */
  blkio_weight?: number;
  /** Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}]. */
  blkio_weight_device?: unknown[];
  /** Add kernel capabilities. */
  cap_add?: unknown[];
  /** Drop kernel capabilities. */
  cap_drop?: unknown[];
  /** Override the default parent cgroup. */
  cgroup_parent?: string;
  /** Override the default cgroup namespace mode for the container. */
  cgroupns?: string;
  /** Number of usable CPUs (Windows only). (API 1.25+) */
  cpu_count?: number;
  /** Usable percentage of the available CPUs (Windows only). (API 1.25+) */
  cpu_percent?: number;
  /** The length of a CPU period in microseconds. */
  cpu_period?: number;
  /** Microseconds of CPU time that the container can get in a CPU period. */
  cpu_quota?: number;
  /** Limit CPU real-time period in microseconds. (API 1.25+) */
  cpu_rt_period?: number;
  /** Limit CPU real-time runtime in microseconds. (API 1.25+) */
  cpu_rt_runtime?: number;
  /** CPU shares (relative weight). */
  cpu_shares?: number;
  /** CPUs in which to allow execution ("0-3", "0,1"). */
  cpuset_cpus?: string;
  /** Memory nodes (MEMs) in which to allow execution ("0-3", "0,1"). */
  cpuset_mems?: string;
  /** A list of cgroup rules to apply to the container. (API 1.28+) */
  device_cgroup_rules?: unknown[];
  /** Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}]. */
  device_read_bps?: unknown[];
  /** Limit read rate (IO per second) from a device. */
  device_read_iops?: unknown[];
  /** Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances. (API 1.40+) */
  device_requests?: unknown[];
  /** Limit write rate (bytes per second) from a device. */
  device_write_bps?: unknown[];
  /** Limit write rate (IO per second) from a device. */
  device_write_iops?: unknown[];
  /** Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>". */
  devices?: unknown[];
  /** Set custom DNS servers. */
  dns?: unknown[];
  /** Additional options to be added to the container's "resolv.conf" file. */
  dns_opt?: unknown[];
  /** DNS search domains. */
  dns_search?: unknown[];
  /** Set custom DNS search domains. */
  domainname?: string | unknown[];
  /** The entrypoint for the container. */
  entrypoint?: string | unknown[];
  /** Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]". */
  environment?: Record<string, unknown> | unknown[];
  /** Additional hostnames to resolve inside the container, as a mapping of hostname to IP address. */
  extra_hosts?: Record<string, unknown> | unknown[];
  /** List of additional group names and/or IDs that the container process will run as. */
  group_add?: unknown[];
  /** Specify a test to perform to check that the container is healthy. (API 1.24+) */
  healthcheck?: Record<string, unknown>;
  /** Optional hostname for the container. */
  hostname?: string;
  /** Run an init inside the container that forwards signals and reaps processes. (API 1.25+) */
  init?: boolean;
  /** Path to the docker-init binary. (API 1.25+) */
  init_path?: string;
  /** Set the IPC mode for the container. */
  ipc_mode?: string;
  /** Isolation technology to use. */
  isolation?: string;
  /** Kernel memory limit. */
  kernel_memory?: number | string;
  /** A dictionary of name-value labels. */
  labels?: Record<string, unknown> | unknown[];
  /** Mapping of links using the "{'container': 'alias'}" format. */
  links?: Record<string, unknown> | unknown[];
  /** Logging configuration. */
  log_config?: Record<string, unknown>;
  /** LXC config. */
  lxc_conf?: Record<string, unknown> | unknown[];
  /** MAC address to assign to the container. */
  mac_address?: string;
  /** Memory limit. */
  mem_limit?: number | string;
  /** Memory soft limit. */
  mem_reservation?: number | string;
  /** Tune a container's memory swappiness behavior. */
  mem_swappiness?: number;
  /** Maximum amount of memory + swap a container is allowed to consume. */
  memswap_limit?: number | string;
  /** Specification for mounts to be added to the container. (API 1.30+) */
  mounts?: unknown[];
  /** The name for this container. */
  name?: string;
  /** CPU quota in units of 1e-9 CPUs. (API 1.25+) */
  nano_cpus?: number;
  /** Name of the network this container will be connected to at creation time. */
  network?: string;
  /** Disable networking. */
  network_disabled?: boolean;
  /** Network mode: "bridge", "none", "container:<name|id>" or "host". */
  network_mode?: string;
  /** Dictionary of EndpointConfig objects for each container network. */
  networking_config?: Record<string, unknown>;
  /** Whether to disable OOM killer. */
  oom_kill_disable?: boolean;
  /** An integer value containing the score given to the container in order to tune OOM killer preferences. */
  oom_score_adj?: number;
  /** If set to "host", use the host PID namespace inside the container. */
  pid_mode?: string;
  /** Tune a container's pids limit. */
  pids_limit?: number;
  /** Platform in the format "os[/arch[/variant]]". (API 1.41+) */
  platform?: string;
  /** Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these. */
  ports?: Record<string, unknown>;
  /** Give extended privileges to this container. */
  privileged?: boolean;
  /** Publish all ports to the host. */
  publish_all_ports?: boolean;
  /** Mount the container's root filesystem as read only. */
  read_only?: boolean;
  /** Restart the container when it exits. */
  restart_policy?: Record<string, unknown>;
  /** Runtime to use with this container. (API 1.25+) */
  runtime?: string;
  /** A list of string values to customize labels for MLS systems, such as SELinux. */
  security_opt?: unknown[];
  /** Size of /dev/shm. */
  shm_size?: number | string;
  /** Keep "STDIN" open even if not attached. */
  stdin_open?: boolean;
  /** The stop signal to use to stop the container. */
  stop_signal?: string;
  /** Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword. (API 1.25+) */
  stop_timeout?: number;
  /** Storage driver options per container as a key-value mapping. */
  storage_opt?: Record<string, unknown>;
  /** Kernel parameters to set in the container. */
  sysctls?: Record<string, unknown>;
  /** Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path. */
  tmpfs?: Record<string, unknown> | unknown[];
  /** Allocate a pseudo-TTY. */
  tty?: boolean;
  /** Ulimits to set inside the container, as a list of docker.types.Ulimit instances. */
  ulimits?: unknown[];
  /** If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built. */
  use_config_proxy?: boolean;
  /** Username or UID to run commands as inside the container. */
  user?: string | number;
  /** Sets the user namespace mode for the container when user namespace remapping option is enabled. */
  userns_mode?: string;
  /** Sets the UTS namespace mode for the container. */
  uts_mode?: string;
  /** The name of a volume driver/plugin. */
  volume_driver?: string;
  /** A dictionary to configure volumes mounted inside the container. */
  volumes?: Record<string, unknown> | unknown[] | string;
  /** List of container names or IDs to get volumes from. */
  volumes_from?: unknown[] | string;
  /** Path to the working directory. */
  working_dir?: string;
  /** Raw Engine API container config fields, merged last (its fields land at the top level of the create body). */
  Config?: Record<string, unknown>;
  /** Raw Engine API HostConfig fields, merged last, deeply. */
  HostConfig?: Record<string, unknown>;
  /** Raw Engine API NetworkingConfig, merged last, deeply. */
  NetworkingConfig?: Record<string, unknown>;
}
export type ContainersRunCancelOptions = WithCamel<ContainersRunCancelKeys>;

/** The options of `docker_containers_create`. */
export interface ContainersCreateKeys {
  /** Pull the image when the engine does not have it. (default true) */
  pull?: boolean;
  /** The command to run in the container (when the command argument is NULL). */
  command?: string | unknown[];
  /** enable auto-removal of the container on daemon side when the container's process exits. (API 1.25+) */
  auto_remove?: boolean;
  /** Block IO weight (relative weight), accepts a weight value between 10 and 1000. */
  blkio_weight?: number;
  /** Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}]. */
  blkio_weight_device?: unknown[];
  /** Add kernel capabilities. */
  cap_add?: unknown[];
  /** Drop kernel capabilities. */
  cap_drop?: unknown[];
  /** Override the default parent cgroup. */
  cgroup_parent?: string;
  /** Override the default cgroup namespace mode for the container. */
  cgroupns?: string;
  /** Number of usable CPUs (Windows only). (API 1.25+) */
  cpu_count?: number;
  /** Usable percentage of the available CPUs (Windows only). (API 1.25+) */
  cpu_percent?: number;
  /** The length of a CPU period in microseconds. */
  cpu_period?: number;
  /** Microseconds of CPU time that the container can get in a CPU period. */
  cpu_quota?: number;
  /** Limit CPU real-time period in microseconds. (API 1.25+) */
  cpu_rt_period?: number;
  /** Limit CPU real-time runtime in microseconds. (API 1.25+) */
  cpu_rt_runtime?: number;
  /** CPU shares (relative weight). */
  cpu_shares?: number;
  /** CPUs in which to allow execution ("0-3", "0,1"). */
  cpuset_cpus?: string;
  /** Memory nodes (MEMs) in which to allow execution ("0-3", "0,1"). */
  cpuset_mems?: string;
  /** Run container in the background and return a Container object. */
  detach?: boolean;
  /** A list of cgroup rules to apply to the container. (API 1.28+) */
  device_cgroup_rules?: unknown[];
  /** Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}]. */
  device_read_bps?: unknown[];
  /** Limit read rate (IO per second) from a device. */
  device_read_iops?: unknown[];
  /** Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances. (API 1.40+) */
  device_requests?: unknown[];
  /** Limit write rate (bytes per second) from a device. */
  device_write_bps?: unknown[];
  /** Limit write rate (IO per second) from a device. */
  device_write_iops?: unknown[];
  /** Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>". */
  devices?: unknown[];
  /** Set custom DNS servers. */
  dns?: unknown[];
  /** Additional options to be added to the container's "resolv.conf" file. */
  dns_opt?: unknown[];
  /** DNS search domains. */
  dns_search?: unknown[];
  /** Set custom DNS search domains. */
  domainname?: string | unknown[];
  /** The entrypoint for the container. */
  entrypoint?: string | unknown[];
  /** Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]". */
  environment?: Record<string, unknown> | unknown[];
  /** Additional hostnames to resolve inside the container, as a mapping of hostname to IP address. */
  extra_hosts?: Record<string, unknown> | unknown[];
  /** List of additional group names and/or IDs that the container process will run as. */
  group_add?: unknown[];
  /** Specify a test to perform to check that the container is healthy. (API 1.24+) */
  healthcheck?: Record<string, unknown>;
  /** Optional hostname for the container. */
  hostname?: string;
  /** Run an init inside the container that forwards signals and reaps processes. (API 1.25+) */
  init?: boolean;
  /** Path to the docker-init binary. (API 1.25+) */
  init_path?: string;
  /** Set the IPC mode for the container. */
  ipc_mode?: string;
  /** Isolation technology to use. */
  isolation?: string;
  /** Kernel memory limit. */
  kernel_memory?: number | string;
  /** A dictionary of name-value labels. */
  labels?: Record<string, unknown> | unknown[];
  /** Mapping of links using the "{'container': 'alias'}" format. */
  links?: Record<string, unknown> | unknown[];
  /** Logging configuration. */
  log_config?: Record<string, unknown>;
  /** LXC config. */
  lxc_conf?: Record<string, unknown> | unknown[];
  /** MAC address to assign to the container. */
  mac_address?: string;
  /** Memory limit. */
  mem_limit?: number | string;
  /** Memory soft limit. */
  mem_reservation?: number | string;
  /** Tune a container's memory swappiness behavior. */
  mem_swappiness?: number;
  /** Maximum amount of memory + swap a container is allowed to consume. */
  memswap_limit?: number | string;
  /** Specification for mounts to be added to the container. (API 1.30+) */
  mounts?: unknown[];
  /** The name for this container. */
  name?: string;
  /** CPU quota in units of 1e-9 CPUs. (API 1.25+) */
  nano_cpus?: number;
  /** Name of the network this container will be connected to at creation time. */
  network?: string;
  /** Disable networking. */
  network_disabled?: boolean;
  /** Network mode: "bridge", "none", "container:<name|id>" or "host". */
  network_mode?: string;
  /** Dictionary of EndpointConfig objects for each container network. */
  networking_config?: Record<string, unknown>;
  /** Whether to disable OOM killer. */
  oom_kill_disable?: boolean;
  /** An integer value containing the score given to the container in order to tune OOM killer preferences. */
  oom_score_adj?: number;
  /** If set to "host", use the host PID namespace inside the container. */
  pid_mode?: string;
  /** Tune a container's pids limit. */
  pids_limit?: number;
  /** Platform in the format "os[/arch[/variant]]". (API 1.41+) */
  platform?: string;
  /** Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these. */
  ports?: Record<string, unknown>;
  /** Give extended privileges to this container. */
  privileged?: boolean;
  /** Publish all ports to the host. */
  publish_all_ports?: boolean;
  /** Mount the container's root filesystem as read only. */
  read_only?: boolean;
  /** Restart the container when it exits. */
  restart_policy?: Record<string, unknown>;
  /** Runtime to use with this container. (API 1.25+) */
  runtime?: string;
  /** A list of string values to customize labels for MLS systems, such as SELinux. */
  security_opt?: unknown[];
  /** Size of /dev/shm. */
  shm_size?: number | string;
  /** Keep "STDIN" open even if not attached. */
  stdin_open?: boolean;
  /** The stop signal to use to stop the container. */
  stop_signal?: string;
  /** Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword. (API 1.25+) */
  stop_timeout?: number;
  /** Storage driver options per container as a key-value mapping. */
  storage_opt?: Record<string, unknown>;
  /** Kernel parameters to set in the container. */
  sysctls?: Record<string, unknown>;
  /** Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path. */
  tmpfs?: Record<string, unknown> | unknown[];
  /** Allocate a pseudo-TTY. */
  tty?: boolean;
  /** Ulimits to set inside the container, as a list of docker.types.Ulimit instances. */
  ulimits?: unknown[];
  /** If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built. */
  use_config_proxy?: boolean;
  /** Username or UID to run commands as inside the container. */
  user?: string | number;
  /** Sets the user namespace mode for the container when user namespace remapping option is enabled. */
  userns_mode?: string;
  /** Sets the UTS namespace mode for the container. */
  uts_mode?: string;
  /** The name of a volume driver/plugin. */
  volume_driver?: string;
  /** A dictionary to configure volumes mounted inside the container. */
  volumes?: Record<string, unknown> | unknown[] | string;
  /** List of container names or IDs to get volumes from. */
  volumes_from?: unknown[] | string;
  /** Path to the working directory. */
  working_dir?: string;
  /** Raw Engine API container config fields, merged last (its fields land at the top level of the create body). */
  Config?: Record<string, unknown>;
  /** Raw Engine API HostConfig fields, merged last, deeply. */
  HostConfig?: Record<string, unknown>;
  /** Raw Engine API NetworkingConfig, merged last, deeply. */
  NetworkingConfig?: Record<string, unknown>;
}
export type ContainersCreateOptions = WithCamel<ContainersCreateKeys>;

/** The options of `docker_containers_list`. */
export interface ContainersListKeys {
  /** Show all containers. (default false) */
  all?: boolean;
  /** Show only container created before Id or Name, include non-running ones. */
  before?: string;
  /** Show only containers created since Id or Name, include non-running ones. */
  since?: string;
  /** Show limit last created containers, include non-running ones. */
  limit?: number;
  /** Filters to be processed on the container list, such as {"status": "exited", "label": ["a=b"]}. */
  filters?: Record<string, unknown>;
  /** Do not inspect containers: the engine's list entries as they are. (default false) */
  sparse?: boolean;
  /** Ignore failures due to missing containers when attempting to inspect containers from the original list. (default true) */
  ignore_removed?: boolean;
}
export type ContainersListOptions = WithCamel<ContainersListKeys>;

/** The options of `docker_containers_prune`. */
export interface ContainersPruneKeys {
  /** Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}. */
  filters?: Record<string, unknown>;
}
export type ContainersPruneOptions = WithCamel<ContainersPruneKeys>;

/** The options of `docker_container_stop`. */
export interface ContainerStopKeys {
  /** Timeout in seconds to wait for the container to stop before sending a SIGKILL (-1: wait for ever). */
  timeout?: number;
  /** The signal to stop it with (a name such as "SIGTERM" or a number). (API 1.42+) */
  signal?: string;
}
export type ContainerStopOptions = WithCamel<ContainerStopKeys>;

/** The options of `docker_container_restart`. */
export interface ContainerRestartKeys {
  /** Number of seconds to try to stop for before killing the container. (default 10) */
  timeout?: number;
  /** The signal to stop it with (a name such as "SIGTERM" or a number). (API 1.42+) */
  signal?: string;
}
export type ContainerRestartOptions = WithCamel<ContainerRestartKeys>;

/** The options of `docker_container_remove`. */
export interface ContainerRemoveKeys {
  /** Remove the volumes associated with the container. (default false) */
  v?: boolean;
  /** Remove the specified link and not the underlying container. (default false) */
  link?: boolean;
  /** Force the removal of a running container (uses SIGKILL). (default false) */
  force?: boolean;
}
export type ContainerRemoveOptions = WithCamel<ContainerRemoveKeys>;

/** The options of `docker_container_wait`. */
export interface ContainerWaitKeys {
  /** Wait until a container state reaches the given condition, either not-running (default), next-exit, or removed. (default "not-running"; API 1.30+) */
  condition?: string;
  /** Seconds to wait; when they pass: DOCKER_ERR_TIMEOUT (omitted: for ever). */
  timeout?: number;
}
export type ContainerWaitOptions = WithCamel<ContainerWaitKeys>;

/** The options of `docker_container_wait_cancel`. */
export interface ContainerWaitCancelKeys {
  /** Wait until a container state reaches the given condition, either not-running (default), next-exit, or removed. (default "not-running"; API 1.30+) */
  condition?: string;
  /** Seconds to wait; when they pass: DOCKER_ERR_TIMEOUT (omitted: for ever). */
  timeout?: number;
}
export type ContainerWaitCancelOptions = WithCamel<ContainerWaitCancelKeys>;

/** The options of `docker_container_update`. */
export interface ContainerUpdateKeys {
  /** Block IO (relative weight), between 10 and 1000. */
  blkio_weight?: number;
  /** Limit CPU CFS (Completely Fair Scheduler) period. */
  cpu_period?: number;
  /** Limit CPU CFS (Completely Fair Scheduler) quota. */
  cpu_quota?: number;
  /** CPU shares (relative weight). */
  cpu_shares?: number;
  /** CPUs in which to allow execution. */
  cpuset_cpus?: string;
  /** MEMs in which to allow execution. */
  cpuset_mems?: string;
  /** Memory limit ("512m" or bytes). */
  mem_limit?: number | string;
  /** Memory soft limit. */
  mem_reservation?: number | string;
  /** Total memory (memory + swap), -1 to disable swap. */
  memswap_limit?: number | string;
  /** Kernel memory limit. */
  kernel_memory?: number | string;
  /** Restart policy dictionary. */
  restart_policy?: Record<string, unknown>;
  /** CPU quota in units of 1e-9 CPUs. */
  nano_cpus?: number;
  /** CPUs as a number (1.5), sent as NanoCpus. */
  cpus?: number;
  /** Tune a container's pids limit (0 lifts the limit). */
  pids_limit?: number;
  /** Limit CPU real-time period in microseconds. */
  cpu_rt_period?: number;
  /** Limit CPU real-time runtime in microseconds. */
  cpu_rt_runtime?: number;
  /** Whether to disable OOM killer. */
  oom_kill_disable?: boolean;
}
export type ContainerUpdateOptions = WithCamel<ContainerUpdateKeys>;

/** The options of `docker_container_commit`. */
export interface ContainerCommitKeys {
  /** The repository to push the image to. */
  repository?: string;
  /** The tag to push. */
  tag?: string;
  /** A commit message. */
  message?: string;
  /** The name of the author. */
  author?: string;
  /** Dockerfile instructions to apply while committing. */
  changes?: string | unknown[];
  /** The configuration for the container. */
  conf?: Record<string, unknown>;
  /** Whether to pause the container before committing. (default true) */
  pause?: boolean;
}
export type ContainerCommitOptions = WithCamel<ContainerCommitKeys>;

/** The options of `docker_container_put_archive`. */
export interface ContainerPutArchiveKeys {
  /** Refuse to replace a directory with a non-directory and the reverse. (default false) */
  no_overwrite_dir_non_dir?: boolean;
  /** Keep the archive's owners (uid and gid). (default false; API 1.40+) */
  copy_uid_gid?: boolean;
}
export type ContainerPutArchiveOptions = WithCamel<ContainerPutArchiveKeys>;

/** The options of `docker_container_put_archive_file`. */
export interface ContainerPutArchiveFileKeys {
  /** Refuse to replace a directory with a non-directory and the reverse. (default false) */
  no_overwrite_dir_non_dir?: boolean;
  /** Keep the archive's owners (uid and gid). (default false; API 1.40+) */
  copy_uid_gid?: boolean;
}
export type ContainerPutArchiveFileOptions = WithCamel<ContainerPutArchiveFileKeys>;

/** The options of `docker_container_put_archive_reader`. */
export interface ContainerPutArchiveReaderKeys {
  /** Refuse to replace a directory with a non-directory and the reverse. (default false) */
  no_overwrite_dir_non_dir?: boolean;
  /** Keep the archive's owners (uid and gid). (default false; API 1.40+) */
  copy_uid_gid?: boolean;
}
export type ContainerPutArchiveReaderOptions = WithCamel<ContainerPutArchiveReaderKeys>;

/** The options of `docker_container_get_archive`. */
export interface ContainerGetArchiveKeys {
  /** Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT. */
  idle_timeout?: number;
}
export type ContainerGetArchiveOptions = WithCamel<ContainerGetArchiveKeys>;

/** The options of `docker_container_export`. */
export interface ContainerExportKeys {
  /** Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT. */
  idle_timeout?: number;
}
export type ContainerExportOptions = WithCamel<ContainerExportKeys>;

/** The options of `docker_container_copy_to`. */
export interface ContainerCopyToKeys {
  /** Copy what a top-level symlink points to (docker cp -L). (default false) */
  follow_link?: boolean;
  /** Keep the files' owners (uid and gid). (default false; API 1.40+) */
  copy_uid_gid?: boolean;
}
export type ContainerCopyToOptions = WithCamel<ContainerCopyToKeys>;

/** The options of `docker_container_copy_from`. */
export interface ContainerCopyFromKeys {
  /** Copy what a top-level symlink points to (docker cp -L). (default false) */
  follow_link?: boolean;
  /** Keep owners (docker cp -a; needs the rights). (default false) */
  archive?: boolean;
}
export type ContainerCopyFromOptions = WithCamel<ContainerCopyFromKeys>;

/** The options of `docker_images_pull`. */
export interface ImagesPullKeys {
  /** Platform in the format os[/arch[/variant]]. (API 1.32+) */
  platform?: string;
  /** Seconds the whole pull may take (default: no limit). */
  timeout?: number;
}
export type ImagesPullOptions = WithCamel<ImagesPullKeys>;

/** The options of `docker_images_remove`. */
export interface ImagesRemoveKeys {
  /** Force removal of the image. (default false) */
  force?: boolean;
  /** Do not delete untagged parents. (default false) */
  noprune?: boolean;
}
export type ImagesRemoveOptions = WithCamel<ImagesRemoveKeys>;

/** The options of `docker_images_list`. */
export interface ImagesListKeys {
  /** Only show images belonging to the repository name (sent as the reference filter). */
  name?: string;
  /** Show intermediate image layers. (default false) */
  all?: boolean;
  /** Filters to be processed on the image list, such as {"dangling": true, "label": ["a=b"]}. */
  filters?: Record<string, unknown>;
}
export type ImagesListOptions = WithCamel<ImagesListKeys>;

/** The options of `docker_images_tag`. */
export interface ImagesTagKeys {
  /** The tag name (the engine's default: latest). */
  tag?: string;
  /** Force the tag. (default false) */
  force?: boolean;
}
export type ImagesTagOptions = WithCamel<ImagesTagKeys>;

/** The options of `docker_images_prune`. */
export interface ImagesPruneKeys {
  /** Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}. */
  filters?: Record<string, unknown>;
}
export type ImagesPruneOptions = WithCamel<ImagesPruneKeys>;

/** The options of `docker_networks_create`. */
export interface NetworksCreateKeys {
  /** Name of the driver used to create the network. */
  driver?: string;
  /** Driver options as a key-value dictionary. */
  options?: Record<string, unknown>;
  /** Optional custom IP scheme for the network: docker-py's IPAMConfig ({"driver", "pool_configs": [{"subnet", "iprange", "gateway", "aux_addresses"}], "options"}) or the Engine API's IPAM object. */
  ipam?: Record<string, unknown>;
  /** Request daemon to check for networks with same name. */
  check_duplicate?: boolean;
  /** Restrict external access to the network. (default false) */
  internal?: boolean;
  /** Map of labels to set on the network. */
  labels?: Record<string, unknown>;
  /** Enable IPv6 on the network. (default false) */
  enable_ipv6?: boolean;
  /** If enabled, and the network is in the global scope, non-service containers on worker nodes will be able to connect to the network. */
  attachable?: boolean;
  /** Specify the network's scope (local, global or swarm). */
  scope?: string;
  /** If set, create an ingress network which provides the routing-mesh in swarm mode. */
  ingress?: boolean;
}
export type NetworksCreateOptions = WithCamel<NetworksCreateKeys>;

/** The options of `docker_networks_get`. */
export interface NetworksGetKeys {
  /** Retrieve the service details across the cluster in swarm mode. */
  verbose?: boolean;
  /** Filter the network by scope (swarm, global or local). */
  scope?: string;
}
export type NetworksGetOptions = WithCamel<NetworksGetKeys>;

/** The options of `docker_networks_list`. */
export interface NetworksListKeys {
  /** List of names to filter by. */
  names?: unknown[];
  /** List of ids to filter by. */
  ids?: unknown[];
  /** Filters to be processed on the network list, such as {"driver": "bridge", "label": ["a=b"]}. */
  filters?: Record<string, unknown>;
  /** Fetch more details for each network individually (the engine's inspect of each). (default false) */
  greedy?: boolean;
}
export type NetworksListOptions = WithCamel<NetworksListKeys>;

/** The options of `docker_networks_prune`. */
export interface NetworksPruneKeys {
  /** Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}. */
  filters?: Record<string, unknown>;
}
export type NetworksPruneOptions = WithCamel<NetworksPruneKeys>;

/** The options of `docker_network_connect`. */
export interface NetworkConnectKeys {
  /** A list of aliases for this endpoint. Names in that list can be used within the network to reach the container. */
  aliases?: unknown[];
  /** A list of links for this endpoint. Containers declared in this list will be linked to this container. */
  links?: unknown[] | Record<string, unknown>;
  /** The IP address of this container on the network, using the IPv4 protocol. */
  ipv4_address?: string;
  /** The IP address of this container on the network, using the IPv6 protocol. */
  ipv6_address?: string;
  /** A list of link-local (IPv4/IPv6) addresses. */
  link_local_ips?: unknown[];
  /** A dictionary of options to provide to the network driver. */
  driver_opt?: Record<string, unknown>;
  /** The MAC address of this container on the network. (API 1.44+) */
  mac_address?: string;
}
export type NetworkConnectOptions = WithCamel<NetworkConnectKeys>;

/** The options of `docker_network_disconnect`. */
export interface NetworkDisconnectKeys {
  /** Force the action (disconnect a running container; remove a volume in use). (default false) */
  force?: boolean;
}
export type NetworkDisconnectOptions = WithCamel<NetworkDisconnectKeys>;

/** The options of `docker_volumes_create`. */
export interface VolumesCreateKeys {
  /** Name of the volume; the engine makes one up when absent. */
  name?: string;
  /** Name of the driver used to create the volume. */
  driver?: string;
  /** Driver options as a key-value dictionary. */
  driver_opts?: Record<string, unknown>;
  /** Labels to set on the volume. */
  labels?: Record<string, unknown>;
}
export type VolumesCreateOptions = WithCamel<VolumesCreateKeys>;

/** The options of `docker_volumes_list`. */
export interface VolumesListKeys {
  /** Server-side list filtering options, such as {"label": ["a=b"], "dangling": true}. */
  filters?: Record<string, unknown>;
}
export type VolumesListOptions = WithCamel<VolumesListKeys>;

/** The options of `docker_volumes_prune`. */
export interface VolumesPruneKeys {
  /** Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}. */
  filters?: Record<string, unknown>;
}
export type VolumesPruneOptions = WithCamel<VolumesPruneKeys>;

/** The options of `docker_volume_remove`. */
export interface VolumeRemoveKeys {
  /** Force the action (disconnect a running container; remove a volume in use). (default false) */
  force?: boolean;
}
export type VolumeRemoveOptions = WithCamel<VolumeRemoveKeys>;

/** The options of `docker_container_logs`. */
export interface ContainerLogsKeys {
  /** Get STDOUT. (default true) */
  stdout?: boolean;
  /** Get STDERR. (default true) */
  stderr?: boolean;
  /** Show timestamps. (default false) */
  timestamps?: boolean;
  /** Output specified number of lines at the end of logs: an integer or "all". (default "all") */
  tail?: string | number;
  /** Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m"). */
  since?: string | number;
  /** Show logs that occurred before the given time (as since). (API 1.35+) */
  until?: string | number;
  /** Follow log output. (default false) */
  follow?: boolean;
  /** Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT. */
  idle_timeout?: number;
}
export type ContainerLogsOptions = WithCamel<ContainerLogsKeys>;

/** The options of `docker_container_logs_open`. */
export interface ContainerLogsOpenKeys {
  /** Get STDOUT. (default true) */
  stdout?: boolean;
  /** Get STDERR. (default true) */
  stderr?: boolean;
  /** Show timestamps. (default false) */
  timestamps?: boolean;
  /** Output specified number of lines at the end of logs: an integer or "all". (default "all") */
  tail?: string | number;
  /** Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m"). */
  since?: string | number;
  /** Show logs that occurred before the given time (as since). (API 1.35+) */
  until?: string | number;
  /** Follow log output. (default false) */
  follow?: boolean;
}
export type ContainerLogsOpenOptions = WithCamel<ContainerLogsOpenKeys>;

/** The options of `docker_container_logs_buffer`. */
export interface ContainerLogsBufferKeys {
  /** Get STDOUT. (default true) */
  stdout?: boolean;
  /** Get STDERR. (default true) */
  stderr?: boolean;
  /** Show timestamps. (default false) */
  timestamps?: boolean;
  /** Output specified number of lines at the end of logs: an integer or "all". (default "all") */
  tail?: string | number;
  /** Show logs since a given time: unix seconds, RFC 3339, or a duration back from now ("10m"). */
  since?: string | number;
  /** Show logs that occurred before the given time (as since). (API 1.35+) */
  until?: string | number;
  /** Follow log output. (default false) */
  follow?: boolean;
  /** Return stdout and stderr separately. (default false) */
  demux?: boolean;
}
export type ContainerLogsBufferOptions = WithCamel<ContainerLogsBufferKeys>;

/** The options of `docker_container_stats`. */
export interface ContainerStatsKeys {
  /** Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT. */
  idle_timeout?: number;
}
export type ContainerStatsOptions = WithCamel<ContainerStatsKeys>;

/** The options of `docker_container_stats_open`. */
export interface ContainerStatsOpenKeys {
}
export type ContainerStatsOpenOptions = WithCamel<ContainerStatsOpenKeys>;

/** The options of `docker_container_stats_once`. */
export interface ContainerStatsOnceKeys {
  /** true: the sample at once, without the previous CPU reading; false: wait for a second reading. (default true; API 1.41+) */
  one_shot?: boolean;
}
export type ContainerStatsOnceOptions = WithCamel<ContainerStatsOnceKeys>;

/** The options of `docker_container_attach`. */
export interface ContainerAttachKeys {
  /** Include stdout. (default true) */
  stdout?: boolean;
  /** Include stderr. (default true) */
  stderr?: boolean;
  /** Return container output progressively. (default true) */
  stream?: boolean;
  /** Include the container's previous output. (default false) */
  logs?: boolean;
  /** Override the key sequence for detaching a container. */
  detach_keys?: string;
  /** Attach to stdin. (default false) */
  stdin?: boolean;
  /** Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT. */
  idle_timeout?: number;
}
export type ContainerAttachOptions = WithCamel<ContainerAttachKeys>;

/** The options of `docker_container_attach_open`. */
export interface ContainerAttachOpenKeys {
  /** Include stdout. (default true) */
  stdout?: boolean;
  /** Include stderr. (default true) */
  stderr?: boolean;
  /** Return container output progressively. (default true) */
  stream?: boolean;
  /** Include the container's previous output. (default false) */
  logs?: boolean;
  /** Override the key sequence for detaching a container. */
  detach_keys?: string;
  /** Attach to stdin. (default true) */
  stdin?: boolean;
}
export type ContainerAttachOpenOptions = WithCamel<ContainerAttachOpenKeys>;

/** The options of `docker_container_exec_run`. */
export interface ContainerExecRunKeys {
  /** Command to be executed (when the cmd argument is NULL). */
  cmd?: string | unknown[];
  /** Attach to stdout. (default true) */
  stdout?: boolean;
  /** Attach to stderr. (default true) */
  stderr?: boolean;
  /** Allocate a pseudo-TTY. (default false) */
  tty?: boolean;
  /** Run as privileged. (default false) */
  privileged?: boolean;
  /** User to execute command as. */
  user?: string | number;
  /** A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}. */
  environment?: Record<string, unknown> | unknown[];
  /** Path to working directory for this exec session. (API 1.35+) */
  workdir?: string;
  /** Override the key sequence for detaching a container. */
  detach_keys?: string;
  /** Attach to stdin. (default false) */
  stdin?: boolean;
  /** Return stdout and stderr separately. (default false) */
  demux?: boolean;
}
export type ContainerExecRunOptions = WithCamel<ContainerExecRunKeys>;

/** The options of `docker_container_exec_stream`. */
export interface ContainerExecStreamKeys {
  /** Command to be executed (when the cmd argument is NULL). */
  cmd?: string | unknown[];
  /** Attach to stdout. (default true) */
  stdout?: boolean;
  /** Attach to stderr. (default true) */
  stderr?: boolean;
  /** Allocate a pseudo-TTY. (default false) */
  tty?: boolean;
  /** Run as privileged. (default false) */
  privileged?: boolean;
  /** User to execute command as. */
  user?: string | number;
  /** A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}. */
  environment?: Record<string, unknown> | unknown[];
  /** Path to working directory for this exec session. (API 1.35+) */
  workdir?: string;
  /** Override the key sequence for detaching a container. */
  detach_keys?: string;
  /** Attach to stdin. (default false) */
  stdin?: boolean;
  /** Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT. */
  idle_timeout?: number;
}
export type ContainerExecStreamOptions = WithCamel<ContainerExecStreamKeys>;

/** The options of `docker_container_exec_open`. */
export interface ContainerExecOpenKeys {
  /** Command to be executed (when the cmd argument is NULL). */
  cmd?: string | unknown[];
  /** Attach to stdout. (default true) */
  stdout?: boolean;
  /** Attach to stderr. (default true) */
  stderr?: boolean;
  /** Allocate a pseudo-TTY. (default false) */
  tty?: boolean;
  /** Run as privileged. (default false) */
  privileged?: boolean;
  /** User to execute command as. */
  user?: string | number;
  /** A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}. */
  environment?: Record<string, unknown> | unknown[];
  /** Path to working directory for this exec session. (API 1.35+) */
  workdir?: string;
  /** Override the key sequence for detaching a container. */
  detach_keys?: string;
  /** Attach to stdin. (default true) */
  stdin?: boolean;
}
export type ContainerExecOpenOptions = WithCamel<ContainerExecOpenKeys>;

/** The options of `docker_container_exec_detached`. */
export interface ContainerExecDetachedKeys {
  /** Command to be executed (when the cmd argument is NULL). */
  cmd?: string | unknown[];
  /** Attach to stdout. (default true) */
  stdout?: boolean;
  /** Attach to stderr. (default true) */
  stderr?: boolean;
  /** Allocate a pseudo-TTY. (default false) */
  tty?: boolean;
  /** Run as privileged. (default false) */
  privileged?: boolean;
  /** User to execute command as. */
  user?: string | number;
  /** A dictionary or a list of strings in the format ["PASSWORD=xxx"] or {"PASSWORD": "xxx"}. */
  environment?: Record<string, unknown> | unknown[];
  /** Path to working directory for this exec session. (API 1.35+) */
  workdir?: string;
  /** Override the key sequence for detaching a container. */
  detach_keys?: string;
  /** Attach to stdin. (default false) */
  stdin?: boolean;
}
export type ContainerExecDetachedOptions = WithCamel<ContainerExecDetachedKeys>;

/** The options of `docker_container_top`. */
export interface ContainerTopKeys {
  /** An optional arguments passed to ps (for example, aux). */
  ps_args?: string;
}
export type ContainerTopOptions = WithCamel<ContainerTopKeys>;

/** The options of `docker_client_events`. */
export interface ClientEventsKeys {
  /** Get events from this time: unix seconds, RFC 3339, or a duration back from now ("10m"). */
  since?: string | number;
  /** Get events until this time (as since); without it the stream runs until stopped. */
  until?: string | number;
  /** Filters: type, event, container, image, label, network, volume, daemon, ... (docker-py's dict). */
  filters?: Record<string, unknown>;
  /** Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT. */
  idle_timeout?: number;
}
export type ClientEventsOptions = WithCamel<ClientEventsKeys>;

/** The options of `docker_client_events_open`. */
export interface ClientEventsOpenKeys {
  /** Get events from this time: unix seconds, RFC 3339, or a duration back from now ("10m"). */
  since?: string | number;
  /** Get events until this time (as since); without it the stream runs until stopped. */
  until?: string | number;
  /** Filters: type, event, container, image, label, network, volume, daemon, ... (docker-py's dict). */
  filters?: Record<string, unknown>;
}
export type ClientEventsOpenOptions = WithCamel<ClientEventsOpenKeys>;

/** The options of `docker_client_stats`. */
export interface ClientStatsKeys {
  /** Which containers: the filters of containers.list (name, label, id, ...). */
  filters?: Record<string, unknown>;
  /** Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT. */
  idle_timeout?: number;
}
export type ClientStatsOptions = WithCamel<ClientStatsKeys>;

/** The options of `docker_client_stats_open`. */
export interface ClientStatsOpenKeys {
  /** Which containers: the filters of containers.list (name, label, id, ...). */
  filters?: Record<string, unknown>;
}
export type ClientStatsOpenOptions = WithCamel<ClientStatsOpenKeys>;
