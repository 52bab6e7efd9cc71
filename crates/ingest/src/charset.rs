//! Character sets: turn page and file bytes into text.
//!
//! Order of evidence: a byte-order mark; valid UTF-8 (whatever the page declares, since
//! pages that say `iso-8859-1` but hold UTF-8 are common); the declared charset (HTTP
//! header, then `<meta>` in the first 64 KB); `chardetng` on the first 64 KB when there is
//! no usable declaration or the declaration is UTF-8 but the bytes are not.

use encoding_rs::{Encoding, UTF_8};

/// How far into a page to look for a `<meta>` charset and to feed the detector.
const PRESCAN: usize = 64 * 1024;

/// Text decoded from bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Name of the encoding used.
    pub encoding: &'static str,
    /// A remark for the document's diagnostics (a mis-declared or guessed charset).
    pub note: Option<String>,
}

/// Does this look like a binary file (image, archive) rather than text?
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let control =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)).count();
    control * 10 > head.len()
}

/// Find `charset=` in a `<meta>` tag within the first 64 KB.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let finder = memchr::memmem::Finder::new(b"charset");
    let mut from = 0;
    while let Some(pos) = finder.find(&head[from..]) {
        let at = from + pos;
        from = at + 7;
        // Must sit inside a <meta ...> tag.
        let tag_start = head[..at].iter().rposition(|&b| b == b'<');
        let Some(tag_start) = tag_start else { continue };
        if head[tag_start..at].contains(&b'>') {
            continue;
        }
        let name = &head[tag_start + 1..(tag_start + 5).min(head.len())];
        if !name.eq_ignore_ascii_case(b"meta") {
            continue;
        }
        let mut i = from;
        while i < head.len() && matches!(head[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        if head.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < head.len() && matches!(head[i], b' ' | b'"' | b'\'' | b'\t') {
            i += 1;
        }
        let start = i;
        while i < head.len()
            && (head[i].is_ascii_alphanumeric() || matches!(head[i], b'-' | b'_' | b'.' | b':'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&head[start..i]) {
            return Some(enc);
        }
    }
    None
}

/// The charset named in an HTTP `Content-Type` value.
pub fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let label = lower[at + 8..].trim_start_matches(['"', '\'']);
    let end =
        label.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace()).unwrap_or(label.len());
    Encoding::for_label(&label.as_bytes()[..end])
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(PRESCAN)], bytes.len() <= PRESCAN);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

fn decode_with(bytes: &[u8], enc: &'static Encoding) -> String {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Decode an HTML page; `content_type` is the HTTP header, when known.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    decode(bytes, content_type.and_then(header_charset).or_else(|| meta_charset(bytes)))
}

/// Decode a plain-text file (no declaration to go by).
pub fn decode_text(bytes: &[u8]) -> Decoded {
    decode(bytes, None)
}

fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return Decoded { text: decode_with(&bytes[bom..], enc), encoding: enc.name(), note: None };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let note = declared
            .filter(|d| *d != UTF_8 && !text.is_ascii())
            .map(|d| format!("page declares {} but is UTF-8; read as UTF-8", d.name()));
        return Decoded { text: text.to_string(), encoding: UTF_8.name(), note };
    }
    // A page cut in the middle of a character is still UTF-8.
    let valid = match std::str::from_utf8(bytes) {
        Err(e) => e.valid_up_to(),
        Ok(_) => bytes.len(),
    };
    let cut_char = bytes.len() - valid < 4 && std::str::from_utf8(&bytes[..valid]).is_ok() && valid > 0;
    if cut_char && declared.is_none_or(|d| d == UTF_8) {
        return Decoded { text: decode_with(bytes, UTF_8), encoding: UTF_8.name(), note: None };
    }
    match declared {
        Some(d) if d != UTF_8 => Decoded { text: decode_with(bytes, d), encoding: d.name(), note: None },
        Some(_) => {
            let g = guess(bytes);
            Decoded {
                text: decode_with(bytes, g),
                encoding: g.name(),
                note: Some(format!("page declares UTF-8 but is not; read as {} (detected)", g.name())),
            }
        }
        None => {
            let g = guess(bytes);
            Decoded {
                text: decode_with(bytes, g),
                encoding: g.name(),
                note: Some(format!("no charset declared; read as {} (detected)", g.name())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_wins_over_wrong_declaration() {
        let page = "<meta charset=iso-8859-1><p>Grüße</p>".as_bytes();
        let d = decode_html(page, None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("Grüße"));
        assert!(d.note.is_some());
    }

    #[test]
    fn declared_latin1_is_used() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><p>Gr\xfc\xdfe</p>";
        let d = decode_html(page, None);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Grüße"));
    }

    #[test]
    fn header_beats_meta_and_misdeclared_utf8_is_detected() {
        let page =
            b"<meta charset=utf-8><p>Die Stra\xdfe war gr\xfcn und sch\xf6n, \xfcberall Gr\xfc\xdfe.</p>";
        let d = decode_html(page, Some("text/html; charset=windows-1252"));
        assert!(d.text.contains("Straße"));
        let d = decode_html(page, None);
        assert!(d.text.contains("Straße"), "{}", d.text);
        assert!(d.note.unwrap().contains("declares UTF-8"));
    }

    #[test]
    fn binary_sniffing() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary("<p>Grüße</p>".as_bytes()));
        assert!(!looks_binary(b""));
    }

    #[test]
    fn header_labels() {
        assert_eq!(header_charset("text/html; charset=\"UTF-8\"").map(|e| e.name()), Some("UTF-8"));
        assert_eq!(header_charset("text/html"), None);
    }
}
