//! HTML character references: `&amp;`, `&#8217;`, `&#x2019;` and the named references
//! that occur in news pages (Latin-1, Greek, typographic punctuation, arrows).
//!
//! Unknown names are left as they are. Numeric references in the C1 range are read as
//! Windows-1252, as browsers do; invalid code points become U+FFFD.

/// Named references, sorted by name (binary search).
const NAMED: [(&str, char); 249] = [
    ("AElig", '\u{c6}'),
    ("Aacute", '\u{c1}'),
    ("Acirc", '\u{c2}'),
    ("Agrave", '\u{c0}'),
    ("Alpha", '\u{391}'),
    ("Aring", '\u{c5}'),
    ("Atilde", '\u{c3}'),
    ("Auml", '\u{c4}'),
    ("Beta", '\u{392}'),
    ("Ccedil", '\u{c7}'),
    ("Chi", '\u{3a7}'),
    ("Dagger", '\u{2021}'),
    ("Delta", '\u{394}'),
    ("ETH", '\u{d0}'),
    ("Eacute", '\u{c9}'),
    ("Ecirc", '\u{ca}'),
    ("Egrave", '\u{c8}'),
    ("Epsilon", '\u{395}'),
    ("Eta", '\u{397}'),
    ("Euml", '\u{cb}'),
    ("Gamma", '\u{393}'),
    ("Hat", '\u{5e}'),
    ("Iacute", '\u{cd}'),
    ("Icirc", '\u{ce}'),
    ("Igrave", '\u{cc}'),
    ("Iota", '\u{399}'),
    ("Iuml", '\u{cf}'),
    ("Kappa", '\u{39a}'),
    ("Lambda", '\u{39b}'),
    ("Mu", '\u{39c}'),
    ("NewLine", '\u{a}'),
    ("Ntilde", '\u{d1}'),
    ("Nu", '\u{39d}'),
    ("OElig", '\u{152}'),
    ("Oacute", '\u{d3}'),
    ("Ocirc", '\u{d4}'),
    ("Ograve", '\u{d2}'),
    ("Omega", '\u{3a9}'),
    ("Omicron", '\u{39f}'),
    ("Oslash", '\u{d8}'),
    ("Otilde", '\u{d5}'),
    ("Ouml", '\u{d6}'),
    ("Phi", '\u{3a6}'),
    ("Pi", '\u{3a0}'),
    ("Prime", '\u{2033}'),
    ("Psi", '\u{3a8}'),
    ("Rho", '\u{3a1}'),
    ("Scaron", '\u{160}'),
    ("Sigma", '\u{3a3}'),
    ("THORN", '\u{de}'),
    ("Tab", '\u{9}'),
    ("Tau", '\u{3a4}'),
    ("Theta", '\u{398}'),
    ("Uacute", '\u{da}'),
    ("Ucirc", '\u{db}'),
    ("Ugrave", '\u{d9}'),
    ("Upsilon", '\u{3a5}'),
    ("Uuml", '\u{dc}'),
    ("Xi", '\u{39e}'),
    ("Yacute", '\u{dd}'),
    ("Yuml", '\u{178}'),
    ("ZeroWidthSpace", '\u{200b}'),
    ("Zeta", '\u{396}'),
    ("aacute", '\u{e1}'),
    ("acirc", '\u{e2}'),
    ("acute", '\u{b4}'),
    ("aelig", '\u{e6}'),
    ("agrave", '\u{e0}'),
    ("alpha", '\u{3b1}'),
    ("amp", '\u{26}'),
    ("apos", '\u{27}'),
    ("aring", '\u{e5}'),
    ("ast", '\u{2a}'),
    ("asymp", '\u{2248}'),
    ("atilde", '\u{e3}'),
    ("auml", '\u{e4}'),
    ("bdquo", '\u{201e}'),
    ("beta", '\u{3b2}'),
    ("brvbar", '\u{a6}'),
    ("bsol", '\u{5c}'),
    ("bull", '\u{2022}'),
    ("bullet", '\u{2022}'),
    ("ccedil", '\u{e7}'),
    ("cedil", '\u{b8}'),
    ("cent", '\u{a2}'),
    ("centerdot", '\u{b7}'),
    ("check", '\u{2713}'),
    ("chi", '\u{3c7}'),
    ("circ", '\u{2c6}'),
    ("clubs", '\u{2663}'),
    ("colon", '\u{3a}'),
    ("comma", '\u{2c}'),
    ("commat", '\u{40}'),
    ("copy", '\u{a9}'),
    ("cross", '\u{2717}'),
    ("curren", '\u{a4}'),
    ("dagger", '\u{2020}'),
    ("darr", '\u{2193}'),
    ("dash", '\u{2010}'),
    ("deg", '\u{b0}'),
    ("delta", '\u{3b4}'),
    ("diams", '\u{2666}'),
    ("divide", '\u{f7}'),
    ("dollar", '\u{24}'),
    ("eacute", '\u{e9}'),
    ("ecirc", '\u{ea}'),
    ("egrave", '\u{e8}'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("epsilon", '\u{3b5}'),
    ("equals", '\u{3d}'),
    ("equiv", '\u{2261}'),
    ("eta", '\u{3b7}'),
    ("eth", '\u{f0}'),
    ("euml", '\u{eb}'),
    ("euro", '\u{20ac}'),
    ("excl", '\u{21}'),
    ("fnof", '\u{192}'),
    ("frac12", '\u{bd}'),
    ("frac14", '\u{bc}'),
    ("frac34", '\u{be}'),
    ("frasl", '\u{2044}'),
    ("gamma", '\u{3b3}'),
    ("ge", '\u{2265}'),
    ("grave", '\u{60}'),
    ("gt", '\u{3e}'),
    ("half", '\u{bd}'),
    ("harr", '\u{2194}'),
    ("hearts", '\u{2665}'),
    ("hellip", '\u{2026}'),
    ("hellips", '\u{2026}'),
    ("horbar", '\u{2015}'),
    ("hyphen", '\u{2010}'),
    ("iacute", '\u{ed}'),
    ("icirc", '\u{ee}'),
    ("iexcl", '\u{a1}'),
    ("igrave", '\u{ec}'),
    ("infin", '\u{221e}'),
    ("iota", '\u{3b9}'),
    ("iquest", '\u{bf}'),
    ("iuml", '\u{ef}'),
    ("kappa", '\u{3ba}'),
    ("lambda", '\u{3bb}'),
    ("laquo", '\u{ab}'),
    ("larr", '\u{2190}'),
    ("lcub", '\u{7b}'),
    ("ldquo", '\u{201c}'),
    ("ldquor", '\u{201e}'),
    ("le", '\u{2264}'),
    ("lowast", '\u{2217}'),
    ("lowbar", '\u{5f}'),
    ("loz", '\u{25ca}'),
    ("lpar", '\u{28}'),
    ("lrm", '\u{200e}'),
    ("lsaquo", '\u{2039}'),
    ("lsqb", '\u{5b}'),
    ("lsquo", '\u{2018}'),
    ("lsquor", '\u{201a}'),
    ("lt", '\u{3c}'),
    ("macr", '\u{af}'),
    ("mdash", '\u{2014}'),
    ("micro", '\u{b5}'),
    ("middot", '\u{b7}'),
    ("minus", '\u{2212}'),
    ("mu", '\u{3bc}'),
    ("nbhy", '\u{2011}'),
    ("nbsp", '\u{a0}'),
    ("ndash", '\u{2013}'),
    ("ne", '\u{2260}'),
    ("nobreak", '\u{2060}'),
    ("not", '\u{ac}'),
    ("ntilde", '\u{f1}'),
    ("nu", '\u{3bd}'),
    ("num", '\u{23}'),
    ("oacute", '\u{f3}'),
    ("ocirc", '\u{f4}'),
    ("oelig", '\u{153}'),
    ("ograve", '\u{f2}'),
    ("oline", '\u{203e}'),
    ("omega", '\u{3c9}'),
    ("omicron", '\u{3bf}'),
    ("ordf", '\u{aa}'),
    ("ordm", '\u{ba}'),
    ("oslash", '\u{f8}'),
    ("otilde", '\u{f5}'),
    ("ouml", '\u{f6}'),
    ("para", '\u{b6}'),
    ("percnt", '\u{25}'),
    ("period", '\u{2e}'),
    ("permil", '\u{2030}'),
    ("phi", '\u{3c6}'),
    ("pi", '\u{3c0}'),
    ("plus", '\u{2b}'),
    ("plusmn", '\u{b1}'),
    ("pound", '\u{a3}'),
    ("prime", '\u{2032}'),
    ("psi", '\u{3c8}'),
    ("quest", '\u{3f}'),
    ("quot", '\u{22}'),
    ("raquo", '\u{bb}'),
    ("rarr", '\u{2192}'),
    ("rcub", '\u{7d}'),
    ("rdquo", '\u{201d}'),
    ("reg", '\u{ae}'),
    ("rho", '\u{3c1}'),
    ("rlm", '\u{200f}'),
    ("rpar", '\u{29}'),
    ("rsaquo", '\u{203a}'),
    ("rsqb", '\u{5d}'),
    ("rsquo", '\u{2019}'),
    ("rsquor", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("scaron", '\u{161}'),
    ("sect", '\u{a7}'),
    ("semi", '\u{3b}'),
    ("shy", '\u{ad}'),
    ("sigma", '\u{3c3}'),
    ("sigmaf", '\u{3c2}'),
    ("sim", '\u{223c}'),
    ("sol", '\u{2f}'),
    ("spades", '\u{2660}'),
    ("star", '\u{2606}'),
    ("sup1", '\u{b9}'),
    ("sup2", '\u{b2}'),
    ("sup3", '\u{b3}'),
    ("szlig", '\u{df}'),
    ("tau", '\u{3c4}'),
    ("theta", '\u{3b8}'),
    ("thinsp", '\u{2009}'),
    ("thorn", '\u{fe}'),
    ("tilde", '\u{2dc}'),
    ("times", '\u{d7}'),
    ("trade", '\u{2122}'),
    ("uacute", '\u{fa}'),
    ("uarr", '\u{2191}'),
    ("ucirc", '\u{fb}'),
    ("ugrave", '\u{f9}'),
    ("uml", '\u{a8}'),
    ("upsilon", '\u{3c5}'),
    ("uuml", '\u{fc}'),
    ("verbar", '\u{7c}'),
    ("vert", '\u{7c}'),
    ("xi", '\u{3be}'),
    ("yacute", '\u{fd}'),
    ("yen", '\u{a5}'),
    ("yuml", '\u{ff}'),
    ("zeta", '\u{3b6}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

/// Windows-1252 characters for the code points 0x80–0x9F.
const C1: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2c6}',
    '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', '\u{90}', '\u{2018}',
    '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}',
    '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// Names that browsers accept without a closing semicolon.
const LEGACY: [&str; 8] = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "shy"];

fn named(name: &str) -> Option<char> {
    NAMED.binary_search_by(|(n, _)| n.cmp(&name)).ok().map(|i| NAMED[i].1)
}

fn numeric(code: u32) -> char {
    match code {
        0x80..=0x9F => C1[(code - 0x80) as usize],
        0 => '\u{fffd}',
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    }
}

/// Decode one reference starting at `s[0] == '&'`: the character and the bytes consumed.
fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, start) = if matches!(b.get(2), Some(b'x') | Some(b'X')) { (true, 3) } else { (false, 2) };
        let mut end = start;
        while end < b.len()
            && end - start < 8
            && (if hex { b[end].is_ascii_hexdigit() } else { b[end].is_ascii_digit() })
        {
            end += 1;
        }
        if end == start {
            return None;
        }
        let code = u32::from_str_radix(&s[start..end], if hex { 16 } else { 10 }).ok()?;
        let used = if b.get(end) == Some(&b';') { end + 1 } else { end };
        return Some((numeric(code), used));
    }
    let mut end = 1;
    while end < b.len() && end < 34 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == 1 {
        return None;
    }
    let name = &s[1..end];
    if b.get(end) == Some(&b';') {
        return named(name).map(|c| (c, end + 1));
    }
    // Without `;`: only the legacy names, and only as a prefix match of what follows.
    LEGACY.iter().find(|l| name.starts_with(**l)).and_then(|l| named(l).map(|c| (c, 1 + l.len())))
}

/// Append `s` to `out` with character references decoded.
pub fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        match reference(&rest[amp..]) {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[amp + used..];
            }
            None => {
                out.push('&');
                rest = &rest[amp + 1..];
            }
        }
    }
    out.push_str(rest);
}

/// `s` with character references decoded.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn references() {
        assert_eq!(decode("Tom &amp; Jerry &lt;3 &quot;x&quot;"), "Tom & Jerry <3 \"x\"");
        assert_eq!(decode("it&#8217;s &#x2019; &#146; &#0;"), "it’s ’ ’ \u{fffd}");
        assert_eq!(decode("Gr&uuml;&szlig;e &hellip; &ndash;&mdash;"), "Grüße … –—");
        assert_eq!(decode("a &unknown; b & c &#; &amp"), "a &unknown; b & c &#; &");
        assert_eq!(decode("AT&T &copy2020"), "AT&T ©2020");
    }
}
