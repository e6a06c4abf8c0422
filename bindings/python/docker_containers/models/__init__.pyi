# Type stubs for docker_containers.models (make python-types).
