//! The CAMEO event codebook: every code's Goldstein score, GDELT QuadClass, PLOVER type and
//! description, compiled into the crate from `data/cameo.tsv`.
//!
//! It knows codes, not words: which words express which code is the job of [`crate::patterns`].

use std::collections::HashMap;
use std::sync::OnceLock;

/// One CAMEO event code and what the codebook says about it.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// Two to four digits ("19", "190", "1222").
    pub code: &'static str,
    /// Goldstein conflict–cooperation score, -10 to +10.
    pub goldstein: f32,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event type; empty for codes PLOVER drops (CAMEO 01 and 02).
    pub plover: &'static str,
    /// The codebook's description.
    pub description: &'static str,
}

impl CameoCode {
    /// The two-digit root class ("12" for "1222").
    pub fn root(&self) -> &'static str {
        root_of(self.code)
    }

    /// The three-digit base code ("122" for "1222"; the root for a root code).
    pub fn base(&self) -> &'static str {
        base_of(self.code)
    }
}

/// The two-digit root of a code (the code itself if shorter).
pub fn root_of(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// The three-digit base of a code (the code itself if shorter).
pub fn base_of(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

const TABLE: &str = include_str!("../data/cameo.tsv");

fn table() -> &'static (Vec<CameoCode>, HashMap<&'static str, usize>) {
    static CODES: OnceLock<(Vec<CameoCode>, HashMap<&'static str, usize>)> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut codes = Vec::new();
        let mut index = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut fields = line.split('\t');
            let (Some(code), Some(goldstein), Some(quad), Some(plover), Some(description)) =
                (fields.next(), fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let (Ok(goldstein), Ok(quad_class)) = (goldstein.parse::<f32>(), quad.parse::<u8>()) else {
                continue;
            };
            index.insert(code, codes.len());
            codes.push(CameoCode { code, goldstein, quad_class, plover, description });
        }
        (codes, index)
    })
}

/// Look a code up ("0232", "190", "19").
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    let (codes, index) = table();
    index.get(code).map(|&i| &codes[i])
}

/// Every code of the codebook, in codebook order.
pub fn all() -> &'static [CameoCode] {
    &table().0
}

/// The twenty root classes ("01" … "20").
pub fn roots() -> impl Iterator<Item = &'static CameoCode> {
    all().iter().filter(|c| c.code.len() == 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_root_and_code_is_there() {
        assert_eq!(all().len(), 311);
        let roots: Vec<&str> = roots().map(|c| c.code).collect();
        assert_eq!(roots.len(), 20);
        assert_eq!(roots.first(), Some(&"01"));
        assert_eq!(roots.last(), Some(&"20"));
    }

    #[test]
    fn scores_classes_and_plover() {
        let reject = lookup("1222").unwrap();
        assert_eq!(reject.root(), "12");
        assert_eq!(reject.base(), "122");
        assert_eq!(reject.goldstein, -4.0);
        assert_eq!(reject.quad_class, 3);
        assert_eq!(reject.plover, "REJECT");
        assert_eq!(lookup("190").unwrap().quad_class, 4);
        assert_eq!(lookup("0232").unwrap().plover, "");
        assert_eq!(lookup("073").unwrap().plover, "AID");
        assert_eq!(lookup("0841").unwrap().plover, "RETREAT");
        assert!(lookup("999").is_none());
    }
}
