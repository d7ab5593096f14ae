//! Misspellings: a word at most one edit (or one swap of neighbours) away
//! from a known English word of five letters or more.

/// Whether `a` and `b` are at most one insertion, deletion, substitution
/// or transposition of neighbours apart.
pub(super) fn near(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match diff.as_slice() {
                [] | [_] => true,
                [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
                _ => false,
            }
        }
        1 => {
            let cut = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[cut..] == long[cut + 1..]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::near;

    fn n(a: &str, b: &str) -> bool {
        near(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    }

    #[test]
    fn one_edit_or_swap_is_near_and_two_are_not() {
        assert!(n("shenzen", "shenzhen"));
        assert!(n("amercia", "america"));
        assert!(n("batery", "battery"));
        assert!(n("germeny", "germany"));
        assert!(!n("ningbo", "nanjing"));
        assert!(n("shanghia", "shanghai"));
        assert!(!n("textille", "tex"));
        assert!(!n("abcd", "badc"));
    }
}
