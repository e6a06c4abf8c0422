"""docker-py's docker.models package: the high-level objects under their module paths."""
from . import containers, images

__all__ = ["containers", "images"]
