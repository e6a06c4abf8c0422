# Type stubs for docker_containers.networks: docker-py's client.networks and Network.
from typing import Any, Sequence

from .client import Container, DockerClient

class IPAMPool(dict[str, Any]):
    """One address pool of an IPAMConfig (docker-py's IPAMPool)."""

    def __init__(self, subnet: str | None = None, iprange: str | None = None,
                 gateway: str | None = None, aux_addresses: dict[str, str] | None = None) -> None: ...

class IPAMConfig(dict[str, Any]):
    """A network's IP address management (docker-py's IPAMConfig)."""

    def __init__(self, driver: str = "default", pool_configs: Sequence[IPAMPool | dict[str, Any]] | None = None,
                 options: dict[str, str] | None = None) -> None: ...

class Network:
    """One network, as docker-py's Network model."""

    client: DockerClient
    attrs: dict[str, Any]
    def __init__(self, client: DockerClient, attrs: dict[str, Any] | None = None, _ptr: Any = None) -> None: ...
    @property
    def id(self) -> str: ...
    @property
    def short_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def containers(self) -> list[Container]:
        """The containers connected to the network (from attrs: reload() first)."""
    def reload(self) -> None: ...
    def connect(self, container: Container | str, *args: Any, **kwargs: Any) -> None:
        """Connect a container: aliases, links, ipv4_address, ipv6_address, link_local_ips,
        driver_opt."""
    def disconnect(self, container: Container | str, *args: Any, **kwargs: Any) -> None:
        """Disconnect a container (force=True for a running one)."""
    def remove(self) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class NetworkCollection:
    """client.networks: create, get, list, prune."""

    client: DockerClient
    def __init__(self, client: DockerClient) -> None: ...
    def create(self, name: str, *args: Any, **kwargs: Any) -> Network: ...
    def get(self, network_id: str, *args: Any, **kwargs: Any) -> Network: ...
    def list(self, *args: Any, **kwargs: Any) -> list[Network]: ...
    def prune(self, filters: dict[str, Any] | None = None) -> dict[str, Any]: ...
