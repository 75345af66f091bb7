#!/usr/bin/env python3
"""Generates engine/src/data/tlds.rs: the top-level domains of the IANA root
zone, in ASCII (A-label, `xn--…`) form, sorted for binary search.

Source: npm `tlds` (its index.json is IANA's tlds-alpha-by-domain.txt, with
internationalized TLDs turned into their Unicode form). The Unicode forms are
turned back into A-labels here with Python's RFC 3492 punycode codec, so the
table holds exactly the labels of the root zone; the engine looks up a
Unicode TLD by converting it with the `idna` crate (UTS 46) first.

    python3 scripts/gen_tlds.py
"""

import json
import re

from gen_common import header, npm_package, rust_str, write

PKG, VER = "tlds", "1.261.0"


def a_label(label: str) -> str:
    if label.isascii():
        return label
    return "xn--" + label.encode("punycode").decode("ascii")


def main() -> None:
    root = npm_package(PKG, VER)
    licence = json.loads((root / "package.json").read_text("utf-8"))["license"]
    labels = json.loads((root / "index.json").read_text("utf-8"))
    rows = {}
    for u in labels:
        a = a_label(u.lower())
        assert re.fullmatch(r"[a-z0-9-]{2,63}", a), a
        assert a not in rows, a
        rows[a] = u
    # Sanity checks that would catch a truncated or reshaped package.
    for must in ("com", "cn", "de", "xn--fiqs8s", "xn--p1ai", "xn--55qx5d"):
        assert must in rows, must
    assert len(rows) > 1000, len(rows)

    lines = []
    for a in sorted(rows):
        u = rows[a]
        comment = f" // {u}" if u != a else ""
        lines.append(f"    {rust_str(a)},{comment}")
    text = header(
        "Top-level domains of the IANA root zone (A-label form).",
        [f"npm `{PKG}` {VER} ({licence}): index.json, taken from "
         "https://data.iana.org/TLD/tlds-alpha-by-domain.txt"],
        "python3 scripts/gen_tlds.py",
        f"{len(rows)} labels, lower case, sorted by byte value; internationalized\n"
        "TLDs are stored as `xn--` A-labels with their Unicode form in a comment.")
    text += """/// Every TLD delegated in the root zone, sorted, for `binary_search`.
pub static TLDS: &[&str] = &[
""" + "\n".join(lines) + """
];
"""
    write("tlds", text)


if __name__ == "__main__":
    main()
