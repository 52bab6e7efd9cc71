//! What the statistical models see of a single word: hashes of its lower-cased form, its
//! exact form, its shape, its affixes and a few orthographic flags, computed once per word
//! and without allocating.
//!
//! Context (neighbouring words, tags, tree positions) is each model's own business.

use crate::clusters::Clusters;
use crate::hash;

/// Orthographic flags of a word.
pub mod flag {
    /// First letter upper case, not all upper case.
    pub const TITLE: u32 = 1;
    /// Every letter upper case (at least one letter).
    pub const UPPER: u32 = 1 << 1;
    /// Every letter lower case (at least one letter).
    pub const LOWER: u32 = 1 << 2;
    /// At least one digit.
    pub const DIGIT: u32 = 1 << 3;
    /// Only digits (and `.,:/-`).
    pub const NUMBER: u32 = 1 << 4;
    /// Contains a hyphen.
    pub const HYPHEN: u32 = 1 << 5;
    /// No letter and no digit.
    pub const PUNCT: u32 = 1 << 6;
    /// Looks like a web address or an e-mail address.
    pub const URL: u32 = 1 << 7;
    /// Contains a letter outside ASCII.
    pub const NON_ASCII: u32 = 1 << 8;
    /// Contains an apostrophe.
    pub const APOSTROPHE: u32 = 1 << 9;
    /// Contains a period.
    pub const PERIOD: u32 = 1 << 10;
}

/// Hashes of one word's parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordAtoms {
    /// Lower-cased form.
    pub lower: u64,
    /// Exact form.
    pub form: u64,
    /// Shape: `Xxxx`, `dd.dd`, runs of one class cut at four.
    pub shape: u64,
    /// Short shape: runs of one class cut at one (`Xx`, `d.d`).
    pub short_shape: u64,
    /// Lower-cased prefixes of 1, 2 and 3 characters.
    pub prefix: [u64; 3],
    /// Lower-cased suffixes of 1, 2, 3 and 4 characters.
    pub suffix: [u64; 4],
    /// Lower-cased suffix of 5 characters.
    pub suffix5: u64,
    /// Lower-cased prefix of 4 characters.
    pub prefix4: u64,
    /// [`flag`] bits.
    pub flags: u32,
    /// Length in characters, capped at 255.
    pub len: u8,
    /// Brown cluster path of the exact form, else of the lower-cased form; 0 when the word
    /// has none or was not looked up ([`WordAtoms::with_cluster`]).
    pub cluster: u32,
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Feeds characters into a running FNV state.
#[derive(Clone, Copy)]
struct Running(u64);

impl Running {
    fn new() -> Running {
        Running(0xcbf2_9ce4_8422_2325)
    }
    fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn done(self) -> u64 {
        hash::finish(self.0)
    }
}

fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

impl WordAtoms {
    /// The same atoms with [`WordAtoms::cluster`] looked up in the shipped clusters (a table
    /// probe or two: only the models that read clusters pay for it).
    pub fn with_cluster(mut self) -> WordAtoms {
        self.cluster = Clusters::shipped().path_of(self.form, self.lower);
        self
    }

    /// Compute the atoms of a word.
    pub fn new(word: &str) -> WordAtoms {
        let mut atoms =
            WordAtoms { lower: hash::lower(word), form: hash::text(word), ..WordAtoms::default() };
        let mut shape = Running::new();
        let mut short = Running::new();
        let mut prefix = Running::new();
        let mut last = [' '; 5];
        let mut n = 0usize;
        let mut prev_class = '\0';
        let mut run = 0;
        let (mut letters, mut uppers, mut lowers, mut digits, mut others) = (0, 0, 0, 0, 0);
        let mut first_upper = false;
        let mut flags = 0;
        for c in word.chars() {
            let class = shape_class(c);
            if class == prev_class {
                run += 1;
            } else {
                run = 1;
                prev_class = class;
                short.push(class);
            }
            if run <= 4 {
                shape.push(class);
            }
            let lc = lower_char(c);
            if n < 4 {
                prefix.push(lc);
                if n < 3 {
                    atoms.prefix[n] = prefix.done();
                } else {
                    atoms.prefix4 = prefix.done();
                }
            }
            last.rotate_left(1);
            last[4] = lc;
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    uppers += 1;
                    if n == 0 {
                        first_upper = true;
                    }
                } else if c.is_lowercase() {
                    lowers += 1;
                }
                if !c.is_ascii() {
                    flags |= flag::NON_ASCII;
                }
            } else if c.is_numeric() {
                digits += 1;
            } else {
                others += 1;
                match c {
                    '-' | '‐' | '–' => flags |= flag::HYPHEN,
                    '\'' | '’' => flags |= flag::APOSTROPHE,
                    '.' => flags |= flag::PERIOD,
                    '@' => flags |= flag::URL,
                    _ => {}
                }
            }
            n += 1;
        }
        for k in n..3 {
            atoms.prefix[k] = atoms.prefix[k.saturating_sub(1).min(n.saturating_sub(1))];
        }
        if n < 4 {
            atoms.prefix4 = atoms.prefix[2];
        }
        for k in 0..5 {
            let take = (k + 1).min(n);
            let mut s = Running::new();
            for &c in &last[5 - take..] {
                s.push(c);
            }
            if k < 4 {
                atoms.suffix[k] = s.done();
            } else {
                atoms.suffix5 = s.done();
            }
        }
        atoms.shape = shape.done();
        atoms.short_shape = short.done();
        atoms.len = n.min(255) as u8;
        if letters > 0 {
            if uppers == letters {
                flags |= flag::UPPER;
            } else if first_upper {
                flags |= flag::TITLE;
            }
            if lowers == letters {
                flags |= flag::LOWER;
            }
        }
        if digits > 0 {
            flags |= flag::DIGIT;
            if letters == 0 && word.chars().all(|c| c.is_numeric() || ".,:/-".contains(c)) {
                flags |= flag::NUMBER;
            }
        }
        if letters == 0 && digits == 0 && others > 0 {
            flags |= flag::PUNCT;
        }
        let head = word.as_bytes().get(..4).unwrap_or_default();
        if head.eq_ignore_ascii_case(b"http") || head.eq_ignore_ascii_case(b"www.") || word.ends_with(".com")
        {
            flags |= flag::URL;
        }
        atoms.flags = flags;
        atoms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_are_looked_up_on_request_by_exact_then_lower_form() {
        assert_eq!(WordAtoms::new("Paris").cluster, 0);
        let paris = WordAtoms::new("Paris").with_cluster().cluster;
        assert_ne!(paris, 0);
        assert_eq!(WordAtoms::new("London").with_cluster().cluster, paris);
        // "PARIS" has no cluster of its own: the lower-cased form's is used.
        let lower = WordAtoms::new("paris").with_cluster().cluster;
        assert_eq!(WordAtoms::new("PARIS").with_cluster().cluster, lower);
        assert_eq!(WordAtoms::new("qzxqzxqzx").with_cluster().cluster, 0);
    }

    #[test]
    fn shapes_affixes_and_flags() {
        let a = WordAtoms::new("Washington");
        let b = WordAtoms::new("Wellington");
        assert_eq!(a.shape, b.shape);
        assert_eq!(a.suffix[2], b.suffix[2]); // "ton"
        let c = WordAtoms::new("Boston");
        assert_eq!(a.suffix[2], c.suffix[2]); // "ton"
        assert_ne!(a.suffix[3], c.suffix[3]); // "gton", "ston"
        assert_eq!(a.flags & flag::TITLE, flag::TITLE);
        assert_eq!(a.lower, WordAtoms::new("WASHINGTON").lower);
        assert_ne!(a.form, WordAtoms::new("WASHINGTON").form);
        assert_eq!(WordAtoms::new("NATO").flags & flag::UPPER, flag::UPPER);
        assert_eq!(WordAtoms::new("1,250").flags & flag::NUMBER, flag::NUMBER);
        assert_eq!(WordAtoms::new("e-mail").flags & flag::HYPHEN, flag::HYPHEN);
        assert_eq!(WordAtoms::new("www.bbc.co.uk").flags & flag::URL, flag::URL);
        assert_eq!(WordAtoms::new("...").flags & flag::PUNCT, flag::PUNCT);
        // Suffixes are lower-cased and prefixes of short words repeat.
        assert_eq!(WordAtoms::new("CATS").suffix[0], WordAtoms::new("dogs").suffix[0]);
        assert_eq!(WordAtoms::new("a").prefix[2], WordAtoms::new("a").prefix[0]);
        // Runs longer than four collapse in the shape, not in the length.
        assert_eq!(WordAtoms::new("aaaaaaa").shape, WordAtoms::new("bbbbb").shape);
        assert_eq!(WordAtoms::new("aaaaaaa").len, 7);
    }

    #[test]
    fn any_text_is_fine() {
        for w in ["", "北京", "Ελλάδα", "🙂🙂", "a\u{301}", "x".repeat(100_000).as_str(), "ǅ"] {
            let a = WordAtoms::new(w);
            assert!(a.len as usize <= 255);
        }
    }
}
