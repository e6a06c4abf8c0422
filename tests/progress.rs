//! Copy progress (docker_transfer_cb) on the nine copy functions against the real engine: the
//! counts rise to the bytes that passed (the buffer's or file's size when known), a final call
//! comes, every call is on the calling thread, and a stop gives DOCKER_ERR_STOPPED_BY_CALLBACK
//! while the same client goes on working.

mod common;
use common::*;
use docker_containers::ffi::*;
use std::ffi::c_void;
use std::ptr;

const PREFIX: &str = "dcab-prog";

/// What a progress callback saw; `stop_after` calls, it asks to stop.
struct Seen {
    calls: Vec<(u64, i64)>,
    thread: std::thread::ThreadId,
    stop_after: Option<usize>,
}

impl Seen {
    fn new(stop_after: Option<usize>) -> Seen {
        Seen {
            calls: Vec::new(),
            thread: std::thread::current().id(),
            stop_after,
        }
    }
    fn ud(&mut self) -> *mut c_void {
        self as *mut Seen as *mut c_void
    }
    /// Checks the calls of a finished copy and gives the final count.
    fn finished(&self, total: i64) -> u64 {
        assert!(!self.calls.is_empty(), "a final call at least");
        assert!(
            self.calls.windows(2).all(|w| w[0].0 < w[1].0),
            "counts rise: {:?}",
            self.calls
        );
        assert!(
            self.calls.iter().all(|&(_, t)| t == total),
            "total {total}: {:?}",
            self.calls
        );
        let last = self.calls.last().unwrap().0;
        if total >= 0 {
            assert_eq!(last, total as u64);
        }
        last
    }
}

extern "C" fn on_progress(userdata: *mut c_void, done: u64, total: i64) -> i32 {
    let s = unsafe { &mut *(userdata as *mut Seen) };
    assert_eq!(
        std::thread::current().id(),
        s.thread,
        "progress runs on the calling thread"
    );
    s.calls.push((done, total));
    match s.stop_after {
        Some(n) if s.calls.len() >= n => 1,
        _ => 0,
    }
}

extern "C" fn sink(
    userdata: *mut c_void,
    _: docker_stream_kind,
    data: *const u8,
    len: usize,
) -> i32 {
    let v = unsafe { &mut *(userdata as *mut Vec<u8>) };
    v.extend_from_slice(unsafe { std::slice::from_raw_parts(data, len) });
    0
}

extern "C" fn read_cb(userdata: *mut c_void, buf: *mut u8, cap: usize) -> i64 {
    let r = unsafe { &mut *(userdata as *mut (Vec<u8>, usize)) };
    let n = cap.min(r.0.len() - r.1);
    unsafe { ptr::copy_nonoverlapping(r.0[r.1..].as_ptr(), buf, n) };
    r.1 += n;
    n as i64
}

/// A tar holding one file `name` of `len` pseudo-random bytes (so no layer compresses it away).
fn tar_of(name: &str, len: usize) -> Vec<u8> {
    let data: Vec<u8> = (0..len).map(|i| (i * 7919 % 251) as u8).collect();
    let mut b = tar::Builder::new(Vec::new());
    let mut hd = tar::Header::new_gnu();
    hd.set_size(len as u64);
    hd.set_mode(0o644);
    hd.set_mtime(1_600_000_000);
    hd.set_cksum();
    b.append_data(&mut hd, name, &data[..]).unwrap();
    b.into_inner().unwrap()
}

fn ping(cl: *mut docker_client) {
    let mut e = ptr::null_mut();
    ok(docker_client_ping(cl, &mut e), e);
}

#[test]
fn progress_counts_every_copy_to_the_bytes_that_passed() {
    let _g = Cleanup::new(&format!("{PREFIX}-count"));
    let cl = client();
    let h = run_detached(cl, &format!("{PREFIX}-count"), "sleep 300", "");
    let mut e = ptr::null_mut();
    let tmp = tempfile::tempdir().unwrap();
    let dir = c("/tmp");

    // Uploads with a known total: the buffer, the file.
    let t = tar_of("one.bin", 1 << 20);
    let mut s = Seen::new(None);
    ok(
        docker_container_put_archive(
            h,
            dir.as_ptr(),
            t.as_ptr(),
            t.len(),
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
    );
    s.finished(t.len() as i64);
    assert!(
        s.calls.len() >= 16,
        "about one call per 64 KiB: {}",
        s.calls.len()
    );

    let tp = tmp.path().join("two.tar");
    std::fs::write(&tp, tar_of("two.bin", 300_000)).unwrap();
    let size = std::fs::metadata(&tp).unwrap().len() as i64;
    let tpc = c(tp.to_str().unwrap());
    let mut s = Seen::new(None);
    ok(
        docker_container_put_archive_file(
            h,
            dir.as_ptr(),
            tpc.as_ptr(),
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
    );
    s.finished(size);

    // The reader form: total unknown, the count is what the reader gave.
    let mut src = (tar_of("three.bin", 200_000), 0usize);
    let want = src.0.len() as u64;
    let mut s = Seen::new(None);
    ok(
        docker_container_put_archive_reader(
            h,
            dir.as_ptr(),
            Some(read_cb),
            &mut src as *mut (Vec<u8>, usize) as *mut c_void,
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
    );
    assert_eq!(s.finished(-1), want);

    // Downloads: the count is what reached the callback or the file.
    let p = c("/tmp/one.bin");
    let mut got = Vec::new();
    let mut s = Seen::new(None);
    ok(
        docker_container_get_archive(
            h,
            p.as_ptr(),
            ptr::null(),
            Some(sink),
            &mut got as *mut Vec<u8> as *mut c_void,
            ptr::null(),
            Some(on_progress),
            s.ud(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert_eq!(s.finished(-1), got.len() as u64);
    assert!(got.len() > 1 << 20);

    let out = tmp.path().join("got.tar");
    let outc = c(out.to_str().unwrap());
    let mut s = Seen::new(None);
    ok(
        docker_container_get_archive_to_file(
            h,
            p.as_ptr(),
            outc.as_ptr(),
            Some(on_progress),
            s.ud(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert_eq!(s.finished(-1), std::fs::metadata(&out).unwrap().len());

    let mut exported = Vec::new();
    let mut s = Seen::new(None);
    ok(
        docker_container_export(
            h,
            ptr::null(),
            Some(sink),
            &mut exported as *mut Vec<u8> as *mut c_void,
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
    );
    assert_eq!(s.finished(-1), exported.len() as u64);
    let exp = tmp.path().join("export.tar");
    let expc = c(exp.to_str().unwrap());
    let mut s = Seen::new(None);
    ok(
        docker_container_export_to_file(h, expc.as_ptr(), Some(on_progress), s.ud(), &mut e),
        e,
    );
    assert_eq!(s.finished(-1), std::fs::metadata(&exp).unwrap().len());

    // docker cp both ways: the tar streams, whole 512-byte blocks, holding the file.
    let host_dir = tmp.path().join("tree");
    std::fs::create_dir(&host_dir).unwrap();
    std::fs::write(host_dir.join("a.bin"), vec![5u8; 150_000]).unwrap();
    let (hs, cd) = (c(host_dir.to_str().unwrap()), c("/tmp/tree"));
    let mut s = Seen::new(None);
    ok(
        docker_container_copy_to(
            h,
            hs.as_ptr(),
            cd.as_ptr(),
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
    );
    let sent = s.finished(-1);
    assert!(sent > 150_000 && sent % 512 == 0, "{sent}");
    let back = tmp.path().join("back");
    let bc = c(back.to_str().unwrap());
    let mut s = Seen::new(None);
    ok(
        docker_container_copy_from(
            h,
            cd.as_ptr(),
            bc.as_ptr(),
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
    );
    let received = s.finished(-1);
    assert!(received > 150_000 && received % 512 == 0, "{received}");
    assert_eq!(
        std::fs::read(back.join("a.bin")).unwrap(),
        vec![5u8; 150_000]
    );

    docker_container_free(h);
    docker_client_free(cl);
}

#[test]
fn a_stop_from_progress_gives_the_code_and_the_client_goes_on() {
    let _g = Cleanup::new(&format!("{PREFIX}-stop"));
    let cl = client();
    let h = run_detached(cl, &format!("{PREFIX}-stop"), "sleep 300", "");
    let mut e = ptr::null_mut();
    let tmp = tempfile::tempdir().unwrap();
    let dir = c("/tmp");
    let big = tar_of("big.bin", 8 << 20);
    let stopped = docker_result::DOCKER_ERR_STOPPED_BY_CALLBACK;

    let mut s = Seen::new(Some(2));
    let msg = expect(
        docker_container_put_archive(
            h,
            dir.as_ptr(),
            big.as_ptr(),
            big.len(),
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
        stopped,
    );
    assert!(!msg.is_empty());
    assert_eq!(s.calls.len(), 2, "no call after the stop");
    ping(cl);

    let tp = tmp.path().join("big.tar");
    std::fs::write(&tp, &big).unwrap();
    let tpc = c(tp.to_str().unwrap());
    let mut s = Seen::new(Some(1));
    expect(
        docker_container_put_archive_file(
            h,
            dir.as_ptr(),
            tpc.as_ptr(),
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
        stopped,
    );
    // A whole upload works on the same client and container afterwards.
    let small = tar_of("after.bin", 1000);
    ok(
        docker_container_put_archive(
            h,
            dir.as_ptr(),
            small.as_ptr(),
            small.len(),
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    let mut src = (big.clone(), 0usize);
    let mut s = Seen::new(Some(3));
    expect(
        docker_container_put_archive_reader(
            h,
            dir.as_ptr(),
            Some(read_cb),
            &mut src as *mut (Vec<u8>, usize) as *mut c_void,
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
        stopped,
    );
    assert!(src.1 < big.len(), "the reader was not drained: {}", src.1);

    // Downloads of the 8 MiB file and of the export, stopped at the first report.
    let whole = tar_of("whole.bin", 8 << 20);
    ok(
        docker_container_put_archive(
            h,
            dir.as_ptr(),
            whole.as_ptr(),
            whole.len(),
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    let p = c("/tmp/whole.bin");
    let mut got = Vec::new();
    let mut s = Seen::new(Some(1));
    expect(
        docker_container_get_archive(
            h,
            p.as_ptr(),
            ptr::null(),
            Some(sink),
            &mut got as *mut Vec<u8> as *mut c_void,
            ptr::null(),
            Some(on_progress),
            s.ud(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
        stopped,
    );
    assert!(got.len() < 8 << 20, "stopped early: {}", got.len());
    let out = tmp.path().join("part.tar");
    let outc = c(out.to_str().unwrap());
    let mut s = Seen::new(Some(1));
    expect(
        docker_container_get_archive_to_file(
            h,
            p.as_ptr(),
            outc.as_ptr(),
            Some(on_progress),
            s.ud(),
            ptr::null_mut(),
            &mut e,
        ),
        e,
        stopped,
    );
    assert!(std::fs::metadata(&out).unwrap().len() < 8 << 20);
    let mut s = Seen::new(Some(1));
    let mut exported = Vec::new();
    expect(
        docker_container_export(
            h,
            ptr::null(),
            Some(sink),
            &mut exported as *mut Vec<u8> as *mut c_void,
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
        stopped,
    );
    let exp = tmp.path().join("export.tar");
    let expc = c(exp.to_str().unwrap());
    let mut s = Seen::new(Some(1));
    expect(
        docker_container_export_to_file(h, expc.as_ptr(), Some(on_progress), s.ud(), &mut e),
        e,
        stopped,
    );

    // docker cp both ways.
    let host_dir = tmp.path().join("tree");
    std::fs::create_dir(&host_dir).unwrap();
    std::fs::write(host_dir.join("a.bin"), vec![1u8; 4 << 20]).unwrap();
    let (hs, cd) = (c(host_dir.to_str().unwrap()), c("/tmp/tree"));
    let mut s = Seen::new(Some(1));
    expect(
        docker_container_copy_to(
            h,
            hs.as_ptr(),
            cd.as_ptr(),
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
        stopped,
    );
    let wp = c("/tmp/whole.bin");
    let back = tmp.path().join("back");
    std::fs::create_dir(&back).unwrap();
    let bc = c(back.to_str().unwrap());
    let mut s = Seen::new(Some(1));
    expect(
        docker_container_copy_from(
            h,
            wp.as_ptr(),
            bc.as_ptr(),
            ptr::null(),
            Some(on_progress),
            s.ud(),
            &mut e,
        ),
        e,
        stopped,
    );
    assert_eq!(s.calls.len(), 1);

    // The same client and container go on: a copy both ways, whole.
    ok(
        docker_container_copy_to(
            h,
            hs.as_ptr(),
            cd.as_ptr(),
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    let again = tmp.path().join("again");
    let ac = c(again.to_str().unwrap());
    ok(
        docker_container_copy_from(
            h,
            cd.as_ptr(),
            ac.as_ptr(),
            ptr::null(),
            None,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert_eq!(
        std::fs::read(again.join("a.bin")).unwrap(),
        vec![1u8; 4 << 20]
    );
    let (ap, mut st) = (c("/tmp/after.bin"), ptr::null_mut());
    ok(
        docker_container_stat_path(h, ap.as_ptr(), &mut st, &mut e),
        e,
    );
    let st: serde_json::Value = serde_json::from_str(&take_string(st)).unwrap();
    assert_eq!(st["size"], 1000);

    docker_container_free(h);
    docker_client_free(cl);
}
