//! Stable feature hashing: strings and small integers are folded into 64-bit keys whose
//! values never change between runs, builds or platforms, because trained model files store
//! them.
//!
//! This is not a cryptographic hash and not a general-purpose `Hasher`; it only has to spread
//! feature keys evenly and be cheap.

/// Offset basis of 64-bit FNV-1a.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// Prime of 64-bit FNV-1a.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Final avalanche of a 64-bit value (the `splitmix64` finaliser).
#[inline]
pub fn finish(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Combine a running key with one more value.
#[inline]
pub fn mix(key: u64, value: u64) -> u64 {
    finish(key.rotate_left(17) ^ value.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Hash of a byte string.
#[inline]
pub fn bytes(data: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    finish(h)
}

/// Hash of a string.
#[inline]
pub fn text(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// Hash of the lower-cased form of a string, without allocating.
pub fn lower(s: &str) -> u64 {
    if s.is_ascii() {
        let mut h = FNV_OFFSET;
        for &b in s.as_bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(FNV_PRIME);
        }
        return finish(h);
    }
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in s.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    finish(h)
}

/// A feature key: a template number and up to a few atom hashes folded together. Each atom
/// costs one multiply; the result is mixed once at the end.
#[inline]
pub fn feature(template: u32, atoms: &[u64]) -> u64 {
    let mut h = u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x51_7cc1_b727_220a;
    for &a in atoms {
        h = (h ^ a).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_stable() {
        // Pinned: model files depend on these exact values.
        assert_eq!(text("the"), text("the"));
        assert_eq!(lower("The"), text("the"));
        assert_eq!(lower("ÉTÉ"), text("été"));
        assert_ne!(text("the"), text("The"));
        assert_ne!(feature(1, &[text("a")]), feature(2, &[text("a")]));
        assert_ne!(feature(1, &[1, 2]), feature(1, &[2, 1]));
        assert_eq!(finish(0), 0);
        assert_eq!(text(""), finish(FNV_OFFSET));
        assert_eq!(text("the"), 0x9019_6226_0b6a_34d5);
        assert_eq!(feature(3, &[text("the"), 7]), 0x1f41_ae6b_4c12_1ca0);
    }
}
