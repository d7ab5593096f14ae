//! The message being read: its characters as written, a normalised copy of
//! the same length (half-width, ASCII lower case) and which characters a
//! reader has used. Positions are `char` indices into the text as written.

/// A half-open range of char indices.
pub(super) type Span = (usize, usize);

pub(super) struct Scan {
    pub orig: Vec<char>,
    pub norm: Vec<char>,
    used: Vec<bool>,
}

/// One character to one character, so positions stay those of the text.
fn normalize(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\t' | '\r' => ' ',
        '。' | '、' | '\n' => ',',
        '×' | '✕' | '✖' => '*',
        '〜' => '~',
        '—' | '–' => '-',
        '“' | '”' => '"',
        '³' => '3',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Breaks between clauses.
pub(super) fn is_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '!' | '?' | '(' | ')' | '[' | ']' | '【' | '】' | '《' | '》' | '「' | '」'
    )
}

pub(super) fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl Scan {
    pub fn new(text: &str) -> Scan {
        let orig: Vec<char> = text.chars().collect();
        let norm = orig.iter().map(|&c| normalize(c)).collect();
        Scan {
            used: vec![false; orig.len()],
            orig,
            norm,
        }
    }

    pub fn len(&self) -> usize {
        self.norm.len()
    }

    /// The normalised char at `i`, or NUL past either end.
    pub fn at(&self, i: usize) -> char {
        self.norm.get(i).copied().unwrap_or('\0')
    }

    /// The char before `i`, or NUL at the start.
    pub fn before(&self, i: usize) -> char {
        if i == 0 {
            '\0'
        } else {
            self.at(i - 1)
        }
    }

    pub fn is_free(&self, (s, e): Span) -> bool {
        e <= self.len() && self.used[s..e].iter().all(|u| !u)
    }

    pub fn is_used(&self, i: usize) -> bool {
        self.used.get(i).copied().unwrap_or(false)
    }

    pub fn take(&mut self, (s, e): Span) {
        let e = e.min(self.len());
        self.used[s..e].iter_mut().for_each(|u| *u = true);
    }

    /// Whether the normalised text at `i` reads `pat` (already normalised).
    pub fn reads(&self, i: usize, pat: &[char]) -> bool {
        self.norm.get(i..i + pat.len()) == Some(pat)
    }

    /// Whether `pat` at `i` stands as a word: an ASCII letter or digit at
    /// either end of `pat` may not touch another one.
    pub fn reads_word(&self, i: usize, pat: &[char]) -> bool {
        if !self.reads(i, pat) {
            return false;
        }
        let head = pat.first().is_some_and(|&c| is_word(c));
        let tail = pat.last().is_some_and(|&c| is_word(c));
        !(head && is_word(self.before(i)) || tail && is_word(self.at(i + pat.len())))
    }

    /// The first place at or after `from` where `pat` stands free as a word.
    pub fn find(&self, pat: &[char], from: usize) -> Option<usize> {
        (from..self.len()).find(|&i| self.reads_word(i, pat) && self.is_free((i, i + pat.len())))
    }

    pub fn skip_spaces(&self, mut i: usize) -> usize {
        while self.at(i) == ' ' {
            i += 1;
        }
        i
    }

    /// The text as written.
    pub fn written(&self, (s, e): Span) -> String {
        self.orig[s..e].iter().collect()
    }

    pub fn written_upper(&self, span: Span) -> bool {
        self.orig[span.0..span.1]
            .iter()
            .all(|c| !c.is_ascii_lowercase())
    }

    /// Where the clause holding `i` starts.
    pub fn clause_start(&self, i: usize) -> usize {
        (0..i)
            .rev()
            .find(|&j| is_separator(self.at(j)))
            .map_or(0, |j| j + 1)
    }

    /// The free runs of text, split at spaces and punctuation.
    pub fn leftovers(&self) -> Vec<Span> {
        let mut out = vec![];
        let mut start = None;
        for i in 0..=self.len() {
            let c = self.at(i);
            let gap = i == self.len()
                || self.used[i]
                || c == ' '
                || c.is_ascii_punctuation()
                || is_separator(c);
            match (gap, start) {
                (true, Some(s)) => {
                    out.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        out
    }
}

/// A pattern as the scanner compares it.
pub(super) fn chars(s: &str) -> Vec<char> {
    s.chars().map(normalize).collect()
}
