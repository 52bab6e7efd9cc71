//! The compact binary container of trained model files: a header naming the model kind, its
//! format version and the licence of the data it was trained on, then little-endian sections.
//!
//! Readers check every length against the bytes that remain, so a truncated or foreign file
//! gives a [`ModelError`], never a panic or a huge allocation. No compression is attempted.

use thiserror::Error;

/// First bytes of every newsgraph model file.
pub const MAGIC: &[u8; 8] = b"NGNLPMOD";

/// Why a model file could not be read.
#[derive(Debug, Error)]
pub enum ModelError {
    /// The file does not start with the newsgraph model magic.
    #[error("not a newsgraph model file")]
    NotAModel,
    /// The file holds another kind of model than the one asked for.
    #[error("model file holds a `{found}` model, expected `{expected}`")]
    WrongKind {
        /// Kind asked for.
        expected: String,
        /// Kind found in the file.
        found: String,
    },
    /// The file was written by an incompatible version of the format.
    #[error("model format version {found} is not supported (expected {expected})")]
    Version {
        /// Version this build reads.
        expected: u32,
        /// Version of the file.
        found: u32,
    },
    /// The file ends early or a length is out of range.
    #[error("model file is truncated or corrupt ({0})")]
    Corrupt(&'static str),
    /// Reading or writing the file failed.
    #[error("model file I/O: {0}")]
    Io(#[from] std::io::Error),
}

/// Builds a model file in memory.
#[derive(Debug, Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// A file of `kind` and `version`, with a licence and attribution notice in its header.
    pub fn new(kind: &str, version: u32, notice: &str) -> Writer {
        let mut w = Writer { buf: Vec::new() };
        w.buf.extend_from_slice(MAGIC);
        w.str(kind);
        w.u32(version);
        w.str(notice);
        w
    }

    /// Append a byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    /// Append a 16-bit integer.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Append a signed 16-bit integer.
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Append a 32-bit integer.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Append a 64-bit integer.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Append a float.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Append a length-prefixed string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// The finished file.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

/// Reads a model file written by [`Writer`].
#[derive(Debug)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// The licence and attribution notice of the file.
    pub notice: String,
}

impl<'a> Reader<'a> {
    /// Check the header: magic, kind and version.
    pub fn open(data: &'a [u8], kind: &str, version: u32) -> Result<Reader<'a>, ModelError> {
        if data.len() < MAGIC.len() || &data[..MAGIC.len()] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let mut r = Reader { data, pos: MAGIC.len(), notice: String::new() };
        let found = r.str()?;
        if found != kind {
            return Err(ModelError::WrongKind { expected: kind.to_string(), found });
        }
        let found = r.u32()?;
        if found != version {
            return Err(ModelError::Version { expected: version, found });
        }
        r.notice = r.str()?;
        Ok(r)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end =
            self.pos.checked_add(n).filter(|&e| e <= self.data.len()).ok_or(ModelError::Corrupt("eof"))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    /// Read a byte.
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.array::<1>()?[0])
    }

    /// Read a 16-bit integer.
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    /// Read a signed 16-bit integer.
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.array()?))
    }

    /// Read a 32-bit integer.
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// Read a 64-bit integer.
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// Read a float.
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// Read a count of items of at least `item_size` bytes each, checked against what remains.
    pub fn count(&mut self, item_size: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(item_size.max(1)) > self.remaining() {
            return Err(ModelError::Corrupt("count larger than file"));
        }
        Ok(n)
    }

    /// Read a length-prefixed string.
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.count(1)?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| ModelError::Corrupt("string is not UTF-8"))
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// Fail unless every byte was read.
    pub fn finish(self) -> Result<(), ModelError> {
        if self.remaining() == 0 {
            Ok(())
        } else {
            Err(ModelError::Corrupt("trailing bytes"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let mut w = Writer::new("tagger", 3, "CC BY-SA 4.0");
        w.u8(7);
        w.i16(-5);
        w.u32(1 << 20);
        w.u64(u64::MAX);
        w.f32(1.5);
        w.str("héllo");
        let bytes = w.into_bytes();
        let mut r = Reader::open(&bytes, "tagger", 3).unwrap();
        assert_eq!(r.notice, "CC BY-SA 4.0");
        assert_eq!(r.u8().unwrap(), 7);
        assert_eq!(r.i16().unwrap(), -5);
        assert_eq!(r.u32().unwrap(), 1 << 20);
        assert_eq!(r.u64().unwrap(), u64::MAX);
        assert_eq!(r.f32().unwrap(), 1.5);
        assert_eq!(r.str().unwrap(), "héllo");
        r.finish().unwrap();

        assert!(matches!(Reader::open(b"junk", "tagger", 3), Err(ModelError::NotAModel)));
        assert!(matches!(Reader::open(&bytes, "parser", 3), Err(ModelError::WrongKind { .. })));
        assert!(matches!(Reader::open(&bytes, "tagger", 4), Err(ModelError::Version { .. })));
        let cut = &bytes[..bytes.len() - 3];
        let mut r = Reader::open(cut, "tagger", 3).unwrap();
        r.u8().unwrap();
        r.i16().unwrap();
        r.u32().unwrap();
        r.u64().unwrap();
        r.f32().unwrap();
        assert!(matches!(r.str(), Err(ModelError::Corrupt(_))));
    }
}
