"""Must pass `mypy --strict` (make python-types): a docker-py low-level program on client.api,
with docker_containers.types and .utils under docker-py's import paths. Never run."""
from typing import Any

import docker_containers as docker
from docker_containers.errors import NotFound
from docker_containers.models.containers import Container
from docker_containers.types import LogConfig, Mount, Ulimit
from docker_containers.utils import convert_port_bindings, kwargs_from_env, parse_repository_tag


def api_usage(image: str) -> int:
    api = docker.APIClient(**kwargs_from_env(), version="auto", timeout=30)
    repo, tag = parse_repository_tag(image)
    hc = api.create_host_config(port_bindings={8080: ("127.0.0.1", 80)}, binds=["/tmp:/data:ro"],
                                restart_policy={"Name": "on-failure", "MaximumRetryCount": 1},
                                log_config=LogConfig(type=LogConfig.types.JSON),
                                ulimits=[Ulimit(name="nofile", soft=1024)],
                                mounts=[Mount("/scratch", None, type="tmpfs")])
    c = api.create_container(f"{repo}:{tag or 'latest'}", "sleep 60", ports=[8080],
                             host_config=hc, name="dcpya-types", environment={"A": "1"})
    cid: str = c["Id"]
    api.start(c)
    logs: bytes = api.logs(cid, tail=5)
    for chunk in api.logs(c, stream=True, follow=False):
        logs += chunk
    e = api.exec_create(c, ["echo", "hi"], workdir="/")
    api.exec_start(e)
    code: int | None = api.exec_inspect(e)["ExitCode"]
    ports = api.port(c, 8080)
    bindings = convert_port_bindings({80: 8080})
    api.stop(c, timeout=1)
    status: int = api.wait(c)["StatusCode"]
    api.remove_container(c, force=True)
    try:
        api.inspect_container(c)
    except NotFound:
        pass
    ids: list[str] = api.images(name="dc-test/busybox", quiet=True)
    tagged: bool = api.tag(ids[0], "dcpyi-typed/x", "t", force=True)
    net: dict[str, Any] = api.create_network("dcpyi-typed", driver="bridge", labels={"a": "b"})
    api.connect_container_to_network(c, net["Id"], aliases=["x"])
    api.disconnect_container_from_network(c, net, force=True)
    nets: list[dict[str, Any]] = api.networks(names=["dcpyi-typed"])
    api.remove_network(net)
    pruned: dict[str, Any] = api.prune_networks(filters={"label": "x"})
    vol: dict[str, Any] = api.create_volume("dcpyi-typed", labels={"a": "b"})
    vols: list[dict[str, Any]] = api.volumes(filters={"name": "dcpyi-"})["Volumes"]
    api.remove_volume(vol["Name"], force=True)
    chunks, _ = api.get_archive(c, "/etc", progress=lambda done, total: None)
    low = docker.from_env().api
    model: Container = docker.from_env().containers.get(cid)
    api.close()
    return (status + (code or 0) + len(ports or []) + len(bindings) + len(low.containers()) + len(model.id)
            + int(tagged) + len(nets) + len(pruned) + len(vols))
