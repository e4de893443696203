//! A number's digits to the nearest f64, without core's float parsing (see ARCHITECTURE.md: no
//! float parsing in the wasm).

/// 10^0 ..= 10^22: every one exact in an f64.
const POW10: [f64; 23] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/// `significand` × 10^`exponent`, rounded to the nearest f64: directly when both fit an f64
/// exactly (significand at most 2^53, exponent within ±22), otherwise by multiplying or dividing
/// by ten on a 128-bit integer (keeping 124 bits or more, with a sticky bit for what is dropped)
/// and rounding once. Matches Rust's own `str::parse::<f64>` (tested) except for subnormals.
#[expect(clippy::cast_precision_loss, reason = "only significands of at most 2^53 are cast, exactly")]
pub(super) fn decimal_to_f64(significand: u64, exponent: i32) -> f64 {
    let (mut s, mut e) = (significand, exponent);
    if s == 0 {
        return 0.0;
    }
    while s % 10 == 0 && e < i32::MAX {
        s /= 10;
        e += 1;
    }
    if s <= 1 << 53 && (-22..=22).contains(&e) {
        let p = POW10.get(e.unsigned_abs() as usize).copied().unwrap_or(f64::INFINITY);
        return if e >= 0 { s as f64 * p } else { s as f64 / p };
    }
    // Beyond these, the result is infinite or zero anyway.
    if e > 330 {
        return f64::INFINITY;
    }
    if e < -360 {
        return 0.0;
    }
    let (mut m, mut binary_exponent, mut sticky) = (u128::from(s), 0i32, false);
    if e > 0 {
        for _ in 0..e {
            while m > u128::MAX / 10 {
                sticky |= m & 1 == 1;
                m >>= 1;
                binary_exponent += 1;
            }
            m *= 10;
        }
    } else {
        for _ in 0..e.unsigned_abs() {
            let room = m.leading_zeros().saturating_sub(1);
            m <<= room;
            binary_exponent -= i32::try_from(room).unwrap_or(0);
            let (q, r) = div10(m);
            sticky |= r != 0;
            m = q;
        }
    }
    let f = round_to_f64(m, sticky);
    // Scaled in two steps, so each power of two is a normal f64.
    let half = binary_exponent / 2;
    f * two_pow(half) * two_pow(binary_exponent - half)
}

/// `n` / 10 and `n` % 10 by long division on 32-bit digits: no 128-bit division routine linked.
fn div10(n: u128) -> (u128, u64) {
    let (mut q, mut r) = (0u128, 0u64);
    for shift in [96u32, 64, 32, 0] {
        #[expect(clippy::cast_possible_truncation, reason = "masked to 32 bits")]
        let cur = r << 32 | ((n >> shift) as u64 & 0xFFFF_FFFF);
        q |= u128::from(cur / 10) << shift;
        r = cur % 10;
    }
    (q, r)
}

/// `q` (with `sticky`: something nonzero below it) rounded to the nearest f64, ties to even.
#[expect(clippy::cast_precision_loss, reason = "at most 53 significant bits are cast, exactly")]
#[expect(clippy::cast_possible_truncation, reason = "shifted down to 53 bits")]
#[expect(clippy::cast_possible_wrap, reason = "a shift of at most 75")]
fn round_to_f64(q: u128, sticky: bool) -> f64 {
    let bits = 128 - q.leading_zeros();
    if bits <= 53 {
        return q as f64;
    }
    let shift = bits - 53;
    let mut m = (q >> shift) as u64;
    let rest = q & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rest > half || (rest == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    m as f64 * two_pow(shift as i32)
}

/// 2^`n`, exactly for -1022 <= n <= 1023 (clamped beyond).
fn two_pow(n: i32) -> f64 {
    let biased = u64::try_from(n.saturating_add(1023)).unwrap_or(1).max(1).min(2046);
    f64::from_bits(biased << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rounded_correctly() {
        // Rust's own parser is correctly rounded: every case within our promise must agree.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let r = next();
            let digits = 1 + (r % 19) as u32;
            let s = next() % 10u64.pow(digits).max(1);
            let e = (next() % 640) as i32 - 330;
            let text = format!("{s}e{e}");
            let want: f64 = text.parse().unwrap();
            let got = decimal_to_f64(s, e);
            if want.is_normal() || want == 0.0 || want.is_infinite() {
                assert_eq!(got.to_bits(), want.to_bits(), "{text}");
            } else {
                assert!(got.to_bits().abs_diff(want.to_bits()) <= 1, "{text}: {got:e} vs {want:e}");
            }
        }
        for (s, e) in
            [(9_999_999_999_999_999, -1), (20_773_957_104_684_490, -1), (9_007_199_254_740_993, 0), (u64::MAX, -19), (u64::MAX, 19)]
        {
            assert_eq!(decimal_to_f64(s, e), format!("{s}e{e}").parse::<f64>().unwrap(), "{s}e{e}");
        }
        for (s, e) in [(17_976_931_348_623_157, 292), (22_250_738_585_072_014, -324), (17, 300), (123_456_789, -300)] {
            assert_eq!(decimal_to_f64(s, e), format!("{s}e{e}").parse::<f64>().unwrap(), "{s}e{e}");
        }
        assert!(decimal_to_f64(1, 400).is_infinite());
        assert_eq!(decimal_to_f64(0, 400), 0.0);
    }

    #[test]
    fn long_division_by_ten() {
        for n in [0u128, 9, 10, 11, u128::from(u64::MAX), u128::MAX, u128::MAX / 3, 1 << 127, 12_345_678_901_234_567_890_123_456_789] {
            assert_eq!(div10(n), (n / 10, (n % 10) as u64), "{n}");
        }
    }
}
