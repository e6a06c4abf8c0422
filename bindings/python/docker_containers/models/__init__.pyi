# Type stubs for docker_containers.models (make python-types).
from . import containers as containers
from . import images as images

__all__ = ["containers", "images"]
