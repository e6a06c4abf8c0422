//! Decoders for what the engine streams: multiplexed stdout/stderr frames, raw tty output, and
//! newline-delimited JSON. Incremental, zero-copy where the input allows, and bounded: a frame's
//! payload is passed on piece by piece as it arrives, never gathered whole.

use super::{Error, Result};
use bytes::{Buf, Bytes, BytesMut};
use futures_util::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Which stream a chunk of output belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StreamKind {
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
    /// Raw output of a container or exec with a tty: stdout and stderr are one stream.
    Console = 3,
    /// One JSON document (a stats sample, a pull progress item).
    Json = 4,
    /// Archive bytes (get_archive, export).
    Data = 6,
}

/// A piece of output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub kind: StreamKind,
    pub data: Bytes,
}

/// The multiplexed-frame state machine: 8-byte headers (stream, 0, 0, 0, big-endian length),
/// then that many payload bytes. Feed it input with `push`; take chunks with `next_chunk`.
#[derive(Debug, Default)]
pub struct FrameDecoder {
    header: [u8; 8],
    header_len: usize,
    /// The current frame's stream and the payload bytes still to come.
    current: Option<(StreamKind, usize)>,
    /// Stream byte 3: the engine reports an error in-band; its text is gathered (capped).
    engine_error: Option<(Vec<u8>, usize)>,
    input: Bytes,
}

impl FrameDecoder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Give the decoder more input. Call only once `next_chunk` has returned `Ok(None)`.
    pub fn push(&mut self, data: Bytes) {
        debug_assert!(self.input.is_empty());
        self.input = data;
    }

    /// The next piece of payload, `Ok(None)` when more input is needed.
    pub fn next_chunk(&mut self) -> Result<Option<Chunk>> {
        loop {
            if let Some((text, remaining)) = &mut self.engine_error {
                let n = (*remaining).min(self.input.len());
                let piece = self.input.split_to(n);
                if text.len() < 64 * 1024 {
                    text.extend_from_slice(&piece[..piece.len().min(64 * 1024 - text.len())]);
                }
                *remaining -= n;
                if *remaining > 0 {
                    return Ok(None);
                }
                let msg = String::from_utf8_lossy(text).trim().to_string();
                self.engine_error = None;
                return Err(Error::Protocol(format!(
                    "the engine reported an error in the stream: {msg}"
                )));
            }
            if let Some((kind, remaining)) = self.current {
                if remaining == 0 {
                    self.current = None;
                    continue;
                }
                if self.input.is_empty() {
                    return Ok(None);
                }
                let n = remaining.min(self.input.len());
                let data = self.input.split_to(n);
                self.current = Some((kind, remaining - n));
                return Ok(Some(Chunk { kind, data }));
            }
            if self.input.is_empty() {
                return Ok(None);
            }
            let take = (8 - self.header_len).min(self.input.len());
            self.header[self.header_len..self.header_len + take]
                .copy_from_slice(&self.input[..take]);
            self.input.advance(take);
            self.header_len += take;
            if self.header_len < 8 {
                return Ok(None);
            }
            self.header_len = 0;
            let kind = match self.header[0] {
                0 => StreamKind::Stdin,
                1 => StreamKind::Stdout,
                2 => StreamKind::Stderr,
                3 => {
                    let len = u32::from_be_bytes([
                        self.header[4],
                        self.header[5],
                        self.header[6],
                        self.header[7],
                    ]) as usize;
                    self.engine_error = Some((Vec::new(), len));
                    continue;
                }
                b => {
                    return Err(Error::Protocol(format!(
                        "multiplexed stream: unknown stream byte {b} in frame header {:02x?}",
                        self.header
                    )))
                }
            };
            let len = u32::from_be_bytes([
                self.header[4],
                self.header[5],
                self.header[6],
                self.header[7],
            ]) as usize;
            self.current = Some((kind, len));
        }
    }

    /// At end of input: an error if a frame was cut off.
    pub fn finish(&self) -> Result<()> {
        match (self.header_len, self.current) {
            (0, None) | (0, Some((_, 0))) => Ok(()),
            (n, None) => Err(Error::Protocol(format!(
                "multiplexed stream: truncated frame ({n} of 8 header bytes)"
            ))),
            (_, Some((_, left))) => Err(Error::Protocol(format!(
                "multiplexed stream: truncated frame ({left} payload bytes missing)"
            ))),
        }
    }
}

/// A byte stream decoded as multiplexed frames.
pub struct Demux<S> {
    inner: S,
    dec: FrameDecoder,
    done: bool,
}

impl<S: Stream<Item = Result<Bytes>> + Unpin> Stream for Demux<S> {
    type Item = Result<Chunk>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if this.done {
                return Poll::Ready(None);
            }
            match this.dec.next_chunk() {
                Ok(Some(c)) => return Poll::Ready(Some(Ok(c))),
                Ok(None) => {}
                Err(e) => {
                    this.done = true;
                    return Poll::Ready(Some(Err(e)));
                }
            }
            match Pin::new(&mut this.inner).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(b))) => this.dec.push(b),
                Poll::Ready(Some(Err(e))) => {
                    this.done = true;
                    return Poll::Ready(Some(Err(e)));
                }
                Poll::Ready(None) => {
                    this.done = true;
                    return Poll::Ready(this.dec.finish().err().map(Err));
                }
            }
        }
    }
}

/// Decode multiplexed frames (a container or exec without a tty).
pub fn demux<S: Stream<Item = Result<Bytes>> + Unpin>(inner: S) -> Demux<S> {
    Demux {
        inner,
        dec: FrameDecoder::new(),
        done: false,
    }
}

/// Raw output (a tty): every byte is console output.
pub struct Raw<S> {
    inner: S,
}

impl<S: Stream<Item = Result<Bytes>> + Unpin> Stream for Raw<S> {
    type Item = Result<Chunk>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            return match Pin::new(&mut self.inner).poll_next(cx) {
                Poll::Ready(Some(Ok(b))) if b.is_empty() => continue,
                Poll::Ready(Some(Ok(b))) => Poll::Ready(Some(Ok(Chunk {
                    kind: StreamKind::Console,
                    data: b,
                }))),
                Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e))),
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            };
        }
    }
}

pub fn raw<S: Stream<Item = Result<Bytes>> + Unpin>(inner: S) -> Raw<S> {
    Raw { inner }
}

/// Output as multiplexed frames or as raw tty bytes, decided by the caller from the engine's
/// Content-Type or the Tty setting, never by guessing from the bytes.
pub enum Output<S> {
    Demux(Demux<S>),
    Raw(Raw<S>),
}

impl<S: Stream<Item = Result<Bytes>> + Unpin> Output<S> {
    pub fn new(inner: S, tty: bool) -> Self {
        if tty {
            Output::Raw(raw(inner))
        } else {
            Output::Demux(demux(inner))
        }
    }
}

impl<S: Stream<Item = Result<Bytes>> + Unpin> Stream for Output<S> {
    type Item = Result<Chunk>;
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match self.get_mut() {
            Output::Demux(d) => Pin::new(d).poll_next(cx),
            Output::Raw(r) => Pin::new(r).poll_next(cx),
        }
    }
}

/// Is the response multiplexed? From the Content-Type (API 1.42+ says so), else from `tty`.
pub fn is_multiplexed(content_type: Option<&str>, tty: bool) -> bool {
    match content_type {
        Some(ct) if ct.starts_with("application/vnd.docker.multiplexed-stream") => true,
        Some(ct)
            if ct.starts_with("application/vnd.docker.raw-stream")
                && ct != "application/vnd.docker.raw-stream" =>
        {
            false
        }
        // Before 1.42 the engine says raw-stream for both: fall back on the tty setting.
        _ => !tty,
    }
}

/// Newline-delimited JSON documents, one per item (empty lines skipped). A line longer than
/// `max_line` is a protocol error, so a broken engine cannot make us buffer without bound.
pub struct JsonLines<S> {
    inner: S,
    buf: BytesMut,
    max_line: usize,
    done: bool,
}

impl<S: Stream<Item = Result<Bytes>> + Unpin> Stream for JsonLines<S> {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(pos) = this.buf.iter().position(|b| *b == b'\n') {
                let line = this.buf.split_to(pos + 1).freeze();
                let line = line.slice(..pos);
                let trimmed = trim(&line);
                if trimmed.is_empty() {
                    continue;
                }
                return Poll::Ready(Some(Ok(line.slice_ref(trimmed))));
            }
            if this.done {
                if this.buf.is_empty() {
                    return Poll::Ready(None);
                }
                let rest = this.buf.split().freeze();
                let t = trim(&rest);
                if t.is_empty() {
                    return Poll::Ready(None);
                }
                return Poll::Ready(Some(Ok(rest.slice_ref(t))));
            }
            if this.buf.len() > this.max_line {
                this.done = true;
                this.buf.clear();
                return Poll::Ready(Some(Err(Error::Protocol(format!(
                    "a JSON line longer than {} bytes",
                    this.max_line
                )))));
            }
            match Pin::new(&mut this.inner).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(b))) => this.buf.extend_from_slice(&b),
                Poll::Ready(Some(Err(e))) => {
                    this.done = true;
                    this.buf.clear();
                    return Poll::Ready(Some(Err(e)));
                }
                Poll::Ready(None) => this.done = true,
            }
        }
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

pub fn json_lines<S: Stream<Item = Result<Bytes>> + Unpin>(
    inner: S,
    max_line: usize,
) -> JsonLines<S> {
    JsonLines {
        inner,
        buf: BytesMut::new(),
        max_line,
        done: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::{stream, StreamExt};

    fn frame(kind: u8, payload: &[u8]) -> Vec<u8> {
        let mut v = vec![kind, 0, 0, 0];
        v.extend_from_slice(&(payload.len() as u32).to_be_bytes());
        v.extend_from_slice(payload);
        v
    }

    fn collect(parts: Vec<Bytes>) -> Result<(Vec<u8>, Vec<u8>)> {
        let s = stream::iter(parts.into_iter().map(Ok));
        let items: Vec<Result<Chunk>> = futures_executor::block_on(demux(s).collect());
        let (mut out, mut err) = (Vec::new(), Vec::new());
        for c in items {
            let c = c?;
            match c.kind {
                StreamKind::Stdout => out.extend_from_slice(&c.data),
                StreamKind::Stderr => err.extend_from_slice(&c.data),
                k => panic!("unexpected {k:?}"),
            }
        }
        Ok((out, err))
    }

    #[test]
    fn frames_split_at_every_byte_reassemble_exactly() {
        let mut all = Vec::new();
        all.extend(frame(1, b"hello "));
        all.extend(frame(2, b"oops\n"));
        all.extend(frame(1, b""));
        all.extend(frame(1, b"world\n"));
        all.extend(frame(2, &[0u8; 300]));
        for cut1 in 0..=all.len() {
            for cut2 in cut1..=all.len() {
                let parts = vec![
                    Bytes::copy_from_slice(&all[..cut1]),
                    Bytes::copy_from_slice(&all[cut1..cut2]),
                    Bytes::copy_from_slice(&all[cut2..]),
                ];
                let (o, e) = collect(parts).unwrap();
                assert_eq!(o, b"hello world\n");
                let mut want = b"oops\n".to_vec();
                want.extend_from_slice(&[0u8; 300]);
                assert_eq!(e, want);
            }
        }
        // One byte at a time.
        let parts = all.iter().map(|b| Bytes::copy_from_slice(&[*b])).collect();
        assert_eq!(collect(parts).unwrap().0, b"hello world\n");
    }

    #[test]
    fn a_large_frame_is_passed_on_in_pieces() {
        let mut all = frame(1, &vec![7u8; 1 << 20]);
        all.truncate(8 + 1000);
        let mut d = FrameDecoder::new();
        d.push(Bytes::from(all));
        let c = d.next_chunk().unwrap().unwrap();
        assert_eq!(c.data.len(), 1000);
        assert!(d.finish().is_err(), "cut short in the payload");
    }

    #[test]
    fn truncated_and_bad_frames_are_errors() {
        let all = frame(1, b"abc");
        assert!(collect(vec![Bytes::copy_from_slice(&all[..5])])
            .unwrap_err()
            .to_string()
            .contains("truncated"));
        assert!(collect(vec![Bytes::copy_from_slice(&all[..9])])
            .unwrap_err()
            .to_string()
            .contains("truncated"));
        let sys = frame(3, b"exec failed: no such file");
        assert!(collect(vec![Bytes::from(sys)])
            .unwrap_err()
            .to_string()
            .contains("no such file"));
        let bad = frame(9, b"x");
        assert!(collect(vec![Bytes::from(bad)])
            .unwrap_err()
            .to_string()
            .contains("unknown stream byte 9"));
        assert!(collect(vec![]).unwrap().0.is_empty());
    }

    #[test]
    fn json_lines_split_anywhere() {
        let text = b"{\"a\":1}\n\n{\"b\":2}\r\n{\"c\":3}";
        for cut in 0..text.len() {
            let parts = vec![
                Ok(Bytes::copy_from_slice(&text[..cut])),
                Ok(Bytes::copy_from_slice(&text[cut..])),
            ];
            let items: Vec<Result<Bytes>> =
                futures_executor::block_on(json_lines(stream::iter(parts), 1024).collect());
            let items: Vec<Bytes> = items.into_iter().map(|r| r.unwrap()).collect();
            assert_eq!(
                items,
                vec![
                    Bytes::from_static(b"{\"a\":1}"),
                    Bytes::from_static(b"{\"b\":2}"),
                    Bytes::from_static(b"{\"c\":3}")
                ]
            );
        }
        let long = vec![Ok(Bytes::from(vec![b'x'; 100]))];
        let items: Vec<Result<Bytes>> =
            futures_executor::block_on(json_lines(stream::iter(long), 10).collect());
        assert!(items[0].is_err());
    }
}
