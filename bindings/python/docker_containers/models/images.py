"""docker.models.images: Image and ImageCollection."""
from ..client import Image, ImageCollection

__all__ = ["Image", "ImageCollection"]
