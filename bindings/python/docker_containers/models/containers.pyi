# Type stubs for docker_containers.models.containers: re-exports from the client module.
from ..client import Container as Container
from ..client import ContainerCollection as ContainerCollection
from ..client import ExecResult as ExecResult

__all__ = ["Container", "ContainerCollection", "ExecResult"]
