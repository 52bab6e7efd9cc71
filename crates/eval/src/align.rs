//! Mapping offsets in a normalised text back to the original text.
//!
//! Normalisation only drops or replaces blank space and invisible characters, so the two
//! texts can be walked side by side: equal characters map to each other, and characters of
//! the original that were dropped are skipped.

/// For each character offset of `normalized` (and one past the end), the character offset in
/// `original`.
pub fn char_map(original: &str, normalized: &str) -> Vec<u32> {
    let orig: Vec<char> = original.chars().collect();
    let mut map = Vec::with_capacity(normalized.chars().count() + 1);
    let mut i = 0usize;
    for c in normalized.chars() {
        // Skip what normalisation dropped.
        while i < orig.len()
            && orig[i] != c
            && droppable(orig[i])
            && !(c.is_whitespace() && orig[i].is_whitespace())
        {
            i += 1;
        }
        map.push(i.min(orig.len()) as u32);
        if i < orig.len() {
            i += 1;
        }
        // A run of blank space collapsed into one.
        if c.is_whitespace() {
            while i < orig.len() && orig[i].is_whitespace() && c == ' ' && orig[i] != '\n' {
                i += 1;
            }
        }
    }
    while i < orig.len() && droppable(orig[i]) {
        i += 1;
    }
    map.push(i.min(orig.len()) as u32);
    map
}

fn droppable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_through_collapsed_space() {
        let original = "  A  b\r\n\n\nc\u{200b}d";
        let normalized = "A b\n\ncd";
        let map = char_map(original, normalized);
        let orig: Vec<char> = original.chars().collect();
        for (j, c) in normalized.chars().enumerate() {
            if !c.is_whitespace() {
                assert_eq!(orig[map[j] as usize], c, "char {j}");
            }
        }
        assert_eq!(*map.last().unwrap() as usize, orig.len());
    }

    #[test]
    fn identity_on_clean_text() {
        let map = char_map("abc def", "abc def");
        assert_eq!(map, [0, 1, 2, 3, 4, 5, 6, 7]);
    }
}
