//! The check digits carriers print, each on a normalised number (ASCII
//! upper case, checked for shape by the caller; a number of the wrong
//! length or with a letter where a digit belongs fails, never panics).

/// The value of a digit, or of a letter as UPS counts it (A=2 … I=0, J=1 …).
fn value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some(u32::from(b - 3) % 10),
        _ => None,
    }
}

fn digits(s: &[u8]) -> Option<Vec<u32>> {
    s.iter()
        .map(|b| b.is_ascii_digit().then(|| u32::from(b - b'0')))
        .collect()
}

/// UPU S10 (`EA123456785CN`): the eight serial digits weighted 8 6 4 2 3 5
/// 9 7; 11 minus the sum mod 11, where 10 is 0 and 11 is 5.
pub fn s10(n: &str) -> bool {
    let b = n.as_bytes();
    let (Some(serial), Some(check)) = (
        b.get(2..10).and_then(digits),
        b.get(10).and_then(|&c| digits(&[c])),
    ) else {
        return false;
    };
    const W: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = serial.iter().zip(W).map(|(d, w)| d * w).sum();
    let c = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    b.len() == 13 && check[0] == c
}

/// UPS `1Z` + 15 characters + check: letters count as digits (A=2…), odd
/// positions once, even positions twice; the check brings the sum to a
/// multiple of ten.
pub fn ups(n: &str) -> bool {
    let b = n.as_bytes();
    if b.len() != 18 || !n.starts_with("1Z") {
        return false;
    }
    let mut sum = 0;
    for (i, &c) in b[2..17].iter().enumerate() {
        let Some(v) = value(c) else { return false };
        sum += if i % 2 == 1 { 2 * v } else { v };
    }
    b[17].is_ascii_digit() && u32::from(b[17] - b'0') == (10 - sum % 10) % 10
}

/// GS1 mod 10 over `n[skip..]`, whose last digit is the check: from the
/// right, the digits weigh 3, 1, 3, 1… (USPS IMpb, FedEx Ground, Canada Post).
pub fn gs1(n: &str, skip: usize) -> bool {
    let Some(d) = n.as_bytes().get(skip..).and_then(digits) else {
        return false;
    };
    let Some((&check, body)) = d.split_last() else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &v)| if i % 2 == 0 { 3 * v } else { v })
        .sum();
    !body.is_empty() && check == (10 - sum % 10) % 10
}

/// FedEx Express's 12 digits: the first eleven weighted 1, 3, 7 from the
/// right, the sum mod 11 (then mod 10) is the twelfth.
pub fn fedex12(n: &str) -> bool {
    weighted_mod11(n, 0, 11)
}

/// The 13-digit serial and check at the end of FedEx's 34-digit barcodes
/// (Express `100…`, Ground GSN `96…`), weighted like [`fedex12`].
pub fn fedex34(n: &str) -> bool {
    n.len() == 34 && weighted_mod11(n, 20, 13)
}

fn weighted_mod11(n: &str, start: usize, len: usize) -> bool {
    let Some(d) = n.as_bytes().get(start..start + len + 1).and_then(digits) else {
        return false;
    };
    const W: [u32; 3] = [1, 3, 7];
    let sum: u32 = d[..len]
        .iter()
        .rev()
        .enumerate()
        .map(|(i, v)| v * W[i % 3])
        .sum();
    d[len] == sum % 11 % 10
}

/// DHL Express: the digits before the last, as a number, mod 7.
pub fn mod7(n: &str) -> bool {
    let Some(d) = digits(n.as_bytes()) else {
        return false;
    };
    let Some((&check, body)) = d.split_last() else {
        return false;
    };
    let rest = body
        .iter()
        .fold(0u64, |acc, &v| (acc * 10 + u64::from(v)) % 7);
    !body.is_empty() && u64::from(check) == rest
}

/// USPS's 20 digits: GS1 as printed, or with the `91` application
/// identifier the barcode leaves out.
pub fn usps20(n: &str) -> bool {
    gs1(n, 0) || gs1(&format!("91{n}"), 0)
}

/// FedEx SmartPost (an IMpb number): GS1 with its `92` identifier, which
/// the 20-digit form leaves out.
pub fn smart_post(n: &str) -> bool {
    if n.len() == 20 {
        gs1(&format!("92{n}"), 0)
    } else {
        n.starts_with("92") && gs1(n, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_s10_check_digit_follows_the_upu_weights() {
        assert!(s10("EA123456785CN"));
        assert!(!s10("EA123456784CN"));
        // 11 - 0 = 11 → 5; 11 - 1 = 10 → 0.
        assert!(s10("RR000000005GB"));
        assert!(!s10("RR00000000XGB"));
        assert!(!s10("EA1234567"));
    }

    #[test]
    fn ups_counts_letters_as_digits() {
        assert!(ups("1Z999AA10123456784"));
        assert!(ups("1Z5R89390357567127"));
        assert!(!ups("1Z5R89390357567128"));
        assert!(!ups("1Z1111111111111111"));
        assert!(!ups("1Z5R8939035756712"));
    }

    #[test]
    fn gs1_weighs_three_next_to_the_check() {
        assert!(gs1("9400111201080805483016", 0));
        assert!(gs1("041441760228964", 0));
        assert!(!gs1("568283610012732", 0));
        assert!(gs1("0073938000549297", 0));
        assert!(!gs1("9", 0));
        assert!(!gs1("94A0", 0));
    }

    #[test]
    fn fedex_weighs_one_three_seven_mod_eleven() {
        for n in [
            "986578788855",
            "477179081230",
            "799531274483",
            "974367662710",
        ] {
            assert!(fedex12(n), "{n}");
        }
        assert!(!fedex12("996578788855"));
        assert!(fedex34("1001921334250001000300779017972697"));
        assert!(!fedex34("1001901781990001000300617767839438"));
    }

    #[test]
    fn dhl_takes_the_rest_mod_seven_and_usps_adds_its_identifier() {
        assert!(mod7("3318810025"));
        assert!(mod7("73891051146"));
        assert!(!mod7("3318810010"));
        assert!(usps20("03071790000523483741"));
        assert!(usps20("71969010756003077385"));
        assert!(!usps20("03071790000523483742"));
        assert!(smart_post("61299998820821171811"));
        assert!(smart_post("9261292700768711948021"));
        assert!(!smart_post("9261292700768711948020"));
    }
}
