//! `name_similarity` and [`PreparedName`]: comparing personal names.
//!
//! # Tokens
//! A name is read into canonical tokens (in the order written):
//! - [`crate::text::clean`] first (NFKC folds full-width letters, invisible
//!   characters are removed); inputs over [`crate::MAX_FIELD_BYTES`] bytes
//!   are not names.
//! - Latin (and other alphabetic scripts): words are separated by white
//!   space, punctuation, hyphens and dots (`J.R. Smith` → `j r smith`,
//!   `Mary-Kate` → `mary kate`); apostrophes join (`O'Brien` → `obrien`).
//!   Each word is lower-cased and folded to ASCII when it is Latin
//!   (`Müller` → `muller`, `Øst` → `ost`, `ß` → `ss`); other scripts stay
//!   lower-cased as they are. Words without a letter (`123`) are dropped
//!   (digits inside a word with letters stay: `3rd`), and so are titles
//!   (`mr mrs ms miss mx dr prof rev sir madam`) and suffixes (`jr sr ii
//!   iii iv phd esq md`) unless nothing else is left.
//! - Nicknames: a word that is a nickname in the nickname table
//!   (`scripts/gen_nicknames.py`, from the carltonnorthern/nicknames list)
//!   becomes its canonical formal name (`bill` → `william`, `peggy` →
//!   `margaret`, `liz` → `elizabeth`). Keyboard pinyin for `ü` is spelled
//!   as in passports: `lv`/`nv` → `lyu`/`nyu`.
//! - Chinese characters (Han): adjacent runs (spaces between them ignored)
//!   are read in pinyin and split as a Chinese name is written in pinyin
//!   (GB/T 28039-2011): the surname — a compound surname (`欧阳`, `司马`,
//!   … see [`crate::name::CN_COMPOUND_SURNAMES`]) or the first character,
//!   with its surname reading (`单` → `shan`, `曾` → `zeng`) — is one token,
//!   the rest of the run one more token with its syllables joined: `张伟`
//!   → `zhang wei`, `张小明` → `zhang xiaoming`, `欧阳娜娜` → `ouyang
//!   nana`. `ü` is written `yu` (`吕` → `lyu`). Kana and Hangul runs are one
//!   token each, as written.
//! - At most [`MAX_NAME_TOKENS`] tokens are kept.
//!
//! # Similarity
//! Token pairs score (symmetric):
//! - 1.0 for the same token spelled the same way (for tokens read from
//!   Chinese characters: the same characters);
//! - 0.95 for the same canonical token from different spellings (a
//!   nickname and its formal name: `bill` / `william`);
//! - 0.9 for the same pinyin read from different characters (homophones:
//!   `张伟` / `张玮`, a frequent input-method slip), and for a pair that the
//!   nickname table relates without giving it one canonical name (`bill` /
//!   `robert`);
//! - 0.85 for an initial and a word starting with that letter (`j` /
//!   `john`); 0 for an initial and any other word;
//! - tokens both read from Chinese characters otherwise: the share of
//!   character positions that agree (same character 1, same pinyin 0.9),
//!   so `伟` / `芳` is 0;
//! - any other pair: `t = (jaro_winkler + osa_similarity) / 2`, where
//!   `osa_similarity = 1 − optimal-string-alignment distance / longer
//!   length`, then sharpened so that different short names stay apart:
//!   `t` itself when `t ≥ 0.85`, 0 when `t ≤ 0.6`, `(t − 0.6) / 0.25 ·
//!   0.85` between (`smith` / `smyth` 0.84, `wei` / `wen` 0.49).
//!
//! The tokens of the name with fewer tokens are paired one-to-one with
//! tokens of the other so that the sum of the pair scores is highest (exact
//! — branch and bound over all pairings — when there are at most 5,040 of
//! them, else pairs are taken greedily, best first); token order therefore
//! does not matter (`Wei Zhang` = `Zhang Wei` = `ZHANG, Wei`). The similarity is that sum
//! divided by `n + Σ w`, where `n` is the smaller token count and `w` is
//! 0.5 for each unpaired token of the longer name, 0.25 when it is an
//! initial (`John Smith` vs `John Paul Smith` 0.8, vs `John P. Smith`
//! 0.89). Finally, when the tokens written one after the other, without
//! spaces — as written, or with the last token moved to the front — spell
//! the same letters in both names, the similarity is at least 0.95
//! (`Xiao Ming Zhang` vs `张小明`).
//!
//! `name_similarity` of two raw strings is the similarity of their
//! [`PreparedName`]s, 0.0 when either is not a name (no letters, or longer
//! than [`crate::MAX_FIELD_BYTES`]); identical names give 1.0.

use std::cmp::Ordering;

use rapidfuzz::distance::{jaro_winkler as rf_jw, osa as rf_osa};
use unicode_normalization::char::is_combining_mark;

use super::nicknames::{CANONICAL, NAMES, PAIRS};
use super::phonetic::{dm_primary, fold_ascii};
use super::pinyin::{compound_surname, surname_syllable, syllable};
use crate::codec::{DecodeError, Reader, Writer};

/// Tokens of a name beyond this many are ignored.
pub const MAX_NAME_TOKENS: usize = 16;

const SAME_CANONICAL: f64 = 0.95;
const HOMOPHONE: f64 = 0.9;
const NICKNAME_RELATED: f64 = 0.9;
const INITIAL: f64 = 0.85;
const CONCAT_EQUAL: f64 = 0.95;
const UNPAIRED_WORD: f64 = 0.5;
const UNPAIRED_INITIAL: f64 = 0.25;
/// All pairings are enumerated up to this many, else greedy.
const MAX_PAIRINGS: usize = 5040;

const TITLES_AND_SUFFIXES: &[&str] = &[
    "dr", "esq", "ii", "iii", "iv", "jr", "madam", "md", "miss", "mr", "mrs", "ms", "mx", "phd", "prof", "rev", "sir",
    "sr",
];

/// A name read into canonical tokens once, to be compared many times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedName {
    /// Canonical tokens in written order. Boxed slices, not Vecs: a batch
    /// job holds one per row, and a Vec's spare capacity (built with room
    /// for four tokens, most names have two) would be a tenth of a record.
    tokens: Box<[String]>,
    info: Box<[TokInfo]>,
}

/// A Chinese character and the reading used for it.
type Reading = (char, &'static str);

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct TokInfo {
    /// The spelling before nickname mapping, when it differs.
    raw: Option<Box<str>>,
    /// The Chinese characters the token was read from, with their readings.
    han: Option<Box<[Reading]>>,
    /// A single letter.
    initial: bool,
    /// Index in the nickname table of the spelling and of the canonical
    /// name, when the word is in the table.
    nick: Option<(u16, u16)>,
}

#[derive(PartialEq, Clone, Copy)]
enum Run {
    None,
    Word,
    Han,
    OtherCjk,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '`' | '\u{00B4}' | '\u{2032}')
}

struct Builder {
    tokens: Vec<String>,
    info: Vec<TokInfo>,
    seen_han: bool,
}

impl Builder {
    fn push(&mut self, token: String, info: TokInfo) {
        if self.tokens.len() < MAX_NAME_TOKENS && !token.is_empty() {
            self.tokens.push(token);
            self.info.push(info);
        }
    }

    fn word(&mut self, w: &mut String) {
        if w.chars().any(char::is_alphabetic) {
            let word = std::mem::take(w);
            let word = match word.as_str() {
                "lv" => "lyu".to_string(),
                "nv" => "nyu".to_string(),
                "lve" => "lyue".to_string(),
                "nve" => "nyue".to_string(),
                _ => word,
            };
            let initial = word.chars().count() == 1;
            match NAMES.binary_search(&word.as_str()) {
                Ok(i) => {
                    let canon = CANONICAL[i];
                    let nick = Some((i as u16, canon));
                    if usize::from(canon) == i {
                        self.push(word, TokInfo { initial, nick, ..TokInfo::default() });
                    } else {
                        let canonical = NAMES[usize::from(canon)].to_string();
                        self.push(canonical, TokInfo { raw: Some(word.into()), han: None, initial, nick });
                    }
                }
                Err(_) => self.push(word, TokInfo { initial, ..TokInfo::default() }),
            }
        }
        w.clear();
    }

    fn han(&mut self, run: &mut Vec<char>) {
        if run.is_empty() {
            return;
        }
        // Each character with the reading used for it.
        let mut read: Vec<(char, &'static str)> = run.iter().map(|&c| (c, syllable(c).unwrap_or(""))).collect();
        let mut rest: &[(char, &'static str)] = &read;
        let mut surname_len = 0;
        if !self.seen_han {
            self.seen_han = true;
            surname_len = if let Some(r) = compound_surname(run) {
                read[0].1 = r[0];
                read[1].1 = r[1];
                2
            } else if run.len() >= 2
                && crate::name::CN_COMPOUND_SURNAMES.iter().any(|s| s.chars().eq(run[..2].iter().copied()))
            {
                2
            } else {
                read[0].1 = surname_syllable(run[0]).unwrap_or("");
                1
            };
            rest = &read;
        }
        let token = |part: &[(char, &'static str)]| {
            let mut t = String::with_capacity(part.len() * 6);
            part.iter().for_each(|(_, s)| push_syllable(s, &mut t));
            (t, TokInfo { han: Some(part.into()), ..TokInfo::default() })
        };
        if surname_len > 0 {
            let (t, i) = token(&rest[..surname_len]);
            self.push(t, i);
            rest = &rest[surname_len..];
        }
        if !rest.is_empty() {
            let (t, i) = token(rest);
            self.push(t, i);
        }
        run.clear();
    }
}

/// Appends a pinyin syllable to a token, `ü` written `yu` as in passports.
fn push_syllable(s: &str, out: &mut String) {
    for c in s.chars() {
        if c == 'ü' {
            out.push_str("yu");
        } else {
            out.push(c);
        }
    }
}

impl PreparedName {
    /// Reads `name` into tokens; `None` when it has no letters or is longer
    /// than [`crate::MAX_FIELD_BYTES`] bytes.
    pub fn new(name: &str) -> Option<PreparedName> {
        if name.len() > crate::MAX_FIELD_BYTES {
            return None;
        }
        let cleaned = crate::text::clean_cow(name);
        let mut b = Builder { tokens: Vec::with_capacity(4), info: Vec::with_capacity(4), seen_han: false };
        let mut run = Run::None;
        let mut word = String::new();
        let mut han: Vec<char> = Vec::new();
        let mut other = String::new();
        let mut lower = String::new();
        for c in cleaned.chars() {
            let kind = if c.is_ascii() {
                // (the common case, without the table look-ups below)
                if c.is_ascii_alphanumeric() {
                    Run::Word
                } else if (run == Run::Word && is_apostrophe(c)) || (run == Run::Han && c == ' ') {
                    continue;
                } else {
                    Run::None
                }
            } else if syllable(c).is_some() {
                Run::Han
            } else if crate::name::is_cjk(c) {
                Run::OtherCjk
            } else if c.is_alphanumeric() || (run == Run::Word && is_combining_mark(c)) {
                Run::Word
            } else if is_apostrophe(c) && run == Run::Word {
                continue;
            } else if c == ' ' && run == Run::Han {
                // Spaces between Chinese characters do not separate words.
                continue;
            } else {
                Run::None
            };
            if kind != run {
                match run {
                    Run::Word => b.word(&mut word),
                    Run::Han => b.han(&mut han),
                    Run::OtherCjk => b.push(std::mem::take(&mut other), TokInfo::default()),
                    Run::None => {}
                }
                run = kind;
            }
            match kind {
                Run::Han => han.push(c),
                Run::OtherCjk => other.push(c),
                Run::Word => {
                    if c.is_ascii() {
                        word.push(c.to_ascii_lowercase());
                        continue;
                    }
                    if is_combining_mark(c) {
                        continue;
                    }
                    lower.clear();
                    lower.extend(c.to_lowercase());
                    for l in lower.chars() {
                        if !(l.is_alphabetic() && fold_ascii(l, &mut word)) {
                            word.push(l);
                        }
                    }
                }
                Run::None => {}
            }
        }
        match run {
            Run::Word => b.word(&mut word),
            Run::Han => b.han(&mut han),
            Run::OtherCjk => b.push(other, TokInfo::default()),
            Run::None => {}
        }
        let Builder { mut tokens, mut info, .. } = b;
        // Titles and suffixes go, unless they are all there is.
        let keep: Vec<bool> = tokens
            .iter()
            .zip(&info)
            .map(|(t, i)| i.han.is_some() || TITLES_AND_SUFFIXES.binary_search(&i.raw.as_deref().unwrap_or(t)).is_err())
            .collect();
        if keep.iter().any(|&k| k) && keep.iter().any(|&k| !k) {
            let mut k = keep.iter();
            tokens.retain(|_| *k.next().unwrap_or(&true));
            let mut k = keep.iter();
            info.retain(|_| *k.next().unwrap_or(&true));
        }
        if tokens.is_empty() {
            None
        } else {
            Some(PreparedName { tokens: tokens.into_boxed_slice(), info: info.into_boxed_slice() })
        }
    }

    /// The canonical tokens, in the order written.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// The canonical tokens sorted and joined with a space: the same for
    /// `张伟`, `Zhang Wei` and `WEI ZHANG` (`wei zhang`), and for `Bill
    /// Smith` and `William Smith` (`smith william`).
    pub fn key(&self) -> String {
        let mut t: Vec<&str> = self.tokens.iter().map(String::as_str).collect();
        t.sort_unstable();
        t.join(" ")
    }

    /// The Double Metaphone primary codes of the tokens (a token without a
    /// code, e.g. kana, stands for itself), sorted and joined with a space;
    /// a coarse key for blocking: `Zhang Wei` → `A JNK`.
    pub fn phonetic_key(&self) -> String {
        let mut codes: Vec<String> = self
            .tokens
            .iter()
            .map(|t| {
                let code = if t.is_ascii() { dm_primary(t) } else { String::new() };
                if code.is_empty() {
                    t.clone()
                } else {
                    code
                }
            })
            .collect();
        codes.sort_unstable();
        codes.join(" ")
    }

    /// The similarity of two names in [0, 1]; see the module documentation.
    pub fn similarity(&self, other: &PreparedName) -> f64 {
        // Orient so that `a` has no more tokens than `b`, and equal counts
        // in a fixed order, so that the result does not depend on the
        // argument order.
        let (a, b) = match self.tokens.len().cmp(&other.tokens.len()) {
            Ordering::Less => (self, other),
            Ordering::Greater => (other, self),
            Ordering::Equal if self.order_cmp(other) != Ordering::Greater => (self, other),
            Ordering::Equal => (other, self),
        };
        let (n, m) = (a.tokens.len(), b.tokens.len());
        let mut score = [[0.0f64; MAX_NAME_TOKENS]; MAX_NAME_TOKENS];
        for (i, row) in score.iter_mut().enumerate().take(n) {
            for (j, cell) in row.iter_mut().enumerate().take(m) {
                *cell = token_similarity(&a.tokens[i], &a.info[i], &b.tokens[j], &b.info[j]);
            }
        }
        let weight = |j: usize| if b.info[j].initial { UNPAIRED_INITIAL } else { UNPAIRED_WORD };
        let (sum, used) = best_pairing(&score, n, m);
        let unpaired: f64 = (0..m).filter(|j| used & (1 << j) == 0).map(weight).sum();
        let mut sim = sum / (n as f64 + unpaired);
        if sim < CONCAT_EQUAL && concat_equal(a, b) {
            sim = CONCAT_EQUAL;
        }
        sim.clamp(0.0, 1.0)
    }

    /// A total order on prepared names, to orient comparisons.
    fn order_cmp(&self, other: &PreparedName) -> Ordering {
        fn info(p: &PreparedName) -> impl Iterator<Item = (Option<&str>, Option<&[Reading]>, bool)> {
            p.info.iter().map(|i| (i.raw.as_deref(), i.han.as_deref(), i.initial))
        }
        self.tokens.cmp(&other.tokens).then_with(|| info(self).cmp(info(other)))
    }

    /// Appends the name's compact form (see [`crate::codec`]): each token
    /// with what was read from it. A Chinese character's reading is stored
    /// as which rule chose it ([`reading_rule`]), so that decoding gives
    /// back the same `&'static str` without a table of every syllable.
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.varint(self.tokens.len() as u64);
        for (token, info) in self.tokens.iter().zip(self.info.iter()) {
            w.str(token);
            let flags = u8::from(info.raw.is_some())
                | u8::from(info.han.is_some()) << 1
                | u8::from(info.initial) << 2
                | u8::from(info.nick.is_some()) << 3;
            w.u8(flags);
            if let Some(raw) = &info.raw {
                w.str(raw);
            }
            if let Some(han) = &info.han {
                w.varint(han.len() as u64);
                for (i, (c, reading)) in han.iter().enumerate() {
                    w.varint(u64::from(u32::from(*c)));
                    w.u8(reading_rule(han, i, reading));
                }
            }
            if let Some((spelling, canonical)) = info.nick {
                w.varint(u64::from(spelling));
                w.varint(u64::from(canonical));
            }
        }
    }

    /// The name [`PreparedName::encode`] wrote.
    pub(crate) fn decode(r: &mut Reader) -> Result<PreparedName, DecodeError> {
        let n = r.read_len()?;
        let mut tokens = Vec::with_capacity(n);
        let mut info = Vec::with_capacity(n);
        for _ in 0..n {
            tokens.push(r.str()?.to_string());
            let flags = r.u8()?;
            let raw = if flags & 1 != 0 { Some(r.str()?.into()) } else { None };
            let han = if flags & 2 != 0 {
                let chars = r.read_len()?;
                let mut han: Vec<char> = Vec::with_capacity(chars);
                let mut rules = Vec::with_capacity(chars);
                for _ in 0..chars {
                    han.push(r.char()?);
                    rules.push(r.u8()?);
                }
                let read: Vec<Reading> = (0..chars)
                    .map(|i| Ok((han[i], reading_by_rule(&han, i, rules[i])?)))
                    .collect::<Result<_, DecodeError>>()?;
                Some(read.into_boxed_slice())
            } else {
                None
            };
            let nick = if flags & 8 != 0 {
                let index = |v: u64| u16::try_from(v).ok().filter(|i| usize::from(*i) < NAMES.len());
                let spelling = index(r.varint()?).ok_or(DecodeError("nickname index out of range"))?;
                let canonical = index(r.varint()?).ok_or(DecodeError("nickname index out of range"))?;
                Some((spelling, canonical))
            } else {
                None
            };
            info.push(TokInfo { raw, han, initial: flags & 4 != 0, nick });
        }
        if tokens.is_empty() {
            return Err(DecodeError("a name without tokens"));
        }
        Ok(PreparedName { tokens: tokens.into_boxed_slice(), info: info.into_boxed_slice() })
    }
}

/// How the reading of character `i` of a token's characters was chosen
/// (see `Builder::han`): 0 its common reading, 1 its reading as a
/// surname, 2 and 3 the first or second reading of the compound surname
/// the token spells, 4 none.
fn reading_rule(han: &[Reading], i: usize, reading: &str) -> u8 {
    let c = han[i].0;
    if syllable(c) == Some(reading) {
        0
    } else if surname_syllable(c) == Some(reading) {
        1
    } else if i < 2 && compound_surname(&[han[0].0, han.get(1).map_or('\0', |h| h.0)]).is_some_and(|r| r[i] == reading)
    {
        2 + i as u8
    } else {
        4
    }
}

/// The reading [`reading_rule`] stands for.
fn reading_by_rule(han: &[char], i: usize, rule: u8) -> Result<&'static str, DecodeError> {
    let c = han[i];
    let reading = match rule {
        0 => syllable(c),
        1 => surname_syllable(c),
        2 | 3 if usize::from(rule - 2) == i => compound_surname(han).map(|r| r[i]),
        4 => Some(""),
        _ => None,
    };
    reading.ok_or(DecodeError("a Chinese reading that does not apply"))
}

/// m! / (m − n)!, saturating.
fn pairings(n: usize, m: usize) -> usize {
    ((m - n + 1)..=m).fold(1usize, |acc, k| acc.saturating_mul(k))
}

type Scores = [[f64; MAX_NAME_TOKENS]; MAX_NAME_TOKENS];

/// The pairing of a's `n` tokens with distinct tokens of b (n ≤ m) with
/// the highest sum of scores, and the set of b's tokens used. Greedy first
/// (exact when every token got its best score); then, when there are at
/// most [`MAX_PAIRINGS`] pairings, branch and bound over all of them. Among
/// equal sums the first found wins, which is deterministic.
fn best_pairing(score: &Scores, n: usize, m: usize) -> (f64, u32) {
    let greedy = greedy(score, n, m);
    let mut row_max = [0.0f64; MAX_NAME_TOKENS];
    for i in 0..n {
        row_max[i] = score[i][..m].iter().copied().fold(0.0, f64::max);
    }
    let bound: f64 = row_max[..n].iter().sum();
    if greedy.0 >= bound - 1e-12 || pairings(n, m) > MAX_PAIRINGS {
        return greedy;
    }
    // rest[i]: the most that tokens i.. can still add.
    let mut rest = [0.0f64; MAX_NAME_TOKENS + 1];
    for i in (0..n).rev() {
        rest[i] = rest[i + 1] + row_max[i];
    }
    let mut best = greedy;
    search(score, &rest, n, m, 0, 0, 0.0, &mut best);
    best
}

#[allow(clippy::too_many_arguments)]
fn search(score: &Scores, rest: &[f64], n: usize, m: usize, i: usize, used: u32, sum: f64, best: &mut (f64, u32)) {
    if sum + rest[i] <= best.0 + 1e-12 {
        return;
    }
    if i == n {
        *best = (sum, used);
        return;
    }
    for j in 0..m {
        if used & (1 << j) == 0 {
            search(score, rest, n, m, i + 1, used | (1 << j), sum + score[i][j], best);
        }
    }
}

/// Pairs taken best first (ties: lowest i, then lowest j).
fn greedy(score: &Scores, n: usize, m: usize) -> (f64, u32) {
    let (mut used_a, mut used_b, mut sum) = (0u32, 0u32, 0.0);
    for _ in 0..n {
        let mut pick = (f64::NEG_INFINITY, 0, 0);
        for (i, row) in score.iter().enumerate().take(n) {
            if used_a & (1 << i) != 0 {
                continue;
            }
            for (j, &v) in row.iter().enumerate().take(m) {
                if used_b & (1 << j) == 0 && v > pick.0 {
                    pick = (v, i, j);
                }
            }
        }
        used_a |= 1 << pick.1;
        used_b |= 1 << pick.2;
        sum += pick.0;
    }
    (sum, used_b)
}

/// Whether the nickname table pairs the spelling or canonical name of one
/// word with the spelling or canonical name of the other.
fn nickname_related(x: (u16, u16), y: (u16, u16)) -> bool {
    [(x.0, y.0), (x.1, y.1), (x.0, y.1), (x.1, y.0)]
        .into_iter()
        .any(|(a, b)| a != b && PAIRS.binary_search(&(a.min(b), a.max(b))).is_ok())
}

fn first_char(t: &str) -> Option<char> {
    t.chars().next()
}

/// The score of one token pair; see the module documentation.
fn token_similarity(x: &str, xi: &TokInfo, y: &str, yi: &TokInfo) -> f64 {
    if x == y {
        return match (&xi.han, &yi.han) {
            (Some(hx), Some(hy)) if hx != hy => han_similarity(hx, hy),
            _ if xi.raw == yi.raw => 1.0,
            _ => SAME_CANONICAL,
        };
    }
    if xi.initial || yi.initial {
        let (init, word, wi) = if xi.initial { (x, y, yi) } else { (y, x, xi) };
        let letter = first_char(init);
        let matches = first_char(word) == letter || wi.raw.as_deref().and_then(first_char) == letter;
        return if matches && !(xi.initial && yi.initial) { INITIAL } else { 0.0 };
    }
    if let (Some(hx), Some(hy)) = (&xi.han, &yi.han) {
        return han_similarity(hx, hy);
    }
    let (rx, ry) = (xi.raw.as_deref().unwrap_or(x), yi.raw.as_deref().unwrap_or(y));
    if let (Some(nx), Some(ny)) = (xi.nick, yi.nick) {
        if nickname_related(nx, ny) {
            return NICKNAME_RELATED;
        }
    }
    let t = if xi.raw.is_none() && yi.raw.is_none() { fuzzy(x, y) } else { fuzzy(rx, ry).max(fuzzy(x, y)) };
    sharpen(t)
}

/// Positional agreement of two runs of Chinese characters.
fn han_similarity(x: &[(char, &str)], y: &[(char, &str)]) -> f64 {
    let agree: f64 = x
        .iter()
        .zip(y)
        .map(|(a, b)| {
            if a.0 == b.0 {
                1.0
            } else if a.1 == b.1 && !a.1.is_empty() {
                HOMOPHONE
            } else {
                0.0
            }
        })
        .sum();
    agree / x.len().max(y.len()) as f64
}

/// (Jaro-Winkler + OSA similarity) / 2 of two different words.
fn fuzzy(x: &str, y: &str) -> f64 {
    let (jw, osa, len) = if x.is_ascii() && y.is_ascii() && x.len() <= SMALL && y.len() <= SMALL {
        let (a, b) = (x.as_bytes(), y.as_bytes());
        if fuzzy_bound(a, b) <= SHARPEN_FLOOR {
            // `sharpen` gives 0 for any value up to the floor.
            return 0.0;
        }
        (jaro_winkler_small(a, b), osa_small(a, b), a.len().max(b.len()))
    } else if x.is_ascii() && y.is_ascii() {
        (rf_jw::similarity(x.bytes(), y.bytes()), rf_osa::distance(x.bytes(), y.bytes()), x.len().max(y.len()))
    } else {
        (
            rf_jw::similarity(x.chars(), y.chars()),
            rf_osa::distance(x.chars(), y.chars()),
            x.chars().count().max(y.chars().count()),
        )
    };
    if len == 0 {
        return 0.0;
    }
    (jw + (1.0 - osa as f64 / len as f64)) / 2.0
}

/// An upper bound of [`fuzzy`] for two ASCII words, from the number of
/// characters they have in common as multisets (`c`): Jaro matches at most
/// `c` characters, so Jaro ≤ `(c/|a| + c/|b| + 1) / 3` and Winkler's bonus
/// adds at most `prefix · 0.1` of the rest; and at least `max(|a|, |b|) −
/// c` characters need an edit, so the OSA similarity is at most `c / max`.
fn fuzzy_bound(a: &[u8], b: &[u8]) -> f64 {
    let (la, lb) = (a.len(), b.len());
    if la == 0 || lb == 0 {
        return 1.0;
    }
    let mut count = [0i8; 128];
    for &c in a {
        count[usize::from(c & 0x7F)] += 1;
    }
    let mut common = 0usize;
    for &c in b {
        let slot = &mut count[usize::from(c & 0x7F)];
        if *slot > 0 {
            *slot -= 1;
            common += 1;
        }
    }
    let c = common as f64;
    let jaro = (c / la as f64 + c / lb as f64 + 1.0) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    let jw = (jaro + prefix * 0.1 * (1.0 - jaro)).min(1.0);
    (jw + c / la.max(lb) as f64) / 2.0
}

/// Words up to this many bytes use the allocation-free routines below
/// (the general ones build pattern tables on every call).
const SMALL: usize = 32;

/// Jaro-Winkler of two ASCII words of at most [`SMALL`] bytes: the
/// textbook algorithm with bit sets (equal to `rapidfuzz`'s, tested).
fn jaro_winkler_small(a: &[u8], b: &[u8]) -> f64 {
    let (la, lb) = (a.len(), b.len());
    if la == 0 || lb == 0 {
        return if la == lb { 1.0 } else { 0.0 };
    }
    let window = (la.max(lb) / 2).saturating_sub(1);
    let (mut fa, mut fb, mut m) = (0u64, 0u64, 0usize);
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(lb);
        for (j, &bj) in b.iter().enumerate().take(hi).skip(lo) {
            if fb & (1 << j) == 0 && bj == c {
                fb |= 1 << j;
                fa |= 1 << i;
                m += 1;
                break;
            }
        }
    }
    if m == 0 {
        return 0.0;
    }
    let (mut half_t, mut j) = (0usize, 0usize);
    for (i, &c) in a.iter().enumerate() {
        if fa & (1 << i) != 0 {
            while fb & (1 << j) == 0 {
                j += 1;
            }
            if b[j] != c {
                half_t += 1;
            }
            j += 1;
        }
    }
    let mf = m as f64;
    let jaro = (mf / la as f64 + mf / lb as f64 + (mf - (half_t / 2) as f64) / mf) / 3.0;
    if jaro <= 0.7 {
        return jaro;
    }
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

/// Optimal-string-alignment distance of two ASCII words of at most
/// [`SMALL`] bytes (three rows on the stack).
fn osa_small(a: &[u8], b: &[u8]) -> usize {
    let m = b.len();
    let mut rows = [[0usize; SMALL + 1]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    // rows[(i + 1) % 3] is row i - 1, rows[(i + 2) % 3] row i - 2 ... rotated by index.
    let (mut prev2, mut prev, mut cur) = (0usize, 1usize, 2usize);
    for i in 1..=a.len() {
        rows[cur][0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev][j] + 1).min(rows[cur][j - 1] + 1).min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = v;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    rows[prev][m]
}

/// At or below this, [`sharpen`] gives 0.
const SHARPEN_FLOOR: f64 = 0.6;

fn sharpen(t: f64) -> f64 {
    if t >= 0.85 {
        t
    } else if t <= SHARPEN_FLOOR {
        0.0
    } else {
        (t - 0.6) / 0.25 * 0.85
    }
}

/// Whether the tokens written together spell the same letters, as written
/// or with the last token first, in either name.
fn concat_equal(a: &PreparedName, b: &PreparedName) -> bool {
    let len = |p: &PreparedName| p.tokens.iter().map(String::len).sum::<usize>();
    if len(a) != len(b) || (a.tokens.len() == 1 && b.tokens.len() == 1) {
        return false;
    }
    fn written(p: &PreparedName) -> Vec<u8> {
        p.tokens.iter().flat_map(|t| t.bytes()).collect()
    }
    fn rotated(p: &PreparedName) -> Vec<u8> {
        match p.tokens.split_last() {
            Some((last, rest)) => std::iter::once(last).chain(rest).flat_map(|t| t.bytes()).collect(),
            None => Vec::new(),
        }
    }
    let (wa, wb) = (written(a), written(b));
    wa == wb || rotated(a) == wb || wa == rotated(b)
}

/// Similarity of two raw names: that of their [`PreparedName`]s, 0.0 when
/// either is not a name.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    match (PreparedName::new(a), PreparedName::new(b)) {
        (Some(x), Some(y)) => x.similarity(&y),
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sim(a: &str, b: &str) -> f64 {
        name_similarity(a, b)
    }
    fn key(a: &str) -> String {
        PreparedName::new(a).unwrap().key()
    }
    fn toks(a: &str) -> Vec<String> {
        PreparedName::new(a).unwrap().tokens().to_vec()
    }

    #[test]
    fn tokens_and_keys() {
        assert_eq!(toks("张伟"), ["zhang", "wei"]);
        assert_eq!(toks("张 小明"), ["zhang", "xiaoming"]);
        assert_eq!(toks("欧阳娜娜"), ["ouyang", "nana"]);
        assert_eq!(toks("单田芳"), ["shan", "tianfang"]);
        assert_eq!(toks("吕布"), ["lyu", "bu"]);
        assert_eq!(toks("Lv Bu"), ["lyu", "bu"]);
        assert_eq!(toks("ZHANG, Wei"), ["zhang", "wei"]);
        assert_eq!(toks("Dr. José Álvarez-Núñez Jr."), ["jose", "alvarez", "nunez"]);
        assert_eq!(toks("O'Brien, Peggy"), ["obrien", "margaret"]);
        assert_eq!(toks("J.R.R. Tolkien"), ["j", "r", "r", "tolkien"]);
        assert_eq!(toks("Ｗｉｌｌｉａｍ Ｇａｔｅｓ"), ["william", "gates"]);
        assert_eq!(toks("Zh\u{200B}ang Wei"), ["zhang", "wei"]);
        assert_eq!(toks("Jose\u{301}"), ["jose"]);
        assert_eq!(toks("Straße"), ["strasse"]);
        assert_eq!(toks("Иван Петров"), ["иван", "петров"]);
        assert_eq!(toks("山田はなこ"), ["shan", "tian", "はなこ"]);
        assert_eq!(toks("Mr"), ["mr"]);
        assert_eq!(key("张伟"), "wei zhang");
        assert_eq!(key("Zhang Wei"), "wei zhang");
        assert_eq!(key("WEI ZHANG"), "wei zhang");
        assert_eq!(key("ＺＨＡＮＧ，Ｗｅｉ"), "wei zhang");
        assert_eq!(key("Bill Smith"), key("William Smith"));
        assert_eq!(key("Bill Smith"), "smith william");
        assert_eq!(key("Liz Taylor"), "elizabeth taylor");
        assert_eq!(PreparedName::new("Zhang Wei").unwrap().phonetic_key(), "A JNK");
        assert_eq!(PreparedName::new("张伟").unwrap().phonetic_key(), "A JNK");
        for none in ["", "  ", "123", "!!!", "😀", "\u{200B}"] {
            assert_eq!(PreparedName::new(none), None, "{none:?}");
        }
        assert_eq!(PreparedName::new(&"a".repeat(5000)), None);
    }

    #[test]
    fn required_behaviour() {
        let chinese = ["张伟", "Zhang Wei", "Wei Zhang", "ZHANG, Wei", "zhang wei", "ＺＨＡＮＧ Ｗｅｉ"];
        for a in chinese {
            for b in chinese {
                assert!(sim(a, b) >= 0.9, "{a} / {b}: {}", sim(a, b));
            }
        }
        assert!(sim("张伟", "李伟") <= 0.6);
        assert!(sim("王伟", "王芳") <= 0.6);
        assert!(sim("J. Smith", "John Smith") >= 0.85);
        assert!(sim("J. Smith", "Mary Smith") <= 0.6);
        for (a, b) in [
            ("Bill Smith", "William Smith"),
            ("Bob Jones", "Robert Jones"),
            ("Liz Taylor", "Elizabeth Taylor"),
            ("Peggy Olson", "Margaret Olson"),
        ] {
            assert!(sim(a, b) >= 0.95, "{a} / {b}: {}", sim(a, b));
        }
        for a in ["张伟", "John Smith", "Dr. José Álvarez", "J", "Иван"] {
            assert_eq!(sim(a, a), 1.0);
        }
    }

    #[test]
    fn exact_values() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(sim("J. Smith", "John Smith"), (INITIAL + 1.0) / 2.0));
        assert!(close(sim("J. Smith", "Mary Smith"), 0.5));
        assert!(close(sim("Bill Smith", "William Smith"), (SAME_CANONICAL + 1.0) / 2.0));
        assert!(close(sim("Bill Smith", "Robert Smith"), (NICKNAME_RELATED + 1.0) / 2.0));
        assert!(close(sim("张伟", "张玮"), (1.0 + HOMOPHONE) / 2.0));
        assert!(close(sim("张伟", "李伟"), 0.5));
        assert!(close(sim("王伟", "王芳"), 0.5));
        assert!(close(sim("John Smith", "John Paul Smith"), 2.0 / 2.5));
        assert!(close(sim("John Smith", "John P. Smith"), 2.0 / 2.25));
        assert!(close(sim("Xiao Ming Zhang", "张小明"), CONCAT_EQUAL));
        assert!(close(sim("Xiaoming Zhang", "张小明"), 1.0));
        assert!(close(sim("", "John"), 0.0));
        assert!(close(sim("", ""), 0.0));
        // smith / smyth: jw 0.893333…, osa 0.8 -> t 0.846666… -> (t-0.6)/0.25*0.85
        let t = (0.893_333_333_333_333_3 + 0.8) / 2.0;
        assert!(close(sim("John Smith", "John Smyth"), (1.0 + (t - 0.6) / 0.25 * 0.85) / 2.0));
    }

    #[test]
    fn hostile() {
        let long = "a b ".repeat(1000);
        let t = std::time::Instant::now();
        for _ in 0..100 {
            let _ = sim(&long, &long);
        }
        assert!(t.elapsed().as_secs() < 5);
        assert_eq!(sim(&"x".repeat(1 << 20), &"x".repeat(1 << 20)), 0.0);
        assert_eq!(PreparedName::new(&long).unwrap().tokens().len(), MAX_NAME_TOKENS);
    }

    fn brute(score: &Scores, n: usize, m: usize, i: usize, used: u32) -> f64 {
        if i == n {
            return 0.0;
        }
        (0..m)
            .filter(|j| used & (1 << j) == 0)
            .map(|j| score[i][j] + brute(score, n, m, i + 1, used | (1 << j)))
            .fold(f64::NEG_INFINITY, f64::max)
    }

    proptest! {
        #[test]
        fn best_pairing_is_optimal(cells in proptest::collection::vec(0u8..5, 36), n in 1usize..=6, extra in 0usize..=3) {
            let m = (n + extra).min(6);
            let mut score = [[0.0f64; MAX_NAME_TOKENS]; MAX_NAME_TOKENS];
            for i in 0..n {
                for j in 0..m {
                    score[i][j] = f64::from(cells[i * 6 + j]) / 4.0;
                }
            }
            let (sum, used) = best_pairing(&score, n, m);
            prop_assert!((sum - brute(&score, n, m, 0, 0)).abs() < 1e-9);
            prop_assert_eq!(used.count_ones() as usize, n);
        }

        #[test]
        fn fuzzy_bound_is_an_upper_bound(a in "[a-h]{1,32}", b in "[a-h]{1,32}") {
            let t = (jaro_winkler_small(a.as_bytes(), b.as_bytes())
                + 1.0 - osa_small(a.as_bytes(), b.as_bytes()) as f64 / a.len().max(b.len()) as f64) / 2.0;
            prop_assert!(fuzzy_bound(a.as_bytes(), b.as_bytes()) >= t - 1e-12);
        }

        #[test]
        fn small_routines_agree_with_rapidfuzz(a in "[a-e]{0,32}", b in "[a-e]{0,32}") {
            let jw = rf_jw::similarity(a.bytes(), b.bytes());
            prop_assert!((jaro_winkler_small(a.as_bytes(), b.as_bytes()) - jw).abs() < 1e-12);
            prop_assert_eq!(osa_small(a.as_bytes(), b.as_bytes()), rf_osa::distance(a.bytes(), b.bytes()));
        }

        #[test]
        fn properties(a in "\\PC{0,30}|[a-eA-E .,'张伟王芳单李Ｊ]{0,20}|(Bill|William|J\\.|John|Smith|Zhang|Wei|张伟| )*",
                      b in "\\PC{0,30}|[a-eA-E .,'张伟王芳单李Ｊ]{0,20}|(Bill|William|J\\.|John|Smith|Zhang|Wei|张伟| )*") {
            let (x, y) = (sim(&a, &b), sim(&b, &a));
            prop_assert!((0.0..=1.0).contains(&x));
            prop_assert!((x - y).abs() < 1e-12, "{} vs {}", x, y);
            if let Some(p) = PreparedName::new(&a) {
                prop_assert_eq!(p.similarity(&p), 1.0);
                prop_assert_eq!(sim(&a, &a), 1.0);
                prop_assert!(!p.key().is_empty());
                prop_assert!(!p.phonetic_key().is_empty());
            }
        }
    }
}
