#!/usr/bin/env python3
"""Generates engine/src/data/usps.rs: USPS Publication 28 tables.

Sources:
- PyPI `usaddress-scourgify` (scourgify/address_constants.py), which carries
  Pub 28 Appendix C1 (street suffixes, every common/variant spelling to the
  standard abbreviation), C2 (secondary unit designators), the directionals
  and state names/abbreviations. The module is read with `ast`, not imported.
- PyPI `pycountry` (iso3166-2.json) for the US subdivisions (50 states, DC and
  the outlying areas) so every state/territory name maps to its code.
- Hand additions, each citing Pub 28: see EXTRA_* below.

    python3 scripts/gen_usps.py
"""

import ast
import json

from gen_common import header, pypi_package, rust_str, write

PKG, VER = "usaddress-scourgify", "0.7.1"
PYC, PYC_VER = "pycountry", "26.2.16"

# Pub 28 Appendix C2 entries the package lacks or spells differently.
EXTRA_UNITS = {
    "HANGAR": "HNGR",   # C2 spells it HANGAR; the package has HANGER
    "UPPER": "UPPR",    # C2 abbreviation is UPPR
    "APT": "APT", "BLDG": "BLDG", "BSMT": "BSMT", "DEPT": "DEPT", "FL": "FL",
    "FRNT": "FRNT", "HNGR": "HNGR", "LBBY": "LBBY", "LOWR": "LOWR", "OFC": "OFC",
    "PH": "PH", "RM": "RM", "SPC": "SPC", "STE": "STE", "TRLR": "TRLR", "UPPR": "UPPR",
    "APARTMENT": "APT", "SUITE": "STE", "FLOOR": "FL", "ROOM": "RM",
}
# Pub 28 C2: designators that do not take a secondary number.
UNITS_WITHOUT_NUMBER = ["BSMT", "FRNT", "LBBY", "LOWR", "OFC", "PH", "REAR", "SIDE", "UPPR"]

# Pub 28 Appendix B: military "states".
EXTRA_STATES = {
    "ARMED FORCES AMERICAS": "AA", "ARMED FORCES EUROPE": "AE",
    "ARMED FORCES PACIFIC": "AP", "ARMED FORCES AFRICA": "AE",
    "ARMED FORCES CANADA": "AE", "ARMED FORCES MIDDLE EAST": "AE",
    "D C": "DC",
    "FEDERATED STATES OF MICRONESIA": "FM", "MARSHALL ISLANDS": "MH", "PALAU": "PW",
    "US VIRGIN ISLANDS": "VI", "VIRGIN ISLANDS": "VI", "PUERTO RICO": "PR",
}


def literal_dicts(path):
    tree = ast.parse(path.read_text("utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = ast.literal_eval(node.value)
    return out


def table(name, doc, pairs):
    body = "\n".join("    (%s, %s)," % (rust_str(k), rust_str(v)) for k, v in sorted(pairs.items()))
    return f"/// {doc}\npub static {name}: &[(&str, &str)] = &[\n{body}\n];\n\n"


def main() -> None:
    consts = literal_dicts(pypi_package(PKG, VER) / "scourgify" / "address_constants.py")
    suffixes = dict(consts["STREET_TYPE_ABBREVIATIONS"])
    for v in list(suffixes.values()):
        suffixes.setdefault(v, v)
    longhand = dict(consts["LONGHAND_STREET_TYPES"])
    units = dict(consts["OCCUPANCY_TYPE_ABBREVIATIONS"])
    units.pop("HANGER", None)
    units.update(EXTRA_UNITS)
    directionals = dict(consts["DIRECTIONAL_REPLACEMENTS"])
    for k, v in consts["AMBIGUOUS_DIRECTIONALS"].items():
        directionals[k.replace("-", " ")] = v
    for v in list(directionals.values()):
        directionals[v] = v

    states = dict(consts["STATE_ABBREVIATIONS"])
    sub = json.loads((pypi_package(PYC, PYC_VER) / "pycountry" / "databases" /
                      "iso3166-2.json").read_text("utf-8"))["3166-2"]
    codes = set()
    for s in sub:
        if s["code"].startswith("US-"):
            code = s["code"][3:]
            codes.add(code)
            name = s["name"].upper().replace(",", "").replace(".", "")
            states.setdefault(name, code)
    states.update(EXTRA_STATES)
    codes.update(["AA", "AE", "AP", "FM", "MH", "PW"])
    codes.discard("UM")  # no mail service code in Pub 28
    for c in codes:
        states[c] = c

    text = header(
        "USPS Publication 28 tables: street suffixes (C1), secondary unit designators (C2), "
        "directionals, states and territories.",
        [f"PyPI `{PKG}` {VER} (MIT): scourgify/address_constants.py, read with `ast` "
         "(tables transcribed by the package from USPS Publication 28)",
         f"PyPI `{PYC}` {PYC_VER} (LGPL-2.1-only): databases/iso3166-2.json, US-* subdivisions",
         "Hand additions in scripts/gen_usps.py citing Pub 28 Appendix B and C2"],
        "python3 scripts/gen_usps.py",
        "Keys are upper case with single spaces; values are the Pub 28 standard forms.")
    text += table("STREET_SUFFIXES",
                  "Street suffix spelling -> Pub 28 standard abbreviation (C1), sorted by key.",
                  suffixes)
    text += table("SUFFIX_LONGHAND",
                  "Standard suffix abbreviation -> primary street suffix name (C1), sorted by key.",
                  longhand)
    text += table("UNIT_DESIGNATORS",
                  "Secondary unit designator spelling -> Pub 28 abbreviation (C2), sorted by key.",
                  units)
    text += ("/// Designators that take no secondary number (C2).\n"
             "pub static UNITS_WITHOUT_NUMBER: &[&str] = &[%s];\n\n"
             % ", ".join(rust_str(u) for u in sorted(UNITS_WITHOUT_NUMBER)))
    text += table("DIRECTIONALS", "Directional spelling -> abbreviation, sorted by key.",
                  directionals)
    text += table("STATES",
                  "State/territory name or abbreviation -> two-letter code (Pub 28 App. B), "
                  "sorted by key.", states)
    write("usps", text.rstrip() + "\n")


if __name__ == "__main__":
    main()
