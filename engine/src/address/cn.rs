//! Chinese addresses: province / city / district (GB/T 2260) + street + detail.
//!
//! Steps:
//! 1. Unicode clean-up ([`crate::text::clean`]: full-width digits and
//!    letters folded), then every space is dropped except one between two
//!    ASCII letters or digits (`Room 501`).
//! 2. Leading separators, a leading six-digit postcode (kept in `postcode`)
//!    and a leading `中国` / `中华人民共和国` / `China` (only when a division
//!    follows, so `中国银行…` stays) are removed.
//! 3. Province, city and district are matched at the start, full names
//!    first, then short forms (`广东`, `深圳`, `南山`). A short form is not
//!    taken when a road word (路 街 道 巷 弄) follows within three characters
//!    (`南山大道` is a road, not 南山区). Missing levels are inferred from
//!    lower ones when the name is unique nation-wide (`深圳市福田区…` → 广东省).
//!    Municipalities (北京, 天津, 上海, 重庆) are their own city (code XX0100);
//!    county-level cities under a province directly (仙桃市) are cities.
//! 4. The street is the remainder up to the first `<road word><number>号`
//!    (`科技园路1号`, `科技南十二路2号`), else up to the last road word; the
//!    rest is `detail`.
//!
//! The canonical line is `province + city (omitted when equal to the
//! province) + district + street + detail`, e.g.
//! `广东省深圳市南山区科技南十二路2号金蝶软件园B座5楼`.
//! Limitations: only current division names are matched (not historical
//! ones); a district named without its city is only recognized when its
//! full name is unique in the country (or province); towns (镇/乡/街道) are
//! not separated from the street.

// Fx hashing for the static division index (looked up several times per
// address, by characters and codes; fixed keys, so SipHash's resistance to
// collision attacks buys nothing here).
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::data::cn_divisions::{Division, DIVISIONS};

/// Parts of a Chinese address; every key is always serialized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CnAddress {
    /// Always `CN`.
    pub country: &'static str,
    /// Postcode found at the start of the input.
    pub postcode: Option<String>,
    /// Province-level name, e.g. `广东省`.
    pub province: Option<&'static str>,
    /// Its six-digit GB/T 2260 code, e.g. `440000`.
    pub province_code: Option<String>,
    /// Prefecture-level city, e.g. `深圳市`; for municipalities the same name
    /// as the province.
    pub city: Option<&'static str>,
    /// Its code, e.g. `440300`; `110100` for 北京市.
    pub city_code: Option<String>,
    /// County-level district, e.g. `南山区`.
    pub district: Option<&'static str>,
    /// Its code, e.g. `440305`.
    pub district_code: Option<String>,
    /// Road and number, e.g. `科技园路1号`.
    pub street: Option<String>,
    /// Everything after the street: building, floor, room.
    pub detail: Option<String>,
}

impl CnAddress {
    /// The canonical one-line form: full names joined with no spaces.
    pub fn to_line(&self) -> String {
        let mut out = String::new();
        if let Some(p) = self.province {
            out.push_str(p);
        }
        if let Some(c) = self.city {
            if Some(c) != self.province {
                out.push_str(c);
            }
        }
        for part in [self.district, self.street.as_deref(), self.detail.as_deref()].into_iter().flatten() {
            out.push_str(part);
        }
        out
    }
}

struct Index {
    provinces: ByFirstChar,
    cities: ByFirstChar,
    districts: ByFirstChar,
    /// Districts by province (the first two digits of their code), in
    /// table order.
    districts_of_province: HashMap<u32, Vec<&'static Division>>,
    /// Cities (level 2) among the children of each division, in table order.
    child_cities: HashMap<u32, Vec<&'static Division>>,
    children: HashMap<u32, Vec<&'static Division>>,
    by_code: HashMap<u32, &'static Division>,
}

/// A long list of candidates for [`best`] (every city, every district),
/// indexed by the first character of their names and of their short forms:
/// an address can only start with a name that starts with its first
/// character, and scanning thousands of names per address was the cost of
/// address cleaning. Each bucket keeps the list's order, so [`best`] sees
/// the same matches in the same order as with the whole list.
struct ByFirstChar {
    by_name: HashMap<char, Vec<&'static Division>>,
    by_short: HashMap<char, Vec<&'static Division>>,
}

impl ByFirstChar {
    fn new<'a>(list: impl Iterator<Item = &'a &'static Division>) -> ByFirstChar {
        let mut out = ByFirstChar { by_name: HashMap::default(), by_short: HashMap::default() };
        for d in list {
            if let Some(c) = d.name.chars().next() {
                out.by_name.entry(c).or_default().push(*d);
            }
            if let Some(c) = d.short.chars().next() {
                out.by_short.entry(c).or_default().push(*d);
            }
        }
        out
    }
}

/// The candidates [`best`] chooses from.
#[derive(Clone, Copy)]
enum Cands<'a> {
    List(&'a [&'static Division]),
    Indexed(&'a ByFirstChar),
}

impl Cands<'_> {
    /// Those whose name (or short form) may start `text`.
    fn for_text(&self, text: &str, use_short: bool) -> &[&'static Division] {
        match self {
            Cands::List(list) => list,
            Cands::Indexed(ix) => {
                let map = if use_short { &ix.by_short } else { &ix.by_name };
                text.chars().next().and_then(|c| map.get(&c)).map_or(&[], Vec::as_slice)
            }
        }
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let current: Vec<&'static Division> =
            DIVISIONS.iter().filter(|d| d.current && d.name != "市辖区" && d.name != "县").collect();
        let mut children: HashMap<u32, Vec<&'static Division>> = HashMap::default();
        for d in &current {
            children.entry(d.parent).or_default().push(d);
        }
        let child_cities = children
            .iter()
            .map(|(code, kids)| (*code, kids.iter().copied().filter(|d| d.level == 2).collect()))
            .collect();
        let mut districts_of_province: HashMap<u32, Vec<&'static Division>> = HashMap::default();
        for d in current.iter().filter(|d| d.level == 3) {
            districts_of_province.entry(d.code / 10000).or_default().push(d);
        }
        Index {
            provinces: ByFirstChar::new(current.iter().filter(|d| d.level == 1)),
            cities: ByFirstChar::new(current.iter().filter(|d| d.level == 2)),
            districts: ByFirstChar::new(current.iter().filter(|d| d.level == 3)),
            districts_of_province,
            child_cities,
            by_code: current.iter().map(|d| (d.code, *d)).collect(),
            children,
        }
    })
}

const ROAD_CHARS: [char; 5] = ['路', '街', '道', '巷', '弄'];

/// Whether a short form may end where `rest` begins: not when a road word
/// follows closely (`南山大道`, `朝阳北路`) or a suffix we did not match.
fn short_may_end_before(rest: &str) -> bool {
    match rest.chars().next() {
        None => return true,
        Some('市' | '省' | '区' | '县' | '州' | '盟' | '旗' | '号') => return false,
        Some(c) if ROAD_CHARS.contains(&c) || c.is_ascii_digit() => return false,
        _ => {}
    }
    !rest.chars().take(3).any(|c| ROAD_CHARS.contains(&c))
}

/// The division among `cands` whose name (or, if `short`, short form) `text`
/// starts with; the longest match wins. `None` when two different
/// divisions tie and `unique` is asked for.
fn best(text: &str, cands: Cands, short: bool, unique: bool) -> Option<(&'static Division, usize)> {
    for use_short in [false, true] {
        if use_short && !short {
            break;
        }
        let mut found: Option<(&'static Division, usize)> = None;
        let mut tie = false;
        for d in cands.for_text(text, use_short) {
            let name = if use_short { d.short } else { d.name };
            if name.is_empty() || !text.starts_with(name) {
                continue;
            }
            if use_short && !short_may_end_before(&text[name.len()..]) {
                continue;
            }
            match found {
                Some((_, len)) if len > name.len() => {}
                Some((f, len)) if len == name.len() => tie |= f.code != d.code,
                _ => {
                    found = Some((d, name.len()));
                    tie = false;
                }
            }
        }
        if let Some(f) = found {
            if tie && unique {
                return None;
            }
            return Some(f);
        }
    }
    None
}

/// Drops spaces except between two ASCII alphanumerics.
fn drop_spaces(cleaned: &str) -> String {
    let mut out = String::with_capacity(cleaned.len());
    // Each character with the one before and the one after it.
    let mut prev: Option<char> = None;
    let mut chars = cleaned.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let next = chars.peek();
            if matches!((prev, next), (Some(p), Some(n)) if p.is_ascii_alphanumeric() && n.is_ascii_alphanumeric()) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Unicode clean-up and [`drop_spaces`], repeated until stable (dropping a
/// space can let NFKC compose a letter with a following combining mark).
fn compact(input: &str) -> String {
    let cleaned = crate::text::clean(input);
    if !cleaned.contains(' ') {
        // Nothing for drop_spaces to drop, and clean-up is idempotent (a
        // property test of `text`): the loop below would stop at once.
        // Most Chinese addresses are written without spaces.
        return cleaned;
    }
    let mut s = drop_spaces(&cleaned);
    for _ in 0..4 {
        let again = drop_spaces(&crate::text::clean(&s));
        if again == s {
            break;
        }
        s = again;
    }
    s
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '、' | '。' | '.' | ' ' | '-' | '/' | '|')
}

const COUNTRY_PREFIXES: [&str; 6] = ["中华人民共和国", "中國", "中国", "CHINA", "China", "china"];

struct Divisions {
    province: Option<&'static Division>,
    city: Option<&'static Division>,
    district: Option<&'static Division>,
    consumed: usize,
}

/// Matches at `pos`, or after separators at `pos`; returns the match and
/// the new position.
fn best_at(text: &str, pos: usize, cands: Cands, short: bool, unique: bool) -> Option<(&'static Division, usize)> {
    let rest = &text[pos..];
    let skipped = rest.len() - strip_separators(rest).len();
    best(&rest[skipped..], cands, short, unique).map(|(d, len)| (d, pos + skipped + len))
}

fn match_divisions(text: &str) -> Divisions {
    let idx = index();
    let mut pos = 0;
    let mut province = best(text, Cands::Indexed(&idx.provinces), true, true).map(|(d, len)| {
        pos += len;
        d
    });
    let mut city = None;
    if let Some(p) = province {
        let cities = idx.child_cities.get(&p.code).map(Vec::as_slice).unwrap_or(&[]);
        if let Some((c, end)) = best_at(text, pos, Cands::List(cities), true, true) {
            city = Some(c);
            pos = end;
        } else if cities.len() == 1 && matches!(p.code / 10000, 11 | 12 | 31 | 50) {
            city = Some(cities[0]);
        }
    } else if let Some((c, end)) = best_at(text, pos, Cands::Indexed(&idx.cities), true, true) {
        city = Some(c);
        province = idx.by_code.get(&c.parent).copied();
        pos = end;
    }
    let mut district = None;
    if let Some(c) = city {
        let kids = idx.children.get(&c.code).map(Vec::as_slice).unwrap_or(&[]);
        if let Some((d, end)) = best_at(text, pos, Cands::List(kids), true, true) {
            district = Some(d);
            pos = end;
        }
    } else {
        let cands = match province {
            Some(p) => Cands::List(idx.districts_of_province.get(&(p.code / 10000)).map_or(&[], Vec::as_slice)),
            None => Cands::Indexed(&idx.districts),
        };
        if let Some((d, end)) = best_at(text, pos, cands, false, true) {
            district = Some(d);
            pos = end;
            city = idx.by_code.get(&d.parent).copied();
            if province.is_none() {
                province = city.and_then(|c| idx.by_code.get(&c.parent).copied());
            }
        }
    }
    Divisions { province, city, district, consumed: pos }
}

fn strip_separators(s: &str) -> &str {
    s.trim_start_matches(is_separator)
}

/// Splits what follows the divisions into street and detail (either may
/// be empty).
fn split_street(rest: &str) -> (&str, &str) {
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let mut road_ends: Vec<usize> = Vec::new(); // index in `chars` after a road word
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c == '街' && chars.get(i + 1).map(|x| x.1) == Some('道') {
            i += 2; // 街道: a sub-district, not a road
            continue;
        }
        if ROAD_CHARS.contains(&c) || (c == '同' && i > 0 && chars[i - 1].1 == '胡') {
            road_ends.push(i + 1);
        }
        i += 1;
    }
    let is_num = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百零〇两".contains(c);
    let byte_at = |k: usize| chars.get(k).map(|x| x.0).unwrap_or(rest.len());
    let mut end = None;
    for &k in &road_ends {
        let mut j = k;
        while j < chars.len() && is_num(chars[j].1) {
            j += 1;
        }
        if j > k && j < chars.len() && (chars[j].1 == '-' || chars[j].1 == '之') {
            let mut m = j + 1;
            while m < chars.len() && chars[m].1.is_ascii_digit() {
                m += 1;
            }
            if m > j + 1 {
                j = m;
            }
        }
        if j > k && j < chars.len() && matches!(chars[j].1, '号' | '號') {
            j += 1;
            if j < chars.len() && chars[j].1 == '院' {
                j += 1;
            }
            end = Some(j);
            break;
        }
    }
    let numbered = end.is_some();
    let end = end.or(road_ends.last().copied());
    let (street, detail) = match end {
        Some(k) => rest.split_at(byte_at(k)),
        None => ("", rest),
    };
    // Separators after the street are dropped, except where joining the
    // detail to an unnumbered road would make a numbered one (路,0号).
    let stripped = strip_separators(detail);
    let detail = if numbered || street.is_empty() || !stripped.starts_with(is_num) { stripped } else { detail };
    (street, detail)
}

/// `s` as an owned part, `None` when empty.
fn part(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn code(d: Option<&'static Division>) -> Option<String> {
    d.map(|d| format!("{:06}", d.code))
}

/// Parses a Chinese address; `None` when nothing is left after clean-up.
pub fn parse(input: &str) -> Option<CnAddress> {
    let full = compact(input);
    let found = read(&full)?;
    Some(CnAddress {
        country: "CN",
        postcode: found.postcode.map(str::to_string),
        province: found.divisions.province.map(|d| d.name),
        province_code: code(found.divisions.province),
        city: found.divisions.city.map(|d| d.name),
        city_code: code(found.divisions.city),
        district: found.divisions.district.map(|d| d.name),
        district_code: code(found.divisions.district),
        street: part(found.street),
        detail: part(found.detail),
    })
}

/// [`parse`] then [`CnAddress::to_line`], without the parts the line does
/// not show (the division codes, the postcode) nor a copy of each part:
/// the work of cleaning an address column.
pub(crate) fn normalize(input: &str) -> Option<String> {
    let full = compact(input);
    let found = read(&full)?;
    let (province, city) = (found.divisions.province.map(|d| d.name), found.divisions.city.map(|d| d.name));
    // (as to_line: the city is left out when it is the province)
    let city = city.filter(|c| Some(*c) != province);
    let mut out = String::with_capacity(full.len() + 16);
    for part in [province, city, found.divisions.district.map(|d| d.name), Some(found.street), Some(found.detail)]
        .into_iter()
        .flatten()
    {
        out.push_str(part);
    }
    Some(out)
}

/// What [`read`] finds in a compacted address, borrowed from it.
struct Found<'a> {
    postcode: Option<&'a str>,
    divisions: Divisions,
    /// Empty when there is none.
    street: &'a str,
    /// Empty when there is none.
    detail: &'a str,
}

/// The parts of a compacted address (see [`compact`]); `None` when
/// nothing is left of it.
fn read(full: &str) -> Option<Found<'_>> {
    let mut text: &str = strip_separators(full);
    let mut postcode = None;
    loop {
        let before = text.len();
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 6 && text.len() > 6 {
            postcode = Some(&text[..6]);
            text = strip_separators(&text[6..]);
        }
        for p in COUNTRY_PREFIXES {
            if let Some(rest) = text.strip_prefix(p) {
                let rest = strip_separators(rest);
                let m = match_divisions(rest);
                if m.province.is_some() || m.city.is_some() || m.district.is_some() {
                    text = rest;
                    break;
                }
            }
        }
        if text.len() == before {
            break;
        }
    }
    let text = text.trim_end_matches(is_separator);
    if text.is_empty() {
        return None;
    }
    let m = match_divisions(text);
    let (street, detail) = split_street(strip_separators(&text[m.consumed..]));
    Some(Found { postcode, divisions: m, street, detail })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn norm(s: &str) -> Option<String> {
        parse(s).map(|a| a.to_line()).filter(|s| !s.is_empty())
    }

    fn json(s: &str) -> serde_json::Value {
        serde_json::to_value(parse(s).unwrap()).unwrap()
    }

    #[test]
    fn province_short_forms_and_full_names() {
        assert_eq!(norm("广东深圳南山区科技园路1号").as_deref(), Some("广东省深圳市南山区科技园路1号"));
        assert_eq!(
            json("广东深圳南山区科技园路1号"),
            serde_json::json!({
                "country": "CN", "postcode": null,
                "province": "广东省", "province_code": "440000",
                "city": "深圳市", "city_code": "440300",
                "district": "南山区", "district_code": "440305",
                "street": "科技园路1号", "detail": null
            })
        );
    }

    #[test]
    fn full_address_with_detail() {
        let s = "广东省深圳市南山区科技南十二路2号金蝶软件园B座5楼";
        assert_eq!(norm(s).as_deref(), Some(s));
        let a = parse(s).unwrap();
        assert_eq!(a.street.as_deref(), Some("科技南十二路2号"));
        assert_eq!(a.detail.as_deref(), Some("金蝶软件园B座5楼"));
        assert_eq!(a.district_code.as_deref(), Some("440305"));
    }

    #[test]
    fn municipalities() {
        assert_eq!(norm("北京朝阳区建国路88号").as_deref(), Some("北京市朝阳区建国路88号"));
        assert_eq!(
            json("北京朝阳区建国路88号"),
            serde_json::json!({
                "country": "CN", "postcode": null,
                "province": "北京市", "province_code": "110000",
                "city": "北京市", "city_code": "110100",
                "district": "朝阳区", "district_code": "110105",
                "street": "建国路88号", "detail": null
            })
        );
        assert_eq!(norm("上海市浦东新区世纪大道100号").as_deref(), Some("上海市浦东新区世纪大道100号"));
        assert_eq!(norm("上海浦东世纪大道100号").as_deref(), Some("上海市浦东新区世纪大道100号"));
        assert_eq!(norm("北京市北京市海淀区中关村大街1号").as_deref(), Some("北京市海淀区中关村大街1号"));
        assert_eq!(norm("重庆市渝中区解放碑").as_deref(), Some("重庆市渝中区解放碑"));
        assert_eq!(norm("天津和平区南京路").as_deref(), Some("天津市和平区南京路"));
    }

    #[test]
    fn province_inferred_from_city_or_district() {
        let a = parse("深圳市福田区福华一路88号").unwrap();
        assert_eq!(a.province, Some("广东省"));
        assert_eq!(a.city, Some("深圳市"));
        assert_eq!(a.district, Some("福田区"));
        assert_eq!(a.street.as_deref(), Some("福华一路88号"));
        assert_eq!(norm("深圳福田区福华一路88号").as_deref(), Some("广东省深圳市福田区福华一路88号"));
        // 浦东新区 is unique nation-wide
        assert_eq!(norm("浦东新区张杨路500号").as_deref(), Some("上海市浦东新区张杨路500号"));
        // 朝阳区 is not (北京, 长春): no guess
        let a = parse("朝阳区建国路88号").unwrap();
        assert_eq!(a.district, None);
        assert_eq!(a.detail.as_deref(), None);
        assert_eq!(a.street.as_deref(), Some("朝阳区建国路88号"));
    }

    #[test]
    fn autonomous_regions_and_prefectures() {
        assert_eq!(norm("广西南宁市青秀区民族大道100号").as_deref(), Some("广西壮族自治区南宁市青秀区民族大道100号"));
        assert_eq!(
            norm("新疆乌鲁木齐天山区解放南路1号").as_deref(),
            Some("新疆维吾尔自治区乌鲁木齐市天山区解放南路1号")
        );
        assert_eq!(norm("内蒙古呼和浩特市新城区").as_deref(), Some("内蒙古自治区呼和浩特市新城区"));
        let a = parse("新疆巴音郭楞库尔勒市人民东路").unwrap();
        assert_eq!(a.city, Some("巴音郭楞蒙古自治州"));
        assert_eq!(a.district, Some("库尔勒市"));
        assert_eq!(a.district_code.as_deref(), Some("652801"));
        assert_eq!(norm("湖北仙桃市仙桃大道1号").as_deref(), Some("湖北省仙桃市仙桃大道1号"));
    }

    #[test]
    fn messy_input() {
        // full-width digits and letters, spaces, postcode and country prefixes
        assert_eq!(
            norm("中国 广东省 深圳市 南山区 科技园路１号 Ａ座 ５楼").as_deref(),
            Some("广东省深圳市南山区科技园路1号A座5楼")
        );
        let a = parse("518057 广东省深圳市南山区科技园路1号").unwrap();
        assert_eq!(a.postcode.as_deref(), Some("518057"));
        assert_eq!(a.to_line(), "广东省深圳市南山区科技园路1号");
        assert_eq!(norm("中华人民共和国北京市东城区东长安街1号").as_deref(), Some("北京市东城区东长安街1号"));
        assert_eq!(norm("中国,上海,黄浦区,南京东路100号").as_deref(), Some("上海市黄浦区南京东路100号"));
        assert_eq!(
            norm("北京市朝阳区建国路88号院3号楼 Room 501").as_deref(),
            Some("北京市朝阳区建国路88号院3号楼Room 501")
        );
    }

    #[test]
    fn roads_named_like_districts() {
        // 南山大道 is a road in 南山区, not the district's short form
        let a = parse("深圳南山大道1001号").unwrap();
        assert_eq!(a.city, Some("深圳市"));
        assert_eq!(a.district, None);
        assert_eq!(a.street.as_deref(), Some("南山大道1001号"));
        // 北京路 in 广州 is a road, not the province 北京
        let a = parse("广州市越秀区北京路100号").unwrap();
        assert_eq!(a.province, Some("广东省"));
        assert_eq!(a.street.as_deref(), Some("北京路100号"));
        let a = parse("北京路100号").unwrap();
        assert_eq!(a.province, None);
        assert_eq!(a.street.as_deref(), Some("北京路100号"));
        // 吉林市 is the city, not the province's short form followed by 市
        let a = parse("吉林市船营区").unwrap();
        assert_eq!(a.province, Some("吉林省"));
        assert_eq!(a.city, Some("吉林市"));
        assert_eq!(a.district, Some("船营区"));
    }

    #[test]
    fn sub_district_and_street() {
        let a = parse("深圳市南山区粤海街道科技园路1号").unwrap();
        assert_eq!(a.street.as_deref(), Some("粤海街道科技园路1号"));
        let a = parse("北京市海淀区中关村大街").unwrap();
        assert_eq!(a.street.as_deref(), Some("中关村大街"));
        assert_eq!(a.detail, None);
        let a = parse("广东省广州市天河区体育西路103号维多利广场A塔").unwrap();
        assert_eq!(a.street.as_deref(), Some("体育西路103号"));
        assert_eq!(a.detail.as_deref(), Some("维多利广场A塔"));
    }

    #[test]
    fn not_an_address_or_nothing_matched() {
        assert!(parse("").is_none());
        assert!(parse("   ").is_none());
        assert!(parse("中国").unwrap().to_line() == "中国");
        assert_eq!(norm("中国银行总行").as_deref(), Some("中国银行总行"));
        assert_eq!(norm("hello world").as_deref(), Some("hello world"));
        let a = parse("某某小区3栋").unwrap();
        assert_eq!(a.province, None);
        assert_eq!(a.detail.as_deref(), Some("某某小区3栋"));
    }

    proptest! {
        #[test]
        fn normalize_is_the_line_of_parse(
            s in "(中国|518057| )?(广东|广东省|北京|北京市|上海市|新疆|吉林)?(深圳|深圳市|吉林市|朝阳区)?(南山|南山区|福田区|浦东新区)?[路街道号大院之0-9１２ 一二十A-Z,-]{0,14}|\\PC{0,20}"
        ) {
            prop_assert_eq!(normalize(&s), parse(&s).map(|a| a.to_line()));
        }

        #[test]
        fn never_panics_and_idempotent(s in any::<String>()) {
            if let Some(once) = norm(&s) {
                prop_assert_eq!(norm(&once), Some(once.clone()));
            }
        }

        #[test]
        fn idempotent_on_address_like_input(
            s in "(中国|518057| )?(广东|广东省|北京|上海市|新疆|吉林)?(深圳|深圳市|吉林市|朝阳区)?(南山|南山区|福田区|浦东新区)?[路街道号大0-9１２ 一二十A-Z,]{0,12}"
        ) {
            if let Some(once) = norm(&s) {
                prop_assert_eq!(norm(&once), Some(once.clone()));
            }
        }
    }
}
