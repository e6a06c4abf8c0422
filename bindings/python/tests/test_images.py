"""client.images and Image against the real engine, as docker-py programs use them: get, list,
tag, reload, remove, pull. The images are tags of dc-test/busybox:latest under a fresh `dcpyi-`
repository, removed after each test, also when it fails. No registry is reachable here: pulls
go to the project's small registry (scripts/test-registry.py, one image made at its start) on
127.0.0.1, which dockerd pulls from for real, or fail with the engine's error."""
import subprocess
import uuid

import pytest

import docker_containers as docker
from docker_containers.errors import APIError, ImageNotFound, InvalidArgument, NotFound

IMAGE = "dc-test/busybox:latest"


def dcpyi_tags():
    """Every repo:tag on the engine under a dcpyi- repository (what this file may create)."""
    out = subprocess.run(["docker", "image", "ls", "--format", "{{.Repository}}:{{.Tag}}"],
                         capture_output=True, text=True, check=True).stdout.split()
    return [t for t in out if t.startswith("dcpyi-")]


@pytest.fixture
def repo(client):
    """A fresh `dcpyi-` repository name; every tag under it is removed afterwards."""
    r = f"dcpyi-{uuid.uuid4().hex[:10]}/busy"
    yield r
    for t in dcpyi_tags():
        if t.startswith(r + ":"):
            try:
                client.images.remove(t, force=True)
            except NotFound:
                pass
    assert [t for t in dcpyi_tags() if t.startswith(r + ":")] == []


def test_get_gives_the_image_model(client):
    img = client.images.get(IMAGE)
    assert isinstance(img, docker.models.images.Image)
    assert img.id.startswith("sha256:") and len(img.id) == 71
    assert img.short_id == img.id[:19]
    assert IMAGE in img.tags
    assert isinstance(img.labels, dict)
    assert img.attrs["Id"] == img.id and "RootFS" in img.attrs
    assert repr(img).startswith("<Image: '") and IMAGE in repr(img)
    assert client.images.get(img.id) == img and hash(client.images.get(img.short_id)) == hash(img)


def test_a_missing_image_raises_image_not_found(client):
    for call in (lambda: client.images.get("dcpyi-missing/none:1"),
                 lambda: client.images.remove("dcpyi-missing/none:1"),
                 lambda: client.api.inspect_image("dcpyi-missing/none:1")):
        with pytest.raises(ImageNotFound) as e:
            call()
        assert isinstance(e.value, NotFound) and e.value.status_code == 404
        assert "dcpyi-missing/none" in str(e.value)
    assert client.images.exists("dcpyi-missing/none:1") is False


def test_tag_reload_list_and_remove(client, repo):
    img = client.images.get(IMAGE)
    assert img.tag(repo, "t1") is True
    assert img.tag(repo) is True  # no tag: "latest", as the engine takes it
    assert f"{repo}:t1" not in img.tags  # attrs are as last fetched
    img.reload()
    assert {f"{repo}:t1", f"{repo}:latest"} <= set(img.tags)
    assert client.images.get(f"{repo}:t1") == img

    listed = client.images.list(name=repo)
    assert [i.id for i in listed] == [img.id]
    assert {f"{repo}:t1", f"{repo}:latest"} <= set(listed[0].tags)
    assert client.images.list(filters={"reference": f"{repo}:t1"}) == [img]
    assert img in client.images.list() and img in client.images.list(all=True)
    assert client.images.list(name="dcpyi-missing/none") == []
    assert client.images.list(name=repo, filters={"dangling": True}) == []

    client.images.remove(f"{repo}:t1")
    with pytest.raises(ImageNotFound):
        client.images.get(f"{repo}:t1")
    tagged = client.images.get(f"{repo}:latest")
    assert tagged == img
    # Image.remove by id: the image has other tags, so only force removes it; take the tag.
    with pytest.raises(APIError) as e:
        tagged.remove()
    assert e.value.status_code == 409
    client.images.remove(f"{repo}:latest", noprune=True)
    assert client.images.list(name=repo) == []
    assert client.images.exists(IMAGE)


def test_tag_errors(client, repo):
    img = client.images.get(IMAGE)
    with pytest.raises(ImageNotFound):
        client.api.tag("dcpyi-missing/none:1", repo, "x")
    with pytest.raises(APIError) as e:  # the engine refuses an upper-case repository
        img.tag(repo.upper(), "x")
    assert "lowercase" in str(e.value)
    assert img.tag(repo, "") is True  # an empty tag is "latest", as docker-py's request gives
    assert client.images.get(f"{repo}:latest") == img
    with pytest.raises(InvalidArgument):  # a blank repository, refused before anything is sent
        img.tag("", "x")
    assert img.tag(repo, "f", force=True) is True
    assert img.tag(repo, "f", force=True) is True  # again: the tag simply moves
    with pytest.raises(TypeError):
        img.tag(repo, "g", forse=True)


def test_image_remove_of_a_committed_image(client, repo, name):
    c = client.containers.run(IMAGE, "sh -c 'echo x > /dcpyi-file'", name=name, detach=True)
    c.wait()
    img = c.commit(repository=repo, tag="committed")
    assert img.tags == [f"{repo}:committed"]
    c.remove()
    img.remove()
    with pytest.raises(ImageNotFound):
        img.reload()


def test_pull_from_a_registry_gives_the_image(client, registry):
    port, requests = registry
    repo = f"127.0.0.1:{port}/dcpyi-{uuid.uuid4().hex[:10]}/pulled"
    try:
        img = client.images.pull(repo, tag="v1")
        assert isinstance(img, docker.models.images.Image)
        assert img.tags == [f"{repo}:v1"]
        assert img.labels == {"dcpyi.from": "registry"}
        assert any("/manifests/v1" in r for r in requests())
        # The layer really arrived: a container made of the image holds the pulled file.
        c = client.containers.create(f"{repo}:v1", "sh", name=f"dcpyi-{uuid.uuid4().hex[:10]}")
        try:
            chunks, stat = c.get_archive("/etc/dcpyi-pulled")
            assert stat["size"] == len("pulled by python\n")
            assert b"pulled by python\n" in b"".join(chunks)
        finally:
            c.remove(force=True)
        # client.api.pull: docker-py's progress, as JSON lines in one string or decoded dicts.
        text = client.api.pull(repo, tag="v1")
        assert isinstance(text, str) and "Status: Image is up to date" in text
        items = list(client.api.pull(f"{repo}:v1", stream=True, decode=True))
        assert all(isinstance(i, dict) for i in items) and items
        assert any("up to date" in i.get("status", "") for i in items)
        # A tag the registry does not have: the engine's error, as APIError.
        with pytest.raises(APIError) as e:
            client.images.pull(repo, tag="v2")
        assert "manifest unknown" in str(e.value)
    finally:
        for t in (f"{repo}:v1",):
            try:
                client.images.remove(t, force=True)
            except NotFound:
                pass
    assert not client.images.exists(f"{repo}:v1")


def test_pull_fails_cleanly_without_a_registry(client):
    # Port 1 on localhost: nothing listens, so the engine reports the failure.
    with pytest.raises(APIError) as e:
        client.images.pull("localhost:1/dcpyi-nope", tag="x")
    assert "localhost:1" in str(e.value)
    with pytest.raises(APIError):
        client.api.pull("localhost:1/dcpyi-nope:x", stream=True, decode=True)
    for bad in (lambda: client.images.pull("x", all_tags=True),
                lambda: client.images.pull("x", auth_config={"username": "u"}),
                lambda: client.api.pull("x", all_tags=True)):
        with pytest.raises(InvalidArgument):
            bad()
    with pytest.raises(TypeError):
        client.images.pull("localhost:1/dcpyi-nope", platfrom="linux")


def test_prune_removes_only_what_the_filter_selects(client, repo, name):
    c = client.containers.run(IMAGE, "true", name=name, detach=True)
    c.wait()
    img = c.commit(conf={"Labels": {"dcpyi.prune": repo.split("/")[0]}})  # untagged: dangling
    c.remove()
    try:
        assert img.tags == [] and img.labels == {"dcpyi.prune": repo.split("/")[0]}
        label = {"label": f"dcpyi.prune={repo.split('/')[0]}"}
        pruned = client.images.prune(filters=label)
        assert {"Deleted": img.id} in pruned["ImagesDeleted"]
        assert isinstance(pruned["SpaceReclaimed"], int)
        with pytest.raises(ImageNotFound):
            img.reload()
        # Nothing left to prune: the engine's null, as docker-py hands it on.
        assert client.images.prune(filters=label) == {"ImagesDeleted": None, "SpaceReclaimed": 0}
        assert client.api.prune_images(filters=label) == {"ImagesDeleted": None, "SpaceReclaimed": 0}
    finally:
        try:
            client.images.remove(img.id, force=True)
        except NotFound:
            pass
    assert client.images.exists(IMAGE)
