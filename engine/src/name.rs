//! `normalize_name` and `name_parts`: personal names in Latin and CJK scripts.
//!
//! Both functions start from [`crate::text::clean`] (invisibles removed, NFKC
//! so full-width letters and the ideographic space are folded, white space
//! collapsed) and then share one tokenizer, so that `name_parts` always
//! returns its fields spelled exactly as `normalize_name` spells them.
//!
//! # Character clean-up (why: the same name arrives typed many ways)
//! - Typographic apostrophes (`’ ‘ ʼ ´ ′ \``) become `'`; dashes and hyphen
//!   look-alikes become `-`; middle-dot look-alikes (`· • ・ ‧ ∙ ⋅ ･`) become
//!   `·` (U+00B7, the dot used in Chinese transliterations such as
//!   `阿卜杜·热合曼`). A `.` or `。` between two CJK characters is also such a
//!   separator dot, a common typing substitute.
//! - Everything that is not a letter, digit, combining mark or one of
//!   `' - . , ·` is replaced by a space: quotes, brackets, `!`, `/`, `&`...
//!   carry no part of the name itself.
//! - Spaces around `-` and `·` are removed (`Mary - Kate` → `Mary-Kate`);
//!   repeated, leading and trailing `-`, `'`, `·` inside a word are dropped,
//!   and so are apostrophes touching a CJK character.
//! - A space is inserted where a CJK character touches a letter of another
//!   script (`张David` → `张 David`), so each word has one script.
//! - The result must contain at least one letter: empty, blank, `123`, `!!!`
//!   are `None`. Inputs (and results) over [`crate::MAX_FIELD_BYTES`] are
//!   `None`. Digits are kept as typed (`John Smith 3rd`): we do not know
//!   whether they are data-entry noise or part of the name, and dropping
//!   information silently is worse than keeping it.
//!
//! # Latin and other space-separated scripts
//! Each word is title-cased (`JOHN` → `John`, Greek and Cyrillic too) with
//! these exceptions, all chosen to match how the names are really spelled:
//! - Words that already carry deliberate inner capitals (`DiCaprio`,
//!   `DeVito`, `LeBlanc`: first letter upper, no two capitals in a row, a
//!   capital after a small letter) are kept as typed, because no rule can
//!   rebuild them from `DICAPRIO`. All-caps or all-lower input gets the rules.
//! - Particles (`van von der den de del della da das dos di du la le bin
//!   binti al ter ten des zu ibn bint`) are lower-case *inside* a name
//!   (`Ludwig van Beethoven`, `Juan de la Cruz`) but capitalized when they
//!   open it, which is the Dutch/Spanish convention for a surname standing
//!   alone (`VAN DAM` → `Van Dam`, `DE LA CRUZ` → `De la Cruz`). A particle
//!   that ends the name is not lower-cased (`John Van` is more likely a
//!   surname), except trailing particles after a comma (`Beethoven, Ludwig
//!   van`). Leading titles (`Mr`, `Dr`…) do not count as the opening word.
//!   `al-` is also lower-cased inside a name (`Harun al-Rashid`).
//! - Particles are left alone when the name begins or ends with a common
//!   Chinese, Vietnamese or Korean romanized surname, because `Van`, `De`,
//!   `Le`, `Da`, `Du` are then syllables of the name (`Nguyen Van An`,
//!   `Liu De Hua`), not particles.
//! - `Mc` is always a prefix (`MCDONALD` → `McDonald`). `Mac` is only one
//!   for a curated list of Scottish/Irish surnames ([`MAC_SURNAMES`]), since
//!   `Machado`, `Mack`, `Macy`, `Mackie` are not `Mac`+name.
//! - After a one-letter prefix and an apostrophe the next letter is a capital
//!   (`O'Brien`, `D'Angelo`, `N'Golo`); after longer ones it is not
//!   (`Ma'ayan`).
//! - Each hyphen or `·` part is cased on its own (`Jean-Luc`,
//!   `Smith-Jones`, `Maimaiti·Abudu`); so is each run of non-CJK characters
//!   between CJK characters, so the result does not depend on spacing.
//! - A `.` ends a word, so initials are spaced: `J.R.R. Tolkien` →
//!   `J. R. R. Tolkien`. Missing periods are not added (`J R Tolkien` stays).
//! - Suffixes after the first word get one canonical spelling: `Jr.`, `Sr.`,
//!   `II`, `III`, `IV`, `PhD` (from `Ph.D.`, `PHD`), `Esq.`, `2nd`, `3rd`,
//!   `4th`. They are not part of any `name_parts` field.
//! - Commas are kept (`Smith, John`): the order is information and
//!   `normalize_name` never reorders; `name_parts` interprets it. Spaces
//!   around commas are normalized to `, ` and empty/duplicate commas dropped.
//!
//! # CJK (Han, kana, Hangul)
//! Characters are kept as they are (no simplified/traditional conversion),
//! spaces between CJK characters and commas/periods in an all-CJK name are
//! removed (`张 伟` → `张伟`), middle dots are unified to `·`.
//!
//! # `name_parts`
//! - `script` is `cjk` when every letter is Han/kana/Hangul, `latin` when
//!   none is (Cyrillic, Greek, Arabic… are reported as `latin`, i.e. "a
//!   space-separated script"), `mixed` otherwise.
//! - Latin with a comma: `Family, Given Middle…` (`SMITH, John Paul`);
//!   trailing particles of the given part move to the family (`Beethoven,
//!   Ludwig van` → family `van Beethoven`).
//! - Latin with one contiguous run of ALL-CAPS words among mixed-case words:
//!   the run is the family, the passport/forms convention (`ZHANG Wei`,
//!   `Wei ZHANG`, `Maria DE LA CRUZ`). Single letters do not count as caps.
//! - Otherwise Western order: first word given, last word family together
//!   with the particles before it (`Ludwig van Beethoven` → `van
//!   Beethoven`), words in between middle. When the name *starts* with a
//!   surname particle and is only particles + one word (`Van Dam`, `De la
//!   Cruz`), it is all family. A single word is the given name (we cannot
//!   tell, and forms with one field usually hold what a person is called).
//!   Leading titles and suffixes are not part of any field.
//! - CJK: a `·` splits a transliterated name, given first (`阿卜杜·热合曼`:
//!   given `阿卜杜`, family `热合曼`, anything between is middle). Typed spaces
//!   are trusted: family is the first word (`山田 太郎`). Without a space the
//!   family is a compound surname from [`CN_COMPOUND_SURNAMES`] /
//!   [`KR_COMPOUND_SURNAMES`] or a three-character Japanese one, a leading
//!   Han run when kana follow (`山田はなこ`), the first two characters of a
//!   four-character all-Han name (Japanese 2+2, and Chinese double
//!   surnames of married women `陈方安生`), else the first character (`张伟`,
//!   `王五`). A single character is a family name; kana-only names are given.
//! - Mixed script uses the Latin rules, each CJK run counting as one word.
//!
//! # Idempotence
//! `normalize_name(normalize_name(x)) == normalize_name(x)` for every `x`
//! (property-tested on arbitrary Unicode): every decision is taken on
//! features the output keeps (word boundaries, lower-cased word text,
//! positions), words are formed only after CJK spaces are removed, and a
//! result that would exceed [`crate::MAX_FIELD_BYTES`] (initials gain
//! spaces) is `None` rather than a value that would itself be rejected.

use serde::Serialize;
use unicode_normalization::char::is_combining_mark;

/// A personal name split into its parts; see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameParts {
    pub given: Option<String>,
    pub middle: Option<String>,
    pub family: Option<String>,
    /// `"latin"`, `"cjk"` or `"mixed"`.
    pub script: &'static str,
}

/// Particles written in lower case inside a name. Dutch, German, French,
/// Italian, Spanish, Portuguese, Arabic and Malay usage.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "das", "dos", "di", "du", "la", "le", "bin", "binti", "al",
    "ter", "ten", "des", "zu", "ibn", "bint",
];

/// Particles that can open a surname written alone (`Van Dam`, `De la Cruz`).
/// `al`, `bin`, `ibn`… need a given name before them, and `Al` is a given
/// name (`Al Pacino`), so they are not here.
const LEADING_SURNAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "das", "dos", "di", "du", "la", "le", "ter", "ten", "des",
];

/// Scottish and Irish `Mac` surnames whose second part is capitalized by
/// convention. Curated from the most frequent Mac- surnames in the UK/US
/// census lists; deliberately excludes names where `Mac` is not a prefix
/// (Machado, Mack, Macy, Mackie, Macias, Macon, Macek, Machin…).
pub const MAC_SURNAMES: &[&str] = &[
    "MacAllister",
    "MacAlister",
    "MacArthur",
    "MacAskill",
    "MacAulay",
    "MacBain",
    "MacBean",
    "MacBeth",
    "MacCallum",
    "MacCormick",
    "MacDermott",
    "MacDonald",
    "MacDougall",
    "MacDowell",
    "MacDuff",
    "MacEwan",
    "MacEwen",
    "MacFadyen",
    "MacFarlane",
    "MacGillivray",
    "MacGowan",
    "MacGregor",
    "MacGuire",
    "MacInnes",
    "MacIntosh",
    "MacIntyre",
    "MacIver",
    "MacKay",
    "MacKenna",
    "MacKenzie",
    "MacKinlay",
    "MacKinnon",
    "MacLachlan",
    "MacLaren",
    "MacLaughlin",
    "MacLean",
    "MacLellan",
    "MacLennan",
    "MacLeod",
    "MacManus",
    "MacMaster",
    "MacMillan",
    "MacMurray",
    "MacNab",
    "MacNamara",
    "MacNaughton",
    "MacNeil",
    "MacNeill",
    "MacPhail",
    "MacPhee",
    "MacPherson",
    "MacQuarrie",
    "MacQueen",
    "MacRae",
    "MacRitchie",
    "MacSween",
    "MacTaggart",
    "MacTavish",
    "MacVicar",
];

/// Honorifics recognized at the start of a name.
const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev"];

/// Generational and academic suffixes and their canonical spelling (looked
/// up with dots removed, lower-case).
const SUFFIXES: &[(&str, &str)] = &[
    ("jr", "Jr."),
    ("sr", "Sr."),
    ("ii", "II"),
    ("iii", "III"),
    ("iv", "IV"),
    ("phd", "PhD"),
    ("esq", "Esq."),
    ("2nd", "2nd"),
    ("3rd", "3rd"),
    ("4th", "4th"),
];

/// Romanized Chinese (pinyin and Cantonese), Vietnamese and Korean surnames
/// common enough that a name starting or ending with one is very likely East
/// Asian, where `Van`, `De`, `Le`… are syllables and not particles. From the
/// top of the published surname frequency lists of each country.
const EAST_ASIAN_SURNAMES: &[&str] = &[
    // Chinese (pinyin)
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo",
    "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng",
    "xiao", "tian", "dong", "yuan", "pan", "cai", "jiang", "yu", "du", "ye", "cheng", "su", "wei", "lu", "ding", "ren",
    "shen", "yao", "cui", "zhong", "tan", "fan", "jin", "shi", "liao", "jia", "xia", "fu", "fang", "bai", "zou",
    "meng", "xiong", "qin", "qiu", "yin", "xue", "yan", "duan", "lei", "hou", "long", "shao", "qian", "dai", "kong",
    "xiang", "kang", "wen", "qiao", "ouyang", // Cantonese / Hokkien romanizations
    "chan", "wong", "lee", "cheung", "lau", "ng", "leung", "lam", "yip", "tsang", "chow", "kwok", "tse", "fung",
    "yeung", "lai", "mak", "chu", "tan", "lim", "teo", "goh", "ong", "koh", // Vietnamese
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
    "ly", "truong", "dinh", "trinh", "luong", // Korean
    "kim", "park", "choi", "jung", "cho", "yoon", "jang", "lim", "oh", "seo", "shin", "kwon", "hwang", "ahn", "yoo",
    "hong",
];

/// Chinese compound (two-character) surnames, simplified and traditional.
/// From the 复姓 section of 百家姓, plus 独孤 (《通志·氏族略》). Compounds
/// whose first character is itself a common single surname and which are
/// very rare as compounds (单于, 钟离, 乐正, 左丘, 梁丘, 谷梁, 段干, 宗政) are
/// left out: `单于飞` is far more likely 单 + 于飞.
pub const CN_COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯",
    "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟", "澹台", "公冶", "太史", "申屠", "闻人", "东郭",
    "赫连", "公羊", "濮阳", "淳于", "鲜于", "司空", "拓跋", "闾丘", "仲孙", "太叔", "颛孙", "亓官", "司寇", "子车",
    "巫马", "公西", "漆雕", "壤驷", "公良", "微生", "羊舌", "第五", "东门", "南门", // traditional forms
    "歐陽", "司馬", "諸葛", "東方", "尉遲", "公孫", "長孫", "軒轅", "獨孤", "南宮", "西門", "萬俟", "澹臺", "聞人",
    "東郭", "赫連", "濮陽", "鮮于", "閭丘", "仲孫", "顓孫", "東門", "南門",
];

/// Korean two-syllable surnames (남궁 Namgung, 황보 Hwangbo, …).
pub const KR_COMPOUND_SURNAMES: &[&str] = &["남궁", "황보", "제갈", "사공", "선우", "독고", "동방", "서문"];

/// Frequent three-character Japanese surnames, which the four-character
/// "2 + 2" rule would split wrongly (`佐々木希`).
const JP_THREE_CHAR_SURNAMES: &[&str] =
    &["佐々木", "長谷川", "五十嵐", "久保田", "宇都宮", "小野寺", "佐久間", "長谷部", "大久保"];

/// Han ideographs, kana and Hangul (plus the iteration marks used in names).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF          // Hangul Jamo
        | 0x3005 | 0x3007        // 々 〇
        | 0x3021..=0x3029        // Hangzhou numerals
        | 0x3031..=0x3035        // kana repeat marks
        | 0x303B                 // 〻
        | 0x3041..=0x309F        // Hiragana
        | 0x30A0..=0x30FA        // Katakana (without the middle dot 30FB)
        | 0x30FC..=0x30FF        // ー ヽ ヾ ヿ
        | 0x3131..=0x318F        // Hangul compatibility Jamo
        | 0x31F0..=0x31FF        // Katakana phonetic extensions
        | 0x3400..=0x4DBF        // CJK extension A
        | 0x4E00..=0x9FFF        // CJK unified ideographs
        | 0xA960..=0xA97F        // Hangul Jamo extended-A
        | 0xAC00..=0xD7FF        // Hangul syllables and Jamo extended-B
        | 0xF900..=0xFAFF        // CJK compatibility ideographs
        | 0x20000..=0x323AF // CJK extensions B..H
    )
}

/// CJK unified ideographs (the main block): letters, answered by a range
/// check instead of the Unicode table search of `is_alphanumeric`, for
/// the characters of every Chinese name (a test checks they are letters).
fn is_unified_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x309F | 0x30A0..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF)
}

fn is_han(c: char) -> bool {
    is_cjk(c) && !is_kana(c) && !is_hangul(c)
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3131..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF)
}

const DOT: char = '·';

/// Folds look-alike apostrophes, dashes, middle dots and separators.
fn premap(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '`' | '\u{00B4}' | '\u{2032}' | '\u{FF07}' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{2E3A}' | '\u{2E3B}' => '-',
        '\u{00B7}' | '\u{0387}' | '\u{2022}' | '\u{2027}' | '\u{2219}' | '\u{22C5}' | '\u{30FB}' | '\u{FF65}'
        | '\u{16EB}' | '\u{2E31}' => DOT,
        '\u{3002}' | '\u{FF61}' => '.',
        '\u{3001}' | '\u{FF64}' => ',',
        _ => c,
    }
}

fn script_of(s: &str) -> &'static str {
    let cjk = s.chars().any(is_cjk);
    // (the range check first: the Unicode table search of is_alphabetic
    // is the slow part, and CJK characters need none)
    let other = s.chars().any(|c| !is_cjk(c) && c.is_alphabetic());
    match (cjk, other) {
        (true, true) => "mixed",
        (true, false) => "cjk",
        _ => "latin",
    }
}

/// Character-level clean-up; returns the prepared text (single spaces).
/// With `glue_cjk`, spaces between two CJK characters are removed here,
/// before words are formed, so that a second pass sees the same words.
fn prepare(input: &str, glue_cjk: bool) -> String {
    // (borrowed when premap changes nothing, as for most names)
    let pre: std::borrow::Cow<str> = if input.chars().all(|c| premap(c) == c) {
        input.into()
    } else {
        input.chars().map(premap).collect::<String>().into()
    };
    let cleaned = crate::text::clean_cow(&pre);
    // keep only name characters, everything else is a space
    let mut kept: Vec<char> = cleaned
        .chars()
        .map(premap)
        .map(|c| {
            if is_unified_ideograph(c)
                || c.is_alphanumeric()
                || is_combining_mark(c)
                || matches!(c, '\'' | '-' | '.' | ',' | DOT)
            {
                c
            } else {
                ' '
            }
        })
        .collect();
    kept.dedup_by(|a, b| *a == ' ' && *b == ' ');
    // Most names are Latin letters alone: the CJK passes below would
    // change nothing (each needs a CJK character to act).
    let has_cjk = kept.iter().any(|c| is_cjk(*c));
    // a '.' between two CJK characters is a transliteration dot (changed
    // in place: a neighbour changed to a dot is no CJK character, as the
    // '.' it was is not, so later decisions are the same)
    let mut chars = kept;
    for i in 0..chars.len() {
        if has_cjk && chars[i] == '.' {
            let prev = chars[..i].iter().rev().find(|c| **c != ' ');
            let next = chars[i + 1..].iter().find(|c| **c != ' ');
            if let (Some(p), Some(q)) = (prev, next) {
                if is_cjk(*p) && is_cjk(*q) {
                    chars[i] = DOT;
                }
            }
        }
    }
    // apostrophes touching a CJK character are noise (and would otherwise
    // vanish later, joining a CJK character to a letter)
    let mut chars: Vec<char> = if !has_cjk {
        chars
    } else {
        let mut out = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '\'' {
                let mut j = i;
                while j < chars.len() && chars[j] == '\'' {
                    j += 1;
                }
                let before = i.checked_sub(1).map(|k| chars[k]);
                let after = chars.get(j).copied();
                if !(before.is_some_and(is_cjk) || after.is_some_and(is_cjk)) {
                    out.extend_from_slice(&chars[i..j]);
                }
                i = j;
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        out
    };
    chars.dedup_by(|a, b| *a == ' ' && *b == ' ');
    // space at CJK / other-letter boundaries
    let split = if has_cjk { split_at_cjk_boundaries(&chars) } else { chars };
    // collapse spaces; no spaces next to '-' and '·'
    let mut out = String::with_capacity(split.len());
    let mut last: Option<char> = None;
    for (i, &c) in split.iter().enumerate() {
        if c == ' ' {
            let next = split[i + 1..].iter().find(|c| **c != ' ');
            let glue = matches!(last, None | Some(' ') | Some('-') | Some(DOT))
                || matches!(next.copied(), None | Some('-') | Some(DOT))
                || (glue_cjk && last.is_some_and(is_cjk) && next.is_some_and(|c| is_cjk(*c)));
            if glue {
                continue;
            }
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// A space put between a CJK character and a non-CJK letter next to it.
fn split_at_cjk_boundaries(chars: &[char]) -> Vec<char> {
    let mut split: Vec<char> = Vec::with_capacity(chars.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 {
            let p = chars[i - 1];
            let boundary =
                (is_cjk(p) && !is_cjk(c) && c.is_alphabetic()) || (is_cjk(c) && !is_cjk(p) && p.is_alphabetic());
            if boundary {
                split.push(' ');
            }
        }
        split.push(c);
    }
    split
}

/// One word of a name (a `.` ends a word).
#[derive(Debug, Clone)]
struct Word {
    /// As typed (after clean-up), without the trailing dot.
    raw: String,
    /// As `normalize_name` writes it.
    norm: String,
    dot: bool,
    cjk: bool,
    suffix: bool,
    title: bool,
    /// A particle that was written in lower case.
    lowered: bool,
    /// Lower-cased text, for the word lists.
    lower: String,
}

#[derive(Debug, Clone)]
enum Tok {
    Word(Word),
    Comma,
}

fn suffix_of(raw: &str) -> Option<&'static str> {
    if raw.is_ascii() {
        // The same comparison without building the key (this runs for
        // most words of every name; ASCII lower case is all to_lowercase
        // does to ASCII).
        let key = || raw.bytes().filter(|b| *b != b'.').map(|b| b.to_ascii_lowercase());
        return SUFFIXES.iter().find(|(k, _)| key().eq(k.bytes())).map(|(_, v)| *v);
    }
    let key: String = raw.chars().filter(|c| *c != '.').collect::<String>().to_lowercase();
    SUFFIXES.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn new_word(raw: String, dot: bool) -> Word {
    let lower = raw.to_lowercase();
    Word {
        cjk: raw.chars().any(is_cjk),
        raw,
        norm: String::new(),
        dot,
        suffix: false,
        title: false,
        lowered: false,
        lower,
    }
}

fn trim_seps(s: &str) -> &str {
    s.trim_matches(|c| c == '-' || c == '\'' || c == DOT)
}

/// Splits the prepared text into words and commas.
fn tokenize(prepared: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut have_word = false;
    for chunk in prepared.split(' ') {
        // commas split too, and are tokens
        let mut pieces = chunk.split(',').peekable();
        while let Some(raw) = pieces.next() {
            let raw = trim_seps(raw);
            if !raw.is_empty() && raw.chars().any(char::is_alphanumeric) {
                if have_word && !raw.chars().any(is_cjk) {
                    if let Some(canon) = suffix_of(raw) {
                        let mut w = new_word(raw.to_string(), false);
                        w.suffix = true;
                        w.norm = canon.to_string();
                        toks.push(Tok::Word(w));
                        if pieces.peek().is_some() {
                            toks.push(Tok::Comma);
                        }
                        continue;
                    }
                }
                // (the pieces between dots; all but the last had a dot)
                let last = raw.bytes().filter(|b| *b == b'.').count();
                for (i, seg) in raw.split('.').enumerate() {
                    let seg = trim_seps(seg);
                    if seg.chars().any(char::is_alphanumeric) {
                        let mut w = new_word(seg.to_string(), i < last);
                        if have_word && !w.cjk {
                            if let Some(canon) = suffix_of(seg) {
                                w.suffix = true;
                                w.dot = false;
                                w.norm = canon.to_string();
                            }
                        }
                        toks.push(Tok::Word(w));
                        have_word = true;
                    }
                }
            }
            if pieces.peek().is_some() {
                toks.push(Tok::Comma);
            }
        }
    }
    // no leading, trailing or repeated commas
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for t in toks {
        match t {
            Tok::Comma => {
                if matches!(out.last(), Some(Tok::Word(_))) {
                    out.push(Tok::Comma);
                }
            }
            w => out.push(w),
        }
    }
    while matches!(out.last(), Some(Tok::Comma)) {
        out.pop();
    }
    out
}

/// Upper-cases the first character when that maps to one character (so
/// `ß` is not turned into `SS`), lower-cases the rest; appended to `out`.
fn title_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        // (ASCII letters change case one for one, with no context: the
        // general path below, without its copy)
        let mut bytes = s.bytes();
        if let Some(first) = bytes.next() {
            out.push(char::from(first.to_ascii_uppercase()));
        }
        out.extend(bytes.map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    let lower = s.to_lowercase();
    let mut chars = lower.chars();
    if let Some(first) = chars.next() {
        let mut up = first.to_uppercase();
        match (up.next(), up.next()) {
            (Some(u), None) => out.push(u),
            _ => out.push(first),
        }
    }
    out.extend(chars);
}

/// Inner capitals typed on purpose (`DiCaprio`, `McDonald`, `LeBlanc`).
fn is_deliberate_camel(s: &str) -> bool {
    // The case of each cased letter, in order, read without collecting it.
    let mut cased = s.chars().filter(|c| c.is_uppercase() || c.is_lowercase()).map(|c| c.is_uppercase());
    let Some(first) = cased.next() else { return false };
    if !first {
        return false;
    }
    let (mut count, mut prev, mut camel) = (1usize, first, false);
    for upper in cased {
        count += 1;
        match (prev, upper) {
            (true, true) => return false,
            (false, true) => camel = true,
            _ => {}
        }
        prev = upper;
    }
    count >= 3 && camel
}

/// Cases one part of a word that has no `-`/`·` and no apostrophe,
/// appended to `out`.
fn case_plain_into(p: &str, out: &mut String) {
    // The lower case of a short ASCII part (nearly every one) is made on
    // the stack: this runs for every word of every name.
    let mut buf = [0u8; 32];
    let owned: String;
    let l: &str = match buf.get_mut(..p.len()) {
        Some(b) if p.is_ascii() => {
            b.copy_from_slice(p.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or_default()
        }
        _ => {
            owned = p.to_lowercase();
            &owned
        }
    };
    if let Some(rest) = l.strip_prefix("mc") {
        if rest.chars().next().is_some_and(char::is_alphabetic) {
            out.push_str("Mc");
            title_into(rest, out);
            return;
        }
    }
    if let Some(m) = mac_surname(l) {
        out.push_str(m);
        return;
    }
    title_into(l, out);
}

/// The [`MAC_SURNAMES`] entry whose lower case is `lower` (the first one),
/// from a map made once: this runs for every word of every name. (Fx
/// hashing: the keys are fixed, so SipHash's resistance to collision
/// attacks buys nothing.)
fn mac_surname(lower: &str) -> Option<&'static str> {
    static BY_LOWER: std::sync::OnceLock<rustc_hash::FxHashMap<String, &'static str>> = std::sync::OnceLock::new();
    let map = BY_LOWER.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for m in MAC_SURNAMES {
            map.entry(m.to_lowercase()).or_insert(*m);
        }
        map
    });
    map.get(lower).copied()
}

/// A letter with case (Latin, Greek, Cyrillic…), unlike Han or Arabic.
fn has_case(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || !c.to_lowercase().eq(c.to_uppercase())
}

/// Cases a hyphen/dot-free segment, which may contain apostrophes,
/// appended to `out`.
fn case_segment_into(seg: &str, out: &mut String) {
    if seg.chars().any(is_cjk) {
        // CJK characters are boundaries for casing: runs of other characters
        // between them are cased on their own, so the result does not depend
        // on whether neighbouring CJK words were typed with a space.
        let mut run = String::new();
        for c in seg.chars() {
            if is_cjk(c) {
                // (an empty run, as between the characters of a Chinese
                // name, cases to nothing)
                if !run.is_empty() {
                    case_run_into(&run, out);
                    run.clear();
                }
                out.push(c);
            } else {
                run.push(c);
            }
        }
        if !run.is_empty() {
            case_run_into(&run, out);
        }
        return;
    }
    case_run_into(seg, out)
}

/// Cases a run without `-`, `·` and CJK characters, appended to `out`.
fn case_run_into(seg: &str, out: &mut String) {
    if is_deliberate_camel(seg) {
        out.push_str(seg);
        return;
    }
    let mut prev: Option<&str> = None;
    for p in seg.split('\'').filter(|p| !p.is_empty()) {
        match prev {
            None => case_plain_into(p, out),
            Some(prev) => {
                out.push('\'');
                let mut pc = prev.chars();
                let one_letter = matches!((pc.next(), pc.next()), (Some(c), None) if has_case(c));
                if one_letter {
                    case_plain_into(p, out);
                } else if p.is_ascii() {
                    out.extend(p.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                } else {
                    out.push_str(&p.to_lowercase());
                }
            }
        }
        prev = Some(p);
    }
}

/// Splits a word on `-` and `·`, dropping empty segments (or segments of
/// apostrophes only); each segment comes with the separator that precedes it.
fn segments(word: &str) -> Vec<(Option<char>, &str)> {
    let mut out: Vec<(Option<char>, &str)> = Vec::new();
    // Byte index where the current segment starts.
    let mut start = 0;
    let mut pending_sep: Option<char> = None;
    for (i, c) in word.char_indices() {
        if c == '-' || c == DOT {
            let cur = &word[start..i];
            if cur.trim_matches('\'').is_empty() {
                if pending_sep.is_none() && !out.is_empty() {
                    pending_sep = Some(c);
                }
            } else {
                let sep = if out.is_empty() { None } else { pending_sep };
                out.push((sep, cur));
                pending_sep = Some(c);
            }
            start = i + c.len_utf8();
        }
    }
    let cur = &word[start..];
    if !cur.trim_matches('\'').is_empty() {
        let sep = if out.is_empty() { None } else { pending_sep };
        out.push((sep, cur));
    }
    out
}

/// Normal casing of a whole word; `lower_al` lower-cases a leading `al-`.
fn case_word(word: &str, lower_al: bool) -> String {
    if !word.contains(['-', DOT]) {
        // One segment (most words): as the loop below does with it, as a
        // first and only segment, without the list of segments.
        let mut out = String::with_capacity(word.len());
        let seg = word.trim_matches('\'');
        if !seg.is_empty() {
            case_segment_into(seg, &mut out);
        }
        return out;
    }
    let segs = segments(word);
    let mut out = String::with_capacity(word.len());
    let n = segs.len();
    for (i, (sep, seg)) in segs.iter().enumerate() {
        if let Some(s) = sep {
            out.push(*s);
        }
        let seg = seg.trim_matches('\'');
        if i == 0 && n > 1 && lower_al && seg.to_lowercase() == "al" && sep.is_none() {
            out.push_str("al");
        } else {
            case_segment_into(seg, &mut out);
        }
    }
    out
}

/// Whether `lower` is in [`EAST_ASIAN_SURNAMES`]: a set lookup, as a scan
/// of the ~150 entries (a string compare each) showed in profiles of
/// `normalize_name`, which asks this for nearly every Latin-script name.
fn is_east_asian_surname(lower: &str) -> bool {
    // (Fx hashing: a static set, see `mac_surname`)
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| EAST_ASIAN_SURNAMES.iter().copied().collect()).contains(lower)
}

/// Tokenizes and cases; the shared core of both public functions.
/// `keep_cjk_spaces` keeps the typed spaces of an all-CJK name as word
/// breaks (used by `name_parts`: `山田 太郎`).
fn analyse(input: &str, keep_cjk_spaces: bool) -> Option<(Vec<Tok>, &'static str)> {
    if input.len() > crate::MAX_FIELD_BYTES {
        return None;
    }
    let mut prepared = prepare(input, true);
    let script = script_of(&prepared);
    if keep_cjk_spaces && script == "cjk" {
        prepared = prepare(input, false);
    }
    let mut toks = tokenize(&prepared);
    if script == "cjk" {
        toks.retain(|t| matches!(t, Tok::Word(_)));
    }

    // leading titles (only when a name follows them)
    let mut first_name: Option<usize> = None;
    for (i, t) in toks.iter_mut().enumerate() {
        if let Tok::Word(w) = t {
            if first_name.is_none() && !w.cjk && TITLES.contains(&w.lower.as_str()) {
                w.title = true;
            } else {
                first_name = Some(i);
                break;
            }
        }
    }
    if first_name.is_none() {
        for t in toks.iter_mut() {
            if let Tok::Word(w) = t {
                w.title = false;
            }
        }
        first_name = toks.iter().position(|t| matches!(t, Tok::Word(_)));
    }

    // East-Asian name: no particles
    // (the first and last of them are all that is asked about)
    fn name_word(t: &Tok) -> Option<&Word> {
        match t {
            Tok::Word(w) if !w.title && !w.suffix && !w.cjk => Some(w),
            _ => None,
        }
    }
    let first_word = toks.iter().find_map(name_word);
    let last_word = toks.iter().rev().find_map(name_word);
    let suppress = [first_word, last_word].iter().flatten().any(|w| is_east_asian_surname(&w.lower));

    // particles to lower-case
    let n = toks.len();
    let mut lowered = vec![false; n];
    if !suppress {
        let mut part = 0usize;
        let mut part_start = 0usize;
        for i in 0..n {
            let w = match &toks[i] {
                Tok::Comma => {
                    part += 1;
                    part_start = i + 1;
                    continue;
                }
                Tok::Word(w) => w,
            };
            if Some(i) == first_name || w.dot || w.cjk || w.suffix || w.title || !PARTICLES.contains(&w.lower.as_str())
            {
                continue;
            }
            let next_is_name = matches!(toks.get(i + 1), Some(Tok::Word(x)) if !x.suffix);
            let trailing_in_given = part >= 1
                && !matches!(toks.get(i + 1), Some(Tok::Word(x)) if !x.suffix)
                && toks[part_start..i]
                    .iter()
                    .any(|t| matches!(t, Tok::Word(x) if !PARTICLES.contains(&x.lower.as_str()) && !x.title));
            if next_is_name || trailing_in_given {
                lowered[i] = true;
            }
        }
    }

    for (i, t) in toks.iter_mut().enumerate() {
        if let Tok::Word(w) = t {
            if w.suffix {
                continue;
            }
            let mut norm = if lowered[i] {
                w.lowered = true;
                w.raw.to_lowercase()
            } else {
                case_word(&w.raw, Some(i) != first_name && !suppress)
            };
            if w.dot && !w.cjk {
                norm.push('.');
            }
            w.norm = crate::text::nfc(norm);
        }
    }
    // words that cased to nothing (only separators) are dropped
    toks.retain(|t| !matches!(t, Tok::Word(w) if !w.norm.chars().any(char::is_alphanumeric)));
    // no comma that does not follow a word, nor at the end (in place)
    let mut last_kept_is_word = false;
    toks.retain(|t| {
        let keep = !matches!(t, Tok::Comma) || last_kept_is_word;
        if keep {
            last_kept_is_word = matches!(t, Tok::Word(_));
        }
        keep
    });
    while matches!(toks.last(), Some(Tok::Comma)) {
        toks.pop();
    }
    Some((toks, script))
}

fn joins_without_space(left: &str, right: &str) -> bool {
    matches!((left.chars().last(), right.chars().next()), (Some(a), Some(b)) if is_cjk(a) && is_cjk(b))
}

/// Joins normalized words, without a space between two CJK characters.
fn join_words<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !joins_without_space(&out, w) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn render(toks: &[Tok]) -> String {
    let mut out = String::new();
    for t in toks {
        match t {
            Tok::Comma => out.push(','),
            Tok::Word(w) => {
                if !out.is_empty() && !joins_without_space(&out, &w.norm) {
                    out.push(' ');
                }
                out.push_str(&w.norm);
            }
        }
    }
    out
}

/// Normalizes a personal name; see the module documentation for the rules.
/// `None` when there is no letter in it or it is longer than
/// [`crate::MAX_FIELD_BYTES`].
pub fn normalize_name(input: &str) -> Option<String> {
    if is_plain_han_name(input) {
        return Some(input.to_string());
    }
    normalize_name_analysed(input)
}

/// Whether `input` is only Chinese characters of the CJK Unified
/// Ideographs block or its extension A, as most Chinese names are typed:
/// such a name is already normalized (no character of those blocks has a
/// compatibility or canonical decomposition, none is a separator, title or
/// particle, and case does not apply), so the analysis below, which costs
/// as much as the rest of a row's cleaning, would give it back unchanged.
/// (`normalize_name_analysed` agrees on every character of both blocks:
/// see the test `plain_han_names_are_their_own_normal_form`.)
fn is_plain_han_name(input: &str) -> bool {
    !input.is_empty()
        && input.len() <= crate::MAX_FIELD_BYTES
        && input.chars().all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
}

/// [`normalize_name`] by the full analysis.
fn normalize_name_analysed(input: &str) -> Option<String> {
    let (toks, _) = analyse(input, false)?;
    let out = crate::text::nfc(render(&toks));
    if out.len() > crate::MAX_FIELD_BYTES || !out.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(out)
}

fn some(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

/// `given · middle · family` of a dotted transliteration.
fn dot_parts(s: &str, script: &'static str) -> NameParts {
    let segs: Vec<&str> = s.split(DOT).filter(|p| !p.is_empty()).collect();
    match segs.len() {
        0 => NameParts { given: None, middle: None, family: None, script },
        1 => NameParts { given: some(segs[0].to_string()), middle: None, family: None, script },
        n => NameParts {
            given: some(segs[0].to_string()),
            middle: some(segs[1..n - 1].join("·")),
            family: some(segs[n - 1].to_string()),
            script,
        },
    }
}

/// Family / given split of an unspaced CJK name.
fn split_cjk(s: &str) -> (Option<String>, Option<String>) {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let take = |k: usize| -> (Option<String>, Option<String>) {
        (some(chars[..k].iter().collect()), some(chars[k..].iter().collect()))
    };
    if n <= 1 {
        return (some(s.to_string()), None);
    }
    if chars.iter().any(|c| is_kana(*c)) {
        let han = chars.iter().take_while(|c| is_han(**c)).count();
        if han >= 1 && han < n {
            return take(han);
        }
        return (None, some(s.to_string()));
    }
    if n >= 4 && JP_THREE_CHAR_SURNAMES.iter().any(|j| s.starts_with(j)) {
        return take(3);
    }
    if CN_COMPOUND_SURNAMES.iter().chain(KR_COMPOUND_SURNAMES).any(|c| s.starts_with(c)) {
        return take(2);
    }
    if n == 4 && chars.iter().all(|c| is_han(*c)) {
        return take(2);
    }
    take(1)
}

fn cjk_parts(words: &[&Word]) -> NameParts {
    let script = "cjk";
    let joined: String = words.iter().map(|w| w.norm.as_str()).collect();
    if joined.contains(DOT) {
        return dot_parts(&joined, script);
    }
    if words.len() >= 2 {
        let given: String = words[1..].iter().map(|w| w.norm.as_str()).collect();
        return NameParts { given: some(given), middle: None, family: some(words[0].norm.clone()), script };
    }
    let (family, given) = split_cjk(&joined);
    NameParts { given, middle: None, family, script }
}

/// A word, or several CJK words written together, as one unit of a name.
struct Unit {
    text: String,
    all_caps: bool,
    has_lower: bool,
    lowered: bool,
    leading_particle: bool,
}

fn units(words: &[&Word]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for w in words {
        if let Some(last) = out.last_mut() {
            if joins_without_space(&last.text, &w.norm) {
                last.text.push_str(&w.norm);
                last.all_caps = false;
                last.has_lower = false;
                continue;
            }
        }
        let cased: Vec<char> = w.raw.chars().filter(|c| c.is_uppercase() || c.is_lowercase()).collect();
        out.push(Unit {
            text: w.norm.clone(),
            all_caps: cased.len() >= 2 && cased.iter().all(|c| c.is_uppercase()),
            has_lower: cased.iter().any(|c| c.is_lowercase()),
            lowered: w.lowered,
            leading_particle: !w.dot && LEADING_SURNAME_PARTICLES.contains(&w.lower.as_str()),
        });
    }
    out
}

fn join_units(us: &[Unit]) -> Option<String> {
    some(join_words(us.iter().map(|u| u.text.as_str())))
}

fn latin_parts(toks: &[Tok], script: &'static str) -> NameParts {
    // comma groups, without titles and suffixes
    let mut groups: Vec<Vec<&Word>> = vec![Vec::new()];
    for t in toks {
        match t {
            Tok::Comma => groups.push(Vec::new()),
            Tok::Word(w) => {
                if !w.suffix && !w.title {
                    if let Some(g) = groups.last_mut() {
                        g.push(w);
                    }
                }
            }
        }
    }
    // titles after a comma (`Smith, Dr. John`)
    for g in groups.iter_mut().skip(1) {
        while g.len() > 1 && TITLES.contains(&g[0].lower.as_str()) {
            g.remove(0);
        }
    }
    groups.retain(|g| !g.is_empty());
    let empty = NameParts { given: None, middle: None, family: None, script };
    if groups.is_empty() {
        // only titles / suffixes: use everything as is
        let all: Vec<&Word> = toks.iter().filter_map(|t| if let Tok::Word(w) = t { Some(w) } else { None }).collect();
        let us = units(&all);
        return NameParts { given: join_units(&us), ..empty };
    }
    if groups.len() >= 2 {
        let mut family = units(&groups[0]);
        let rest: Vec<&Word> = groups[1..].concat();
        let mut rest = units(&rest);
        let mut moved: Vec<Unit> = Vec::new();
        while rest.len() > 1 && rest.last().is_some_and(|u| u.lowered) {
            if let Some(u) = rest.pop() {
                moved.insert(0, u);
            }
        }
        moved.append(&mut family);
        let given = rest.first().and_then(|u| some(u.text.clone()));
        return NameParts { given, middle: join_units(&rest[1..]), family: join_units(&moved), script };
    }
    let us = units(&groups[0]);
    let n = us.len();
    if n == 1 {
        if us[0].text.contains(DOT) {
            return dot_parts(&us[0].text, script);
        }
        return NameParts { given: some(us[0].text.clone()), ..empty };
    }
    // one contiguous run of ALL-CAPS words among mixed-case words
    let caps: Vec<usize> = (0..n).filter(|i| us[*i].all_caps).collect();
    if !caps.is_empty() && us.iter().any(|u| u.has_lower) {
        let (mut a, b) = (caps[0], caps[caps.len() - 1]);
        if b - a + 1 == caps.len() && caps.len() < n {
            while a > 0 && us[a - 1].lowered {
                a -= 1;
            }
            let family = join_units(&us[a..=b]);
            let others: Vec<&Unit> = us[..a].iter().chain(us[b + 1..].iter()).collect();
            if let Some((g, m)) = others.split_first() {
                return NameParts {
                    given: some(g.text.clone()),
                    middle: some(join_words(m.iter().map(|u| u.text.as_str()))),
                    family,
                    script,
                };
            }
        }
    }
    // Western order
    let mut f = n - 1;
    while f >= 2 && us[f - 1].lowered {
        f -= 1;
    }
    if f == 1 && us[0].leading_particle && (n == 2 || us[1].lowered) {
        return NameParts { family: join_units(&us), ..empty };
    }
    NameParts { given: some(us[0].text.clone()), middle: join_units(&us[1..f]), family: join_units(&us[f..]), script }
}

/// Splits a personal name into given, middle and family names; see the
/// module documentation. `None` exactly when [`normalize_name`] is `None`.
pub fn name_parts(input: &str) -> Option<NameParts> {
    normalize_name(input)?;
    let (toks, script) = analyse(input, true)?;
    if script == "cjk" {
        let words: Vec<&Word> = toks.iter().filter_map(|t| if let Tok::Word(w) = t { Some(w) } else { None }).collect();
        return Some(cjk_parts(&words));
    }
    Some(latin_parts(&toks, script))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_han_names_are_their_own_normal_form() {
        // Every character of both blocks alone, and in names of two to
        // four characters, gives what the full analysis gives.
        let blocks = ('\u{4E00}'..='\u{9FFF}').chain('\u{3400}'..='\u{4DBF}');
        let all: Vec<char> = blocks.collect();
        assert_eq!(all.len(), 20992 + 6592);
        for &c in &all {
            let name = c.to_string();
            assert!(is_plain_han_name(&name));
            assert_eq!(normalize_name_analysed(&name).as_deref(), Some(name.as_str()), "{name}");
        }
        for (i, w) in all.windows(4).enumerate().step_by(7) {
            let name: String = w[..2 + i % 3].iter().collect();
            assert_eq!(normalize_name(&name), normalize_name_analysed(&name), "{name}");
        }
        assert_eq!(normalize_name("欧阳娜娜").as_deref(), Some("欧阳娜娜"));
        // Anything else takes the full path: a space, a dot, kana, a
        // compatibility ideograph (U+F900, which NFC changes), Latin.
        for name in ["王 小明", "王·明", "山田たろう", "\u{F900}明", "Wang明", ""] {
            assert!(!is_plain_han_name(name), "{name}");
        }
        assert_eq!(normalize_name("\u{F900}明").as_deref(), Some("豈明"));
        assert_eq!(normalize_name(&"王".repeat(2000)), None);
    }
    use proptest::prelude::*;

    fn n(s: &str) -> Option<String> {
        normalize_name(s)
    }

    fn parts(
        given: Option<&str>,
        middle: Option<&str>,
        family: Option<&str>,
        script: &'static str,
    ) -> Option<NameParts> {
        Some(NameParts {
            given: given.map(str::to_string),
            middle: middle.map(str::to_string),
            family: family.map(str::to_string),
            script,
        })
    }

    #[test]
    fn unified_ideographs_are_alphanumeric() {
        for c in '\u{4E00}'..='\u{9FFF}' {
            assert!(is_unified_ideograph(c) && c.is_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn latin_particles() {
        assert_eq!(n("LUDWIG VAN BEETHOVEN").as_deref(), Some("Ludwig van Beethoven"));
        assert_eq!(n("vincent van gogh").as_deref(), Some("Vincent van Gogh"));
        assert_eq!(n("VAN DAM").as_deref(), Some("Van Dam"));
        assert_eq!(n("juan de la cruz").as_deref(), Some("Juan de la Cruz"));
        assert_eq!(n("DE LA CRUZ").as_deref(), Some("De la Cruz"));
        assert_eq!(n("DR. ABRAHAM VAN HELSING").as_deref(), Some("Dr. Abraham van Helsing"));
        assert_eq!(n("mr van dam").as_deref(), Some("Mr Van Dam"));
        assert_eq!(n("harun al-rashid").as_deref(), Some("Harun al-Rashid"));
        assert_eq!(n("AL PACINO").as_deref(), Some("Al Pacino"));
        assert_eq!(n("john van").as_deref(), Some("John Van"));
        assert_eq!(n("Beethoven, Ludwig VAN").as_deref(), Some("Beethoven, Ludwig van"));
        assert_eq!(n("ahmad BIN ismail").as_deref(), Some("Ahmad bin Ismail"));
        // East-Asian names: Van / De are syllables, not particles
        assert_eq!(n("NGUYEN VAN AN").as_deref(), Some("Nguyen Van An"));
        assert_eq!(n("liu de hua").as_deref(), Some("Liu De Hua"));
    }

    #[test]
    fn latin_prefixes_and_apostrophes() {
        assert_eq!(n("MCDONALD").as_deref(), Some("McDonald"));
        assert_eq!(n("ronald mcdonald").as_deref(), Some("Ronald McDonald"));
        assert_eq!(n("MACDONALD").as_deref(), Some("MacDonald"));
        assert_eq!(n("douglas macarthur").as_deref(), Some("Douglas MacArthur"));
        assert_eq!(n("macleod").as_deref(), Some("MacLeod"));
        assert_eq!(n("MACHADO").as_deref(), Some("Machado"));
        assert_eq!(n("MACK").as_deref(), Some("Mack"));
        assert_eq!(n("macy").as_deref(), Some("Macy"));
        assert_eq!(n("o'brien").as_deref(), Some("O'Brien"));
        assert_eq!(n("O\u{2019}BRIEN").as_deref(), Some("O'Brien"));
        assert_eq!(n("o\u{2018}neil").as_deref(), Some("O'Neil"));
        assert_eq!(n("d'angelo").as_deref(), Some("D'Angelo"));
        assert_eq!(n("MA'AYAN").as_deref(), Some("Ma'ayan"));
        assert_eq!(n("Leonardo DiCaprio").as_deref(), Some("Leonardo DiCaprio"));
        assert_eq!(n("leonardo dicaprio").as_deref(), Some("Leonardo Dicaprio"));
        assert_eq!(n("McDONALD").as_deref(), Some("McDonald"));
        assert_eq!(n("jOHN sMITH").as_deref(), Some("John Smith"));
    }

    #[test]
    fn latin_hyphens_initials_suffixes() {
        assert_eq!(n("jean-luc picard").as_deref(), Some("Jean-Luc Picard"));
        assert_eq!(n("SMITH-JONES").as_deref(), Some("Smith-Jones"));
        assert_eq!(n("mary - kate olsen").as_deref(), Some("Mary-Kate Olsen"));
        assert_eq!(n("anne\u{2013}marie --dupont-").as_deref(), Some("Anne-Marie-Dupont"));
        assert_eq!(n("j. r. r. tolkien").as_deref(), Some("J. R. R. Tolkien"));
        assert_eq!(n("J.R.R. TOLKIEN").as_deref(), Some("J. R. R. Tolkien"));
        assert_eq!(n("J.R.R.Tolkien").as_deref(), Some("J. R. R. Tolkien"));
        assert_eq!(n("j r tolkien").as_deref(), Some("J R Tolkien"));
        assert_eq!(n("john smith jr").as_deref(), Some("John Smith Jr."));
        assert_eq!(n("JOHN SMITH SR.").as_deref(), Some("John Smith Sr."));
        assert_eq!(n("JOHN SMITH III").as_deref(), Some("John Smith III"));
        assert_eq!(n("henry ford iv").as_deref(), Some("Henry Ford IV"));
        assert_eq!(n("jane doe ph.d.").as_deref(), Some("Jane Doe PhD"));
        assert_eq!(n("JANE DOE, PHD").as_deref(), Some("Jane Doe, PhD"));
        assert_eq!(n("Jr Smith").as_deref(), Some("Jr Smith"));
        assert_eq!(n("john smith 3RD").as_deref(), Some("John Smith 3rd"));
    }

    #[test]
    fn latin_diacritics_commas_scripts() {
        assert_eq!(n("josé álvarez").as_deref(), Some("José Álvarez"));
        assert_eq!(n("JOSÉ ÁLVAREZ").as_deref(), Some("José Álvarez"));
        // decomposed input is composed
        assert_eq!(n("jose\u{0301} alvarez").as_deref(), Some("José Alvarez"));
        assert_eq!(n("smith, john").as_deref(), Some("Smith, John"));
        assert_eq!(n("SMITH ,JOHN PAUL").as_deref(), Some("Smith, John Paul"));
        assert_eq!(n(",, smith,,, john ,").as_deref(), Some("Smith, John"));
        assert_eq!(n("ΟΔΥΣΣΕΥΣ").as_deref(), Some("Οδυσσευς"));
        assert_eq!(n("иван петров").as_deref(), Some("Иван Петров"));
        assert_eq!(n("İSTANBUL").as_deref(), Some("İstanbul"));
        assert_eq!(n("ßmith").as_deref(), Some("ßmith"));
        assert_eq!(n("\"Jack\" (the) O'Neil!").as_deref(), Some("Jack The O'Neil"));
        assert_eq!(n("John Smith 2").as_deref(), Some("John Smith 2"));
    }

    #[test]
    fn messy_input() {
        assert_eq!(n("ＪＯＨＮ　ＳＭＩＴＨ").as_deref(), Some("John Smith"));
        assert_eq!(n("  Jo\u{200B}hn \t\n Smi\u{FEFF}th  ").as_deref(), Some("John Smith"));
        assert_eq!(n("o\u{00AD}'brien").as_deref(), Some("O'Brien"));
        assert_eq!(n("ｏ＇ｂｒｉｅｎ").as_deref(), Some("O'Brien"));
        assert_eq!(n("JOHN    PAUL   SMITH").as_deref(), Some("John Paul Smith"));
    }

    #[test]
    fn cjk() {
        assert_eq!(n("张 伟").as_deref(), Some("张伟"));
        assert_eq!(n("欧阳\u{3000}娜娜").as_deref(), Some("欧阳娜娜"));
        assert_eq!(n(" 张\u{200B}伟 ").as_deref(), Some("张伟"));
        assert_eq!(n("阿卜杜·热合曼").as_deref(), Some("阿卜杜·热合曼"));
        assert_eq!(n("阿卜杜•热合曼").as_deref(), Some("阿卜杜·热合曼"));
        assert_eq!(n("阿卜杜 ・ 热合曼").as_deref(), Some("阿卜杜·热合曼"));
        assert_eq!(n("阿卜杜‧热合曼").as_deref(), Some("阿卜杜·热合曼"));
        assert_eq!(n("阿卜杜.热合曼").as_deref(), Some("阿卜杜·热合曼"));
        assert_eq!(n("阿卜杜··热合曼·").as_deref(), Some("阿卜杜·热合曼"));
        assert_eq!(n("张，伟。").as_deref(), Some("张伟"));
        assert_eq!(n("김 민수").as_deref(), Some("김민수"));
        assert_eq!(n("山田 はなこ").as_deref(), Some("山田はなこ"));
        assert_eq!(n("ﾏｲｹﾙ･ｼﾞｬｸｿﾝ").as_deref(), Some("マイケル·ジャクソン"));
        assert_eq!(n("David 张 伟").as_deref(), Some("David 张伟"));
        assert_eq!(n("张DAVID").as_deref(), Some("张 David"));
    }

    #[test]
    fn bad_input_is_none() {
        assert_eq!(n(""), None);
        assert_eq!(n("   "), None);
        assert_eq!(n("\u{3000}\u{200B}\t"), None);
        assert_eq!(n("123"), None);
        assert_eq!(n("!!!"), None);
        assert_eq!(n("- . , ' ·"), None);
        assert_eq!(n(&"a".repeat(10 * 1024)), None);
        assert_eq!(n(&"张".repeat(2000)), None);
        assert_eq!(name_parts(""), None);
        assert_eq!(name_parts("123"), None);
        assert_eq!(name_parts(&"John ".repeat(2048)), None);
        // just under the limit is fine
        assert!(n(&"ab ".repeat(1365)).is_some());
    }

    #[test]
    fn hostile_inputs_at_the_limit() {
        let start = std::time::Instant::now();
        for s in [
            "!".repeat(4096),
            "'".repeat(4096),
            ". ".repeat(2048),
            "- ".repeat(2048),
            "·".repeat(2048),
            "张 a'".repeat(512),
            "van ".repeat(1024),
            "a.".repeat(2048),
            "\u{200B}".repeat(1365),
        ] {
            let _ = normalize_name(&s);
            let _ = name_parts(&s);
        }
        assert_eq!(n(&"!".repeat(4096)), None);
        assert_eq!(n(&". ".repeat(2048)), None);
        assert_eq!(n(&"\u{200B}".repeat(1365)), None);
        // expanding "a." to "A. " would exceed the limit: None, not a
        // result that itself normalizes to None
        assert_eq!(n(&"a.".repeat(2048)), None);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn parts_latin() {
        assert_eq!(name_parts("Smith, John"), parts(Some("John"), None, Some("Smith"), "latin"));
        assert_eq!(name_parts("SMITH, John Paul"), parts(Some("John"), Some("Paul"), Some("Smith"), "latin"));
        assert_eq!(name_parts("ZHANG Wei"), parts(Some("Wei"), None, Some("Zhang"), "latin"));
        assert_eq!(name_parts("Wei ZHANG"), parts(Some("Wei"), None, Some("Zhang"), "latin"));
        assert_eq!(name_parts("Maria DE LA CRUZ"), parts(Some("Maria"), None, Some("de la Cruz"), "latin"));
        assert_eq!(name_parts("Ludwig van BEETHOVEN"), parts(Some("Ludwig"), None, Some("van Beethoven"), "latin"));
        assert_eq!(name_parts("John Smith"), parts(Some("John"), None, Some("Smith"), "latin"));
        assert_eq!(name_parts("JOHN SMITH"), parts(Some("John"), None, Some("Smith"), "latin"));
        assert_eq!(name_parts("John Paul Smith"), parts(Some("John"), Some("Paul"), Some("Smith"), "latin"));
        assert_eq!(name_parts("Ludwig van Beethoven"), parts(Some("Ludwig"), None, Some("van Beethoven"), "latin"));
        assert_eq!(
            name_parts("Vincent Willem van Gogh"),
            parts(Some("Vincent"), Some("Willem"), Some("van Gogh"), "latin")
        );
        assert_eq!(name_parts("juan de la cruz"), parts(Some("Juan"), None, Some("de la Cruz"), "latin"));
        assert_eq!(name_parts("Beethoven, Ludwig van"), parts(Some("Ludwig"), None, Some("van Beethoven"), "latin"));
        assert_eq!(name_parts("VAN DAM"), parts(None, None, Some("Van Dam"), "latin"));
        assert_eq!(name_parts("Madonna"), parts(Some("Madonna"), None, None, "latin"));
        assert_eq!(name_parts("Dr. John Smith Jr."), parts(Some("John"), None, Some("Smith"), "latin"));
        assert_eq!(name_parts("Smith, Dr. John, Jr."), parts(Some("John"), None, Some("Smith"), "latin"));
        assert_eq!(name_parts("j.r.r. tolkien"), parts(Some("J."), Some("R. R."), Some("Tolkien"), "latin"));
        assert_eq!(name_parts("o'brien, SEAN"), parts(Some("Sean"), None, Some("O'Brien"), "latin"));
        assert_eq!(name_parts("Mary-Kate OLSEN"), parts(Some("Mary-Kate"), None, Some("Olsen"), "latin"));
        assert_eq!(name_parts("Maimaiti·Abudu"), parts(Some("Maimaiti"), None, Some("Abudu"), "latin"));
        assert_eq!(name_parts("Dr"), parts(Some("Dr"), None, None, "latin"));
    }

    #[test]
    fn parts_cjk() {
        assert_eq!(name_parts("张伟"), parts(Some("伟"), None, Some("张"), "cjk"));
        assert_eq!(name_parts("张 伟"), parts(Some("伟"), None, Some("张"), "cjk"));
        assert_eq!(name_parts("王五"), parts(Some("五"), None, Some("王"), "cjk"));
        assert_eq!(name_parts("欧阳娜娜"), parts(Some("娜娜"), None, Some("欧阳"), "cjk"));
        assert_eq!(name_parts("欧阳　娜娜"), parts(Some("娜娜"), None, Some("欧阳"), "cjk"));
        assert_eq!(name_parts("诸葛亮"), parts(Some("亮"), None, Some("诸葛"), "cjk"));
        assert_eq!(name_parts("司马相如"), parts(Some("相如"), None, Some("司马"), "cjk"));
        assert_eq!(name_parts("歐陽修"), parts(Some("修"), None, Some("歐陽"), "cjk"));
        assert_eq!(name_parts("张"), parts(None, None, Some("张"), "cjk"));
        assert_eq!(name_parts("欧阳"), parts(None, None, Some("欧阳"), "cjk"));
        assert_eq!(name_parts("阿卜杜·热合曼"), parts(Some("阿卜杜"), None, Some("热合曼"), "cjk"));
        assert_eq!(name_parts("阿卜杜•买买提·热合曼"), parts(Some("阿卜杜"), Some("买买提"), Some("热合曼"), "cjk"));
        assert_eq!(name_parts("マイケル・ジャクソン"), parts(Some("マイケル"), None, Some("ジャクソン"), "cjk"));
        assert_eq!(name_parts("山田 太郎"), parts(Some("太郎"), None, Some("山田"), "cjk"));
        assert_eq!(name_parts("山田太郎"), parts(Some("太郎"), None, Some("山田"), "cjk"));
        assert_eq!(name_parts("佐藤 健"), parts(Some("健"), None, Some("佐藤"), "cjk"));
        assert_eq!(name_parts("佐々木希"), parts(Some("希"), None, Some("佐々木"), "cjk"));
        assert_eq!(name_parts("山田はなこ"), parts(Some("はなこ"), None, Some("山田"), "cjk"));
        assert_eq!(name_parts("김민수"), parts(Some("민수"), None, Some("김"), "cjk"));
        assert_eq!(name_parts("남궁민수"), parts(Some("민수"), None, Some("남궁"), "cjk"));
        assert_eq!(name_parts("David 张伟"), parts(Some("David"), None, Some("张伟"), "mixed"));
    }

    #[test]
    fn parts_serialize_with_contract_field_names() {
        let v = serde_json::to_value(name_parts("SMITH, John Paul").unwrap()).unwrap();
        assert_eq!(v, serde_json::json!({"given": "John", "middle": "Paul", "family": "Smith", "script": "latin"}));
    }

    /// Name-like text: Latin words with particles, prefixes, suffixes,
    /// punctuation and messy spacing, plus CJK.
    fn namey() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            "[a-zA-Z]{1,8}",
            Just("van".to_string()),
            Just("DE".to_string()),
            Just("la".to_string()),
            Just("Al".to_string()),
            Just("mcdonald".to_string()),
            Just("MACLEOD".to_string()),
            Just("o'brien".to_string()),
            Just("jr.".to_string()),
            Just("Ph.D.".to_string()),
            Just("J.R.R.".to_string()),
            Just("nguyen".to_string()),
            Just("Mr".to_string()),
            Just("DiCaprio".to_string()),
            "[a-z]{1,5}-[A-Z]{1,5}",
            "[\u{4e00}-\u{4e20}欧阳诸葛]{1,4}",
            "[\u{3041}-\u{3050}\u{30a2}-\u{30b0}]{1,3}",
            "[àéíøüßİΣσςЖж]{1,4}",
        ];
        let sep = prop_oneof![
            Just(" ".to_string()),
            Just("  ".to_string()),
            Just(", ".to_string()),
            Just(" ,".to_string()),
            Just("\u{3000}".to_string()),
            Just("·".to_string()),
            Just(" • ".to_string()),
            Just(".".to_string()),
            Just(" - ".to_string()),
            Just("\u{200B}".to_string()),
            Just("’".to_string()),
        ];
        proptest::collection::vec((word, sep), 1..6).prop_map(|v| v.into_iter().map(|(w, s)| w + &s).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn never_panics_and_idempotent_any(s in any::<String>()) {
            let once = normalize_name(&s);
            let _ = name_parts(&s);
            if let Some(o) = once {
                prop_assert_eq!(normalize_name(&o), Some(o.clone()));
                prop_assert!(name_parts(&o).is_some());
            }
        }

        #[test]
        fn idempotent_on_namey_text(s in namey()) {
            if let Some(o) = normalize_name(&s) {
                prop_assert_eq!(normalize_name(&o), Some(o.clone()), "input {:?}", s);
            }
            prop_assert_eq!(normalize_name(&s).is_some(), name_parts(&s).is_some());
        }

        #[test]
        fn idempotent_on_unicode_soup(s in "[\\PC\u{200B}\u{0301}\u{0307}'’.·・ ,\\-a-zA-Z张伟Ａ-Ｚ]{0,40}") {
            if let Some(o) = normalize_name(&s) {
                prop_assert_eq!(normalize_name(&o), Some(o.clone()), "input {:?}", s);
            }
        }

        /// Lower-case Latin words carry no ALL-CAPS family marker, and
        /// unspaced CJK carries no spacing hint, so the normalized text must
        /// split exactly like the original.
        #[test]
        fn parts_of_normalized_equal_parts_lowercase_latin(
            words in proptest::collection::vec(prop_oneof![
                "[a-z]{1,8}", Just("van".to_string()), Just("de".to_string()),
                Just("la".to_string()), Just("jr".to_string()), Just("dr".to_string()),
                Just("o'neil".to_string()), Just("mcbride".to_string()), Just("j.".to_string()),
                Just(",".to_string()),
            ], 1..6)
        ) {
            let s = words.join(" ");
            if let Some(o) = normalize_name(&s) {
                prop_assert_eq!(name_parts(&o), name_parts(&s), "input {:?}", s);
            }
        }

        #[test]
        fn parts_of_normalized_equal_parts_cjk(s in "[\u{4e00}-\u{4e30}欧阳诸葛司马·]{1,6}") {
            if let Some(o) = normalize_name(&s) {
                prop_assert_eq!(name_parts(&o), name_parts(&s), "input {:?}", s);
            }
        }
    }
}
