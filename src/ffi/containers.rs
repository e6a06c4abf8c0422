//! The container collection (docker-py's `client.containers`): run, create, list, prune.

use super::args::{arg_opt_str, arg_options, arg_out, arg_ref, arg_str, put, put_string};
use super::cancel::{arg_cancel, cancellable, docker_cancel};
use super::client::docker_client;
use super::container::docker_container;
use super::error::{boundary, docker_error, docker_result};
use super::memory::docker_buffer;
use super::runtime::{run, run_here};
use crate::engine::container::Container;
use crate::engine::containers::{self, encode_filters};
use crate::engine::Error;
use serde_json::Value;
use std::ffi::c_char;

/// docker-py's `client.containers.run(image, command, **options)`.
///
/// `command`: NULL (the image's default), or a string split into words as a POSIX shell would
/// ("sh -c 'echo hi'"). For the list form, leave `command` NULL and pass `"command": [...]` in
/// the options. `options_json`: docker-py's `run()` keywords (see README: `detach`, `remove`,
/// `stdout`, `stderr`, `name`, `environment`, `ports`, `volumes`, `mem_limit`, ... plus
/// `stop_timeout`, `pull` (default true) and the raw `Config`/`HostConfig`/`NetworkingConfig`).
///
/// With `"detach": true`: the container is started and `*out` receives its handle (free with
/// docker_container_free); `output` may be NULL. As in docker-py, the handle's attributes are
/// those read after create and before the start (status "created"): docker_container_reload
/// reads the live ones. Without: the container runs to its end, and
/// `*output` receives what it wrote (stdout; stderr too with `"stderr": true`; free with
/// docker_buffer_free). A non-zero exit fails with DOCKER_ERR_CONTAINER_FAILED, carrying the
/// exit status and stderr (docker_error_exit_status, docker_error_stderr). `"remove": true`
/// removes the container afterwards, also on failure; otherwise `*out` (when not NULL) receives
/// its handle. Output is attached before the start, so none is lost with auto_remove.
/// A missing image is pulled unless `"pull": false`; when that fails:
/// DOCKER_ERR_IMAGE_NOT_FOUND. docker-py's `"stream": true` (a log generator) is refused with
/// DOCKER_ERR_INVALID_ARGUMENT rather than ignored: run detached and read docker_container_logs.
/// Blocks the calling thread (for the container's whole run when
/// not detached; the call timeout applies to each request, not to the container's run).
///
/// Options (option table, written by `make options`):
/// - `detach` (boolean; default false): Run container in the background and return a Container object.
/// - `remove` (boolean; default false): Remove the container when it has finished running.
/// - `stdout` (boolean; default true): Return logs from STDOUT when detach=False.
/// - `stderr` (boolean; default false): Return logs from STDERR when detach=False.
/// - `stream` (boolean; default false): docker-py's log generator; refused unless detach is true (read the logs instead).
/// - `pull` (boolean; default true): Pull the image when the engine does not have it.
/// - `command` (string|array): The command to run in the container (when the command argument is NULL).
/// - `auto_remove` (boolean; API 1.25+): enable auto-removal of the container on daemon side when the container's process exits.
/// - `blkio_weight` (integer): Block IO weight (relative weight), accepts a weight value between 10 and 1000.
/// - `blkio_weight_device` (array): Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}].
/// - `cap_add` (array): Add kernel capabilities.
/// - `cap_drop` (array): Drop kernel capabilities.
/// - `cgroup_parent` (string): Override the default parent cgroup.
/// - `cgroupns` (string): Override the default cgroup namespace mode for the container.
/// - `cpu_count` (integer; API 1.25+): Number of usable CPUs (Windows only).
/// - `cpu_percent` (integer; API 1.25+): Usable percentage of the available CPUs (Windows only).
/// - `cpu_period` (integer): The length of a CPU period in microseconds.
/// - `cpu_quota` (integer): Microseconds of CPU time that the container can get in a CPU period.
/// - `cpu_rt_period` (integer; API 1.25+): Limit CPU real-time period in microseconds.
/// - `cpu_rt_runtime` (integer; API 1.25+): Limit CPU real-time runtime in microseconds.
/// - `cpu_shares` (integer): CPU shares (relative weight).
/// - `cpuset_cpus` (string): CPUs in which to allow execution ("0-3", "0,1").
/// - `cpuset_mems` (string): Memory nodes (MEMs) in which to allow execution ("0-3", "0,1").
/// - `device_cgroup_rules` (array; API 1.28+): A list of cgroup rules to apply to the container.
/// - `device_read_bps` (array): Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}].
/// - `device_read_iops` (array): Limit read rate (IO per second) from a device.
/// - `device_requests` (array; API 1.40+): Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances.
/// - `device_write_bps` (array): Limit write rate (bytes per second) from a device.
/// - `device_write_iops` (array): Limit write rate (IO per second) from a device.
/// - `devices` (array): Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>".
/// - `dns` (array): Set custom DNS servers.
/// - `dns_opt` (array): Additional options to be added to the container's "resolv.conf" file.
/// - `dns_search` (array): DNS search domains.
/// - `domainname` (string|array): Set custom DNS search domains.
/// - `entrypoint` (string|array): The entrypoint for the container.
/// - `environment` (object|array): Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]".
/// - `extra_hosts` (object|array): Additional hostnames to resolve inside the container, as a mapping of hostname to IP address.
/// - `group_add` (array): List of additional group names and/or IDs that the container process will run as.
/// - `healthcheck` (object; API 1.24+): Specify a test to perform to check that the container is healthy.
/// - `hostname` (string): Optional hostname for the container.
/// - `init` (boolean; API 1.25+): Run an init inside the container that forwards signals and reaps processes.
/// - `init_path` (string; API 1.25+): Path to the docker-init binary.
/// - `ipc_mode` (string): Set the IPC mode for the container.
/// - `isolation` (string): Isolation technology to use.
/// - `kernel_memory` (integer|string): Kernel memory limit.
/// - `labels` (object|array): A dictionary of name-value labels.
/// - `links` (object|array): Mapping of links using the "{'container': 'alias'}" format.
/// - `log_config` (object): Logging configuration.
/// - `lxc_conf` (object|array): LXC config.
/// - `mac_address` (string): MAC address to assign to the container.
/// - `mem_limit` (integer|string): Memory limit.
/// - `mem_reservation` (integer|string): Memory soft limit.
/// - `mem_swappiness` (integer): Tune a container's memory swappiness behavior.
/// - `memswap_limit` (integer|string): Maximum amount of memory + swap a container is allowed to consume.
/// - `mounts` (array; API 1.30+): Specification for mounts to be added to the container.
/// - `name` (string): The name for this container.
/// - `nano_cpus` (integer; API 1.25+): CPU quota in units of 1e-9 CPUs.
/// - `network` (string): Name of the network this container will be connected to at creation time.
/// - `network_disabled` (boolean): Disable networking.
/// - `network_mode` (string): Network mode: "bridge", "none", "container:<name|id>" or "host".
/// - `networking_config` (object): Dictionary of EndpointConfig objects for each container network.
/// - `oom_kill_disable` (boolean): Whether to disable OOM killer.
/// - `oom_score_adj` (integer): An integer value containing the score given to the container in order to tune OOM killer preferences.
/// - `pid_mode` (string): If set to "host", use the host PID namespace inside the container.
/// - `pids_limit` (integer): Tune a container's pids limit.
/// - `platform` (string; API 1.41+): Platform in the format "os[/arch[/variant]]".
/// - `ports` (object): Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these.
/// - `privileged` (boolean): Give extended privileges to this container.
/// - `publish_all_ports` (boolean): Publish all ports to the host.
/// - `read_only` (boolean): Mount the container's root filesystem as read only.
/// - `restart_policy` (object): Restart the container when it exits.
/// - `runtime` (string; API 1.25+): Runtime to use with this container.
/// - `security_opt` (array): A list of string values to customize labels for MLS systems, such as SELinux.
/// - `shm_size` (integer|string): Size of /dev/shm.
/// - `stdin_open` (boolean): Keep "STDIN" open even if not attached.
/// - `stop_signal` (string): The stop signal to use to stop the container.
/// - `stop_timeout` (integer; API 1.25+): Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword.
/// - `storage_opt` (object): Storage driver options per container as a key-value mapping.
/// - `sysctls` (object): Kernel parameters to set in the container.
/// - `tmpfs` (object|array): Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path.
/// - `tty` (boolean): Allocate a pseudo-TTY.
/// - `ulimits` (array): Ulimits to set inside the container, as a list of docker.types.Ulimit instances.
/// - `use_config_proxy` (boolean): If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built.
/// - `user` (string|integer): Username or UID to run commands as inside the container.
/// - `userns_mode` (string): Sets the user namespace mode for the container when user namespace remapping option is enabled.
/// - `uts_mode` (string): Sets the UTS namespace mode for the container.
/// - `volume_driver` (string): The name of a volume driver/plugin.
/// - `volumes` (object|array|string): A dictionary to configure volumes mounted inside the container.
/// - `volumes_from` (array|string): List of container names or IDs to get volumes from.
/// - `working_dir` (string): Path to the working directory.
/// - `Config` (object): Raw Engine API container config fields, merged last (its fields land at the top level of the create body).
/// - `HostConfig` (object): Raw Engine API HostConfig fields, merged last, deeply.
/// - `NetworkingConfig` (object): Raw Engine API NetworkingConfig, merged last, deeply.
#[no_mangle]
pub extern "C" fn docker_containers_run(
    client: *const docker_client,
    image: *const c_char,
    command: *const c_char,
    options_json: *const c_char,
    out: *mut *mut docker_container,
    output: *mut *mut docker_buffer,
    error: *mut *mut docker_error,
) -> docker_result {
    run_impl(
        client,
        image,
        command,
        options_json,
        "docker_containers_run",
        None,
        out,
        output,
        error,
    )
}

/// docker_containers_run with a cancel token (NULL: none). Firing it from any thread ends the
/// call promptly with DOCKER_ERR_CANCELLED. A container already made is left as it is (still
/// running, when it was): find it by a name or label you gave it. For hosts that cancel from
/// elsewhere, such as Go contexts. Otherwise as docker_containers_run.
///
/// Options (option table, written by `make options`):
/// - `detach` (boolean; default false): Run container in the background and return a Container object.
/// - `remove` (boolean; default false): Remove the container when it has finished running.
/// - `stdout` (boolean; default true): Return logs from STDOUT when detach=False.
/// - `stderr` (boolean; default false): Return logs from STDERR when detach=False.
/// - `stream` (boolean; default false): docker-py's log generator; refused unless detach is true (read the logs instead).
/// - `pull` (boolean; default true): Pull the image when the engine does not have it.
/// - `command` (string|array): The command to run in the container (when the command argument is NULL).
/// - `auto_remove` (boolean; API 1.25+): enable auto-removal of the container on daemon side when the container's process exits.
/// - `blkio_weight` (integer): Block IO weight (relative weight), accepts a weight value between 10 and 1000.
/// - `blkio_weight_device` (array): Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}].
/// - `cap_add` (array): Add kernel capabilities.
/// - `cap_drop` (array): Drop kernel capabilities.
/// - `cgroup_parent` (string): Override the default parent cgroup.
/// - `cgroupns` (string): Override the default cgroup namespace mode for the container.
/// - `cpu_count` (integer; API 1.25+): Number of usable CPUs (Windows only).
/// - `cpu_percent` (integer; API 1.25+): Usable percentage of the available CPUs (Windows only).
/// - `cpu_period` (integer): The length of a CPU period in microseconds.
/// - `cpu_quota` (integer): Microseconds of CPU time that the container can get in a CPU period.
/// - `cpu_rt_period` (integer; API 1.25+): Limit CPU real-time period in microseconds.
/// - `cpu_rt_runtime` (integer; API 1.25+): Limit CPU real-time runtime in microseconds.
/// - `cpu_shares` (integer): CPU shares (relative weight).
/// - `cpuset_cpus` (string): CPUs in which to allow execution ("0-3", "0,1").
/// - `cpuset_mems` (string): Memory nodes (MEMs) in which to allow execution ("0-3", "0,1").
/// - `device_cgroup_rules` (array; API 1.28+): A list of cgroup rules to apply to the container.
/// - `device_read_bps` (array): Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}].
/// - `device_read_iops` (array): Limit read rate (IO per second) from a device.
/// - `device_requests` (array; API 1.40+): Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances.
/// - `device_write_bps` (array): Limit write rate (bytes per second) from a device.
/// - `device_write_iops` (array): Limit write rate (IO per second) from a device.
/// - `devices` (array): Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>".
/// - `dns` (array): Set custom DNS servers.
/// - `dns_opt` (array): Additional options to be added to the container's "resolv.conf" file.
/// - `dns_search` (array): DNS search domains.
/// - `domainname` (string|array): Set custom DNS search domains.
/// - `entrypoint` (string|array): The entrypoint for the container.
/// - `environment` (object|array): Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]".
/// - `extra_hosts` (object|array): Additional hostnames to resolve inside the container, as a mapping of hostname to IP address.
/// - `group_add` (array): List of additional group names and/or IDs that the container process will run as.
/// - `healthcheck` (object; API 1.24+): Specify a test to perform to check that the container is healthy.
/// - `hostname` (string): Optional hostname for the container.
/// - `init` (boolean; API 1.25+): Run an init inside the container that forwards signals and reaps processes.
/// - `init_path` (string; API 1.25+): Path to the docker-init binary.
/// - `ipc_mode` (string): Set the IPC mode for the container.
/// - `isolation` (string): Isolation technology to use.
/// - `kernel_memory` (integer|string): Kernel memory limit.
/// - `labels` (object|array): A dictionary of name-value labels.
/// - `links` (object|array): Mapping of links using the "{'container': 'alias'}" format.
/// - `log_config` (object): Logging configuration.
/// - `lxc_conf` (object|array): LXC config.
/// - `mac_address` (string): MAC address to assign to the container.
/// - `mem_limit` (integer|string): Memory limit.
/// - `mem_reservation` (integer|string): Memory soft limit.
/// - `mem_swappiness` (integer): Tune a container's memory swappiness behavior.
/// - `memswap_limit` (integer|string): Maximum amount of memory + swap a container is allowed to consume.
/// - `mounts` (array; API 1.30+): Specification for mounts to be added to the container.
/// - `name` (string): The name for this container.
/// - `nano_cpus` (integer; API 1.25+): CPU quota in units of 1e-9 CPUs.
/// - `network` (string): Name of the network this container will be connected to at creation time.
/// - `network_disabled` (boolean): Disable networking.
/// - `network_mode` (string): Network mode: "bridge", "none", "container:<name|id>" or "host".
/// - `networking_config` (object): Dictionary of EndpointConfig objects for each container network.
/// - `oom_kill_disable` (boolean): Whether to disable OOM killer.
/// - `oom_score_adj` (integer): An integer value containing the score given to the container in order to tune OOM killer preferences.
/// - `pid_mode` (string): If set to "host", use the host PID namespace inside the container.
/// - `pids_limit` (integer): Tune a container's pids limit.
/// - `platform` (string; API 1.41+): Platform in the format "os[/arch[/variant]]".
/// - `ports` (object): Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these.
/// - `privileged` (boolean): Give extended privileges to this container.
/// - `publish_all_ports` (boolean): Publish all ports to the host.
/// - `read_only` (boolean): Mount the container's root filesystem as read only.
/// - `restart_policy` (object): Restart the container when it exits.
/// - `runtime` (string; API 1.25+): Runtime to use with this container.
/// - `security_opt` (array): A list of string values to customize labels for MLS systems, such as SELinux.
/// - `shm_size` (integer|string): Size of /dev/shm.
/// - `stdin_open` (boolean): Keep "STDIN" open even if not attached.
/// - `stop_signal` (string): The stop signal to use to stop the container.
/// - `stop_timeout` (integer; API 1.25+): Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword.
/// - `storage_opt` (object): Storage driver options per container as a key-value mapping.
/// - `sysctls` (object): Kernel parameters to set in the container.
/// - `tmpfs` (object|array): Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path.
/// - `tty` (boolean): Allocate a pseudo-TTY.
/// - `ulimits` (array): Ulimits to set inside the container, as a list of docker.types.Ulimit instances.
/// - `use_config_proxy` (boolean): If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built.
/// - `user` (string|integer): Username or UID to run commands as inside the container.
/// - `userns_mode` (string): Sets the user namespace mode for the container when user namespace remapping option is enabled.
/// - `uts_mode` (string): Sets the UTS namespace mode for the container.
/// - `volume_driver` (string): The name of a volume driver/plugin.
/// - `volumes` (object|array|string): A dictionary to configure volumes mounted inside the container.
/// - `volumes_from` (array|string): List of container names or IDs to get volumes from.
/// - `working_dir` (string): Path to the working directory.
/// - `Config` (object): Raw Engine API container config fields, merged last (its fields land at the top level of the create body).
/// - `HostConfig` (object): Raw Engine API HostConfig fields, merged last, deeply.
/// - `NetworkingConfig` (object): Raw Engine API NetworkingConfig, merged last, deeply.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn docker_containers_run_cancel(
    client: *const docker_client,
    image: *const c_char,
    command: *const c_char,
    options_json: *const c_char,
    cancel: *const docker_cancel,
    out: *mut *mut docker_container,
    output: *mut *mut docker_buffer,
    error: *mut *mut docker_error,
) -> docker_result {
    let token = arg!(arg_cancel(cancel));
    run_impl(
        client,
        image,
        command,
        options_json,
        "docker_containers_run_cancel",
        token,
        out,
        output,
        error,
    )
}

#[allow(clippy::too_many_arguments)]
fn run_impl(
    client: *const docker_client,
    image: *const c_char,
    command: *const c_char,
    options_json: *const c_char,
    function: &'static str,
    token: Option<&tokio_util::sync::CancellationToken>,
    out: *mut *mut docker_container,
    output: *mut *mut docker_buffer,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let image = arg!(arg_str(image, "image"))?;
        let command = arg!(arg_opt_str(command, "command"))?;
        let opts = arg!(arg_options(options_json, function))?;
        if image.is_empty() {
            return Err(Error::invalid("image is empty"));
        }
        let detach = opts.into_map();
        let detached = detach
            .get("detach")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if detached {
            arg_out(out, "out")?;
        }
        let client = c.inner.clone();
        let (handle, bytes) = run(cancellable(token, async {
            let r = crate::engine::run::run(&client, image, command, detach).await?;
            let handle = if r.removed || out.is_null() {
                None
            } else {
                Some(docker_container::new(
                    Container::from_run(&client, &r).await?,
                )?)
            };
            Ok::<_, Error>((handle, r.output))
        }))?;
        if let Some(h) = handle {
            // SAFETY: `out` is non-NULL here (checked or tested above).
            unsafe { put(out, h.into_raw()) };
        }
        if let (Some(b), false) = (bytes, output.is_null()) {
            // SAFETY: checked non-NULL.
            unsafe { put(output, docker_buffer::new_raw(b)) };
        }
        Ok(())
    })
}

/// docker-py's `client.containers.create(image, command, **options)`: create without starting.
/// Same `command` and options as docker_containers_run (less run's own: detach is allowed and
/// only decides the Attach* fields, as in docker-py). A missing image is pulled unless
/// `"pull": false`. `*out` receives the handle (free with docker_container_free); the engine's
/// create warnings are kept on it (docker_container_warnings_json). Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `pull` (boolean; default true): Pull the image when the engine does not have it.
/// - `command` (string|array): The command to run in the container (when the command argument is NULL).
/// - `auto_remove` (boolean; API 1.25+): enable auto-removal of the container on daemon side when the container's process exits.
/// - `blkio_weight` (integer): Block IO weight (relative weight), accepts a weight value between 10 and 1000.
/// - `blkio_weight_device` (array): Block IO weight (relative device weight) in the form of: [{"Path": "device_path", "Weight": weight}].
/// - `cap_add` (array): Add kernel capabilities.
/// - `cap_drop` (array): Drop kernel capabilities.
/// - `cgroup_parent` (string): Override the default parent cgroup.
/// - `cgroupns` (string): Override the default cgroup namespace mode for the container.
/// - `cpu_count` (integer; API 1.25+): Number of usable CPUs (Windows only).
/// - `cpu_percent` (integer; API 1.25+): Usable percentage of the available CPUs (Windows only).
/// - `cpu_period` (integer): The length of a CPU period in microseconds.
/// - `cpu_quota` (integer): Microseconds of CPU time that the container can get in a CPU period.
/// - `cpu_rt_period` (integer; API 1.25+): Limit CPU real-time period in microseconds.
/// - `cpu_rt_runtime` (integer; API 1.25+): Limit CPU real-time runtime in microseconds.
/// - `cpu_shares` (integer): CPU shares (relative weight).
/// - `cpuset_cpus` (string): CPUs in which to allow execution ("0-3", "0,1").
/// - `cpuset_mems` (string): Memory nodes (MEMs) in which to allow execution ("0-3", "0,1").
/// - `detach` (boolean): Run container in the background and return a Container object.
/// - `device_cgroup_rules` (array; API 1.28+): A list of cgroup rules to apply to the container.
/// - `device_read_bps` (array): Limit read rate (bytes per second) from a device in the form of: [{"Path": "device_path", "Rate": rate}].
/// - `device_read_iops` (array): Limit read rate (IO per second) from a device.
/// - `device_requests` (array; API 1.40+): Expose host resources such as GPUs to the container, as a list of docker.types.DeviceRequest instances.
/// - `device_write_bps` (array): Limit write rate (bytes per second) from a device.
/// - `device_write_iops` (array): Limit write rate (IO per second) from a device.
/// - `devices` (array): Expose host devices to the container, as a list of strings in the form "<path_on_host>:<path_in_container>:<cgroup_permissions>".
/// - `dns` (array): Set custom DNS servers.
/// - `dns_opt` (array): Additional options to be added to the container's "resolv.conf" file.
/// - `dns_search` (array): DNS search domains.
/// - `domainname` (string|array): Set custom DNS search domains.
/// - `entrypoint` (string|array): The entrypoint for the container.
/// - `environment` (object|array): Environment variables to set inside the container, as a dictionary or a list of strings in the format "["SOMEVARIABLE=xxx"]".
/// - `extra_hosts` (object|array): Additional hostnames to resolve inside the container, as a mapping of hostname to IP address.
/// - `group_add` (array): List of additional group names and/or IDs that the container process will run as.
/// - `healthcheck` (object; API 1.24+): Specify a test to perform to check that the container is healthy.
/// - `hostname` (string): Optional hostname for the container.
/// - `init` (boolean; API 1.25+): Run an init inside the container that forwards signals and reaps processes.
/// - `init_path` (string; API 1.25+): Path to the docker-init binary.
/// - `ipc_mode` (string): Set the IPC mode for the container.
/// - `isolation` (string): Isolation technology to use.
/// - `kernel_memory` (integer|string): Kernel memory limit.
/// - `labels` (object|array): A dictionary of name-value labels.
/// - `links` (object|array): Mapping of links using the "{'container': 'alias'}" format.
/// - `log_config` (object): Logging configuration.
/// - `lxc_conf` (object|array): LXC config.
/// - `mac_address` (string): MAC address to assign to the container.
/// - `mem_limit` (integer|string): Memory limit.
/// - `mem_reservation` (integer|string): Memory soft limit.
/// - `mem_swappiness` (integer): Tune a container's memory swappiness behavior.
/// - `memswap_limit` (integer|string): Maximum amount of memory + swap a container is allowed to consume.
/// - `mounts` (array; API 1.30+): Specification for mounts to be added to the container.
/// - `name` (string): The name for this container.
/// - `nano_cpus` (integer; API 1.25+): CPU quota in units of 1e-9 CPUs.
/// - `network` (string): Name of the network this container will be connected to at creation time.
/// - `network_disabled` (boolean): Disable networking.
/// - `network_mode` (string): Network mode: "bridge", "none", "container:<name|id>" or "host".
/// - `networking_config` (object): Dictionary of EndpointConfig objects for each container network.
/// - `oom_kill_disable` (boolean): Whether to disable OOM killer.
/// - `oom_score_adj` (integer): An integer value containing the score given to the container in order to tune OOM killer preferences.
/// - `pid_mode` (string): If set to "host", use the host PID namespace inside the container.
/// - `pids_limit` (integer): Tune a container's pids limit.
/// - `platform` (string; API 1.41+): Platform in the format "os[/arch[/variant]]".
/// - `ports` (object): Ports to bind inside the container: {"80/tcp": 8080}; a host port, null, a {"HostIp", "HostPort"} object (docker-py's tuple) or a list of these.
/// - `privileged` (boolean): Give extended privileges to this container.
/// - `publish_all_ports` (boolean): Publish all ports to the host.
/// - `read_only` (boolean): Mount the container's root filesystem as read only.
/// - `restart_policy` (object): Restart the container when it exits.
/// - `runtime` (string; API 1.25+): Runtime to use with this container.
/// - `security_opt` (array): A list of string values to customize labels for MLS systems, such as SELinux.
/// - `shm_size` (integer|string): Size of /dev/shm.
/// - `stdin_open` (boolean): Keep "STDIN" open even if not attached.
/// - `stop_signal` (string): The stop signal to use to stop the container.
/// - `stop_timeout` (integer; API 1.25+): Timeout (in seconds) to stop the container (StopTimeout); not a docker-py run() keyword.
/// - `storage_opt` (object): Storage driver options per container as a key-value mapping.
/// - `sysctls` (object): Kernel parameters to set in the container.
/// - `tmpfs` (object|array): Temporary filesystems to mount, as a dictionary mapping a path inside the container to options for that path.
/// - `tty` (boolean): Allocate a pseudo-TTY.
/// - `ulimits` (array): Ulimits to set inside the container, as a list of docker.types.Ulimit instances.
/// - `use_config_proxy` (boolean): If "True", and if the docker client configuration file ("~/.docker/config.json" by default) contains a proxy configuration, the corresponding environment variables will be set in the container being built.
/// - `user` (string|integer): Username or UID to run commands as inside the container.
/// - `userns_mode` (string): Sets the user namespace mode for the container when user namespace remapping option is enabled.
/// - `uts_mode` (string): Sets the UTS namespace mode for the container.
/// - `volume_driver` (string): The name of a volume driver/plugin.
/// - `volumes` (object|array|string): A dictionary to configure volumes mounted inside the container.
/// - `volumes_from` (array|string): List of container names or IDs to get volumes from.
/// - `working_dir` (string): Path to the working directory.
/// - `Config` (object): Raw Engine API container config fields, merged last (its fields land at the top level of the create body).
/// - `HostConfig` (object): Raw Engine API HostConfig fields, merged last, deeply.
/// - `NetworkingConfig` (object): Raw Engine API NetworkingConfig, merged last, deeply.
#[no_mangle]
pub extern "C" fn docker_containers_create(
    client: *const docker_client,
    image: *const c_char,
    command: *const c_char,
    options_json: *const c_char,
    out: *mut *mut docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let image = arg!(arg_str(image, "image"))?;
        let command = arg!(arg_opt_str(command, "command"))?;
        let mut opts = arg!(arg_options(options_json, "docker_containers_create"))?;
        arg_out(out, "out")?;
        if image.is_empty() {
            return Err(Error::invalid("image is empty"));
        }
        let pull = opts.bool("pull")?.unwrap_or(true);
        let map = opts.into_map();
        let client = c.inner.clone();
        let handle = run(async {
            let c = Container::create(&client, image, command, map, pull).await?;
            docker_container::new(c)
        })?;
        // SAFETY: checked non-NULL above.
        unsafe { put(out, handle.into_raw()) };
        Ok(())
    })
}

/// docker-py's `client.containers.list(...)`: `*out` receives a JSON array (free with
/// docker_string_free). Options: `all`, `before`, `since` (container ids or names; sent as the
/// engine's filters), `limit`, `filters` (docker-py's form: {"status": "exited", "label":
/// ["a=b"]}; a bool becomes "true"/"false"), `sparse` (true: the engine's list entries as they
/// are; false, the default: each container's full inspect JSON, fetched 8 at a time), and
/// `ignore_removed` (default true: a container removed between list and inspect is skipped).
/// Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `all` (boolean; default false): Show all containers.
/// - `before` (string): Show only container created before Id or Name, include non-running ones.
/// - `since` (string): Show only containers created since Id or Name, include non-running ones.
/// - `limit` (integer): Show limit last created containers, include non-running ones.
/// - `filters` (object): Filters to be processed on the container list, such as {"status": "exited", "label": ["a=b"]}.
/// - `sparse` (boolean; default false): Do not inspect containers: the engine's list entries as they are.
/// - `ignore_removed` (boolean; default true): Ignore failures due to missing containers when attempting to inspect containers from the original list.
#[no_mangle]
pub extern "C" fn docker_containers_list(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_containers_list"))?;
        arg_out(out, "out")?;
        let lo = containers::ListOptions::take(&mut o)?;
        o.finish()?;
        put_string(out, run_here(containers::list_json(&c.inner, &lo))?)
    })
}

/// docker-py's `client.containers.prune(filters)`: remove stopped containers. Options:
/// `filters` (e.g. {"label": ["dc-test"], "until": "10m"}). `*out` receives the engine's JSON
/// `{"ContainersDeleted": [...], "SpaceReclaimed": N}` (an empty list, never null, when nothing
/// was removed; free with docker_string_free).
/// Blocks the calling thread.
///
/// Options (option table, written by `make options`):
/// - `filters` (object): Filters to process on the prune list, such as {"label": ["a"], "until": "10m"}.
#[no_mangle]
pub extern "C" fn docker_containers_prune(
    client: *const docker_client,
    options_json: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let mut o = arg!(arg_options(options_json, "docker_containers_prune"))?;
        arg_out(out, "out")?;
        let filters = o.object("filters")?;
        o.finish()?;
        let filters = match filters {
            Some(f) if !f.is_empty() => Some(encode_filters(&f)?),
            _ => None,
        };
        let body = run_here(containers::prune(&c.inner, filters.as_deref()))?;
        put_string(out, body.to_vec())?;
        Ok(())
    })
}

/// docker-py's `client.containers.get(id_or_name)`: a handle for an existing container (full id,
/// short id prefix or name). A missing container gives DOCKER_ERR_NOT_FOUND. `*out` receives a
/// handle to free with docker_container_free. Blocks the calling thread.
#[no_mangle]
pub extern "C" fn docker_containers_get(
    client: *const super::client::docker_client,
    id_or_name: *const c_char,
    out: *mut *mut docker_container,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_ref(client, "client"))?;
        let name = arg!(arg_str(id_or_name, "id_or_name"))?;
        arg_out(out, "out")?;
        if name.is_empty() {
            return Err(Error::invalid("id_or_name is empty"));
        }
        let handle = run_here(docker_container::fetch(&c.inner, name))?;
        // SAFETY: checked non-NULL above.
        unsafe { put(out, handle.into_raw()) };
        Ok(())
    })
}
