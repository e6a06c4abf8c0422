//! Streams through the C ABI against the real engine: logs, attach and exec output byte for
//! byte in both forms, tty output, stopping by callback, cancel token and idle timeout, exit
//! codes of streamed and interactive exec, stats, top, and the calling-thread rule.

mod common;
use common::*;
use docker_containers::ffi::*;
use sha2::{Digest, Sha256};
use std::ffi::c_void;
use std::ptr;
use std::time::{Duration, Instant};

const SIZE: usize = 64 << 20;

/// The CPU-heavy tests take turns, so the busy-loop measurement is not starved by the 64 MiB
/// writers on a 2-core machine.
static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn heavy() -> std::sync::MutexGuard<'static, ()> {
    HEAVY.lock().unwrap_or_else(|p| p.into_inner())
}

/// The container writes 64 MiB of 1 KiB 'o' lines to stdout and of 'e' lines to stderr.
const WRITER: &str = "sh -c 'sleep 0.5; O=$(head -c 1023 /dev/zero | tr \"\\0\" o); E=$(head -c 1023 /dev/zero | tr \"\\0\" e); \
                      (yes \"$O\" | head -c 67108864) & (yes \"$E\" | head -c 67108864 >&2); wait'";

fn expected(ch: u8) -> String {
    let mut line = vec![ch; 1023];
    line.push(b'\n');
    let mut h = Sha256::new();
    for _ in 0..(SIZE / 1024) {
        h.update(&line);
    }
    format!("{:x}", h.finalize())
}

#[derive(Default)]
struct Collector {
    out: Sha256,
    err: Sha256,
    console: Vec<u8>,
    json: Vec<String>,
    out_len: usize,
    err_len: usize,
    chunks: usize,
    threads: std::collections::HashSet<std::thread::ThreadId>,
    stop_after: Option<usize>,
}

impl Collector {
    fn digests(self) -> (String, String, usize, usize) {
        (
            format!("{:x}", self.out.finalize()),
            format!("{:x}", self.err.finalize()),
            self.out_len,
            self.err_len,
        )
    }
    fn take(&mut self, kind: docker_stream_kind, data: &[u8]) {
        self.chunks += 1;
        match kind {
            docker_stream_kind::DOCKER_STREAM_STDOUT => {
                self.out.update(data);
                self.out_len += data.len();
            }
            docker_stream_kind::DOCKER_STREAM_STDERR => {
                self.err.update(data);
                self.err_len += data.len();
            }
            docker_stream_kind::DOCKER_STREAM_CONSOLE => self.console.extend_from_slice(data),
            docker_stream_kind::DOCKER_STREAM_JSON => {
                self.json.push(String::from_utf8(data.to_vec()).unwrap())
            }
            k => panic!("unexpected kind {k:?}"),
        }
    }
}

extern "C" fn collect(
    userdata: *mut c_void,
    kind: docker_stream_kind,
    data: *const u8,
    len: usize,
) -> i32 {
    let c = unsafe { &mut *(userdata as *mut Collector) };
    c.threads.insert(std::thread::current().id());
    c.take(kind, unsafe { std::slice::from_raw_parts(data, len) });
    match c.stop_after {
        Some(n) if c.chunks >= n => 1,
        _ => 0,
    }
}

fn ud(c: &mut Collector) -> *mut c_void {
    c as *mut Collector as *mut c_void
}

/// Read a pull stream to its end into a collector.
fn pull_all(s: *mut docker_stream, col: &mut Collector) {
    let mut chunk = docker_chunk {
        kind: docker_stream_kind::DOCKER_STREAM_END,
        data: ptr::null(),
        len: 0,
    };
    loop {
        let mut e = ptr::null_mut();
        ok(docker_stream_next(s, 60_000, &mut chunk, &mut e), e);
        if chunk.kind == docker_stream_kind::DOCKER_STREAM_END {
            break;
        }
        col.take(chunk.kind, unsafe {
            std::slice::from_raw_parts(chunk.data, chunk.len)
        });
    }
}

fn wait_exit(h: *mut docker_container) -> i64 {
    let mut code = -1;
    let mut e = ptr::null_mut();
    ok(
        docker_container_wait(h, ptr::null(), &mut code, ptr::null_mut(), &mut e),
        e,
    );
    code
}

#[test]
fn logs_attach_and_exec_are_byte_exact_in_both_forms() {
    let _turn = heavy();
    let _g = Cleanup::new("dc-t4-bytes");
    let cl = client();
    let (want_out, want_err) = (expected(b'o'), expected(b'e'));
    let mut e = ptr::null_mut();

    // Attach (callback form) with logs replay, so nothing written before the attach is missed.
    let h = run_detached(cl, "dc-t4-bytes", WRITER, "");
    let mut col = Collector::default();
    let o = c(r#"{"logs": true, "stream": true}"#);
    ok(
        docker_container_attach(
            h,
            o.as_ptr(),
            Some(collect),
            ud(&mut col),
            ptr::null(),
            &mut e,
        ),
        e,
    );
    assert_eq!(
        col.digests(),
        (want_out.clone(), want_err.clone(), SIZE, SIZE),
        "attach, callback form"
    );
    assert_eq!(wait_exit(h), 0);

    // Logs, callback form and pull form.
    let mut col = Collector::default();
    ok(
        docker_container_logs(
            h,
            ptr::null(),
            Some(collect),
            ud(&mut col),
            ptr::null(),
            &mut e,
        ),
        e,
    );
    assert_eq!(
        col.digests(),
        (want_out.clone(), want_err.clone(), SIZE, SIZE),
        "logs, callback form"
    );
    let mut s = ptr::null_mut();
    ok(
        docker_container_logs_open(h, ptr::null(), &mut s, &mut e),
        e,
    );
    let mut col = Collector::default();
    pull_all(s, &mut col);
    docker_stream_free(s);
    assert_eq!(
        col.digests(),
        (want_out.clone(), want_err.clone(), SIZE, SIZE),
        "logs, pull form"
    );

    // Attach, pull form, opened before start.
    let (img, cmd, o) = (c(IMAGE), c(WRITER), c(r#"{"name": "dc-t4-bytes-2"}"#));
    let mut h2 = ptr::null_mut();
    ok(
        docker_containers_create(cl, img.as_ptr(), cmd.as_ptr(), o.as_ptr(), &mut h2, &mut e),
        e,
    );
    let ao = c(r#"{"stdin": false}"#);
    ok(
        docker_container_attach_open(h2, ao.as_ptr(), &mut s, &mut e),
        e,
    );
    ok(docker_container_start(h2, &mut e), e);
    let mut col = Collector::default();
    pull_all(s, &mut col);
    docker_stream_free(s);
    assert_eq!(
        col.digests(),
        (want_out.clone(), want_err.clone(), SIZE, SIZE),
        "attach, pull form"
    );

    // Exec output in a running container, both forms.
    let h3 = run_detached(cl, "dc-t4-bytes-3", "sleep 300", "");
    let mut col = Collector::default();
    let mut code = -1;
    let ecmd = c(&WRITER.replace("sleep 0.5; ", ""));
    ok(
        docker_container_exec_stream(
            h3,
            ecmd.as_ptr(),
            ptr::null(),
            Some(collect),
            ud(&mut col),
            ptr::null(),
            &mut code,
            &mut e,
        ),
        e,
    );
    assert_eq!(code, 0);
    assert_eq!(
        col.digests(),
        (want_out.clone(), want_err.clone(), SIZE, SIZE),
        "exec, callback form"
    );
    let no_stdin = c(r#"{"stdin": false}"#);
    ok(
        docker_container_exec_open(h3, ecmd.as_ptr(), no_stdin.as_ptr(), &mut s, &mut e),
        e,
    );
    let mut col = Collector::default();
    pull_all(s, &mut col);
    let mut code = -1;
    ok(docker_stream_exit_code(s, &mut code, &mut e), e);
    assert_eq!(code, 0);
    docker_stream_free(s);
    assert_eq!(
        col.digests(),
        (want_out, want_err, SIZE, SIZE),
        "exec, pull form"
    );

    for hh in [h, h2, h3] {
        let f = c(r#"{"force": true}"#);
        ok(docker_container_remove(hh, f.as_ptr(), &mut e), e);
        docker_container_free(hh);
    }
    docker_client_free(cl);
}

#[test]
fn tty_output_comes_back_raw_and_buffers_demux() {
    let _g = Cleanup::new("dc-t4-tty");
    let cl = client();
    let mut e = ptr::null_mut();
    let h = run_detached(
        cl,
        "dc-t4-tty",
        "sh -c 'echo out; echo err >&2'",
        r#""tty": true"#,
    );
    assert_eq!(wait_exit(h), 0);
    let mut col = Collector::default();
    ok(
        docker_container_logs(
            h,
            ptr::null(),
            Some(collect),
            ud(&mut col),
            ptr::null(),
            &mut e,
        ),
        e,
    );
    assert_eq!(col.console, b"out\r\nerr\r\n");
    assert_eq!(col.out_len + col.err_len, 0);

    let h2 = run_detached(
        cl,
        "dc-t4-tty-2",
        // Pauses fix the order the engine logs the lines in (stdout and stderr are separate pipes).
        "sh -c 'echo out; sleep 0.2; echo err >&2; sleep 0.2; echo out2'",
        "",
    );
    assert_eq!(wait_exit(h2), 0);
    let (mut a, mut b) = (ptr::null_mut(), ptr::null_mut());
    let o = c(r#"{"demux": true}"#);
    ok(
        docker_container_logs_buffer(h2, o.as_ptr(), &mut a, &mut b, &mut e),
        e,
    );
    assert_eq!(take_buffer(a), b"out\nout2\n");
    assert_eq!(take_buffer(b), b"err\n");
    let o = c(r#"{"stderr": false, "tail": 1}"#);
    ok(
        docker_container_logs_buffer(h2, o.as_ptr(), &mut a, ptr::null_mut(), &mut e),
        e,
    );
    assert_eq!(take_buffer(a), b"out2\n");
    let o = c(r#"{"timestamps": true, "since": "1h", "until": "2999-01-01T00:00:00Z"}"#);
    ok(
        docker_container_logs_buffer(h2, o.as_ptr(), &mut a, ptr::null_mut(), &mut e),
        e,
    );
    let text = String::from_utf8(take_buffer(a)).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(text.starts_with("20"), "timestamps first: {text}");
    // since in the future: nothing.
    let o = c(r#"{"since": 32503680000.5}"#);
    ok(
        docker_container_logs_buffer(h2, o.as_ptr(), &mut a, ptr::null_mut(), &mut e),
        e,
    );
    assert!(take_buffer(a).is_empty());
    let bad = c(r#"{"since": "yesterday"}"#);
    let msg = expect(
        docker_container_logs_buffer(h2, bad.as_ptr(), &mut a, ptr::null_mut(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("yesterday"));
    let f = c(r#"{"force": true}"#);
    for hh in [h, h2] {
        ok(docker_container_remove(hh, f.as_ptr(), &mut e), e);
        docker_container_free(hh);
    }
    docker_client_free(cl);
}

#[test]
fn follow_stops_by_callback_cancel_token_and_idle_timeout() {
    let _g = Cleanup::new("dc-t4-follow");
    let cl = client();
    let mut e = ptr::null_mut();
    let h = run_detached(
        cl,
        "dc-t4-follow",
        "sh -c 'while :; do echo tick; sleep 0.1; done'",
        "",
    );
    let follow = c(r#"{"follow": true}"#);

    // By callback: after 5 chunks.
    let mut col = Collector {
        stop_after: Some(5),
        ..Default::default()
    };
    let t = Instant::now();
    let r = docker_container_logs(
        h,
        follow.as_ptr(),
        Some(collect),
        ud(&mut col),
        ptr::null(),
        &mut e,
    );
    expect(r, e, docker_result::DOCKER_ERR_STOPPED_BY_CALLBACK);
    assert_eq!(col.chunks, 5);
    assert!(t.elapsed() < Duration::from_secs(10));

    // By a cancel token fired from another thread.
    let token = docker_cancel_new();
    let tp = token as usize;
    let firer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        docker_cancel_fire(tp as *const docker_cancel);
    });
    let mut col = Collector::default();
    let t = Instant::now();
    let r = docker_container_logs(
        h,
        follow.as_ptr(),
        Some(collect),
        ud(&mut col),
        token,
        &mut e,
    );
    expect(r, e, docker_result::DOCKER_ERR_CANCELLED);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    assert!(col.chunks > 0);
    firer.join().unwrap();
    docker_cancel_free(token);

    // By idle timeout: a quiet container.
    let quiet = run_detached(cl, "dc-t4-follow-quiet", "sleep 300", "");
    let o = c(r#"{"follow": true, "idle_timeout": 0.5}"#);
    let mut col = Collector::default();
    let t = Instant::now();
    let r = docker_container_logs(
        quiet,
        o.as_ptr(),
        Some(collect),
        ud(&mut col),
        ptr::null(),
        &mut e,
    );
    expect(r, e, docker_result::DOCKER_ERR_TIMEOUT);
    assert!(t.elapsed() < Duration::from_secs(5));

    // Pull form: a timeout loses nothing and can be retried; cancel wakes a blocked next.
    let mut s = ptr::null_mut();
    ok(
        docker_container_logs_open(quiet, follow.as_ptr(), &mut s, &mut e),
        e,
    );
    let mut chunk = docker_chunk {
        kind: docker_stream_kind::DOCKER_STREAM_END,
        data: ptr::null(),
        len: 0,
    };
    expect(
        docker_stream_next(s, 100, &mut chunk, &mut e),
        e,
        docker_result::DOCKER_ERR_TIMEOUT,
    );
    let sp = s as usize;
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        docker_stream_cancel(sp as *const docker_stream);
    });
    let t = Instant::now();
    expect(
        docker_stream_next(s, -1, &mut chunk, &mut e),
        e,
        docker_result::DOCKER_ERR_CANCELLED,
    );
    assert!(t.elapsed() < Duration::from_secs(5));
    canceller.join().unwrap();
    docker_stream_free(s);

    // A container killed mid-stream ends the stream cleanly.
    let hp = h as usize;
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        let k = c("KILL");
        let mut e = ptr::null_mut();
        ok(
            docker_container_kill(hp as *const docker_container, k.as_ptr(), &mut e),
            e,
        );
    });
    let mut col = Collector::default();
    let o = c(r#"{"follow": true, "tail": 0}"#);
    ok(
        docker_container_logs(
            h,
            o.as_ptr(),
            Some(collect),
            ud(&mut col),
            ptr::null(),
            &mut e,
        ),
        e,
    );
    killer.join().unwrap();
    assert!(col.chunks > 0);

    let f = c(r#"{"force": true}"#);
    for hh in [h, quiet] {
        ok(docker_container_remove(hh, f.as_ptr(), &mut e), e);
        docker_container_free(hh);
    }
    docker_client_free(cl);
}

#[test]
fn exec_exit_codes_interactive_stdin_and_detached() {
    let _g = Cleanup::new("dc-t4-exec");
    let cl = client();
    let mut e = ptr::null_mut();
    let h = run_detached(cl, "dc-t4-exec", "sleep 300", "");

    // Streamed exec reports the exit code (docker-py gives None).
    let mut col = Collector::default();
    let mut code = -1;
    let cmd = c("sh -c 'echo before; exit 7'");
    ok(
        docker_container_exec_stream(
            h,
            cmd.as_ptr(),
            ptr::null(),
            Some(collect),
            ud(&mut col),
            ptr::null(),
            &mut code,
            &mut e,
        ),
        e,
    );
    assert_eq!(code, 7);
    assert_eq!(col.out_len, 7);

    // Gathered exec with demux, environment and workdir.
    let (mut a, mut b) = (ptr::null_mut(), ptr::null_mut());
    let o =
        c(r#"{"demux": true, "environment": {"WHO": "me"}, "workdir": "/tmp", "user": "nobody"}"#);
    let cmd = c("sh -c 'echo $WHO $(pwd) $(id -u); echo to-err >&2; exit 3'");
    ok(
        docker_container_exec_run(
            h,
            cmd.as_ptr(),
            o.as_ptr(),
            &mut code,
            &mut a,
            &mut b,
            &mut e,
        ),
        e,
    );
    assert_eq!(code, 3);
    assert_eq!(take_buffer(a), b"me /tmp 65534\n");
    assert_eq!(take_buffer(b), b"to-err\n");
    // The list form, through the options.
    let o = c(r#"{"cmd": ["echo", "a  b"]}"#);
    ok(
        docker_container_exec_run(
            h,
            ptr::null(),
            o.as_ptr(),
            &mut code,
            &mut a,
            ptr::null_mut(),
            &mut e,
        ),
        e,
    );
    assert_eq!(take_buffer(a), b"a  b\n");
    let o = c(r#"{"stream": true}"#);
    let msg = expect(
        docker_container_exec_run(
            h,
            cmd.as_ptr(),
            o.as_ptr(),
            &mut code,
            &mut a,
            ptr::null_mut(),
            &mut e,
        ),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("docker_container_exec_stream"), "{msg}");

    // Interactive: write lines to cat, half-close, read them back, exit code 0.
    let mut s = ptr::null_mut();
    let cat = c("cat");
    ok(
        docker_container_exec_open(h, cat.as_ptr(), ptr::null(), &mut s, &mut e),
        e,
    );
    let lines = b"line one\nline two\n";
    ok(
        docker_stream_write(s, lines.as_ptr(), lines.len(), &mut e),
        e,
    );
    ok(docker_stream_write(s, b"three".as_ptr(), 5, &mut e), e);
    ok(docker_stream_close_write(s, &mut e), e);
    ok(docker_stream_close_write(s, &mut e), e);
    expect(
        docker_stream_write(s, b"x".as_ptr(), 1, &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    let mut col = Collector::default();
    let mut got = Vec::new();
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
        assert_eq!(chunk.kind, docker_stream_kind::DOCKER_STREAM_STDOUT);
        got.extend_from_slice(unsafe { std::slice::from_raw_parts(chunk.data, chunk.len) });
        col.chunks += 1;
    }
    assert_eq!(got, b"line one\nline two\nthree");
    ok(docker_stream_exit_code(s, &mut code, &mut e), e);
    assert_eq!(code, 0);
    docker_stream_free(s);

    // Interactive with a tty: resize works, output is console.
    let o = c(r#"{"tty": true}"#);
    let sh = c("sh -c 'stty size; read x; echo got-$x'");
    ok(
        docker_container_exec_open(h, sh.as_ptr(), o.as_ptr(), &mut s, &mut e),
        e,
    );
    ok(docker_stream_resize(s, 33, 111, &mut e), e);
    ok(docker_stream_write(s, b"yes\n".as_ptr(), 4, &mut e), e);
    let mut got = Vec::new();
    loop {
        ok(docker_stream_next(s, 10_000, &mut chunk, &mut e), e);
        if chunk.kind == docker_stream_kind::DOCKER_STREAM_END {
            break;
        }
        assert_eq!(chunk.kind, docker_stream_kind::DOCKER_STREAM_CONSOLE);
        got.extend_from_slice(unsafe { std::slice::from_raw_parts(chunk.data, chunk.len) });
    }
    let text = String::from_utf8_lossy(&got);
    assert!(text.contains("got-yes"), "{text}");
    docker_stream_free(s);

    // Detached: the exec id comes back, and inspect finds it.
    let mut id = ptr::null_mut();
    let cmd = c("sh -c 'exit 4'");
    ok(
        docker_container_exec_detached(h, cmd.as_ptr(), ptr::null(), &mut id, &mut e),
        e,
    );
    let id = take_string(id);
    let idc = c(&id);
    let mut json = ptr::null_mut();
    let mut done = false;
    for _ in 0..100 {
        ok(docker_exec_inspect(cl, idc.as_ptr(), &mut json, &mut e), e);
        let v: serde_json::Value = serde_json::from_str(&take_string(json)).unwrap();
        if engine_is_podman() {
            // Podman records a detached exec's exit only when its conmon runs the cleanup, after
            // its exit_command_delay (300 s): until then it reads Running (README, "Podman").
            assert_eq!(v["ID"], id.as_str(), "{v}");
            done = true;
            break;
        }
        if v["Running"] == false && v["ExitCode"] == 4 {
            done = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(done);
    let missing = c("nope");
    expect(
        docker_exec_inspect(cl, missing.as_ptr(), &mut json, &mut e),
        e,
        docker_result::DOCKER_ERR_NOT_FOUND,
    );

    // top.
    let o = c(r#"{"ps_args": "-o pid,comm"}"#);
    ok(docker_container_top(h, o.as_ptr(), &mut json, &mut e), e);
    let v: serde_json::Value = serde_json::from_str(&take_string(json)).unwrap();
    assert!(
        v["Titles"]
            .as_array()
            .unwrap()
            .iter()
            // Podman runs ps_args it cannot map in the container and sends each line whole:
            // Titles ["PID   COMMAND"], rows ["1 sleep"] (README, "Podman").
            .any(|t| t == "COMMAND"
                || (engine_is_podman() && t.as_str().unwrap().contains("COMMAND"))),
        "{v}"
    );
    assert!(
        v["Processes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.to_string().contains("sleep")),
        "{v}"
    );

    let f = c(r#"{"force": true}"#);
    ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
    docker_container_free(h);
    docker_client_free(cl);
}

/// The derived cpu_percent is the Docker CLI's formula applied to the sample's own counters:
/// (container CPU delta / system CPU delta) x online CPUs x 100. Returns it and the container's
/// CPU delta in nanoseconds.
fn check_cpu_percent(v: &serde_json::Value) -> (f64, u64) {
    let n = |p: &str| v.pointer(p).and_then(|x| x.as_u64()).unwrap_or(0);
    let cpu_delta =
        n("/cpu_stats/cpu_usage/total_usage") - n("/precpu_stats/cpu_usage/total_usage");
    let system_delta = n("/cpu_stats/system_cpu_usage") - n("/precpu_stats/system_cpu_usage");
    let cpus = n("/cpu_stats/online_cpus").max(1);
    let want = if system_delta > 0 {
        cpu_delta as f64 / system_delta as f64 * cpus as f64 * 100.0
    } else {
        0.0
    };
    let got = v["derived"]["cpu_percent"].as_f64().unwrap();
    assert!(
        (got - want).abs() <= 1e-9 * want.max(1.0),
        "cpu_percent {got} should be {want} from the counters: {}",
        v["cpu_stats"]
    );
    (got, cpu_delta)
}

#[test]
fn stats_cpu_percent_busy_and_idle_and_callbacks_on_the_calling_thread() {
    let _turn = heavy();
    let _g = Cleanup::new("dc-t4-stats");
    let cl = client();
    let mut e = ptr::null_mut();
    let busy = run_detached(cl, "dc-t4-stats-busy", "sh -c 'while :; do :; done'", "");
    let idle = run_detached(cl, "dc-t4-stats-idle", "sleep 300", "");
    std::thread::sleep(Duration::from_millis(500));
    let (mut busy_cpu, mut idle_cpu) = (0.0, 0.0);
    // Two samples from the stream: the second has a previous reading.
    for (h, busy_one) in [(busy, true), (idle, false)] {
        let mut col = Collector {
            stop_after: Some(2),
            ..Default::default()
        };
        let r = docker_container_stats(
            h,
            ptr::null(),
            Some(collect),
            ud(&mut col),
            ptr::null(),
            &mut e,
        );
        expect(r, e, docker_result::DOCKER_ERR_STOPPED_BY_CALLBACK);
        assert_eq!(col.json.len(), 2);
        assert_eq!(col.threads.len(), 1);
        assert!(
            col.threads.contains(&std::thread::current().id()),
            "callbacks ran on the calling thread"
        );
        let v: serde_json::Value = serde_json::from_str(&col.json[1]).unwrap();
        let (cpu, advanced) = check_cpu_percent(&v);
        if busy_one {
            // How much CPU the loop got depends on how busy the machine is; that it got some,
            // and that the figure is the CLI's formula on the engine's counters, does not.
            assert!(advanced > 0, "the busy container's CPU counter advanced");
            busy_cpu = cpu;
        } else {
            idle_cpu = cpu;
        }
        assert!(v["derived"]["memory_usage"].as_u64().unwrap() > 0);
        assert!(v["derived"]["pids"].as_u64().unwrap() >= 1);
        assert!(v.get("cpu_stats").is_some(), "the engine's JSON is kept");
    }
    assert!(
        busy_cpu > idle_cpu,
        "a busy loop reads higher than a sleep: {busy_cpu}% vs {idle_cpu}%"
    );
    // One sample, one-shot (the engine then skips its second reading: no precpu figures).
    // How fast it is belongs to the benchmark, not to a timed test.
    let mut json = ptr::null_mut();
    ok(
        docker_container_stats_once(idle, ptr::null(), &mut json, &mut e),
        e,
    );
    let v: serde_json::Value = serde_json::from_str(&take_string(json)).unwrap();
    assert!(v["derived"]["memory_limit"].as_u64().unwrap() > 0);
    assert_eq!(
        v["precpu_stats"]["system_cpu_usage"].as_u64().unwrap_or(0),
        0,
        "one-shot sample: {}",
        v["precpu_stats"]
    );
    assert!(
        v["derived"]["cpu_percent"].is_null(),
        "no previous reading, no CPU figure: {}",
        v["derived"]
    );
    // Not one-shot: a CLI-accurate cpu_percent for the busy one.
    let o = c(r#"{"one_shot": false}"#);
    ok(
        docker_container_stats_once(busy, o.as_ptr(), &mut json, &mut e),
        e,
    );
    let v: serde_json::Value = serde_json::from_str(&take_string(json)).unwrap();
    assert!(
        v["precpu_stats"]["system_cpu_usage"].as_u64().unwrap_or(0) > 0,
        "not one-shot: the sample has the engine's previous reading"
    );
    let (cpu, advanced) = check_cpu_percent(&v);
    assert!(advanced > 0 && cpu > 0.0, "{}", v["derived"]);
    // Pull form.
    let mut s = ptr::null_mut();
    ok(
        docker_container_stats_open(idle, ptr::null(), &mut s, &mut e),
        e,
    );
    let mut chunk = docker_chunk {
        kind: docker_stream_kind::DOCKER_STREAM_END,
        data: ptr::null(),
        len: 0,
    };
    ok(docker_stream_next(s, 10_000, &mut chunk, &mut e), e);
    assert_eq!(chunk.kind, docker_stream_kind::DOCKER_STREAM_JSON);
    docker_stream_free(s);

    let f = c(r#"{"force": true}"#);
    for h in [busy, idle] {
        ok(docker_container_remove(h, f.as_ptr(), &mut e), e);
        docker_container_free(h);
    }
    docker_client_free(cl);
}
