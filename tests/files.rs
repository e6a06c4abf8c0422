//! Files through the C ABI against the real engine (and a fake engine for hostile archives a
//! real one will not send): put_archive, get_archive, stat_path, export, diff, copy_to and
//! copy_from with docker cp's rules, byte for byte.

mod common;
use common::*;
use docker_containers::ffi::*;
use sha2::{Digest, Sha256};
use std::ffi::c_void;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::ptr;

fn sha_file(p: &Path) -> String {
    let mut h = Sha256::new();
    let mut f = std::fs::File::open(p).unwrap();
    std::io::copy(&mut f, &mut h).unwrap();
    format!("{:x}", h.finalize())
}

/// Fill `buf` (a multiple of 8 bytes long) with xorshift64 output from state `x`: data no
/// compression or pattern could pass off as right.
fn fill_pseudo_random(buf: &mut [u8], x: &mut u64) {
    for chunk in buf.chunks_mut(8) {
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        chunk.copy_from_slice(&x.to_le_bytes());
    }
}

fn id_of(h: *mut docker_container) -> String {
    unsafe { std::ffi::CStr::from_ptr(docker_container_id(h)) }
        .to_str()
        .unwrap()
        .to_string()
}

fn copy_to(h: *mut docker_container, src: &str, dst: &str) -> Result<(), (docker_result, String)> {
    let (s, d) = (c(src), c(dst));
    let mut e = ptr::null_mut();
    match docker_container_copy_to(
        h,
        s.as_ptr(),
        d.as_ptr(),
        ptr::null(),
        None,
        ptr::null_mut(),
        &mut e,
    ) {
        docker_result::DOCKER_OK => Ok(()),
        r => Err((r, take_error(e))),
    }
}

fn copy_from(
    h: *mut docker_container,
    src: &str,
    dst: &str,
) -> Result<(), (docker_result, String)> {
    let (s, d) = (c(src), c(dst));
    let mut e = ptr::null_mut();
    match docker_container_copy_from(
        h,
        s.as_ptr(),
        d.as_ptr(),
        ptr::null(),
        None,
        ptr::null_mut(),
        &mut e,
    ) {
        docker_result::DOCKER_OK => Ok(()),
        r => Err((r, take_error(e))),
    }
}

fn exec(h: *mut docker_container, cmd: &str) -> (i64, String) {
    let cm = c(cmd);
    let mut code = -1;
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(
        docker_container_exec_run(
            h,
            cm.as_ptr(),
            ptr::null(),
            &mut code,
            &mut out,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    (code, String::from_utf8(take_buffer(out)).unwrap())
}

/// A tree listing: relative path, kind, mode, symlink target, content hash.
fn listing(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            let rel = p.strip_prefix(root).unwrap().display().to_string();
            let m = std::fs::symlink_metadata(&p).unwrap();
            if m.file_type().is_symlink() {
                out.push(format!(
                    "{rel} link {}",
                    std::fs::read_link(&p).unwrap().display()
                ));
            } else if m.is_dir() {
                out.push(format!("{rel} dir {:o}", m.permissions().mode() & 0o7777));
                walk(root, &p, out);
            } else {
                out.push(format!(
                    "{rel} file {:o} {}",
                    m.permissions().mode() & 0o7777,
                    sha_file(&p)
                ));
            }
        }
    }
    walk(root, root, &mut out);
    out
}

#[test]
fn round_trips_are_byte_exact_with_docker_cp_rules() {
    let _g = Cleanup::new("dc-t5-cp");
    let cl = client();
    let h = run_detached(cl, "dc-t5-cp", "sleep 300", "");
    let tmp = tempfile::tempdir().unwrap();

    // A single file, to a new name and into a directory.
    let f = tmp.path().join("one.txt");
    std::fs::write(&f, b"just one file\n").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
    copy_to(h, f.to_str().unwrap(), "/tmp/renamed.txt").unwrap();
    copy_to(h, f.to_str().unwrap(), "/tmp").unwrap();
    assert_eq!(
        exec(
            h,
            "sh -c 'cat /tmp/renamed.txt /tmp/one.txt; stat -c %a /tmp/one.txt'"
        )
        .1,
        "just one file\njust one file\n640\n"
    );
    let back = tmp.path().join("back.txt");
    copy_from(h, "/tmp/renamed.txt", back.to_str().unwrap()).unwrap();
    assert_eq!(sha_file(&back), sha_file(&f));
    assert_eq!(
        std::fs::metadata(&back).unwrap().permissions().mode() & 0o777,
        0o640
    );

    // A deep tree with modes, symlinks, a hard link and empty directories.
    let tree = tmp.path().join("tree");
    std::fs::create_dir_all(tree.join("a/b/c/d/e")).unwrap();
    std::fs::create_dir_all(tree.join("empty/also-empty")).unwrap();
    for (i, p) in ["a/1", "a/b/2", "a/b/c/3", "a/b/c/d/e/4"]
        .iter()
        .enumerate()
    {
        std::fs::write(tree.join(p), format!("file {i}\n").repeat(1000 * (i + 1))).unwrap();
    }
    std::fs::set_permissions(tree.join("a/b/2"), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(tree.join("a/b/c"), std::fs::Permissions::from_mode(0o700)).unwrap();
    std::os::unix::fs::symlink("b/2", tree.join("a/rel-link")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", tree.join("abs-link")).unwrap();
    std::fs::hard_link(tree.join("a/1"), tree.join("a/1-hard")).unwrap();
    // Into an existing directory: /srv/tree. (Into a missing one, the tree would become it.)
    exec(h, "mkdir -p /srv");
    copy_to(h, tree.to_str().unwrap(), "/srv").unwrap();
    copy_to(h, tree.to_str().unwrap(), "/made-new").unwrap();
    assert_eq!(exec(h, "ls /made-new").1, "a\nabs-link\nempty\n");
    assert_eq!(exec(h, "readlink /srv/tree/a/rel-link").1, "b/2\n");
    assert_eq!(exec(h, "stat -c %a /srv/tree/a/b/c").1, "700\n");
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    copy_from(h, "/srv/tree", out.to_str().unwrap()).unwrap();
    assert_eq!(
        listing(&out.join("tree")),
        listing(&tree),
        "tree round trip"
    );

    // "dir/." copies the contents; a missing destination is created.
    copy_to(h, &format!("{}/.", tree.join("a").display()), "/contents").unwrap();
    assert_eq!(exec(h, "ls /contents").1, "1\n1-hard\nb\nrel-link\n");
    let contents = tmp.path().join("contents-back");
    copy_from(h, "/srv/tree/a/.", contents.to_str().unwrap()).unwrap();
    assert_eq!(listing(&contents), listing(&tree.join("a")));
    let existing = tmp.path().join("existing");
    std::fs::create_dir(&existing).unwrap();
    copy_from(h, "/srv/tree/a/.", existing.to_str().unwrap()).unwrap();
    assert_eq!(listing(&existing), listing(&tree.join("a")));

    // docker cp's refusals.
    let (r, msg) = copy_to(h, tree.to_str().unwrap(), "/tmp/one.txt").unwrap_err();
    assert_eq!(r, docker_result::DOCKER_ERR_INVALID_ARGUMENT, "{msg}");
    assert!(msg.contains("cannot copy a directory to a file"), "{msg}");
    let (r, msg) = copy_to(h, f.to_str().unwrap(), "/no/such/dir/").unwrap_err();
    assert_eq!(r, docker_result::DOCKER_ERR_NOT_FOUND, "{msg}");
    let (r, _) = copy_to(h, "/nonexistent-host-path", "/tmp").unwrap_err();
    assert_eq!(r, docker_result::DOCKER_ERR_IO);
    let (r, _) = copy_from(h, "/no/such/path", tmp.path().to_str().unwrap()).unwrap_err();
    assert_eq!(r, docker_result::DOCKER_ERR_NOT_FOUND);
    let (r, msg) = copy_from(h, "/srv/tree", back.to_str().unwrap()).unwrap_err();
    assert!(
        msg.contains("cannot copy a directory to a file"),
        "{r:?} {msg}"
    );
    // An empty or blank path is no path: never the host's root directory, never "nothing to
    // do". The container's directory stays as it was.
    let (_, before) = exec(h, "ls -A /contents");
    for (src, dst, names) in [
        ("", "/contents/", "host_path"),
        (" ", "/contents/", "host_path"),
        (f.to_str().unwrap(), "", "container_path"),
    ] {
        let (r, msg) = copy_to(h, src, dst).unwrap_err();
        assert_eq!(
            r,
            docker_result::DOCKER_ERR_INVALID_ARGUMENT,
            "{src:?} {dst:?}: {msg}"
        );
        assert!(msg.contains(&format!("{names} is empty")), "{msg}");
    }
    assert_eq!(
        exec(h, "ls -A /contents").1,
        before,
        "nothing was copied in"
    );
    for (src, dst, names) in [
        ("/etc/hostname", "", "host_path"),
        ("", tmp.path().to_str().unwrap(), "container_path"),
    ] {
        let (r, msg) = copy_from(h, src, dst).unwrap_err();
        assert_eq!(
            r,
            docker_result::DOCKER_ERR_INVALID_ARGUMENT,
            "{src:?} {dst:?}: {msg}"
        );
        assert!(msg.contains(&format!("{names} is empty")), "{msg}");
    }

    let fo = c(r#"{"force": true}"#);
    let mut e = ptr::null_mut();
    ok(docker_container_remove(h, fo.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn a_256_mib_file_round_trips() {
    let _g = Cleanup::new("dc-t5-big");
    let cl = client();
    let h = run_detached(cl, "dc-t5-big", "sleep 300", "");
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("big.bin");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        let mut x: u64 = 0x9E3779B97F4A7C15;
        let mut block = vec![0u8; 1 << 20];
        for _ in 0..256 {
            fill_pseudo_random(&mut block, &mut x);
            f.write_all(&block).unwrap();
        }
    }
    copy_to(h, big.to_str().unwrap(), "/tmp/big.bin").unwrap();
    let back = tmp.path().join("back.bin");
    copy_from(h, "/tmp/big.bin", back.to_str().unwrap()).unwrap();
    assert_eq!(std::fs::metadata(&back).unwrap().len(), 256 << 20);
    assert_eq!(sha_file(&back), sha_file(&big));
    let fo = c(r#"{"force": true}"#);
    let mut e = ptr::null_mut();
    ok(docker_container_remove(h, fo.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}

/// put_archive_file reads its tar in 256 KiB chunks whose buffers are read into again once
/// hyper has written them: 40 of them here, every byte back as it went.
#[test]
fn put_archive_file_of_many_chunks_lands_byte_for_byte() {
    let _g = Cleanup::new("dc-t5-chunks");
    let cl = client();
    let h = run_detached(cl, "dc-t5-chunks", "sleep 300", "");
    let mut data = vec![0u8; 10 << 20];
    fill_pseudo_random(&mut data, &mut 0x2545F4914F6CDD1D);
    let tmp = tempfile::tempdir().unwrap();
    let tp = tmp.path().join("chunks.tar");
    std::fs::write(&tp, tar_of(&[("chunks.bin", &data)])).unwrap();
    let (tpc, dir) = (c(tp.to_str().unwrap()), c("/tmp"));
    let mut e = ptr::null_mut();
    ok(
        docker_container_put_archive_file(
            h,
            dir.as_ptr(),
            tpc.as_ptr(),
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    let back = tmp.path().join("back.bin");
    copy_from(h, "/tmp/chunks.bin", back.to_str().unwrap()).unwrap();
    assert_eq!(std::fs::read(&back).unwrap(), data);
    let fo = c(r#"{"force": true}"#);
    ok(docker_container_remove(h, fo.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}

struct Reader {
    data: Vec<u8>,
    pos: usize,
    calls: usize,
    thread: Option<std::thread::ThreadId>,
}

extern "C" fn read_cb(userdata: *mut c_void, buf: *mut u8, cap: usize) -> i64 {
    let r = unsafe { &mut *(userdata as *mut Reader) };
    r.calls += 1;
    assert_eq!(
        Some(std::thread::current().id()),
        r.thread,
        "the reader runs on the calling thread"
    );
    let n = cap.min(r.data.len() - r.pos).min(1000);
    unsafe { std::ptr::copy_nonoverlapping(r.data[r.pos..].as_ptr(), buf, n) };
    r.pos += n;
    n as i64
}

extern "C" fn sink(
    userdata: *mut c_void,
    kind: docker_stream_kind,
    data: *const u8,
    len: usize,
) -> i32 {
    assert_eq!(kind, docker_stream_kind::DOCKER_STREAM_DATA);
    let v = unsafe { &mut *(userdata as *mut Vec<u8>) };
    v.extend_from_slice(unsafe { std::slice::from_raw_parts(data, len) });
    0
}

fn tar_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut hd = tar::Header::new_gnu();
        hd.set_size(data.len() as u64);
        hd.set_mode(0o600);
        hd.set_mtime(1_600_000_000);
        hd.set_cksum();
        b.append_data(&mut hd, name, *data).unwrap();
    }
    b.into_inner().unwrap()
}

fn names_in_tar(data: &[u8]) -> Vec<String> {
    tar::Archive::new(data)
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().display().to_string())
        .collect()
}

#[test]
fn put_and_get_archive_in_every_form_with_stat_export_and_diff() {
    let _g = Cleanup::new("dc-t5-arch");
    let cl = client();
    let h = run_detached(
        cl,
        "dc-t5-arch",
        "sh -c 'echo changed >> /etc/group; rm /etc/passwd; sleep 300'",
        "",
    );
    let mut e = ptr::null_mut();
    let dir = c("/tmp");

    // From a buffer.
    let t = tar_of(&[("from-buffer.txt", b"buffer\n")]);
    ok(
        docker_container_put_archive(
            h,
            dir.as_ptr(),
            t.as_ptr(),
            t.len(),
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    // From a file.
    let tmp = tempfile::tempdir().unwrap();
    let tp = tmp.path().join("a.tar");
    std::fs::write(&tp, tar_of(&[("from-file.txt", b"file\n")])).unwrap();
    let tpc = c(tp.to_str().unwrap());
    ok(
        docker_container_put_archive_file(
            h,
            dir.as_ptr(),
            tpc.as_ptr(),
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    // From a reader callback, on this thread.
    let mut r = Reader {
        data: tar_of(&[("from-reader.txt", &b"reader\n".repeat(5000))]),
        pos: 0,
        calls: 0,
        thread: Some(std::thread::current().id()),
    };
    ok(
        docker_container_put_archive_reader(
            h,
            dir.as_ptr(),
            Some(read_cb),
            &mut r as *mut Reader as *mut c_void,
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert!(r.calls > 10);
    assert_eq!(
        exec(
            h,
            "sh -c 'cat /tmp/from-buffer.txt /tmp/from-file.txt; wc -c < /tmp/from-reader.txt'"
        )
        .1,
        "buffer\nfile\n35000\n"
    );

    // Get: callback with stat, pull, file.
    let p = c("/tmp/from-file.txt");
    let mut got = Vec::new();
    let mut stat = ptr::null_mut();
    ok(
        docker_container_get_archive(
            h,
            p.as_ptr(),
            ptr::null(),
            Some(sink),
            &mut got as *mut Vec<u8> as *mut c_void,
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut stat,
            &mut e,
        ),
        e,
    );
    let st: serde_json::Value = serde_json::from_str(&take_string(stat)).unwrap();
    assert_eq!(
        (
            st["name"].as_str(),
            st["size"].as_i64(),
            st["mode_bits"].as_u64(),
            st["is_dir"].as_bool()
        ),
        (Some("from-file.txt"), Some(5), Some(0o600), Some(false))
    );
    assert_eq!(names_in_tar(&got), vec!["from-file.txt"]);
    let mut s = ptr::null_mut();
    let tdir = c("/tmp");
    ok(
        docker_container_get_archive_open(h, tdir.as_ptr(), &mut s, ptr::null_mut(), &mut e),
        e,
    );
    let mut pulled = Vec::new();
    let mut chunk = docker_chunk {
        kind: docker_stream_kind::DOCKER_STREAM_END,
        data: ptr::null(),
        len: 0,
    };
    loop {
        ok(docker_stream_next(s, 10_000, &mut chunk, &mut e), e);
        if chunk.kind == docker_stream_kind::DOCKER_STREAM_END {
            break;
        }
        pulled.extend_from_slice(unsafe { std::slice::from_raw_parts(chunk.data, chunk.len) });
    }
    docker_stream_free(s);
    assert!(names_in_tar(&pulled).contains(&"tmp/from-reader.txt".to_string()));
    let out_tar = tmp.path().join("got.tar");
    let otc = c(out_tar.to_str().unwrap());
    ok(
        docker_container_get_archive_to_file(
            h,
            p.as_ptr(),
            otc.as_ptr(),
            None,
            ptr::null_mut(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert_eq!(
        names_in_tar(&std::fs::read(&out_tar).unwrap()),
        vec!["from-file.txt"]
    );
    let mut json = ptr::null_mut();
    ok(
        docker_container_stat_path(h, tdir.as_ptr(), &mut json, &mut e),
        e,
    );
    let st: serde_json::Value = serde_json::from_str(&take_string(json)).unwrap();
    assert_eq!(st["is_dir"], true);

    // Export holds the files written.
    let exp = tmp.path().join("export.tar");
    let ec = c(exp.to_str().unwrap());
    ok(
        docker_container_export_to_file(h, ec.as_ptr(), None, ptr::null_mut(), &mut e),
        e,
    );
    let names = names_in_tar(&std::fs::read(&exp).unwrap());
    assert!(
        names.contains(&"tmp/from-buffer.txt".to_string())
            && names.contains(&"bin/busybox".to_string()),
        "{} entries",
        names.len()
    );
    let mut via_cb = Vec::new();
    ok(
        docker_container_export(
            h,
            ptr::null(),
            Some(sink),
            &mut via_cb as *mut Vec<u8> as *mut c_void,
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert_eq!(names_in_tar(&via_cb).len(), names.len());

    // Diff: added, changed, deleted.
    ok(docker_container_diff(h, &mut json, &mut e), e);
    let d: serde_json::Value = serde_json::from_str(&take_string(json)).unwrap();
    let kind = |path: &str| {
        d.as_array()
            .unwrap()
            .iter()
            .find(|x| x["Path"] == path)
            .map(|x| x["Kind"].as_i64().unwrap())
    };
    assert_eq!(kind("/tmp/from-buffer.txt"), Some(1), "{d}");
    assert_eq!(kind("/etc/group"), Some(0), "{d}");
    assert_eq!(kind("/etc/passwd"), Some(2), "{d}");

    // Errors: missing path, missing container, read-only destination.
    let missing = c("/no/such/dir");
    let r = docker_container_put_archive(
        h,
        missing.as_ptr(),
        t.as_ptr(),
        t.len(),
        ptr::null(),
        None,
        ptr::null_mut(),
        &mut e,
    );
    if engine_is_podman() {
        // Podman creates a missing destination directory where dockerd answers 404.
        ok(r, e);
    } else {
        let msg = expect(r, e, docker_result::DOCKER_ERR_NOT_FOUND);
        assert!(!msg.is_empty());
    }
    // On Podman the path now exists: read from one that does not.
    let missing = if engine_is_podman() {
        c("/no/such/other")
    } else {
        missing
    };
    let mut got = Vec::new();
    expect(
        docker_container_get_archive(
            h,
            missing.as_ptr(),
            ptr::null(),
            Some(sink),
            &mut got as *mut Vec<u8> as *mut c_void,
            ptr::null(),
            None,
            ptr::null_mut(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    expect(
        docker_container_stat_path(h, missing.as_ptr(), &mut json, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    // A big upload into a missing directory: not found (Podman: created), not a connection
    // error.
    let big = tar_of(&[("big.bin", &vec![7u8; 8 << 20])]);
    let r = docker_container_put_archive(
        h,
        missing.as_ptr(),
        big.as_ptr(),
        big.len(),
        ptr::null(),
        None,
        ptr::null_mut(),
        &mut e,
    );
    if engine_is_podman() {
        ok(r, e);
    } else {
        expect(r, e, docker_result::DOCKER_ERR_NOT_FOUND);
    }
    let ro = run_detached(cl, "dc-t5-arch-ro", "sleep 300", r#""read_only": true"#);
    let r = docker_container_put_archive(
        ro,
        dir.as_ptr(),
        t.as_ptr(),
        t.len(),
        ptr::null(),
        None,
        ptr::null_mut(),
        &mut e,
    );
    if engine_is_podman() {
        // Podman copies into a read_only container's root filesystem from the host side.
        ok(r, e);
    } else {
        let msg = expect(r, e, docker_result::DOCKER_ERR_ENGINE);
        assert!(msg.contains("read-only"), "{msg}");
    }
    let fo = c(r#"{"force": true}"#);
    ok(docker_container_remove(ro, fo.as_ptr(), &mut e), e);
    ok(docker_container_remove(h, fo.as_ptr(), &mut e), e);
    expect(
        docker_container_put_archive(
            h,
            dir.as_ptr(),
            t.as_ptr(),
            t.len(),
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );
    docker_container_free(ro);
    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn copy_from_a_hostile_container_writes_nothing_outside() {
    let _g = Cleanup::new("dc-t5-evil");
    let cl = client();
    let h = run_detached(
        cl,
        "dc-t5-evil",
        "sh -c 'mkdir -p /evil/sub && ln -s / /evil/root && ln -s ../../../../etc /evil/up && ln -s /etc/passwd /evil/sub/pw \
         && echo ok > /evil/sub/file && ln /evil/sub/file /evil/hard && mkdir -p /devs && mknod /devs/null c 1 3 && mkfifo /fifo-dir-fifo; sleep 300'",
        "",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("dest");
    std::fs::create_dir(&dest).unwrap();
    // Symlinks are stored as links, never followed; the hard link stays inside.
    copy_from(h, "/evil", dest.to_str().unwrap()).unwrap();
    assert_eq!(
        std::fs::read_link(dest.join("evil/root")).unwrap(),
        Path::new("/")
    );
    assert_eq!(
        std::fs::read_link(dest.join("evil/up")).unwrap(),
        Path::new("../../../../etc")
    );
    assert_eq!(std::fs::read(dest.join("evil/hard")).unwrap(), b"ok\n");
    // Copying again over the links does not write through them.
    copy_from(h, "/evil", dest.to_str().unwrap()).unwrap();
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    // Device nodes are refused, naming the entry.
    let (r, msg) = copy_from(h, "/devs", dest.to_str().unwrap()).unwrap_err();
    assert_eq!(r, docker_result::DOCKER_ERR_PROTOCOL);
    assert!(msg.contains("devs/null"), "{msg}");
    let fo = c(r#"{"force": true}"#);
    let mut e = ptr::null_mut();
    ok(docker_container_remove(h, fo.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}

/// A fake engine on a temp unix socket that answers inspect and archive requests with a crafted
/// tar: the shapes a real engine will not send.
fn fake_engine(tar: Vec<u8>, root_name: &str) -> (tempfile::TempDir, std::thread::JoinHandle<()>) {
    use base64::Engine as _;
    use std::io::{BufRead, BufReader, Write};
    let dir = tempfile::tempdir().unwrap();
    let sock = dir.path().join("fake.sock");
    let listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
    let stat = base64::engine::general_purpose::STANDARD
        .encode(format!(r#"{{"name":"{root_name}","size":4096,"mode":2147484141,"mtime":"2024-01-01T00:00:00Z","linkTarget":""}}"#));
    let id = "f".repeat(64);
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let tar = std::sync::Arc::new(tar);
    // Each connection gets its own thread (the client's pool may open several); the server
    // ends once the archive has been sent.
    let t = std::thread::spawn(move || {
        listener.set_nonblocking(true).unwrap();
        let started = std::time::Instant::now();
        while !done.load(std::sync::atomic::Ordering::SeqCst)
            && started.elapsed() < std::time::Duration::from_secs(30)
        {
            let conn = match listener.accept() {
                Ok((c, _)) => c,
                Err(_) => {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                    continue;
                }
            };
            conn.set_nonblocking(false).unwrap();
            let (done, tar, stat, id) = (done.clone(), tar.clone(), stat.clone(), id.clone());
            std::thread::spawn(move || {
                let mut conn = conn;
                let mut reader = BufReader::new(conn.try_clone().unwrap());
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
                    let method = line.split_whitespace().next().unwrap_or("").to_string();
                    loop {
                        let mut h = String::new();
                        if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                            break;
                        }
                    }
                    let (ctype, body, extra): (&str, Vec<u8>, String) = if path
                        .starts_with("/_ping")
                    {
                        ("text/plain", b"OK".to_vec(), "Api-Version: 1.41\r\n".into())
                    } else if path.contains("/json") {
                        (
                            "application/json",
                            format!(r#"{{"Id":"{id}","Name":"/fake","Config":{{"Tty":false}}}}"#)
                                .into_bytes(),
                            String::new(),
                        )
                    } else {
                        let body = if method == "HEAD" {
                            Vec::new()
                        } else {
                            tar.as_ref().clone()
                        };
                        (
                            "application/x-tar",
                            body,
                            format!("X-Docker-Container-Path-Stat: {stat}\r\n"),
                        )
                    };
                    let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}\r\n", body.len());
                    if conn.write_all(head.as_bytes()).is_err()
                        || (method != "HEAD" && conn.write_all(&body).is_err())
                    {
                        return;
                    }
                    if path.contains("/archive") && method == "GET" {
                        done.store(true, std::sync::atomic::Ordering::SeqCst);
                    }
                }
            });
        }
    });
    (dir, t)
}

/// One raw tar entry: name, type, link target.
type RawEntry<'a> = (&'a [u8], tar::EntryType, Option<&'a [u8]>);

fn raw_tar(entries: &[RawEntry]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, kind, link) in entries {
        let mut h = tar::Header::new_old();
        h.as_old_mut().name[..name.len()].copy_from_slice(name);
        if let Some(l) = link {
            h.as_old_mut().linkname[..l.len()].copy_from_slice(l);
        }
        h.set_entry_type(*kind);
        h.set_size(if *kind == tar::EntryType::Regular {
            2
        } else {
            0
        });
        h.set_mode(0o644);
        h.set_cksum();
        let data: &[u8] = if *kind == tar::EntryType::Regular {
            b"x\n"
        } else {
            b""
        };
        b.append(&h, data).unwrap();
    }
    b.into_inner().unwrap()
}

#[test]
fn a_fake_engine_sending_hostile_archives_gets_nothing_written_outside() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "dotdot",
            raw_tar(&[(b"evil/../../escape", tar::EntryType::Regular, None)]),
        ),
        (
            "absolute",
            raw_tar(&[(b"/tmp/dc-t5-fake-abs", tar::EntryType::Regular, None)]),
        ),
        (
            "outside root",
            raw_tar(&[(b"other/escape", tar::EntryType::Regular, None)]),
        ),
        (
            "through symlink",
            raw_tar(&[
                (b"evil/l", tar::EntryType::Symlink, Some(b"/tmp")),
                (b"evil/l/dc-t5-fake-through", tar::EntryType::Regular, None),
            ]),
        ),
        (
            "hard link out",
            raw_tar(&[(b"evil/h", tar::EntryType::Link, Some(b"/etc/passwd"))]),
        ),
        (
            "block device",
            raw_tar(&[(b"evil/sda", tar::EntryType::Block, None)]),
        ),
    ];
    for (what, tar) in cases {
        let (dir, server) = fake_engine(tar, "evil");
        let opts = c(&format!(
            r#"{{"base_url": "unix://{}"}}"#,
            dir.path().join("fake.sock").display()
        ));
        let mut cl = ptr::null_mut();
        let mut e = ptr::null_mut();
        ok(docker_client_new(opts.as_ptr(), &mut cl, &mut e), e);
        let name = c("fake");
        let mut h = ptr::null_mut();
        ok(docker_containers_get(cl, name.as_ptr(), &mut h, &mut e), e);
        let out = tempfile::tempdir().unwrap();
        let dest = out.path().join("dest");
        std::fs::create_dir(&dest).unwrap();
        let (r, msg) = copy_from(h, "/evil", dest.to_str().unwrap()).unwrap_err();
        assert_eq!(r, docker_result::DOCKER_ERR_PROTOCOL, "{what}: {msg}");
        assert!(msg.contains("unsafe archive entry"), "{what}: {msg}");
        assert_eq!(
            std::fs::read_dir(out.path()).unwrap().count(),
            1,
            "{what}: wrote beside dest"
        );
        assert!(
            !Path::new("/tmp/dc-t5-fake-abs").exists()
                && !Path::new("/tmp/dc-t5-fake-through").exists(),
            "{what}"
        );
        docker_container_free(h);
        docker_client_free(cl);
        server.join().unwrap();
    }
    let _ = id_of;
}
