//! Gzip streams made of many members (as WARC.gz files are), read so that one damaged
//! member does not end the file.
//!
//! When a member cannot be decoded, [`Members`] returns one `InvalidData` error, skips to
//! the next gzip header (`1f 8b 08`) in the compressed stream and carries on from there.
//! It does not try to salvage the rest of a damaged member.

use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, Read};

/// The gzip member header: magic and the deflate method.
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A reader over the concatenated content of all gzip members of `R`.
#[derive(Debug)]
pub struct Members<R: BufRead> {
    decoder: Option<GzDecoder<R>>,
    inner: Option<R>,
    /// Number of damaged members skipped so far.
    pub damaged: usize,
}

impl<R: BufRead> Members<R> {
    /// Read the members of `inner`.
    pub fn new(inner: R) -> Members<R> {
        Members { decoder: None, inner: Some(inner), damaged: 0 }
    }
}

/// Skip bytes until the next gzip member header (or the end); returns how many were skipped.
fn skip_to_member<R: BufRead>(inner: &mut R) -> io::Result<usize> {
    let mut skipped = 0;
    loop {
        let buf = inner.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        // Look for the magic, keeping a partial match at the end of the buffer.
        let mut found = None;
        let mut from = 0;
        while let Some(i) = memchr::memchr(MAGIC[0], &buf[from..]) {
            let at = from + i;
            let rest = &buf[at..];
            if rest.len() >= 3 && rest[..3] == MAGIC {
                found = Some(at);
                break;
            }
            if rest.len() < 3 && MAGIC.starts_with(rest) {
                found = Some(at);
                break;
            }
            from = at + 1;
        }
        match found {
            Some(0) if buf.len() >= 3 => return Ok(skipped),
            Some(0) => {
                // A partial header at the very end of the input: nothing more to read.
                let n = buf.len();
                inner.consume(n);
                skipped += n;
                return Ok(skipped);
            }
            Some(at) => {
                inner.consume(at);
                skipped += at;
            }
            None => {
                let n = buf.len();
                inner.consume(n);
                skipped += n;
            }
        }
    }
}

impl<R: BufRead> Read for Members<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(decoder) = self.decoder.as_mut() {
                match decoder.read(out) {
                    Ok(0) => {
                        self.inner = self.decoder.take().map(GzDecoder::into_inner);
                        continue;
                    }
                    Ok(n) => return Ok(n),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        let mut inner = match self.decoder.take() {
                            Some(d) => d.into_inner(),
                            None => return Err(e),
                        };
                        // Step past this member's header so the search finds the next one.
                        if inner.fill_buf()?.starts_with(&MAGIC) {
                            inner.consume(1);
                        }
                        skip_to_member(&mut inner)?;
                        self.inner = Some(inner);
                        self.damaged += 1;
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!("damaged gzip member: {e}"),
                        ));
                    }
                }
            }
            let Some(inner) = self.inner.as_mut() else { return Ok(0) };
            let buf = inner.fill_buf()?;
            if buf.is_empty() {
                return Ok(0);
            }
            if !buf.starts_with(&MAGIC[..buf.len().min(3)]) {
                let skipped = skip_to_member(inner)?;
                if skipped > 0 {
                    self.damaged += 1;
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("{skipped} bytes between gzip members are not gzip data"),
                    ));
                }
                continue;
            }
            if let Some(inner) = self.inner.take() {
                self.decoder = Some(GzDecoder::new(inner));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: &[u8]) -> (Vec<u8>, usize) {
        let mut m = Members::new(io::BufReader::new(bytes));
        let mut out = Vec::new();
        let mut errors = 0;
        let mut buf = [0u8; 7];
        loop {
            match m.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(_) => errors += 1,
            }
            assert!(errors < 10);
        }
        (out, errors)
    }

    #[test]
    fn members_are_concatenated() {
        let mut data = gz(b"first ");
        data.extend(gz(b"second"));
        assert_eq!(read_all(&data), (b"first second".to_vec(), 0));
    }

    #[test]
    fn a_damaged_member_is_skipped() {
        let mut bad = gz(b"middle member that will be damaged");
        let n = bad.len();
        for b in &mut bad[12..n - 8] {
            *b ^= 0x5a;
        }
        let mut data = gz(b"one ");
        data.extend(bad);
        data.extend(gz(b"three"));
        let (out, errors) = read_all(&data);
        assert!(errors >= 1);
        assert!(out.starts_with(b"one "));
        assert!(out.ends_with(b"three"));
    }

    #[test]
    fn truncated_last_member_gives_an_error_then_ends() {
        let mut data = gz(b"complete ");
        let second = gz(b"this one is cut short before its end");
        data.extend_from_slice(&second[..second.len() / 2]);
        let (out, errors) = read_all(&data);
        assert!(out.starts_with(b"complete "));
        assert_eq!(errors, 1);
    }

    #[test]
    fn garbage_between_members_is_reported() {
        let mut data = gz(b"a");
        data.extend_from_slice(b"garbage");
        data.extend(gz(b"b"));
        let (out, errors) = read_all(&data);
        assert_eq!(out, b"ab");
        assert_eq!(errors, 1);
    }
}
