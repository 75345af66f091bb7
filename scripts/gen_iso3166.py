#!/usr/bin/env python3
"""Generates engine/src/data/iso3166.rs: ISO 3166-1 countries with English
and Chinese names, plus a hand-maintained alias list.

Source: PyPI `pycountry` (its iso3166-1.json database and the zh_CN / zh_TW
gettext catalogues of the iso-codes project it ships).

    python3 scripts/gen_iso3166.py
"""

import gettext
import json

from gen_common import header, pypi_package, rust_str, write

PKG, VER = "pycountry", "26.2.16"

# Common names customers type that are not ISO names. Matching in Rust is
# case-, space- and punctuation-insensitive and ignores a leading "the", so
# "U.S.A." and "usa" need one entry. Maintained here, by hand.
ALIASES = {
    "US": ["USA", "US of A", "America", "United States of America",
           "United States America", "Estados Unidos", "美国", "美國", "美利坚", "美利堅"],
    "CN": ["PRC", "P R China", "PR China", "Peoples Republic of China",
           "Mainland China", "China Mainland", "中华人民共和国", "中國", "中国",
           "中国大陆", "中國大陸", "大陆", "内地", "中国内地", "Zhongguo"],
    "GB": ["UK", "U K", "Great Britain", "Britain", "England", "Scotland", "Wales",
           "Northern Ireland", "United Kingdom of Great Britain", "英国", "英國",
           "大不列颠", "英格兰"],
    "NL": ["Holland", "The Netherlands", "Nederland", "荷兰", "荷蘭"],
    "KR": ["South Korea", "Korea", "Republic of Korea", "Korea South", "ROK",
           "韩国", "韓國", "南韩", "南韓", "大韩民国", "大韓民國"],
    "KP": ["North Korea", "DPRK", "Korea North", "朝鲜", "北韩", "北韓"],
    "JP": ["Japan", "Nippon", "日本", "日本国", "日本國"],
    "TW": ["Taiwan", "Republic of China", "ROC", "Chinese Taipei", "台湾", "臺灣",
           "台灣", "中国台湾", "中華民國台灣"],
    "HK": ["Hong Kong", "Hongkong", "Hong Kong SAR", "Hong Kong China", "HKSAR",
           "香港", "中国香港", "香港特别行政区"],
    "MO": ["Macau", "Macao", "Macau SAR", "Macao SAR", "澳门", "澳門", "中国澳门",
           "澳门特别行政区"],
    "RU": ["Russia", "Russian Federation", "俄罗斯", "俄羅斯", "俄国"],
    "VN": ["Vietnam", "Viet Nam", "越南"],
    "DE": ["Germany", "Deutschland", "德国", "德國"],
    "FR": ["France", "法国", "法國"],
    "IT": ["Italy", "Italia", "意大利"],
    "ES": ["Spain", "España", "Espana", "西班牙"],
    "CH": ["Switzerland", "Schweiz", "Suisse", "瑞士"],
    "CA": ["Canada", "加拿大"],
    "AU": ["Australia", "澳大利亚", "澳洲"],
    "NZ": ["New Zealand", "新西兰", "紐西蘭"],
    "SG": ["Singapore", "新加坡"],
    "MY": ["Malaysia", "马来西亚", "馬來西亞"],
    "TH": ["Thailand", "泰国", "泰國"],
    "IN": ["India", "印度"],
    "ID": ["Indonesia", "印度尼西亚", "印尼"],
    "PH": ["Philippines", "菲律宾", "菲律賓"],
    "AE": ["UAE", "U A E", "Emirates", "阿联酋", "阿聯酋"],
    "IR": ["Iran", "伊朗"],
    "SY": ["Syria", "叙利亚"],
    "LA": ["Laos", "老挝"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "CZ": ["Czech Republic", "Czechia", "捷克"],
    "TR": ["Turkey", "Turkiye", "Türkiye", "土耳其"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CD": ["DR Congo", "DRC", "Congo Kinshasa", "Democratic Republic of the Congo"],
    "CG": ["Congo Brazzaville", "Republic of the Congo"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "PS": ["Palestine"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
    "CV": ["Cape Verde"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "MM": ["Burma", "缅甸", "緬甸"],
    "BR": ["Brazil", "Brasil", "巴西"],
    "MX": ["Mexico", "México", "墨西哥"],
    "IE": ["Ireland", "Eire", "爱尔兰"],
    "AT": ["Austria", "Österreich", "奥地利"],
}


def main() -> None:
    root = pypi_package(PKG, VER) / "pycountry"
    db = json.loads((root / "databases" / "iso3166-1.json").read_text("utf-8"))["3166-1"]
    zh_cn = gettext.GNUTranslations(
        open(root / "locales" / "zh_CN" / "LC_MESSAGES" / "iso3166-1.mo", "rb"))
    zh_tw = gettext.GNUTranslations(
        open(root / "locales" / "zh_TW" / "LC_MESSAGES" / "iso3166-1.mo", "rb"))

    def tr(t, s):
        if not s:
            return ""
        v = t.gettext(s)
        return v if v != s else ""

    codes = {c["alpha_2"] for c in db}
    for a in ALIASES:
        assert a in codes, a
    rows = []
    for c in sorted(db, key=lambda c: c["alpha_2"]):
        rows.append("    Country { alpha2: %s, alpha3: %s, numeric: %s, name: %s, official_name: %s, "
                    "common_name: %s, name_zh_cn: %s, official_name_zh_cn: %s, name_zh_tw: %s },"
                    % (rust_str(c["alpha_2"]), rust_str(c["alpha_3"]), rust_str(c["numeric"]),
                       rust_str(c["name"]), rust_str(c.get("official_name", "")),
                       rust_str(c.get("common_name", "")), rust_str(tr(zh_cn, c["name"])),
                       rust_str(tr(zh_cn, c.get("official_name", ""))),
                       rust_str(tr(zh_tw, c["name"]))))
    aliases = []
    for code in sorted(ALIASES):
        for a in ALIASES[code]:
            aliases.append("    (%s, %s)," % (rust_str(a), rust_str(code)))

    text = header(
        "ISO 3166-1 countries: codes, English names, Chinese (zh_CN, zh_TW) names, aliases.",
        [f"PyPI `{PKG}` {VER} (LGPL-2.1-only): pycountry/databases/iso3166-1.json and "
         "locales/zh_CN|zh_TW/LC_MESSAGES/iso3166-1.mo (Debian iso-codes data and translations)",
         "ALIASES: hand-maintained list in scripts/gen_iso3166.py"],
        "python3 scripts/gen_iso3166.py",
        "Empty strings mean \"no such name\".")
    text += """/// One ISO 3166-1 entry.
#[derive(Debug, Clone, Copy)]
pub struct Country {
    /// Alpha-2 code, e.g. `CN`.
    pub alpha2: &'static str,
    /// Alpha-3 code, e.g. `CHN`.
    pub alpha3: &'static str,
    /// Numeric code as three digits, e.g. `156`.
    pub numeric: &'static str,
    /// ISO short name in English.
    pub name: &'static str,
    /// ISO official name in English, or empty.
    pub official_name: &'static str,
    /// Common English name where ISO gives one (e.g. `South Korea`), or empty.
    pub common_name: &'static str,
    /// Simplified Chinese short name, or empty.
    pub name_zh_cn: &'static str,
    /// Simplified Chinese official name, or empty.
    pub official_name_zh_cn: &'static str,
    /// Traditional Chinese (Taiwan) short name, or empty.
    pub name_zh_tw: &'static str,
}

/// All ISO 3166-1 countries, sorted by alpha-2 code.
pub static COUNTRIES: &[Country] = &[
""" + "\n".join(rows) + """
];

/// Hand-maintained aliases: (alias, alpha-2).
pub static ALIASES: &[(&str, &str)] = &[
""" + "\n".join(aliases) + """
];
"""
    write("iso3166", text)


if __name__ == "__main__":
    main()
