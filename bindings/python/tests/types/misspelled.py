"""Must FAIL `mypy --strict` (make python-types): each call has one misspelled keyword, and
the check wants each one reported (by name, or for run()'s overloads as no matching variant).
Never run."""
import docker_containers as docker


def misspelled(c: docker.Container) -> None:
    client = docker.from_env(timout=30)
    client.containers.create("img", enviroment={"A": "1"})
    c.update(mem_limt="64m")
    c.copy_to("/a", "/b", follow_links=True)


def misspelled_run(client: docker.DockerClient) -> None:
    client.containers.run("img", detach=True, nmae="x")
