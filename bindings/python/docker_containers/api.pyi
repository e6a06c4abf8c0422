# Type stubs for docker_containers.api: docker-py's low-level APIClient (make python-types).
import datetime
from typing import Any, Iterator, Literal, Mapping, Sequence, overload

from ._stream import Output, Stream
from .types import EndpointConfig, HostConfig

DEFAULT_DATA_CHUNK_SIZE: int
DEFAULT_TIMEOUT_SECONDS: int

_Ref = str | Mapping[str, Any]
_Command = str | Sequence[str]
_Time = datetime.datetime | int | float | str
_Env = Mapping[str, str | None] | Sequence[str]

class APIClient:
    """docker-py's low-level client: containers, exec, and the image calls programs pair with them."""

    def __init__(self, base_url: str | None = None, version: str | None = None,
                 timeout: float = 60, tls: bool = False, user_agent: str | None = None,
                 num_pools: int | None = None, credstore_env: Mapping[str, str] | None = None,
                 use_ssh_client: bool = False, max_pool_size: int | None = None,
                 _client: Any = None, **kwargs: Any) -> None: ...
    @property
    def api_version(self) -> str:
        """The Engine API version in use."""
    def close(self) -> None: ...
    def __enter__(self) -> APIClient: ...
    def __exit__(self, *exc: object) -> None: ...
    def ping(self) -> bool: ...
    def version(self, api_version: bool = True) -> dict[str, Any]: ...
    def info(self) -> dict[str, Any]: ...
    def create_host_config(self, *args: Any, **kwargs: Any) -> HostConfig: ...
    def create_networking_config(self, *args: Any, **kwargs: Any) -> dict[str, Any]: ...
    def create_endpoint_config(self, *args: Any, **kwargs: Any) -> EndpointConfig: ...
    def create_container_config(self, image: str, command: _Command | None,
                                hostname: str | None = None, user: str | int | None = None,
                                detach: bool = False, stdin_open: bool = False, tty: bool = False,
                                ports: Sequence[int | str | tuple[int | str, ...]] | None = None,
                                environment: _Env | None = None,
                                volumes: str | Sequence[str] | None = None,
                                network_disabled: bool = False, entrypoint: _Command | None = None,
                                working_dir: str | None = None, domainname: str | None = None,
                                host_config: Mapping[str, Any] | None = None,
                                mac_address: str | None = None,
                                labels: Mapping[str, str] | Sequence[str] | None = None,
                                stop_signal: str | None = None,
                                networking_config: Mapping[str, Any] | None = None,
                                healthcheck: Mapping[str, Any] | None = None,
                                stop_timeout: int | None = None,
                                runtime: str | None = None) -> dict[str, Any]: ...
    def create_container(self, image: str, command: _Command | None = None,
                         hostname: str | None = None, user: str | int | None = None,
                         detach: bool = False, stdin_open: bool = False, tty: bool = False,
                         ports: Sequence[int | str | tuple[int | str, ...]] | None = None,
                         environment: _Env | None = None,
                         volumes: str | Sequence[str] | None = None,
                         network_disabled: bool = False, name: str | None = None,
                         entrypoint: _Command | None = None, working_dir: str | None = None,
                         domainname: str | None = None,
                         host_config: Mapping[str, Any] | None = None,
                         mac_address: str | None = None,
                         labels: Mapping[str, str] | Sequence[str] | None = None,
                         stop_signal: str | None = None,
                         networking_config: Mapping[str, Any] | None = None,
                         healthcheck: Mapping[str, Any] | None = None,
                         stop_timeout: int | None = None, runtime: str | None = None,
                         use_config_proxy: bool = True,
                         platform: str | None = None) -> dict[str, Any]:
        """{"Id": ..., "Warnings": [...]}."""
    def create_container_from_config(self, config: Mapping[str, Any], name: str | None = None,
                                     platform: str | None = None) -> dict[str, Any]: ...
    def start(self, container: _Ref, *args: Any, **kwargs: Any) -> None: ...
    def stop(self, container: _Ref, timeout: float | None = None) -> None: ...
    def restart(self, container: _Ref, timeout: float = 10) -> None: ...
    def kill(self, container: _Ref, signal: str | int | None = None) -> None: ...
    def pause(self, container: _Ref) -> None: ...
    def unpause(self, container: _Ref) -> None: ...
    def wait(self, container: _Ref, timeout: float | None = None,
             condition: str | None = None) -> dict[str, Any]: ...
    def remove_container(self, container: _Ref, v: bool = False, link: bool = False,
                         force: bool = False) -> None: ...
    def rename(self, container: _Ref, name: str) -> None: ...
    def resize(self, container: _Ref, height: int, width: int) -> None: ...
    def update_container(self, container: _Ref, blkio_weight: int | None = None,
                         cpu_period: int | None = None, cpu_quota: int | None = None,
                         cpu_shares: int | None = None, cpuset_cpus: str | None = None,
                         cpuset_mems: str | None = None, mem_limit: int | str | None = None,
                         mem_reservation: int | str | None = None,
                         memswap_limit: int | str | None = None,
                         kernel_memory: int | str | None = None,
                         restart_policy: Mapping[str, Any] | None = None) -> dict[str, Any]: ...
    def commit(self, container: _Ref, repository: str | None = None, tag: str | None = None,
               message: str | None = None, author: str | None = None, pause: bool = True,
               changes: str | Sequence[str] | None = None,
               conf: Mapping[str, Any] | None = None) -> dict[str, Any]: ...
    def inspect_container(self, container: _Ref) -> dict[str, Any]: ...
    def containers(self, quiet: bool = False, all: bool = False, trunc: bool = False,
                   latest: bool = False, since: str | None = None, before: str | None = None,
                   limit: int = -1, size: bool = False,
                   filters: Mapping[str, Any] | None = None) -> list[dict[str, Any]]: ...
    def port(self, container: _Ref, private_port: int | str) -> list[dict[str, str]] | None: ...
    def top(self, container: _Ref, ps_args: str | None = None) -> dict[str, Any]: ...
    def diff(self, container: _Ref) -> list[dict[str, Any]] | None: ...
    @overload
    def logs(self, container: _Ref, stdout: bool = True, stderr: bool = True, *,
             stream: Literal[True], timestamps: bool = False, tail: str | int = "all",
             since: _Time | None = None, follow: bool | None = None,
             until: _Time | None = None) -> Output[bytes]: ...
    @overload
    def logs(self, container: _Ref, stdout: bool = True, stderr: bool = True,
             stream: Literal[False] = False, timestamps: bool = False, tail: str | int = "all",
             since: _Time | None = None, follow: bool | None = None,
             until: _Time | None = None) -> bytes: ...
    def attach(self, container: _Ref, stdout: bool = True, stderr: bool = True,
               stream: bool = False, logs: bool = False, demux: bool = False) -> Any: ...
    def attach_socket(self, container: _Ref, params: Mapping[str, Any] | None = None,
                      ws: bool = False) -> Stream: ...
    def stats(self, container: _Ref, decode: bool | None = None, stream: bool = True,
              one_shot: bool | None = None) -> Any: ...
    def export(self, container: _Ref, chunk_size: int = ...) -> Iterator[bytes]: ...
    def get_archive(self, container: _Ref, path: str, chunk_size: int = ...,
                    encode_stream: bool = False) -> tuple[Iterator[bytes], dict[str, Any]]: ...
    def put_archive(self, container: _Ref, path: str, data: bytes | Any) -> bool: ...
    def prune_containers(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]: ...
    def exec_create(self, container: _Ref, cmd: _Command, stdout: bool = True,
                    stderr: bool = True, stdin: bool = False, tty: bool = False,
                    privileged: bool = False, user: str = "", environment: _Env | None = None,
                    workdir: str | None = None,
                    detach_keys: str | None = None) -> dict[str, str]: ...
    def exec_start(self, exec_id: _Ref, detach: bool = False, tty: bool = False,
                   stream: bool = False, socket: bool = False, demux: bool = False) -> Any:
        """bytes, (stdout, stderr), an Output, a Stream, or "" (detach)."""
    def exec_inspect(self, exec_id: _Ref) -> dict[str, Any]: ...
    def exec_resize(self, exec_id: _Ref, height: int | None = None,
                    width: int | None = None) -> None: ...
    def inspect_image(self, image: _Ref) -> dict[str, Any]: ...
    def remove_image(self, image: _Ref, force: bool = False, noprune: bool = False) -> None: ...
    def pull(self, repository: str, tag: str | None = None, stream: bool = False,
             auth_config: Mapping[str, Any] | None = None, decode: bool = False,
             platform: str | None = None, all_tags: bool = False) -> Any:
        """The progress as text, or an iterator over it with stream=True."""

__all__ = ["APIClient", "DEFAULT_DATA_CHUNK_SIZE", "DEFAULT_TIMEOUT_SECONDS"]
