# Type stubs for docker_containers (mypy --strict runs on the examples: make python-types).
from . import errors as errors
from . import models as models
from . import types as types
from . import utils as utils
from .api import APIClient as APIClient
from .client import Container as Container
from .client import ContainerCollection as ContainerCollection
from .client import DockerClient as DockerClient
from .client import ExecResult as ExecResult
from .client import Image as Image
from .networks import IPAMConfig as IPAMConfig
from .networks import IPAMPool as IPAMPool
from .networks import Network as Network
from .networks import NetworkCollection as NetworkCollection
from .volumes import Volume as Volume
from .volumes import VolumeCollection as VolumeCollection
from .client import from_env as from_env

__all__ = ["DockerClient", "APIClient", "from_env", "Container", "ContainerCollection", "Image",
           "ExecResult", "Network", "NetworkCollection", "IPAMConfig", "IPAMPool", "Volume",
           "VolumeCollection", "errors", "types", "utils", "models", "library_version"]
__version__: str
# The C library's version.
library_version: str
