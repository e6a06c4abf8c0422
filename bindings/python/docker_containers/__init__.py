"""docker_containers: docker-py's containers API on the docker_containers C library.

    import docker_containers as docker
    client = docker.from_env()
    print(client.containers.run("busybox", "echo hello"))
"""
from . import errors, models, types, utils
from ._native import VERSION as library_version
from .api import APIClient
from .client import Container, ContainerCollection, DockerClient, ExecResult, Image, from_env
from .networks import IPAMConfig, IPAMPool, Network, NetworkCollection
from .volumes import Volume, VolumeCollection

__all__ = ["DockerClient", "APIClient", "from_env", "Container", "ContainerCollection", "Image",
           "ExecResult", "Network", "NetworkCollection", "IPAMConfig", "IPAMPool", "Volume",
           "VolumeCollection", "errors", "types", "utils", "models", "library_version"]
__version__ = "0.1.0"
