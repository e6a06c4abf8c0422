//! The container's files: put_archive, get_archive, stat_path, export, diff, and the
//! `docker cp` helpers copy_to and copy_from. Archives stream; nothing is held whole.

use super::super::args::{arg_options, arg_out, arg_path, put, put_string};
use super::super::cancel::{arg_cancel, docker_cancel};
use super::super::error::{boundary, docker_error, docker_result};
use super::super::runtime::{run, run_here};
use super::super::stream::{
    docker_stream, docker_stream_cb, drive_async, idle_option, ResizeTarget,
};
use super::{arg_container, docker_container};
use crate::engine::archive::{self, ByteStream, Meter};
use crate::engine::opts::Opts;
use crate::engine::{images, Error, Result};
use bytes::Bytes;
use std::ffi::{c_char, c_void};

/// Supplies the bytes of an upload: fill `buf[0..cap]` and return how many bytes were written;
/// 0 means the end; a negative value aborts the upload (DOCKER_ERR_STOPPED_BY_CALLBACK). Runs
/// on the thread that made the call.
pub type docker_read_cb =
    Option<extern "C" fn(userdata: *mut c_void, buf: *mut u8, cap: usize) -> i64>;

/// Progress of a long copy: `done` bytes of the archive (tar) stream so far, `total` its size
/// when known (a buffer's len, a file's size), else -1. Called on the calling thread at most
/// once per chunk (64 KiB or so) and once more at the end with the final count (done == total
/// when known). A non-zero return stops the copy: DOCKER_ERR_STOPPED_BY_CALLBACK.
pub type docker_transfer_cb =
    Option<extern "C" fn(userdata: *mut c_void, done: u64, total: i64) -> i32>;

/// A transfer callback with its userdata, moved into the metered stream or body.
struct TransferCb {
    f: extern "C" fn(*mut c_void, u64, i64) -> i32,
    userdata: *mut c_void,
}

// SAFETY: a metered stream or body is polled only by the future the export runs with
// run/run_here on the calling thread (downloads are read by that future, uploads are sent on a
// connection it drives, copy_from's extractor is fed by it), so the callback and its userdata
// are used on the caller's thread only, and not after the call returns.
unsafe impl Send for TransferCb {}

impl TransferCb {
    fn call(&self, done: u64, total: Option<u64>) -> bool {
        let total = total.and_then(|t| i64::try_from(t).ok()).unwrap_or(-1);
        (self.f)(self.userdata, done, total) == 0
    }
}

/// The engine's meter for an optional callback (None when `progress` is NULL).
fn meter(progress: docker_transfer_cb, userdata: *mut c_void, total: Option<u64>) -> Option<Meter> {
    let cb = TransferCb {
        f: progress?,
        userdata,
    };
    Some(Meter::new(
        Box::new(move |done, total| cb.call(done, total)),
        total,
    ))
}

fn put_flags(mut o: Opts) -> Result<(bool, bool)> {
    let a = o.bool("no_overwrite_dir_non_dir")?.unwrap_or(false);
    let b = o.bool("copy_uid_gid")?.unwrap_or(false);
    o.finish()?;
    Ok((a, b))
}

fn give_stat(out: *mut *mut c_char, stat: &archive::PathStat) -> Result<()> {
    if !out.is_null() {
        put_string(out, stat.to_json().to_string())?;
    }
    Ok(())
}

/// docker-py's `put_archive(path, data)` from memory: extract the tar `data[0..len]` (copied
/// before the call returns) into the existing directory `path` in the container. Options:
/// `no_overwrite_dir_non_dir`, `copy_uid_gid`. A missing container or path gives
/// DOCKER_ERR_NOT_FOUND (also when the engine cut the upload short). Blocks the calling thread.
/// `progress` (may be NULL) runs on the calling thread as the upload goes, total = `len`; a
/// non-zero return aborts the upload (that connection is closed) with
/// DOCKER_ERR_STOPPED_BY_CALLBACK, and what the engine had extracted by then may stay.
///
/// Options (option table, written by `make options`):
/// - `no_overwrite_dir_non_dir` (boolean; default false): Refuse to replace a directory with a non-directory and the reverse.
/// - `copy_uid_gid` (boolean; default false; API 1.40+): Keep the archive's owners (uid and gid).
#[no_mangle]
pub extern "C" fn docker_container_put_archive(
    container: *const docker_container,
    path: *const c_char,
    data: *const u8,
    len: usize,
    options_json: *const c_char,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let path = arg!(arg_path(path, "path"))?;
        if data.is_null() && len > 0 {
            return Err(Error::invalid("data is NULL"));
        }
        let o = arg!(arg_options(options_json, "docker_container_put_archive"))?;
        let (a, b) = put_flags(o)?;
        let bytes = if len == 0 {
            Vec::new()
        } else {
            // SAFETY: data is not NULL here (checked above) and the caller passed len readable
            // bytes at it, valid for the call; they are copied or used before it returns.
            unsafe { std::slice::from_raw_parts(data, len) }.to_vec()
        };
        let m = meter(progress, progress_userdata, Some(len as u64));
        run_here(archive::put_archive(
            c.client(),
            c.id_str(),
            path,
            archive::buffer_body(Bytes::from(bytes)),
            m,
            a,
            b,
        ))
    })
}

/// put_archive from a tar file on the host, streamed (never read whole). `progress` (may be
/// NULL) as for docker_container_put_archive, total = the file's size. Otherwise as
/// docker_container_put_archive.
///
/// Options (option table, written by `make options`):
/// - `no_overwrite_dir_non_dir` (boolean; default false): Refuse to replace a directory with a non-directory and the reverse.
/// - `copy_uid_gid` (boolean; default false; API 1.40+): Keep the archive's owners (uid and gid).
#[no_mangle]
pub extern "C" fn docker_container_put_archive_file(
    container: *const docker_container,
    path: *const c_char,
    tar_path: *const c_char,
    options_json: *const c_char,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let path = arg!(arg_path(path, "path"))?;
        let tar_path = arg!(arg_path(tar_path, "tar_path"))?;
        let o = arg!(arg_options(
            options_json,
            "docker_container_put_archive_file"
        ))?;
        let (a, b) = put_flags(o)?;
        run_here(async {
            let body = images::file_body(std::path::Path::new(tar_path)).await?;
            let size = hyper::body::Body::size_hint(&body).exact();
            let m = meter(progress, progress_userdata, size);
            archive::put_archive(c.client(), c.id_str(), path, body, m, a, b).await
        })
    })
}

/// put_archive from a reader callback: `read` is called on the calling thread for 64 KiB at a
/// time until it returns 0; at most a few chunks are in flight, so an archive of any size
/// streams in bounded memory. `progress` (may be NULL) as for docker_container_put_archive,
/// total -1 (unknown), called between reads. Otherwise as docker_container_put_archive.
///
/// Options (option table, written by `make options`):
/// - `no_overwrite_dir_non_dir` (boolean; default false): Refuse to replace a directory with a non-directory and the reverse.
/// - `copy_uid_gid` (boolean; default false; API 1.40+): Keep the archive's owners (uid and gid).
#[no_mangle]
pub extern "C" fn docker_container_put_archive_reader(
    container: *const docker_container,
    path: *const c_char,
    read: docker_read_cb,
    userdata: *mut c_void,
    options_json: *const c_char,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let path = arg!(arg_path(path, "path"))?;
        let read = read.ok_or_else(|| Error::invalid("read callback is NULL"))?;
        let o = arg!(arg_options(
            options_json,
            "docker_container_put_archive_reader"
        ))?;
        let (a, b) = put_flags(o)?;
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Bytes>>(4);
        let body_stream: ByteStream =
            Box::pin(futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx)));
        run_here(async {
            let upload = archive::put_archive(
                c.client(),
                c.id_str(),
                path,
                archive::stream_body(body_stream),
                meter(progress, progress_userdata, None),
                a,
                b,
            );
            // The reader runs here, in the caller's block_on, so the callback is on its thread.
            // Owns the sender, so the body ends when the reader does.
            let feed = async move {
                let mut buf = vec![0u8; 64 * 1024];
                loop {
                    let n = read(userdata, buf.as_mut_ptr(), buf.len());
                    if n < 0 {
                        let _ = tx.send(Err(Error::StoppedByCallback)).await;
                        return Err(Error::StoppedByCallback);
                    }
                    if n == 0 {
                        return Ok(());
                    }
                    let n = (n as usize).min(buf.len());
                    if tx
                        .send(Ok(Bytes::copy_from_slice(&buf[..n])))
                        .await
                        .is_err()
                    {
                        // The upload ended early (the engine refused): its result says why.
                        return Ok(());
                    }
                }
            };
            let (up, fed) = tokio::join!(upload, feed);
            fed?;
            up
        })
    })
}

/// docker-py's `get_archive(path)`: `*stat_json` (if not NULL) receives the path's stat
/// {name, size, mode, mode_bits, mtime, link_target, is_dir, is_symlink} (free with
/// docker_string_free), then the tar stream goes to `cb` as DOCKER_STREAM_DATA chunks. Options:
/// `idle_timeout`. Blocks the calling thread; `cb` runs on it, and so does `progress` (may be
/// NULL; total -1, the tar's size is not known ahead), told of each chunk's bytes before `cb`
/// gets them. A non-zero return of either stops the stream (the connection is closed) with
/// DOCKER_ERR_STOPPED_BY_CALLBACK.
///
/// Options (option table, written by `make options`):
/// - `idle_timeout` (number): Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
#[no_mangle]
pub extern "C" fn docker_container_get_archive(
    container: *const docker_container,
    path: *const c_char,
    options_json: *const c_char,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    stat_json: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let path = arg!(arg_path(path, "path"))?;
        let mut o = arg!(arg_options(options_json, "docker_container_get_archive"))?;
        let idle = idle_option(&mut o)?;
        o.finish()?;
        if cb.is_none() {
            return Err(Error::invalid("callback is NULL"));
        }
        let token = arg!(arg_cancel(cancel));
        let stat = run_here(async {
            let (stat, s) = archive::get_archive(c.client(), c.id_str(), path).await?;
            let s = archive::metered(s, meter(progress, progress_userdata, None));
            drive_async(archive::data_chunks(s), cb, userdata, token, idle).await?;
            Ok::<_, Error>(stat)
        })?;
        give_stat(stat_json, &stat)
    })
}

/// get_archive as a pull stream of DOCKER_STREAM_DATA chunks; `*stat_json` (if not NULL) as
/// docker_container_get_archive. `*out`: free with docker_stream_free.
#[no_mangle]
pub extern "C" fn docker_container_get_archive_open(
    container: *const docker_container,
    path: *const c_char,
    out: *mut *mut docker_stream,
    stat_json: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let path = arg!(arg_path(path, "path"))?;
        arg_out(out, "out")?;
        let (stat, s) = run(archive::get_archive(c.client(), c.id_str(), path))?;
        give_stat(stat_json, &stat)?;
        // SAFETY: checked non-NULL.
        unsafe {
            put(
                out,
                docker_stream::new(archive::data_chunks(s), None, ResizeTarget::None, None)
                    .into_raw(),
            )
        };
        Ok(())
    })
}

/// get_archive into a tar file on the host (created or truncated), streamed. `*stat_json` (if
/// not NULL) as docker_container_get_archive. Blocks the calling thread. `progress` (may be
/// NULL) runs on it as the tar arrives (total -1); a non-zero return stops the copy with
/// DOCKER_ERR_STOPPED_BY_CALLBACK and leaves the file with what was written so far, as any
/// failure part way does.
#[no_mangle]
pub extern "C" fn docker_container_get_archive_to_file(
    container: *const docker_container,
    path: *const c_char,
    file_path: *const c_char,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    stat_json: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let path = arg!(arg_path(path, "path"))?;
        let file = arg!(arg_path(file_path, "file_path"))?;
        let stat = run(async {
            let (stat, s) = archive::get_archive(c.client(), c.id_str(), path).await?;
            let s = archive::metered(s, meter(progress, progress_userdata, None));
            archive::stream_to_file(s, std::path::Path::new(file)).await?;
            Ok::<_, Error>(stat)
        })?;
        give_stat(stat_json, &stat)
    })
}

/// The stat of a path in the container, without its content (`HEAD .../archive`):
/// {name, size, mode, mode_bits, mtime, link_target, is_dir, is_symlink}. A missing path or
/// container gives DOCKER_ERR_NOT_FOUND. `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_stat_path(
    container: *const docker_container,
    path: *const c_char,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let path = arg!(arg_path(path, "path"))?;
        arg_out(out, "out")?;
        let st = run_here(archive::stat_path(c.client(), c.id_str(), path))?;
        give_stat(out, &st)
    })
}

/// docker-py's `export()`: the container's filesystem as a tar stream to `cb`
/// (DOCKER_STREAM_DATA). Options: `idle_timeout`. Blocks the calling thread; `cb` runs on it,
/// and so does `progress` (may be NULL; total -1), told of each chunk's bytes before `cb` gets
/// them. A non-zero return of either stops the stream (the connection is closed) with
/// DOCKER_ERR_STOPPED_BY_CALLBACK.
///
/// Options (option table, written by `make options`):
/// - `idle_timeout` (number): Seconds of silence before the stream ends with DOCKER_ERR_TIMEOUT.
#[no_mangle]
pub extern "C" fn docker_container_export(
    container: *const docker_container,
    options_json: *const c_char,
    cb: docker_stream_cb,
    userdata: *mut c_void,
    cancel: *const docker_cancel,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let mut o = arg!(arg_options(options_json, "docker_container_export"))?;
        let idle = idle_option(&mut o)?;
        o.finish()?;
        if cb.is_none() {
            return Err(Error::invalid("callback is NULL"));
        }
        let token = arg!(arg_cancel(cancel));
        run_here(async {
            let s = archive::export(c.client(), c.id_str()).await?;
            let s = archive::metered(s, meter(progress, progress_userdata, None));
            drive_async(archive::data_chunks(s), cb, userdata, token, idle).await
        })
    })
}

/// export as a pull stream. `*out`: free with docker_stream_free.
#[no_mangle]
pub extern "C" fn docker_container_export_open(
    container: *const docker_container,
    out: *mut *mut docker_stream,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        arg_out(out, "out")?;
        let s = run(archive::export(c.client(), c.id_str()))?;
        // SAFETY: checked non-NULL.
        unsafe {
            put(
                out,
                docker_stream::new(archive::data_chunks(s), None, ResizeTarget::None, None)
                    .into_raw(),
            )
        };
        Ok(())
    })
}

/// export into a tar file on the host (created or truncated), streamed. Blocks the calling
/// thread. `progress` (may be NULL) runs on it as the tar arrives (total -1); a non-zero return
/// stops the copy with DOCKER_ERR_STOPPED_BY_CALLBACK and leaves the file with what was written
/// so far, as any failure part way does.
#[no_mangle]
pub extern "C" fn docker_container_export_to_file(
    container: *const docker_container,
    file_path: *const c_char,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let file = arg!(arg_path(file_path, "file_path"))?;
        run(async {
            let s = archive::export(c.client(), c.id_str()).await?;
            let s = archive::metered(s, meter(progress, progress_userdata, None));
            archive::stream_to_file(s, std::path::Path::new(file))
                .await
                .map(drop)
        })
    })
}

/// docker-py's `diff()`: the filesystem changes as JSON [{"Path": "/x", "Kind": 1}, ...] with
/// Kind 0 modified, 1 added, 2 deleted ([] when none). `*out`: free with docker_string_free.
#[no_mangle]
pub extern "C" fn docker_container_diff(
    container: *const docker_container,
    out: *mut *mut c_char,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        arg_out(out, "out")?;
        let b = run_here(archive::diff(c.client(), c.id_str()))?;
        put_string(out, b.to_vec())?;
        Ok(())
    })
}

/// `docker cp HOST_PATH CONTAINER:PATH`: copy a host file or directory into the container with
/// the Docker CLI's rules ("dir/." copies the contents; a missing destination is created with
/// the source's content; a trailing "/" demands a directory), keeping modes, mtimes, symlinks
/// (as links) and empty directories, streamed. Options: `follow_link` (copy what a top-level
/// symlink points to, like -L), `copy_uid_gid`. An empty or blank path, on either side, is
/// DOCKER_ERR_INVALID_ARGUMENT before anything is read or sent. Blocks the calling thread.
/// `progress` (may be NULL) runs on it as the tar stream made of the host files is sent (total
/// -1: it is made as it goes); a non-zero return aborts the upload with
/// DOCKER_ERR_STOPPED_BY_CALLBACK, and what the engine had extracted by then may stay.
///
/// Options (option table, written by `make options`):
/// - `follow_link` (boolean; default false): Copy what a top-level symlink points to (docker cp -L).
/// - `copy_uid_gid` (boolean; default false; API 1.40+): Keep the files' owners (uid and gid).
#[no_mangle]
pub extern "C" fn docker_container_copy_to(
    container: *const docker_container,
    host_path: *const c_char,
    container_path: *const c_char,
    options_json: *const c_char,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let src = arg!(arg_path(host_path, "host_path"))?;
        let dst = arg!(arg_path(container_path, "container_path"))?;
        let mut o = arg!(arg_options(options_json, "docker_container_copy_to"))?;
        let follow = o.bool("follow_link")?.unwrap_or(false);
        let uid = o.bool("copy_uid_gid")?.unwrap_or(false);
        o.finish()?;
        run(archive::copy_to(
            c.client(),
            c.id_str(),
            src,
            dst,
            meter(progress, progress_userdata, None),
            follow,
            uid,
        ))
    })
}

/// `docker cp CONTAINER:PATH HOST_PATH`: copy out of the container with the Docker CLI's rules,
/// streamed. Nothing is ever written outside the destination, whatever the container sends:
/// entries with "..", absolute names, paths through symlinks, hard links leaving the tree,
/// device nodes and fifos are refused (DOCKER_ERR_PROTOCOL, naming the entry). Options:
/// `follow_link`, `archive` (keep owners, like -a; needs the rights). An empty or blank path,
/// on either side, is DOCKER_ERR_INVALID_ARGUMENT before anything is sent. Blocks the calling
/// thread. `progress` (may be NULL) runs on it as the tar stream arrives (total -1); a non-zero
/// return stops the copy with DOCKER_ERR_STOPPED_BY_CALLBACK once the extraction has let go,
/// leaving what was written so far, as any failure part way does.
///
/// Options (option table, written by `make options`):
/// - `follow_link` (boolean; default false): Copy what a top-level symlink points to (docker cp -L).
/// - `archive` (boolean; default false): Keep owners (docker cp -a; needs the rights).
#[no_mangle]
pub extern "C" fn docker_container_copy_from(
    container: *const docker_container,
    container_path: *const c_char,
    host_path: *const c_char,
    options_json: *const c_char,
    progress: docker_transfer_cb,
    progress_userdata: *mut c_void,
    error: *mut *mut docker_error,
) -> docker_result {
    boundary(error, || {
        let c = arg!(arg_container(container))?;
        let src = arg!(arg_path(container_path, "container_path"))?;
        let dst = arg!(arg_path(host_path, "host_path"))?;
        let mut o = arg!(arg_options(options_json, "docker_container_copy_from"))?;
        let follow = o.bool("follow_link")?.unwrap_or(false);
        let keep_owner = o.bool("archive")?.unwrap_or(false);
        o.finish()?;
        run(archive::copy_from(
            c.client(),
            c.id_str(),
            src,
            dst,
            meter(progress, progress_userdata, None),
            follow,
            keep_owner,
        ))
        .map(drop)
    })
}
