//! Every option key each C function accepts, in one table: name, JSON type, default, docker-py's
//! doc line and the first Engine API version it needs. The same table validates options (an
//! unknown key is refused with a "did you mean"), documents them (the `Options:` blocks of the
//! C header, `make options`) and types them in the bindings (api/options.json).

use super::opts::{edit_distance, short};
use super::{Error, Result};
use serde_json::{Map, Value};

/// One option key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionKey {
    pub name: &'static str,
    /// "string", "integer", "number", "boolean", "object", "array", or a union of them with
    /// "|" ("string|integer").
    pub ty: &'static str,
    pub required: bool,
    /// The default as JSON text, when there is a fixed one.
    pub default: Option<&'static str>,
    pub doc: &'static str,
    /// The first Engine API version the key needs.
    pub min_api: Option<&'static str>,
    /// An "integer" that is Python's `int`, so `true` and `false` pass too (bool is an int in
    /// Python, and docker-py sends them on as JSON booleans). Not in api/options.json: the
    /// bindings' types keep plain integers.
    pub bool_is_int: bool,
}

const fn key(name: &'static str, ty: &'static str, doc: &'static str) -> OptionKey {
    OptionKey {
        name,
        ty,
        required: false,
        default: None,
        doc,
        min_api: None,
        bool_is_int: false,
    }
}

impl OptionKey {
    const fn or(self, default: &'static str) -> Self {
        OptionKey {
            default: Some(default),
            ..self
        }
    }
    /// See `bool_is_int`.
    const fn py_int(self) -> Self {
        OptionKey {
            bool_is_int: true,
            ..self
        }
    }
    const fn api(self, version: &'static str) -> Self {
        OptionKey {
            min_api: Some(version),
            ..self
        }
    }

    /// Whether `v` has this key's JSON type (null always does: it means "not given").
    pub fn accepts(&self, v: &Value) -> bool {
        self.ty.split('|').any(|t| match (t, v) {
            (_, Value::Null) => true,
            ("string", Value::String(_)) | ("boolean", Value::Bool(_)) => true,
            ("object", Value::Object(_)) | ("array", Value::Array(_)) => true,
            ("number", Value::Number(_)) => true,
            ("integer", Value::Number(n)) => n.is_i64() || n.is_u64(),
            ("integer", Value::Bool(_)) => self.bool_is_int,
            _ => false,
        })
    }

    /// The type in words, for messages: "a string or an integer".
    pub fn expected(&self) -> String {
        let words: Vec<&str> = self
            .ty
            .split('|')
            .map(|t| match t {
                "string" => "a string",
                "integer" => "an integer",
                "number" => "a number",
                "boolean" => "true or false",
                "object" => "an object",
                "array" => "a list",
                other => other,
            })
            .collect();
        words.join(" or ")
    }
}

/// The options one C function accepts.
#[derive(Debug)]
pub struct CallOptions {
    /// The C function ("docker_container_logs").
    pub function: &'static str,
    /// How messages name the options ("logs options").
    pub what: &'static str,
    /// Groups of keys; a name in an earlier group wins over the same name in a later one.
    groups: &'static [&'static [OptionKey]],
    /// Keys starting with an upper-case letter pass as raw Engine API fields (this says which).
    pub raw_fields: Option<&'static str>,
    /// Keys docker-py has that this call refuses, each with the reason.
    pub refused: &'static [(&'static str, &'static str)],
    /// A call whose keys get "... is an option of X" instead of "unknown".
    sibling: Option<&'static str>,
}

impl CallOptions {
    /// The keys, in table order, each name once.
    pub fn keys(&self) -> impl Iterator<Item = &'static OptionKey> + '_ {
        let groups = self.groups;
        groups.iter().enumerate().flat_map(move |(i, g)| {
            g.iter().filter(move |k| {
                !groups[..i]
                    .iter()
                    .any(|earlier| earlier.iter().any(|e| e.name == k.name))
            })
        })
    }

    pub fn key(&self, name: &str) -> Option<&'static OptionKey> {
        self.keys().find(|k| k.name == name)
    }

    /// Check every key of `map` against the table: unknown keys, refused keys and values of
    /// the wrong JSON type are errors, each naming the key.
    pub fn validate(&self, map: &Map<String, Value>) -> Result<()> {
        for (name, v) in map {
            match self.key(name) {
                Some(k) if k.accepts(v) => {}
                Some(k) => {
                    return Err(Error::invalid(format!(
                        "{}: \"{name}\" must be {}, got {}",
                        self.what,
                        k.expected(),
                        short(v)
                    )))
                }
                None if self.raw_fields.is_some()
                    && name.starts_with(|c: char| c.is_ascii_uppercase()) => {}
                None => return Err(self.unknown(name)),
            }
        }
        Ok(())
    }

    /// The error for a key this call does not take, with the closest accepted key as a hint.
    pub fn unknown(&self, name: &str) -> Error {
        if let Some((_, why)) = self.refused.iter().find(|(k, _)| *k == name) {
            return Error::invalid(format!("{}: \"{name}\" {why}", self.what));
        }
        if let Some(other) = self.sibling.map(call) {
            if other.key(name).is_some() {
                return Error::invalid(format!(
                    "{}: \"{name}\" is an option of {}, not of this call",
                    self.what, other.function
                ));
            }
        }
        let hint = self
            .keys()
            .map(|k| (edit_distance(name, k.name), k.name))
            .filter(|(d, a)| *d <= 2.max(a.len() / 4))
            .min()
            .map(|(_, a)| format!(" (did you mean \"{a}\"?)"))
            .unwrap_or_default();
        Error::invalid(format!("{}: unknown option \"{name}\"{hint}", self.what))
    }
}

/// The options of C function `function`. Every function that takes an options string is in
/// the table (a unit test checks the exports); asking for another is a bug.
pub fn call(function: &str) -> &'static CallOptions {
    CALLS
        .iter()
        .find(|c| c.function == function)
        .unwrap_or_else(|| panic!("no option table for {function}"))
}

/// The create request's keys: what `translate_create` reads (docker-py's RUN_CREATE_KWARGS and
/// RUN_HOST_CONFIG_KWARGS, less image, command and version), with `stop_timeout` and the raw
/// Engine API objects.
pub const CREATE_BODY: &[OptionKey] = &[
    key("auto_remove", "boolean", "enable auto-removal of the container on daemon side when the container's process exits.").api("1.25"),
    key("blkio_weight", "integer", "Block IO weight (relative weight), accepts a weight value between 10 and 1000.").py_int(),
    key("blkio_weight_device", "array", "Block IO weight (relative device weight) in the form of: [{\"Path\": \"device_path\", \"Weight\": weight}]."),
    key("cap_add", "array", "Add kernel capabilities."),
    key("cap_drop", "array", "Drop kernel capabilities."),
    key("cgroup_parent", "string", "Override the default parent cgroup."),
    key("cgroupns", "string", "Override the default cgroup namespace mode for the container."),
    key("cpu_count", "integer", "Number of usable CPUs (Windows only).").api("1.25").py_int(),
    key("cpu_percent", "integer", "Usable percentage of the available CPUs (Windows only).").api("1.25").py_int(),
    key("cpu_period", "integer", "The length of a CPU period in microseconds.").py_int(),
    key("cpu_quota", "integer", "Microseconds of CPU time that the container can get in a CPU period.").py_int(),
    key("cpu_rt_period", "integer", "Limit CPU real-time period in microseconds.").api("1.25").py_int(),
    key("cpu_rt_runtime", "integer", "Limit CPU real-time runtime in microseconds.").api("1.25").py_int(),
    key("cpu_shares", "integer", "CPU shares (relative weight).").py_int(),
    key("cpuset_cpus", "string", "CPUs in which to allow execution (\"0-3\", \"0,1\")."),
    key("cpuset_mems", "string", "Memory nodes (MEMs) in which to allow execution (\"0-3\", \"0,1\")."),
    key("detach", "boolean", "Run container in the background and return a Container object."),
    key("device_cgroup_rules", "array", "A list of cgroup rules to apply to the container.").api("1.28"),
    key("device_read_bps", "array", "Limit read rate (bytes per second) from a device in the form of: [{\"Path\": \"device_path\", \"Rate\": rate}]."),
    key("device_read_iops", "array", "Limit read rate (IO per second) from a device."),
    key("device_requests", "array", "Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances.").api("1.40"),
    key("device_write_bps", "array", "Limit write rate (bytes per second) from a device."),
    key("device_write_iops", "array", "Limit write rate (IO per second) from a device."),
    key("devices", "array", "Expose host devices to the container, as a list of strings in the form \"<path_on_host>:<path_in_container>:<cgroup_permissions>\"."),
    key("dns", "array", "Set custom DNS servers."),
    key("dns_opt", "array", "Additional options to be added to the container's \"resolv.conf\" file."),
    key("dns_search", "array", "DNS search domains."),
    key("domainname", "string|array", "Set custom DNS search domains."),
    key("entrypoint", "string|array", "The entrypoint for the container."),
    key("environment", "object|array", "Environment variables to set inside the container, as a dictionary or a list of strings in the format \"[\"SOMEVARIABLE=xxx\"]\"."),
    key("extra_hosts", "object|array", "Additional hostnames to resolve inside the container, as a mapping of hostname to IP address."),
    key("group_add", "array", "List of additional group names and/or IDs that the container process will run as."),
    key("healthcheck", "object", "Specify a test to perform to check that the container is healthy.").api("1.24"),
    key("hostname", "string", "Optional hostname for the container."),
    key("init", "boolean", "Run an init inside the container that forwards signals and reaps processes.").api("1.25"),
    key("init_path", "string", "Path to the docker-init binary.").api("1.25"),
    key("ipc_mode", "string", "Set the IPC mode for the container."),
    key("isolation", "string", "Isolation technology to use."),
    key("kernel_memory", "integer|string", "Kernel memory limit.").py_int(),
    key("labels", "object|array", "A dictionary of name-value labels."),
    key("links", "object|array", "Mapping of links using the \"{'container': 'alias'}\" format."),
    key("log_config", "object", "Logging configuration."),
    key("lxc_conf", "object|array", "LXC config."),
    key("mac_address", "string", "MAC address to assign to the container."),
    key("mem_limit", "integer|string", "Memory limit.").py_int(),
    key("mem_reservation", "integer|string", "Memory soft limit.").py_int(),
    key("mem_swappiness", "integer", "Tune a container's memory swappiness behavior.").py_int(),
    key("memswap_limit", "integer|string", "Maximum amount of memory + swap a container is allowed to consume.").py_int(),
    key("mounts", "array", "Specification for mounts to be added to the container.").api("1.30"),
    key("name", "string", "The name for this container."),
    key("nano_cpus", "integer", "CPU quota in units of 1e-9 CPUs.").api("1.25").py_int(),
    key("network", "string", "Name of the network this container will be connected to at creation time."),
    key("network_disabled", "boolean", "Disable networking."),
    key("network_mode", "string", "Network mode: \"bridge\", \"none\", \"container:<name|id>\" or \"host\"."),
    key("networking_config", "object", "Dictionary of EndpointConfig objects for each container network."),
    key("oom_kill_disable", "boolean", "Whether to disable OOM killer."),
    key("oom_score_adj", "integer", "An integer value containing the score given to the container in order to tune OOM killer preferences.").py_int(),
    key("pid_mode", "string", "If set to \"host\", use the host PID namespace inside the container."),
    key("pids_limit", "integer", "Tune a container's pids limit.").py_int(),
    key("platform", "string", "Platform in the format \"os[/arch[/variant]]\".").api("1.41"),
    key("ports", "object", "Ports to bind inside the container: {\"80/tcp\": 8080}; a host port, null, a {\"HostIp\", \"HostPort\"} object (docker-py's tuple) or a list of these."),
    key("privileged", "boolean", "Give extended privileges to this container."),
    key("publish_all_ports", "boolean", "Publish all ports to the host."),
    key("read_only", "boolean", "Mount the container's root filesystem as read only."),
    key("restart_policy", "object", "Restart the container when it exits."),
    key("runtime", "string", "Runtime to use with this container.").api("1.25"),
    key("security_opt", "array", "A list of string values to customize labels for MLS systems, such as SELinux."),
    key("shm_size", "integer|string", "Size of /dev/shm.").py_int(),
    key("stdin_open", "boolean", "Keep \"STDIN\" open even if not attached."),
    key("stop_signal", "string", "The stop signal to use to stop the container."),
    key("stop_timeout", "integer", "Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword.").api("1.25"),
    key("storage_opt", "object", "Storage driver options per container as a key-value mapping."),
    key("sysctls", "object", "Kernel parameters to set in the container."),
    key("tmpfs", "object|array", "Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path."),
    key("tty", "boolean", "Allocate a pseudo-TTY."),
    key("ulimits", "array", "Ulimits to set inside the container, as a list of docker.types.Ulimit instances."),
    key("use_config_proxy", "boolean", "If \"True\", and if the docker client configuration file (\"~/.docker/config.json\" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built."),
    key("user", "string|integer", "Username or UID to run commands as inside the container.").py_int(),
    key("userns_mode", "string", "Sets the user namespace mode for the container when user namespace remapping option is enabled."),
    key("uts_mode", "string", "Sets the UTS namespace mode for the container."),
    key("volume_driver", "string", "The name of a volume driver/plugin."),
    key("volumes", "object|array|string", "A dictionary to configure volumes mounted inside the container."),
    key("volumes_from", "array|string", "List of container names or IDs to get volumes from."),
    key("working_dir", "string", "Path to the working directory."),
    key("Config", "object", "Raw Engine API container config fields, merged last (its fields land at the top level of the create body)."),
    key("HostConfig", "object", "Raw Engine API HostConfig fields, merged last, deeply."),
    key("NetworkingConfig", "object", "Raw Engine API NetworkingConfig, merged last, deeply."),
];

const COMMAND: &[OptionKey] = &[key(
    "command",
    "string|array",
    "The command to run in the container (when the command argument is NULL).",
)];

const PULL: &[OptionKey] = &[key(
    "pull",
    "boolean",
    "Pull the image when the engine does not have it.",
)
.or("true")];

/// `run()`'s own keys, split off before the create translation.
const RUN_ONLY: &[OptionKey] = &[
    key(
        "detach",
        "boolean",
        "Run container in the background and return a Container object.",
    )
    .or("false"),
    key(
        "remove",
        "boolean",
        "Remove the container when it has finished running.",
    )
    .or("false"),
    key(
        "stdout",
        "boolean",
        "Return logs from STDOUT when detach=False.",
    )
    .or("true"),
    key(
        "stderr",
        "boolean",
        "Return logs from STDERR when detach=False.",
    )
    .or("false"),
    key(
        "stream",
        "boolean",
        "docker-py's log generator; refused unless detach is true (read the logs instead).",
    )
    .or("false"),
];

const CLIENT: &[OptionKey] = &[
    key(
        "version",
        "string",
        "The version of the API to use (\"auto\" or \"1.41\").",
    )
    .or("\"auto\""),
    key(
        "timeout",
        "number",
        "Default timeout for API calls, in seconds.",
    )
    .or("60"),
    key(
        "user_agent",
        "string",
        "Set a custom user agent for requests to the server.",
    ),
    key(
        "max_pool_size",
        "integer",
        "The maximum number of connections to save in the pool.",
    )
    .or("64"),
    key(
        "tls",
        "boolean|object",
        "Use TLS (true); any tls_* key turns it on too.",
    ),
    key(
        "tls_verify",
        "boolean",
        "Check the server certificate against the CA (false must be asked for).",
    )
    .or("true"),
    key("tls_ca_cert", "string", "Path to the CA certificate (PEM)."),
    key(
        "tls_client_cert",
        "string",
        "Path to the client certificate (PEM).",
    ),
    key("tls_client_key", "string", "Path to the client key (PEM)."),
    key(
        "tls_server_name",
        "string",
        "The name the server certificate must carry (default: the host).",
    ),
    key(
        "context",
        "string",
        "A Docker CLI context by name: its engine address and TLS files.",
    ),
    key(
        "ssh_options",
        "array",
        "Extra arguments for ssh, for ssh:// engines, such as [\"-i\", \"key\"].",
    ),
    key(
        "podman",
        "boolean",
        "Find Podman's Docker-compatible socket instead of a base_url.",
    )
    .or("false"),
];

const BASE_URL: &[OptionKey] = &[key(
    "base_url",
    "string",
    "URL to the Docker server, for example unix:///var/run/docker.sock or tcp://127.0.0.1:1234.",
)
.or("\"unix:///var/run/docker.sock\"")];

const IDLE: &[OptionKey] = &[key(
    "idle_timeout",
    "number",
    "Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.",
)];

const EVENTS: &[OptionKey] = &[
    key("since", "string|number", "Get events from this time: unix seconds, RFC 3339, or a duration back from now (\"10m\")."),
    key("until", "string|number", "Get events until this time (as since); without it the stream runs until stopped."),
    key("filters", "object", "Filters: type, event, container, image, label, network, volume, daemon, ... (docker-py's dict)."),
];

const STATS_MANY: &[OptionKey] = &[key(
    "filters",
    "object",
    "Which containers: the filters of containers.list (name, label, id, ...).",
)];

const LOGS: &[OptionKey] = &[
    key("stdout", "boolean", "Get STDOUT.").or("true"),
    key("stderr", "boolean", "Get STDERR.").or("true"),
    key("timestamps", "boolean", "Show timestamps.").or("false"),
    key("tail", "string|integer", "Output specified number of lines at the end of logs: an integer or \"all\".").or("\"all\""),
    key("since", "string|number", "Show logs since a given time: unix seconds, RFC 3339, or a duration back from now (\"10m\")."),
    key("until", "string|number", "Show logs that occurred before the given time (as since).").api("1.35"),
    key("follow", "boolean", "Follow log output.").or("false"),
];

const DEMUX: &[OptionKey] =
    &[key("demux", "boolean", "Return stdout and stderr separately.").or("false")];

const STDIN_FALSE: &[OptionKey] = &[key("stdin", "boolean", "Attach to stdin.").or("false")];
const STDIN_TRUE: &[OptionKey] = &[key("stdin", "boolean", "Attach to stdin.").or("true")];

const ATTACH: &[OptionKey] = &[
    key("stdout", "boolean", "Include stdout.").or("true"),
    key("stderr", "boolean", "Include stderr.").or("true"),
    key(
        "stream",
        "boolean",
        "Return container output progressively.",
    )
    .or("true"),
    key(
        "logs",
        "boolean",
        "Include the container's previous output.",
    )
    .or("false"),
    key(
        "detach_keys",
        "string",
        "Override the key sequence for detaching a container.",
    ),
];

const EXEC: &[OptionKey] = &[
    key("cmd", "string|array", "Command to be executed (when the cmd argument is NULL)."),
    key("stdout", "boolean", "Attach to stdout.").or("true"),
    key("stderr", "boolean", "Attach to stderr.").or("true"),
    key("tty", "boolean", "Allocate a pseudo-TTY.").or("false"),
    key("privileged", "boolean", "Run as privileged.").or("false"),
    key("user", "string|integer", "User to execute command as."),
    key("environment", "object|array", "A dictionary or a list of strings in the format [\"PASSWORD=xxx\"] or {\"PASSWORD\": \"xxx\"}."),
    key("workdir", "string", "Path to working directory for this exec session.").api("1.35"),
    key("detach_keys", "string", "Override the key sequence for detaching a container."),
];

const EXEC_REFUSED: &[(&str, &str)] = &[
    (
        "stream",
        "is a separate call here: docker_container_exec_stream",
    ),
    (
        "socket",
        "is a separate call here: docker_container_exec_open",
    ),
    (
        "detach",
        "is a separate call here: docker_container_exec_detached",
    ),
];

const STOP: &[OptionKey] = &[
    key("timeout", "integer", "Timeout in seconds to wait for the container to stop before sending a SIGKILL (-1: wait for ever)."),
    key("signal", "string", "The signal to stop it with (a name such as \"SIGTERM\" or a number).").api("1.42"),
];

const RESTART: &[OptionKey] = &[
    key(
        "timeout",
        "integer",
        "Number of seconds to try to stop for before killing the container.",
    )
    .or("10"),
    key(
        "signal",
        "string",
        "The signal to stop it with (a name such as \"SIGTERM\" or a number).",
    )
    .api("1.42"),
];

const REMOVE: &[OptionKey] = &[
    key(
        "v",
        "boolean",
        "Remove the volumes associated with the container.",
    )
    .or("false"),
    key(
        "link",
        "boolean",
        "Remove the specified link and not the underlying container.",
    )
    .or("false"),
    key(
        "force",
        "boolean",
        "Force the removal of a running container (uses SIGKILL).",
    )
    .or("false"),
];

const WAIT: &[OptionKey] = &[
    key("condition", "string", "Wait until a container state reaches the given condition, either not-running (default), next-exit, or removed.").or("\"not-running\"").api("1.30"),
    key("timeout", "number", "Seconds to wait; when they pass: DOCKER_ERR_TIMEOUT (omitted: for ever)."),
];

const UPDATE: &[OptionKey] = &[
    key(
        "blkio_weight",
        "integer",
        "Block IO (relative weight), between 10 and 1000.",
    ),
    key(
        "cpu_period",
        "integer",
        "Limit CPU CFS (Completely Fair Scheduler) period.",
    ),
    key(
        "cpu_quota",
        "integer",
        "Limit CPU CFS (Completely Fair Scheduler) quota.",
    ),
    key("cpu_shares", "integer", "CPU shares (relative weight)."),
    key("cpuset_cpus", "string", "CPUs in which to allow execution."),
    key("cpuset_mems", "string", "MEMs in which to allow execution."),
    key(
        "mem_limit",
        "integer|string",
        "Memory limit (\"512m\" or bytes).",
    ),
    key("mem_reservation", "integer|string", "Memory soft limit."),
    key(
        "memswap_limit",
        "integer|string",
        "Total memory (memory + swap), -1 to disable swap.",
    ),
    key("kernel_memory", "integer|string", "Kernel memory limit."),
    key("restart_policy", "object", "Restart policy dictionary."),
    key("nano_cpus", "integer", "CPU quota in units of 1e-9 CPUs."),
    key(
        "cpus",
        "number",
        "CPUs as a number (1.5), sent as NanoCpus.",
    ),
    key(
        "pids_limit",
        "integer",
        "Tune a container's pids limit (0 lifts the limit).",
    ),
    key(
        "cpu_rt_period",
        "integer",
        "Limit CPU real-time period in microseconds.",
    ),
    key(
        "cpu_rt_runtime",
        "integer",
        "Limit CPU real-time runtime in microseconds.",
    ),
    key(
        "oom_kill_disable",
        "boolean",
        "Whether to disable OOM killer.",
    ),
];

const COMMIT: &[OptionKey] = &[
    key(
        "repository",
        "string",
        "The repository to push the image to.",
    ),
    key("tag", "string", "The tag to push."),
    key("message", "string", "A commit message."),
    key("author", "string", "The name of the author."),
    key(
        "changes",
        "string|array",
        "Dockerfile instructions to apply while committing.",
    ),
    key("conf", "object", "The configuration for the container."),
    key(
        "pause",
        "boolean",
        "Whether to pause the container before committing.",
    )
    .or("true"),
];

const LIST: &[OptionKey] = &[
    key("all", "boolean", "Show all containers.").or("false"),
    key("before", "string", "Show only container created before Id or Name, include non-running ones."),
    key("since", "string", "Show only containers created since Id or Name, include non-running ones."),
    key("limit", "integer", "Show limit last created containers, include non-running ones."),
    key("filters", "object", "Filters to be processed on the container list, such as {\"status\": \"exited\", \"label\": [\"a=b\"]}."),
    key("sparse", "boolean", "Do not inspect containers: the engine's list entries as they are.").or("false"),
    key("ignore_removed", "boolean", "Ignore failures due to missing containers when attempting to inspect containers from the original list.").or("true"),
];

const PRUNE: &[OptionKey] = &[key(
    "filters",
    "object",
    "Filters to process on the prune list, such as {\"label\": [\"a\"], \"until\": \"10m\"}.",
)];

const PUT_ARCHIVE: &[OptionKey] = &[
    key(
        "no_overwrite_dir_non_dir",
        "boolean",
        "Refuse to replace a directory with a non-directory and the reverse.",
    )
    .or("false"),
    key(
        "copy_uid_gid",
        "boolean",
        "Keep the archive's owners (uid and gid).",
    )
    .or("false")
    .api("1.40"),
];

const COPY_TO: &[OptionKey] = &[
    key(
        "follow_link",
        "boolean",
        "Copy what a top-level symlink points to (docker cp -L).",
    )
    .or("false"),
    key(
        "copy_uid_gid",
        "boolean",
        "Keep the files' owners (uid and gid).",
    )
    .or("false")
    .api("1.40"),
];

const COPY_FROM: &[OptionKey] = &[
    key(
        "follow_link",
        "boolean",
        "Copy what a top-level symlink points to (docker cp -L).",
    )
    .or("false"),
    key(
        "archive",
        "boolean",
        "Keep owners (docker cp -a; needs the rights).",
    )
    .or("false"),
];

const PULL_IMAGE: &[OptionKey] = &[
    key(
        "platform",
        "string",
        "Platform in the format os[/arch[/variant]].",
    )
    .api("1.32"),
    key(
        "timeout",
        "number",
        "Seconds the whole pull may take (default: no limit).",
    ),
];

const IMAGE_REMOVE: &[OptionKey] = &[
    key("force", "boolean", "Force removal of the image.").or("false"),
    key("noprune", "boolean", "Do not delete untagged parents.").or("false"),
];

const IMAGE_LIST: &[OptionKey] = &[
    key("name", "string", "Only show images belonging to the repository name (sent as the reference filter)."),
    key("all", "boolean", "Show intermediate image layers.").or("false"),
    key("filters", "object", "Filters to be processed on the image list, such as {\"dangling\": true, \"label\": [\"a=b\"]}."),
];

const IMAGE_TAG: &[OptionKey] = &[
    key(
        "tag",
        "string",
        "The tag name (the engine's default: latest).",
    ),
    key("force", "boolean", "Force the tag.").or("false"),
];

const NETWORK_CREATE: &[OptionKey] = &[
    key("driver", "string", "Name of the driver used to create the network."),
    key("options", "object", "Driver options as a key-value dictionary."),
    key("ipam", "object", "Optional custom IP scheme for the network: docker-py's IPAMConfig ({\"driver\", \"pool_configs\": [{\"subnet\", \"iprange\", \"gateway\", \"aux_addresses\"}], \"options\"}) or the Engine API's IPAM object."),
    key("check_duplicate", "boolean", "Request daemon to check for networks with same name."),
    key("internal", "boolean", "Restrict external access to the network.").or("false"),
    key("labels", "object", "Map of labels to set on the network."),
    key("enable_ipv6", "boolean", "Enable IPv6 on the network.").or("false"),
    key("attachable", "boolean", "If enabled, and the network is in the global scope, non-service containers on worker nodes will be able to connect to the network."),
    key("scope", "string", "Specify the network's scope (local, global or swarm)."),
    key("ingress", "boolean", "If set, create an ingress network which provides the routing-mesh in swarm mode."),
];

const NETWORK_GET: &[OptionKey] = &[
    key(
        "verbose",
        "boolean",
        "Retrieve the service details across the cluster in swarm mode.",
    ),
    key(
        "scope",
        "string",
        "Filter the network by scope (swarm, global or local).",
    ),
];

const NETWORK_LIST: &[OptionKey] = &[
    key("names", "array", "List of names to filter by."),
    key("ids", "array", "List of ids to filter by."),
    key("filters", "object", "Filters to be processed on the network list, such as {\"driver\": \"bridge\", \"label\": [\"a=b\"]}."),
    key("greedy", "boolean", "Fetch more details for each network individually (the engine's inspect of each).").or("false"),
];

const NETWORK_CONNECT: &[OptionKey] = &[
    key("aliases", "array", "A list of aliases for this endpoint. Names in that list can be used within the network to reach the container."),
    key("links", "array|object", "A list of links for this endpoint. Containers declared in this list will be linked to this container."),
    key("ipv4_address", "string", "The IP address of this container on the network, using the IPv4 protocol."),
    key("ipv6_address", "string", "The IP address of this container on the network, using the IPv6 protocol."),
    key("link_local_ips", "array", "A list of link-local (IPv4/IPv6) addresses."),
    key("driver_opt", "object", "A dictionary of options to provide to the network driver."),
    key("mac_address", "string", "The MAC address of this container on the network.").api("1.44"),
];

const FORCE: &[OptionKey] = &[key(
    "force",
    "boolean",
    "Force the action (disconnect a running container; remove a volume in use).",
)
.or("false")];

const VOLUME_CREATE: &[OptionKey] = &[
    key(
        "name",
        "string",
        "Name of the volume; the engine makes one up when absent.",
    ),
    key(
        "driver",
        "string",
        "Name of the driver used to create the volume.",
    ),
    key(
        "driver_opts",
        "object",
        "Driver options as a key-value dictionary.",
    ),
    key("labels", "object", "Labels to set on the volume."),
];

const VOLUME_LIST: &[OptionKey] = &[key(
    "filters",
    "object",
    "Server-side list filtering options, such as {\"label\": [\"a=b\"], \"dangling\": true}.",
)];

const fn c(
    function: &'static str,
    what: &'static str,
    groups: &'static [&'static [OptionKey]],
) -> CallOptions {
    CallOptions {
        function,
        what,
        groups,
        raw_fields: None,
        refused: &[],
        sibling: None,
    }
}

const fn exec(function: &'static str, groups: &'static [&'static [OptionKey]]) -> CallOptions {
    CallOptions {
        refused: EXEC_REFUSED,
        ..c(function, "exec options", groups)
    }
}

const RUN: &[&[OptionKey]] = &[RUN_ONLY, PULL, COMMAND, CREATE_BODY];

/// Every C function that takes an options string, with its keys.
pub static CALLS: &[CallOptions] = &[
    c("docker_client_from_env", "client options", &[CLIENT]),
    c("docker_client_new", "client options", &[BASE_URL, CLIENT]),
    c("docker_containers_run", "run options", RUN),
    c("docker_containers_run_cancel", "run options", RUN),
    CallOptions {
        sibling: Some("docker_containers_run"),
        ..c("docker_containers_create", "create options", &[PULL, COMMAND, CREATE_BODY])
    },
    c("docker_containers_list", "list options", &[LIST]),
    c("docker_containers_prune", "prune options", &[PRUNE]),
    c("docker_container_stop", "stop options", &[STOP]),
    c("docker_container_restart", "restart options", &[RESTART]),
    c("docker_container_remove", "remove options", &[REMOVE]),
    c("docker_container_wait", "wait options", &[WAIT]),
    c("docker_container_wait_cancel", "wait options", &[WAIT]),
    CallOptions {
        raw_fields: Some("any Engine API Resources field by its own name (\"BlkioWeightDevice\", ...)"),
        ..c("docker_container_update", "update options", &[UPDATE])
    },
    c("docker_container_commit", "commit options", &[COMMIT]),
    c("docker_container_put_archive", "put_archive options", &[PUT_ARCHIVE]),
    c("docker_container_put_archive_file", "put_archive options", &[PUT_ARCHIVE]),
    c("docker_container_put_archive_reader", "put_archive options", &[PUT_ARCHIVE]),
    c("docker_container_get_archive", "get_archive options", &[IDLE]),
    c("docker_container_export", "export options", &[IDLE]),
    c("docker_container_copy_to", "copy options", &[COPY_TO]),
    c("docker_container_copy_from", "copy options", &[COPY_FROM]),
    c("docker_images_pull", "pull options", &[PULL_IMAGE]),
    c("docker_images_remove", "image remove options", &[IMAGE_REMOVE]),
    c("docker_images_list", "image list options", &[IMAGE_LIST]),
    c("docker_images_tag", "image tag options", &[IMAGE_TAG]),
    c("docker_images_prune", "image prune options", &[PRUNE]),
    c("docker_networks_create", "network create options", &[NETWORK_CREATE]),
    c("docker_networks_get", "network get options", &[NETWORK_GET]),
    c("docker_networks_list", "network list options", &[NETWORK_LIST]),
    c("docker_networks_prune", "network prune options", &[PRUNE]),
    c("docker_network_connect", "network connect options", &[NETWORK_CONNECT]),
    c("docker_network_disconnect", "network disconnect options", &[FORCE]),
    c("docker_volumes_create", "volume create options", &[VOLUME_CREATE]),
    c("docker_volumes_list", "volume list options", &[VOLUME_LIST]),
    c("docker_volumes_prune", "volume prune options", &[PRUNE]),
    c("docker_volume_remove", "volume remove options", &[FORCE]),
    c("docker_container_logs", "logs options", &[LOGS, IDLE]),
    c("docker_container_logs_open", "logs options", &[LOGS]),
    c("docker_container_logs_buffer", "logs options", &[LOGS, DEMUX]),
    c("docker_container_stats", "stats options", &[IDLE]),
    c("docker_container_stats_open", "stats options", &[]),
    c(
        "docker_container_stats_once",
        "stats options",
        &[&[key(
            "one_shot",
            "boolean",
            "true: the sample at once, without the previous CPU reading; false: wait for a second reading.",
        )
        .or("true")
        .api("1.41")]],
    ),
    c("docker_container_attach", "attach options", &[ATTACH, STDIN_FALSE, IDLE]),
    c("docker_container_attach_open", "attach options", &[ATTACH, STDIN_TRUE]),
    exec("docker_container_exec_run", &[EXEC, STDIN_FALSE, DEMUX]),
    exec("docker_container_exec_stream", &[EXEC, STDIN_FALSE, IDLE]),
    exec("docker_container_exec_open", &[EXEC, STDIN_TRUE]),
    exec("docker_container_exec_detached", &[EXEC, STDIN_FALSE]),
    c(
        "docker_container_top",
        "top options",
        &[&[key(
            "ps_args",
            "string",
            "An optional arguments passed to ps (for example, aux).",
        )]],
    ),
    // Engine events and the many-container stats (events.rs, stats_many.rs).
    c("docker_client_events", "events options", &[EVENTS, IDLE]),
    c("docker_client_events_open", "events options", &[EVENTS]),
    c("docker_client_stats", "stats options", &[STATS_MANY, IDLE]),
    c("docker_client_stats_open", "stats options", &[STATS_MANY]),
];

/// The table as JSON: {function: [{name, type, required, default, doc, min_api}, ...]}.
pub fn to_json() -> Value {
    let mut out = Map::new();
    for call in CALLS {
        let keys: Vec<Value> = call
            .keys()
            .map(|k| {
                serde_json::json!({
                    "name": k.name,
                    "type": k.ty,
                    "required": k.required,
                    "default": k.default.map(|d| serde_json::from_str::<Value>(d).expect("default is JSON")),
                    "doc": k.doc,
                    "min_api": k.min_api,
                })
            })
            .collect();
        out.insert(call.function.to_string(), Value::Array(keys));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_are_json_and_types_known() {
        for c in CALLS {
            for k in c.keys() {
                if let Some(d) = k.default {
                    let v: Value = serde_json::from_str(d).unwrap();
                    assert!(k.accepts(&v), "{} {}: default {d}", c.function, k.name);
                }
                for t in k.ty.split('|') {
                    assert!(
                        ["string", "integer", "number", "boolean", "object", "array"].contains(&t),
                        "{} {}: type {t}",
                        c.function,
                        k.name
                    );
                }
                assert!(!k.doc.is_empty(), "{} {}", c.function, k.name);
            }
        }
    }

    #[test]
    fn every_function_once() {
        for (i, c) in CALLS.iter().enumerate() {
            assert!(
                CALLS[..i].iter().all(|e| e.function != c.function),
                "{}",
                c.function
            );
        }
    }

    #[test]
    fn validate_names_key_and_hint() {
        let c = call("docker_container_logs");
        let e = c
            .validate(json!({"tial": 3}).as_object().unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("\"tial\"") && e.contains("did you mean \"tail\""),
            "{e}"
        );
        let e = c
            .validate(json!({"tail": true}).as_object().unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"tail\" must be a string or an integer"), "{e}");
        assert!(c
            .validate(json!({"tail": 3, "since": null}).as_object().unwrap())
            .is_ok());
        let e = call("docker_containers_create")
            .validate(json!({"remove": true}).as_object().unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.contains("is an option of docker_containers_run"), "{e}");
        let e = call("docker_container_exec_run")
            .validate(json!({"socket": true}).as_object().unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.contains("docker_container_exec_open"), "{e}");
        assert!(call("docker_container_update")
            .validate(json!({"BlkioWeightDevice": []}).as_object().unwrap())
            .is_ok());
    }
}
