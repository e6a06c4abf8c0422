# Type stubs for docker_containers.models.images: re-exports from the client module.
from ..client import Image as Image
from ..client import ImageCollection as ImageCollection

__all__ = ["Image", "ImageCollection"]
