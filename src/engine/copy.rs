//! The host side of `docker cp`: which directory a copy goes into and under what name (the
//! Docker CLI's rules), tar streams built from host paths, and extraction that never writes
//! outside its destination, whatever the archive holds. Streaming both ways: a blocking tar
//! worker and the async side meet in a bounded channel.

use super::archive::{ByteStream, PathStat};
use super::{Error, Result};
use bytes::Bytes;
use futures_util::StreamExt;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

/// Size of the chunks a tar worker hands over, and how many may wait in the channel.
const CHUNK: usize = 64 * 1024;
const QUEUE: usize = 8;

fn unsafe_entry(name: &str, why: &str) -> Error {
    Error::Protocol(format!(
        "unsafe archive entry {name:?}: {why}; nothing was written outside the destination"
    ))
}

fn io_err(what: &Path, e: io::Error) -> Error {
    Error::Io(format!("{}: {e}", what.display()))
}

/// Last path component of a container or host path, ignoring trailing slashes.
fn base_name(p: &str) -> String {
    p.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_string()
}

fn parent_of(p: &str) -> String {
    let t = p.trim_end_matches('/');
    match t.rfind('/') {
        Some(0) => "/".to_string(),
        Some(i) => t[..i].to_string(),
        None => ".".to_string(),
    }
}

/// Where a host → container copy goes: the container directory to extract into, and the name
/// the source's top entry gets there ("." for a directory's contents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToPlan {
    pub extract_dir: String,
    pub root_name: String,
}

/// The Docker CLI's rules for `docker cp HOST CTR`. `dst_stat` is the destination's stat (None
/// when the engine said it does not exist); `src_is_dir` is the host source's kind.
pub fn plan_copy_to(
    src: &str,
    src_is_dir: bool,
    dst: &str,
    dst_stat: Option<&PathStat>,
) -> Result<ToPlan> {
    let contents = src.ends_with("/.") || src == ".";
    if !src_is_dir && (contents || src.ends_with('/')) {
        return Err(Error::invalid(format!("source {src:?} is not a directory")));
    }
    match dst_stat {
        Some(st) if st.is_dir() => Ok(ToPlan {
            extract_dir: dst.to_string(),
            root_name: if contents {
                ".".into()
            } else {
                base_name(src.trim_end_matches("/."))
            },
        }),
        Some(_) => {
            if src_is_dir {
                return Err(Error::invalid(format!(
                    "cannot copy a directory to a file: {dst:?} exists and is not a directory"
                )));
            }
            Ok(ToPlan {
                extract_dir: parent_of(dst),
                root_name: base_name(dst),
            })
        }
        None => {
            if dst.ends_with('/') && !src_is_dir {
                return Err(Error::Api {
                    status: 404,
                    message: format!("destination directory {dst:?} does not exist"),
                });
            }
            Ok(ToPlan {
                extract_dir: parent_of(dst),
                root_name: base_name(dst),
            })
        }
    }
}

/// Where a container → host copy goes: the host directory to extract into, and the renaming of
/// the archive's top entry (`from` → `to`; `to` "." puts a directory's contents in place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromPlan {
    pub extract_dir: PathBuf,
    pub from: String,
    pub to: String,
}

/// The Docker CLI's rules for `docker cp CTR HOST`.
pub fn plan_copy_from(src: &str, src_stat: &PathStat, dst: &Path) -> Result<FromPlan> {
    let src_is_dir = src_stat.is_dir();
    let contents = src.ends_with("/.");
    let from = src_stat.name.clone();
    let dst_text = dst.to_string_lossy();
    match std::fs::metadata(dst) {
        Ok(m) if m.is_dir() => Ok(FromPlan {
            extract_dir: dst.to_path_buf(),
            from: from.clone(),
            to: if contents { ".".into() } else { from },
        }),
        Ok(_) => {
            if src_is_dir {
                return Err(Error::invalid(format!(
                    "cannot copy a directory to a file: {dst_text:?} exists and is not a directory"
                )));
            }
            Ok(FromPlan {
                extract_dir: host_parent(dst),
                from,
                to: base_name(&dst_text),
            })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if dst_text.ends_with('/') && !src_is_dir {
                return Err(Error::Io(format!(
                    "destination directory {dst_text:?} does not exist"
                )));
            }
            let parent = host_parent(dst);
            if !parent.is_dir() {
                return Err(Error::Io(format!(
                    "{}: no such directory",
                    parent.display()
                )));
            }
            Ok(FromPlan {
                extract_dir: parent,
                from,
                to: base_name(&dst_text),
            })
        }
        Err(e) => Err(io_err(dst, e)),
    }
}

fn host_parent(p: &Path) -> PathBuf {
    let t = p.to_string_lossy();
    PathBuf::from(parent_of(&t))
}

/// A `Write` that hands 64 KiB chunks to the async side, waiting while the channel is full.
struct ChannelWriter {
    tx: tokio::sync::mpsc::Sender<Result<Bytes>>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the reader went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let room = CHUNK - self.buf.len();
        let n = room.min(data.len());
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// A tar stream of the host path `src`, its top entry named `root_name` ("." for a directory's
/// contents). Symlinks are stored as links; with `follow_top_link` a top-level link is copied
/// as what it points to (`docker cp -L`). Modes, mtimes and empty directories are kept.
pub fn tar_stream(src: PathBuf, root_name: String, follow_top_link: bool) -> ByteStream {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes>>(QUEUE);
    let err_tx = tx.clone();
    tokio::task::spawn_blocking(move || {
        let mut w = ChannelWriter {
            tx,
            buf: Vec::with_capacity(CHUNK),
        };
        let result = (|| -> io::Result<()> {
            let mut b = tar::Builder::new(&mut w);
            b.follow_symlinks(false);
            let meta = if follow_top_link {
                std::fs::metadata(&src)?
            } else {
                std::fs::symlink_metadata(&src)?
            };
            if meta.is_dir() {
                let real = if follow_top_link {
                    std::fs::canonicalize(&src)?
                } else {
                    src.clone()
                };
                b.append_dir_all(&root_name, &real)?;
            } else if follow_top_link {
                let mut f = std::fs::File::open(&src)?;
                b.append_file(&root_name, &mut f)?;
            } else {
                b.append_path_with_name(&src, &root_name)?;
            }
            b.finish()?;
            drop(b);
            w.flush()
        })();
        if let Err(e) = result {
            let _ = err_tx.blocking_send(Err(io_err(&src, e)));
        }
    });
    Box::pin(tokio_stream_from(rx))
}

fn tokio_stream_from(
    mut rx: tokio::sync::mpsc::Receiver<Result<Bytes>>,
) -> impl futures_util::Stream<Item = Result<Bytes>> {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}

/// What an extraction wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ExtractSummary {
    pub files: u64,
    pub dirs: u64,
    pub symlinks: u64,
    pub hardlinks: u64,
    pub bytes: u64,
}

/// Options for extraction.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Rename the archive's top entry: (from, to); to "." drops it (contents in place).
    pub rename: Option<(String, String)>,
    /// Keep the archive's owners (like `docker cp -a`); needs the rights to chown.
    pub preserve_owner: bool,
}

/// Extract a tar stream into `dest` (an existing directory), refusing anything that would write
/// outside it: absolute names, "..", paths through symlinks, hard links out of the tree, device
/// nodes and fifos.
///
/// The stream is read here, by the caller's task (so a metered stream reports on the caller's
/// thread), and handed to the blocking extractor through a queue of a few chunks. A failure of
/// the stream (a stop, a lost connection) is the result, once the extractor has let go.
pub async fn extract_stream(
    mut stream: ByteStream,
    dest: PathBuf,
    opts: ExtractOptions,
) -> Result<ExtractSummary> {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes>>(QUEUE);
    let reader = tokio_util::io::StreamReader::new(
        tokio_stream_from(rx).map(|r| r.map_err(|e| io::Error::other(e.to_string()))),
    );
    let sync = tokio_util::io::SyncIoBridge::new(reader);
    let worker = tokio::task::spawn_blocking(move || extract(sync, &dest, &opts));
    // Reads to the end, so the last report has the whole count, even after the extractor has
    // seen the end-of-archive blocks and stopped taking.
    let pump = async move {
        let mut taking = true;
        while let Some(item) = stream.next().await {
            match item {
                Ok(b) if taking => taking = tx.send(Ok(b)).await.is_ok(),
                Ok(_) => {}
                Err(e) => {
                    let _ = tx.send(Err(Error::Io(e.to_string()))).await;
                    return Err(e);
                }
            }
        }
        Ok(())
    };
    tokio::pin!(worker, pump);
    let joined = |r: std::result::Result<Result<ExtractSummary>, tokio::task::JoinError>| {
        r.map_err(|e| Error::Internal(format!("extraction worker: {e}")))?
    };
    tokio::select! {
        done = &mut worker => {
            let summary = joined(done)?;
            pump.await?;
            Ok(summary)
        }
        fed = &mut pump => {
            // The extractor finishes with what it was given (or the error sent after it).
            let summary = joined(worker.await);
            fed?;
            summary
        }
    }
}

/// Normalise an archive path to plain components, applying the top-level rename.
fn archive_rel(name: &str, opts: &ExtractOptions) -> Result<Option<PathBuf>> {
    let p = Path::new(name);
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => return Err(unsafe_entry(name, "it contains \"..\"")),
            Component::RootDir | Component::Prefix(_) => {
                return Err(unsafe_entry(name, "it is an absolute path"))
            }
        }
    }
    if let Some((from, to)) = &opts.rename {
        let from_is_dot = from == "." || from.is_empty();
        if !from_is_dot {
            match parts.first() {
                Some(first) if first == from => {
                    parts.remove(0);
                }
                _ => {
                    return Err(unsafe_entry(
                        name,
                        &format!("it is not under the copied path {from:?}"),
                    ))
                }
            }
        }
        if to != "." && !to.is_empty() {
            parts.insert(0, to.clone());
        }
    }
    if parts.is_empty() {
        return Ok(None);
    }
    Ok(Some(parts.iter().collect()))
}

/// Walk `rel`'s parent directories under `root`, creating missing ones, refusing symlinks and
/// non-directories on the way.
fn ensure_dirs(root: &Path, rel: &Path, name: &str, created: &mut u64) -> Result<()> {
    let mut cur = root.to_path_buf();
    for c in rel.components() {
        cur.push(c);
        match std::fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(unsafe_entry(
                    name,
                    &format!(
                        "{} is a symlink; nothing is written through one",
                        cur.display()
                    ),
                ))
            }
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(Error::Io(format!(
                    "{}: exists and is not a directory (for {name:?})",
                    cur.display()
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir(&cur).map_err(|e| io_err(&cur, e))?;
                *created += 1;
            }
            Err(e) => return Err(io_err(&cur, e)),
        }
    }
    Ok(())
}

/// Make room for a non-directory at `target`: an existing file or symlink is replaced (the link
/// itself, never what it points to); an existing directory is an error.
fn clear_target(target: &Path, name: &str) -> Result<()> {
    match std::fs::symlink_metadata(target) {
        Ok(m) if m.is_dir() => Err(Error::Io(format!(
            "{}: is a directory; will not replace it with {name:?}",
            target.display()
        ))),
        Ok(_) => std::fs::remove_file(target).map_err(|e| io_err(target, e)),
        Err(_) => Ok(()),
    }
}

/// An archive's mtime as a time; None for values no clock can hold (a hostile header).
fn archive_time(mtime: u64) -> Option<std::time::SystemTime> {
    std::time::UNIX_EPOCH.checked_add(std::time::Duration::from_secs(mtime))
}

fn extract(reader: impl Read, root: &Path, opts: &ExtractOptions) -> Result<ExtractSummary> {
    use std::os::unix::fs::PermissionsExt;
    if !root.is_dir() {
        return Err(Error::Io(format!("{}: not a directory", root.display())));
    }
    let mut summary = ExtractSummary::default();
    let mut archive = tar::Archive::new(reader);
    // Directory modes and times are set at the end, deepest first, so that writing into them
    // is not blocked and their mtimes are not disturbed.
    let mut dir_meta: Vec<(PathBuf, u32, u64)> = Vec::new();
    let entries = archive
        .entries()
        .map_err(|e| Error::Protocol(format!("reading the archive: {e}")))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| Error::Protocol(format!("reading the archive: {e}")))?;
        let raw_name = entry.path_bytes().into_owned();
        let name = String::from_utf8_lossy(&raw_name).into_owned();
        let Some(rel) = archive_rel(&name, opts)? else {
            // The top directory itself when its contents go in place: keep its mode for root? No:
            // the destination directory is the caller's; leave it as it is.
            continue;
        };
        let header = entry.header().clone();
        let kind = header.entry_type();
        let mode = header.mode().unwrap_or(0o644) & 0o7777;
        let mtime = header.mtime().unwrap_or(0);
        let target = root.join(&rel);
        let parent_rel = rel.parent().map(Path::to_path_buf).unwrap_or_default();
        match kind {
            tar::EntryType::Directory => {
                ensure_dirs(root, &rel, &name, &mut summary.dirs)?;
                dir_meta.push((target.clone(), mode, mtime));
            }
            tar::EntryType::Regular | tar::EntryType::Continuous | tar::EntryType::GNUSparse => {
                ensure_dirs(root, &parent_rel, &name, &mut summary.dirs)?;
                clear_target(&target, &name)?;
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&target)
                    .map_err(|e| io_err(&target, e))?;
                summary.bytes += io::copy(&mut entry, &mut f).map_err(|e| {
                    Error::Protocol(format!("reading {name:?} from the archive: {e}"))
                })?;
                f.set_permissions(std::fs::Permissions::from_mode(mode))
                    .map_err(|e| io_err(&target, e))?;
                if let Some(t) = archive_time(mtime) {
                    let _ = f.set_times(std::fs::FileTimes::new().set_modified(t).set_accessed(t));
                }
                summary.files += 1;
            }
            tar::EntryType::Symlink => {
                let link = entry
                    .link_name()
                    .map_err(|e| Error::Protocol(format!("{name:?}: {e}")))?
                    .ok_or_else(|| unsafe_entry(&name, "a symlink without a target"))?
                    .into_owned();
                ensure_dirs(root, &parent_rel, &name, &mut summary.dirs)?;
                clear_target(&target, &name)?;
                std::os::unix::fs::symlink(&link, &target).map_err(|e| io_err(&target, e))?;
                summary.symlinks += 1;
            }
            tar::EntryType::Link => {
                let link = entry
                    .link_name()
                    .map_err(|e| Error::Protocol(format!("{name:?}: {e}")))?
                    .ok_or_else(|| unsafe_entry(&name, "a hard link without a target"))?;
                let link_name = link.to_string_lossy().into_owned();
                let link_rel = archive_rel(&link_name, opts)
                    .map_err(|_| {
                        unsafe_entry(
                            &name,
                            &format!(
                                "its hard link target {link_name:?} is outside the copied tree"
                            ),
                        )
                    })?
                    .ok_or_else(|| unsafe_entry(&name, "a hard link to the top directory"))?;
                // The target must already be extracted, as a regular file reached without symlinks.
                let link_parent = link_rel.parent().map(Path::to_path_buf).unwrap_or_default();
                let mut cur = root.to_path_buf();
                for c in link_parent.components() {
                    cur.push(c);
                    match std::fs::symlink_metadata(&cur) {
                        Ok(m) if m.is_dir() && !m.file_type().is_symlink() => {}
                        _ => {
                            return Err(unsafe_entry(
                                &name,
                                &format!(
                                "its hard link target {link_name:?} is not inside the copied tree"
                            ),
                            ))
                        }
                    }
                }
                let source = root.join(&link_rel);
                match std::fs::symlink_metadata(&source) {
                    Ok(m) if m.is_file() => {}
                    _ => {
                        return Err(unsafe_entry(
                            &name,
                            &format!(
                            "its hard link target {link_name:?} is not a file in the copied tree"
                        ),
                        ))
                    }
                }
                ensure_dirs(root, &parent_rel, &name, &mut summary.dirs)?;
                clear_target(&target, &name)?;
                std::fs::hard_link(&source, &target).map_err(|e| io_err(&target, e))?;
                summary.hardlinks += 1;
            }
            tar::EntryType::Char | tar::EntryType::Block | tar::EntryType::Fifo => {
                return Err(unsafe_entry(
                    &name,
                    "device nodes and fifos are not copied to the host",
                ));
            }
            tar::EntryType::XGlobalHeader
            | tar::EntryType::XHeader
            | tar::EntryType::GNULongName
            | tar::EntryType::GNULongLink => {}
            other => {
                return Err(unsafe_entry(
                    &name,
                    &format!("unsupported entry type {other:?}"),
                ))
            }
        }
        if opts.preserve_owner && kind != tar::EntryType::Directory {
            if let (Ok(uid), Ok(gid)) = (header.uid(), header.gid()) {
                std::os::unix::fs::lchown(&target, Some(uid as u32), Some(gid as u32))
                    .map_err(|e| io_err(&target, e))?;
            }
        } else if opts.preserve_owner {
            if let (Ok(uid), Ok(gid)) = (header.uid(), header.gid()) {
                std::os::unix::fs::chown(&target, Some(uid as u32), Some(gid as u32))
                    .map_err(|e| io_err(&target, e))?;
            }
        }
    }
    dir_meta.sort_by_key(|d| std::cmp::Reverse(d.0.components().count()));
    for (dir, mode, mtime) in dir_meta {
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode));
        if let (Ok(f), Some(t)) = (std::fs::File::open(&dir), archive_time(mtime)) {
            let _ = f.set_times(std::fs::FileTimes::new().set_modified(t).set_accessed(t));
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(name: &str, dir: bool) -> PathStat {
        PathStat {
            name: name.into(),
            size: 0,
            mode: if dir { 1 << 31 | 0o755 } else { 0o644 },
            mtime: String::new(),
            link_target: String::new(),
        }
    }

    fn sync_extract(data: Vec<u8>, root: &Path, opts: ExtractOptions) -> Result<ExtractSummary> {
        extract(std::io::Cursor::new(data), root, &opts)
    }

    fn tar_with(f: impl FnOnce(&mut tar::Builder<Vec<u8>>)) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        f(&mut b);
        b.into_inner().unwrap()
    }

    fn raw_entry(
        b: &mut tar::Builder<Vec<u8>>,
        name: &[u8],
        kind: tar::EntryType,
        link: Option<&[u8]>,
        data: &[u8],
    ) {
        let mut h = tar::Header::new_old();
        // Write the name bytes directly, bypassing the builder's own checks, as a hostile engine would.
        let field = &mut h.as_old_mut().name;
        field[..name.len()].copy_from_slice(name);
        if let Some(l) = link {
            h.as_old_mut().linkname[..l.len()].copy_from_slice(l);
        }
        h.set_entry_type(kind);
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append(&h, data).unwrap();
    }

    #[test]
    fn plans_follow_docker_cp() {
        let d = stat("dst", true);
        let f = stat("dst", false);
        assert_eq!(
            plan_copy_to("/h/src", true, "/c/dst", Some(&d)).unwrap(),
            ToPlan {
                extract_dir: "/c/dst".into(),
                root_name: "src".into()
            }
        );
        assert_eq!(
            plan_copy_to("/h/src/.", true, "/c/dst", Some(&d)).unwrap(),
            ToPlan {
                extract_dir: "/c/dst".into(),
                root_name: ".".into()
            }
        );
        assert_eq!(
            plan_copy_to("/h/src", true, "/c/new", None).unwrap(),
            ToPlan {
                extract_dir: "/c".into(),
                root_name: "new".into()
            }
        );
        assert_eq!(
            plan_copy_to("/h/f.txt", false, "/c/dst", Some(&f)).unwrap(),
            ToPlan {
                extract_dir: "/c".into(),
                root_name: "dst".into()
            }
        );
        assert_eq!(
            plan_copy_to("/h/f.txt", false, "/x", None).unwrap(),
            ToPlan {
                extract_dir: "/".into(),
                root_name: "x".into()
            }
        );
        assert!(plan_copy_to("/h/src", true, "/c/dst", Some(&f)).is_err());
        assert!(plan_copy_to("/h/f.txt", false, "/c/nodir/", None).is_err());
        assert!(plan_copy_to("/h/f.txt/.", false, "/c/dst", Some(&d)).is_err());
    }

    #[test]
    fn hostile_archives_write_nothing_outside() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("root");
        std::fs::create_dir(&root).unwrap();
        let cases: Vec<(&str, Vec<u8>)> = vec![
            (
                "dotdot",
                tar_with(|b| raw_entry(b, b"../escape", tar::EntryType::Regular, None, b"x")),
            ),
            (
                "nested dotdot",
                tar_with(|b| raw_entry(b, b"a/../../escape", tar::EntryType::Regular, None, b"x")),
            ),
            (
                "absolute",
                tar_with(|b| {
                    raw_entry(
                        b,
                        b"/tmp/dc-abs-escape",
                        tar::EntryType::Regular,
                        None,
                        b"x",
                    )
                }),
            ),
            (
                "through a symlink",
                tar_with(|b| {
                    raw_entry(
                        b,
                        b"l",
                        tar::EntryType::Symlink,
                        Some(outer.path().to_str().unwrap().as_bytes()),
                        b"",
                    );
                    raw_entry(b, b"l/escape", tar::EntryType::Regular, None, b"x");
                }),
            ),
            (
                "symlink to ..",
                tar_with(|b| {
                    raw_entry(b, b"up", tar::EntryType::Symlink, Some(b".."), b"");
                    raw_entry(b, b"up/escape", tar::EntryType::Regular, None, b"x");
                }),
            ),
            (
                "hard link outside",
                tar_with(|b| raw_entry(b, b"h", tar::EntryType::Link, Some(b"/etc/passwd"), b"")),
            ),
            (
                "hard link dotdot",
                tar_with(|b| raw_entry(b, b"h", tar::EntryType::Link, Some(b"../escape"), b"")),
            ),
            (
                "char device",
                tar_with(|b| raw_entry(b, b"dev", tar::EntryType::Char, None, b"")),
            ),
            (
                "fifo",
                tar_with(|b| raw_entry(b, b"fifo", tar::EntryType::Fifo, None, b"")),
            ),
        ];
        for (what, data) in cases {
            let r = sync_extract(data, &root, ExtractOptions::default());
            let e = r.expect_err(what).to_string();
            assert!(e.contains("unsafe archive entry"), "{what}: {e}");
            let outside: Vec<_> = std::fs::read_dir(outer.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(
                outside,
                vec![std::ffi::OsString::from("root")],
                "{what}: wrote outside"
            );
            assert!(!Path::new("/tmp/dc-abs-escape").exists());
            // Clean the root for the next case.
            std::fs::remove_dir_all(&root).unwrap();
            std::fs::create_dir(&root).unwrap();
        }
    }

    #[test]
    fn entries_outside_the_copied_root_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let data = tar_with(|b| raw_entry(b, b"other/file", tar::EntryType::Regular, None, b"x"));
        let opts = ExtractOptions {
            rename: Some(("src".into(), "dst".into())),
            preserve_owner: false,
        };
        assert!(sync_extract(data, d.path(), opts).is_err());
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn round_trip_keeps_modes_links_mtimes_and_empty_dirs() {
        use std::os::unix::fs::PermissionsExt;
        let src = tempfile::tempdir().unwrap();
        let s = src.path().join("tree");
        std::fs::create_dir_all(s.join("a/b/c")).unwrap();
        std::fs::create_dir_all(s.join("empty")).unwrap();
        std::fs::write(s.join("a/file"), b"hello").unwrap();
        std::fs::write(s.join("a/b/exec.sh"), b"#!/bin/sh\n").unwrap();
        std::fs::set_permissions(
            s.join("a/b/exec.sh"),
            std::fs::Permissions::from_mode(0o751),
        )
        .unwrap();
        std::os::unix::fs::symlink("../file", s.join("a/b/link")).unwrap();
        let old = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_500_000_000);
        std::fs::File::open(s.join("a/file"))
            .unwrap()
            .set_modified(old)
            .unwrap();
        let dst = tempfile::tempdir().unwrap();
        let stream = tar_stream(s.clone(), "copy".into(), false);
        let sum = extract_stream(stream, dst.path().to_path_buf(), ExtractOptions::default())
            .await
            .unwrap();
        assert_eq!((sum.files, sum.symlinks), (2, 1));
        let d = dst.path().join("copy");
        assert_eq!(std::fs::read(d.join("a/file")).unwrap(), b"hello");
        assert_eq!(
            std::fs::metadata(d.join("a/b/exec.sh"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o751
        );
        assert_eq!(
            std::fs::read_link(d.join("a/b/link")).unwrap(),
            Path::new("../file")
        );
        assert!(d.join("empty").is_dir());
        assert_eq!(
            std::fs::metadata(d.join("a/file"))
                .unwrap()
                .modified()
                .unwrap(),
            old
        );
    }
}
