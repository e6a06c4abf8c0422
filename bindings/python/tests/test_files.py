"""put_archive, get_archive, export, copy_to and copy_from."""
import hashlib
import io
import os
import tarfile

import pytest

import docker_containers as docker


def tar_of(files):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w") as t:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return b.getvalue()


def test_put_and_get_archive(running):
    assert running.put_archive("/tmp", tar_of({"a.txt": b"hello"})) is True
    assert running.exec_run("cat /tmp/a.txt").output == b"hello"
    chunks, stat = running.get_archive("/tmp/a.txt")
    assert stat["name"] == "a.txt" and stat["size"] == 5
    with tarfile.open(fileobj=io.BytesIO(b"".join(chunks))) as t:
        assert t.extractfile("a.txt").read() == b"hello"
    with pytest.raises(docker.errors.NotFound):
        running.get_archive("/no/such/path")


def test_put_archive_streams_a_file_object(running):
    big = os.urandom(3 << 20)
    data = tar_of({"big.bin": big})
    assert running.put_archive("/tmp", io.BytesIO(data)) is True
    out = running.exec_run("md5sum /tmp/big.bin").output.split()[0].decode()
    assert out == hashlib.md5(big).hexdigest()


def test_put_archive_reader_failure_is_raised(running):
    class Broken(io.RawIOBase):
        def read(self, n=-1):
            raise OSError("disk on fire")

    with pytest.raises(OSError, match="disk on fire"):
        running.put_archive("/tmp", Broken())
    with pytest.raises(docker.errors.InvalidArgument):
        running.put_archive("/tmp", 42)


def test_get_archive_chunk_size_and_export(running):
    running.exec_run("sh -c 'head -c 300000 /dev/zero > /tmp/z'")
    chunks, _ = running.get_archive("/tmp/z", chunk_size=65536)
    sizes = [len(c) for c in chunks]
    assert max(sizes) <= 65536 and sum(sizes) >= 300000
    names = tarfile.open(fileobj=io.BytesIO(b"".join(running.export()))).getnames()
    assert "bin/busybox" in names and "tmp/z" in names


def test_copy_to_and_from(running, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "f.txt").write_text("copied")
    running.copy_to(str(src), "/tmp/in")
    assert running.exec_run("cat /tmp/in/f.txt").output == b"copied"
    running.copy_from("/tmp/in", str(tmp_path / "out"))
    assert (tmp_path / "out" / "f.txt").read_text() == "copied"


def test_get_archive_and_export_report_progress(running):
    running.exec_run("sh -c 'head -c 700000 /dev/urandom > /tmp/p'")
    seen = []
    chunks, _ = running.get_archive("/tmp/p", chunk_size=None, progress=lambda d, t: seen.append((d, t)))
    data = b"".join(chunks)
    assert len(seen) >= 2 and all(t is None for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1][0] == len(data) and len(data) > 700000
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        assert t.getmember("p").size == 700000

    seen.clear()
    total = sum(len(c) for c in running.export(progress=lambda d, t: seen.append(d)))
    assert seen[-1] == total and len(seen) >= 2


def test_an_exception_in_progress_stops_the_read(running, client):
    class Enough(Exception):
        pass

    def stop(done, total):
        if done > 100000:
            raise Enough(done)

    chunks, _ = running.get_archive("/bin", progress=stop)
    with pytest.raises(Enough):
        for _ in chunks:
            pass
    assert list(chunks) == []  # the stream is closed
    with pytest.raises(Enough):
        b"".join(client.api.export(running.id, progress=stop))


def test_put_archive_and_copy_report_progress(running, tmp_path):
    data = tar_of({"big.bin": os.urandom(1 << 20)})
    seen = []
    assert running.put_archive("/tmp", data, progress=lambda d, t: seen.append((d, t))) is True
    assert len(seen) >= 2 and seen[-1] == (len(data), len(data))
    assert all(t == len(data) for _, t in seen) and [d for d, _ in seen] == sorted(d for d, _ in seen)

    seen.clear()
    assert running.put_archive("/tmp", io.BytesIO(data), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(data), None) and all(t is None for _, t in seen)

    src = tmp_path / "in"
    src.mkdir()
    (src / "f.bin").write_bytes(os.urandom(300000))
    seen.clear()
    running.copy_to(str(src), "/tmp/in", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] > 300000
    assert running.exec_run("stat -c %s /tmp/in/f.bin").output == b"300000\n"
    seen.clear()
    running.copy_from("/tmp/in", str(tmp_path / "out"), progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] > 300000
    assert (tmp_path / "out" / "f.bin").read_bytes() == (src / "f.bin").read_bytes()


def test_an_exception_in_progress_stops_the_copy(running, tmp_path):
    class Enough(Exception):
        pass

    def stop(done, total):
        if done > 0:
            raise Enough(done)

    data = tar_of({"stopped.bin": os.urandom(1 << 20)})
    with pytest.raises(Enough):
        running.put_archive("/tmp", data, progress=stop)
    with pytest.raises(Enough):
        running.put_archive("/tmp", io.BytesIO(data), progress=stop)
    (tmp_path / "f").write_bytes(os.urandom(200000))
    with pytest.raises(Enough):
        running.copy_to(str(tmp_path / "f"), "/tmp/f", progress=stop)
    with pytest.raises(Enough):
        running.copy_from("/bin", str(tmp_path / "bin"), progress=stop)
    with pytest.raises(Enough):
        running.client.api.put_archive(running.id, "/tmp", data, progress=stop)
