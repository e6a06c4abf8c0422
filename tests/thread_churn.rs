//! Calls from short-lived threads: what a thread opened is closed when it exits, so a host
//! that makes calls from fresh threads (a thread per request, a pool that recycles threads)
//! keeps a flat count of descriptors. Its own binary, with one test: it counts the process's
//! descriptors, which other tests running beside it would change.

mod common;
use common::*;
use docker_containers::ffi::*;
use std::ptr;

fn descriptors() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Each of `threads` fresh threads makes a few calls on the shared client, then exits.
fn round(cl: *mut docker_client, threads: usize) {
    let cl = cl as usize;
    let hs: Vec<_> = (0..threads)
        .map(|_| {
            std::thread::spawn(move || {
                let cl = cl as *mut docker_client;
                let mut e = ptr::null_mut();
                for _ in 0..3 {
                    ok(docker_client_ping(cl, &mut e), e);
                }
                let mut v = ptr::null_mut();
                ok(docker_client_version(cl, &mut v, &mut e), e);
                take_string(v);
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
}

#[test]
fn connections_of_exited_threads_are_closed() {
    let before_client = descriptors();
    let cl = client();
    // This thread's own runtime and connection, kept for its next call.
    let mut e = ptr::null_mut();
    ok(docker_client_ping(cl, &mut e), e);
    let baseline = descriptors();
    let mut seen = Vec::new();
    for _ in 0..15 {
        round(cl, 16);
        seen.push(descriptors());
    }
    eprintln!("descriptors: {before_client} before the client, {baseline} after one call, after each round of 16 threads: {seen:?}");
    assert!(
        seen.iter().all(|&n| n == baseline),
        "descriptors after each round {seen:?} should stay at {baseline}: each exited thread's connections are closed"
    );
    // The threads' connections were closed, not parked: this thread's is still reused.
    ok(docker_client_ping(cl, &mut e), e);
    assert_eq!(descriptors(), baseline);
    docker_client_free(cl);
    let after = descriptors();
    // Freeing the client closes the one connection it kept for this thread. What stays is
    // process-wide and made once: the runtimes (this thread's own, kept for its life, and the
    // shared one), with their epoll and wake-up descriptors.
    assert_eq!(
        after,
        baseline - 1,
        "{after} descriptors after free, {baseline} with the client, {before_client} before it"
    );
}
