//! `pinyin`: romanization of Chinese without tones.
//!
//! Readings come from the `pinyin` crate (mozillazg's pinyin-data: the
//! Unihan kHanyuPinyin/kMandarin/kXHC1983 readings and corrections,
//! simplified and traditional characters, CJK extensions). Each character
//! gets its most common reading, toneless, lower case, `ü` kept (`吕` →
//! `lü`, `女` → `nü`, `略` → `lüe`).
//!
//! Surnames: many surname characters are read differently as surnames
//! (`单` is `dan` in 单位 but `shan` as a surname). When the input has the
//! shape of a Chinese personal name — one to four Chinese characters and
//! nothing else (spaces and a middle dot aside) — its first character, or
//! its first two when they form a compound surname, gets the surname
//! reading from [`SURNAME_READINGS`] / [`COMPOUND_SURNAME_READINGS`]
//! (readings as given for surnames in 《现代汉语词典》 and the 百家姓
//! pronunciation notes): `单田芳` → `shan tian fang`, `曾国藩` → `zeng guo
//! fan`, `尉迟恭` → `yu chi gong`. Longer text (addresses, sentences) keeps
//! the common readings: a short word like `单位` alone is also read as a
//! name (`shan wei`), a known limitation of reading without a dictionary.
//!
//! Output: every Chinese character becomes its syllable; other text is
//! kept, [`crate::text::clean`]ed (NFKC: full-width folded, white space
//! collapsed and trimmed) and lower-cased. A space separates a syllable
//! from a letter, digit or syllable next to it, and from punctuation before
//! it (except an opening bracket, `·`, `-` and `/`); punctuation after a
//! syllable is attached to it: `张三，李四` → `zhang san, li si` (NFKC
//! turns `，` into `,`), `（张伟）` → `(zhang wei)`, `Road 12号` → `road 12
//! hao`. `None` when nothing visible is left.

use pinyin::ToPinyin;

/// Single-character surnames whose surname reading is not the character's
/// most common reading (toneless; simplified and traditional forms).
pub const SURNAME_READINGS: &[(char, &str)] = &[
    ('单', "shan"),
    ('單', "shan"),
    ('曾', "zeng"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('区', "ou"),
    ('區', "ou"),
    ('朴', "piao"),
    ('查', "zha"),
    ('盖', "ge"),
    ('蓋', "ge"),
    ('缪', "miao"),
    ('繆', "miao"),
    ('翟', "zhai"),
    ('乐', "yue"),
    ('樂', "yue"),
    ('召', "shao"),
    ('繁', "po"),
    ('覃', "qin"),
    ('种', "chong"),
    ('種', "chong"),
    ('员', "yun"),
    ('員', "yun"),
    ('黑', "he"),
    ('秘', "bi"),
    ('折', "she"),
    ('宓', "mi"),
    ('句', "gou"),
    ('阚', "kan"),
    ('闞', "kan"),
    ('隗', "wei"),
    ('都', "du"),
    ('藏', "zang"),
    ('重', "chong"),
    ('能', "nai"),
    ('长', "chang"),
    ('長', "chang"),
    ('祭', "zhai"),
    ('逄', "pang"),
    ('眭', "sui"),
    ('訾', "zi"),
    ('炅', "gui"),
    ('亓', "qi"),
    ('洗', "xian"),
    ('冼', "xian"),
    ('佴', "nai"),
];

/// Compound surnames with a reading that differs from their characters'
/// common readings, or whose first character is in [`SURNAME_READINGS`]
/// with another reading inside the compound.
pub const COMPOUND_SURNAME_READINGS: &[(&str, [&str; 2])] = &[
    ("尉迟", ["yu", "chi"]),
    ("尉遲", ["yu", "chi"]),
    ("万俟", ["mo", "qi"]),
    ("萬俟", ["mo", "qi"]),
    ("单于", ["chan", "yu"]),
    ("單于", ["chan", "yu"]),
    ("长孙", ["zhang", "sun"]),
    ("長孫", ["zhang", "sun"]),
    ("澹台", ["tan", "tai"]),
    ("乐正", ["yue", "zheng"]),
    ("樂正", ["yue", "zheng"]),
    ("令狐", ["ling", "hu"]),
    ("亓官", ["qi", "guan"]),
    ("仉督", ["zhang", "du"]),
];

/// The toneless pinyin of a Chinese character (most common reading), or
/// `None` for anything else.
pub(crate) fn syllable(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    c.to_pinyin().map(|p| p.plain())
}

/// The surname reading of `c`, or its common reading.
pub(crate) fn surname_syllable(c: char) -> Option<&'static str> {
    match SURNAME_READINGS.iter().find(|(s, _)| *s == c) {
        Some((_, r)) => Some(r),
        None => syllable(c),
    }
}

/// The readings of a compound surname that `chars` starts with.
pub(crate) fn compound_surname(chars: &[char]) -> Option<[&'static str; 2]> {
    let (a, b) = (*chars.first()?, *chars.get(1)?);
    COMPOUND_SURNAME_READINGS.iter().find_map(|(s, r)| {
        let mut it = s.chars();
        (it.next() == Some(a) && it.next() == Some(b)).then_some(*r)
    })
}

/// Romanization; see the module documentation.
pub fn pinyin(input: &str) -> Option<String> {
    let cleaned = crate::text::clean_cow(input);
    if cleaned.is_empty() {
        return None;
    }
    let han: Vec<char> = cleaned.chars().filter(|&c| c != ' ' && c != '·').collect();
    let is_name = (1..=4).contains(&han.len()) && han.iter().all(|&c| syllable(c).is_some());
    // The readings of the first one or two Chinese characters when the
    // input is a name.
    let mut first: Vec<&'static str> = Vec::new();
    if is_name {
        match compound_surname(&han) {
            Some(r) => first.extend(r),
            None => first.extend(surname_syllable(han[0])),
        }
    }
    let mut out = String::with_capacity(cleaned.len() * 2);
    let mut han_index = 0;
    // Whether the last thing written is a syllable.
    let mut after_syllable = false;
    for c in cleaned.chars() {
        if let Some(py) = syllable(c) {
            let py = first.get(han_index).copied().unwrap_or(py);
            han_index += 1;
            if out.chars().next_back().is_some_and(|l| !matches!(l, ' ' | '(' | '[' | '{' | '·' | '-' | '/')) {
                out.push(' ');
            }
            out.push_str(py);
            after_syllable = true;
        } else {
            if after_syllable && c.is_alphanumeric() {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
            after_syllable = false;
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_and_text() {
        for (input, want) in [
            ("张伟", "zhang wei"),
            ("张 伟", "zhang wei"),
            ("欧阳娜娜", "ou yang na na"),
            ("单田芳", "shan tian fang"),
            ("曾国藩", "zeng guo fan"),
            ("解缙", "xie jin"),
            ("仇英", "qiu ying"),
            ("区志坚", "ou zhi jian"),
            ("朴槿惠", "piao jin hui"),
            ("查良镛", "zha liang yong"),
            ("尉迟恭", "yu chi gong"),
            ("單田芳", "shan tian fang"),
            ("吕布", "lü bu"),
            ("北京市朝阳区", "bei jing shi chao yang qu"),
            // Not a name (too long): common readings.
            ("单田芳先生说", "dan tian fang xian sheng shuo"),
            ("张David", "zhang david"),
            ("ＺＨＡＮＧ　Ｗｅｉ", "zhang wei"),
            ("张三，李四", "zhang san, li si"),
            ("Road 12号", "road 12 hao"),
            ("𠀀", "he"),
            ("😀", "😀"),
            ("阿卜杜·热合曼", "a bo du·re he man"),
            ("（张伟）", "(zhang wei)"),
            ("张-伟", "zhang-wei"),
        ] {
            assert_eq!(pinyin(input).as_deref(), Some(want), "{input}");
        }
        assert_eq!(pinyin(""), None);
        assert_eq!(pinyin(" \u{200B} "), None);
    }

    proptest! {
        #[test]
        fn never_panics_and_is_trimmed(s in "\\PC*|[张伟单曾 a-zＡ,，]*") {
            if let Some(p) = pinyin(&s) {
                prop_assert!(!p.is_empty() && !p.starts_with(' ') && !p.ends_with(' ') && !p.contains("  "));
            }
        }
    }
}
