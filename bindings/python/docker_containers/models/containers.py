"""docker.models.containers: Container, ContainerCollection and ExecResult."""
from ..client import Container, ContainerCollection, ExecResult

__all__ = ["Container", "ContainerCollection", "ExecResult"]
