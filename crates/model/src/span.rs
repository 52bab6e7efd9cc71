//! Byte spans into a document's text, and the conversion to the character offsets of the wire format.
//!
//! Inside the engine every span is a half-open range of UTF-8 byte offsets, which slices a `str`
//! directly. The JSON output counts Unicode scalar values instead (as spaCy and GDELT do);
//! [`CharIndex`] converts between the two.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of byte offsets into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`; an inverted range is clamped to empty at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        let start = start.min(u32::MAX as usize) as u32;
        let end = (end.min(u32::MAX as usize) as u32).max(start);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True for a span of no bytes.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The byte range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// True if `other` lies wholly inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True if the byte offset lies inside the span.
    pub fn contains_offset(self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True if the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The text of the span, or `""` if it does not fall on character boundaries of `text`.
    pub fn text(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

/// Converts byte offsets of one text into character (Unicode scalar value) offsets and back.
///
/// Built once per document in O(n); each conversion is a binary search over the text's
/// multi-byte characters, so an ASCII text costs nothing.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// One entry per multi-byte character, in text order.
    multibyte: Vec<Multibyte>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Multibyte {
    /// Byte offset of the character.
    byte: u32,
    /// Character offset of the character.
    char: u32,
    /// Bytes beyond one per character, summed up to and including this character.
    extra: u32,
}

impl CharIndex {
    /// Index the multi-byte characters of `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut multibyte = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0u32;
            for (i, c) in text.char_indices() {
                let len = c.len_utf8() as u32;
                if len > 1 {
                    let byte = i as u32;
                    multibyte.push(Multibyte { byte, char: byte - extra, extra: extra + len - 1 });
                    extra += len - 1;
                }
            }
        }
        CharIndex { multibyte }
    }

    /// The character offset of a byte offset (which should be a character boundary).
    pub fn char_offset(&self, byte: u32) -> u32 {
        let n = self.multibyte.partition_point(|m| m.byte < byte);
        let extra = if n == 0 { 0 } else { self.multibyte[n - 1].extra };
        byte.saturating_sub(extra)
    }

    /// The byte offset of a character offset.
    pub fn byte_offset(&self, chars: u32) -> u32 {
        let n = self.multibyte.partition_point(|m| m.char < chars);
        let extra = if n == 0 { 0 } else { self.multibyte[n - 1].extra };
        chars.saturating_add(extra)
    }

    /// Convert a byte span to `[start, end)` character offsets.
    pub fn chars(&self, span: Span) -> [u32; 2] {
        [self.char_offset(span.start), self.char_offset(span.end)]
    }

    /// Convert `[start, end)` character offsets to a byte span.
    pub fn bytes(&self, chars: [u32; 2]) -> Span {
        Span { start: self.byte_offset(chars[0]), end: self.byte_offset(chars[1]) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_identity() {
        let index = CharIndex::new("plain text");
        assert_eq!(index.char_offset(5), 5);
        assert_eq!(index.byte_offset(5), 5);
    }

    #[test]
    fn offsets_round_trip_over_multibyte_text() {
        let text = "“Hé said,” — 北京 ok 🙂!";
        let index = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte as u32), chars as u32, "byte {byte}");
            assert_eq!(index.byte_offset(chars as u32), byte as u32, "char {chars}");
        }
        let n_chars = text.chars().count() as u32;
        assert_eq!(index.char_offset(text.len() as u32), n_chars);
        assert_eq!(index.byte_offset(n_chars), text.len() as u32);
    }

    #[test]
    fn span_text_never_panics_off_boundary() {
        let text = "é";
        assert_eq!(Span::new(0, 1).text(text), "");
        assert_eq!(Span::new(0, 2).text(text), "é");
        assert_eq!(Span::new(5, 1), Span { start: 5, end: 5 });
    }
}
