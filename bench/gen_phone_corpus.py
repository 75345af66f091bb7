#!/usr/bin/env python3
"""Messy phone-number corpus with expected results from Python `phonenumbers`.

Every row is an input string as a person might type it, the default region it
is parsed with, and what libphonenumber (through Python `phonenumbers`, pinned
in bench/requirements.txt to 9.0.42, the metadata of the Rust crate
`rlibphonenumber` 2.2.15 that the engine uses) says about it: E.164 form (valid numbers only),
validity and number type.

    python3 bench/gen_phone_corpus.py --rows 120000 --seed 1 \
        --out bench/out/phone_corpus.csv \
        --sample tests/data/phone_agreement_sample.csv --sample-rows 6000

The sample is a seeded random draw from the full corpus (not filtered by
anything), so it carries every region, valid and invalid rows and every
messy style in proportion.

CSV columns: id, region, input, category ("valid:SOURCE:STYLE+TAGS" or
"invalid:KIND+TAGS", how the input was built), expected_e164 (empty when not
valid), expected_valid (t/f), expected_type (lower-case libphonenumber type,
"unknown" when not valid).
"""
import argparse
import csv
import random
import sys
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as C
    import sre_parse

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

# region -> weight; CN and US dominate, as in customer data.
REGIONS = {
    "CN": 12, "US": 8, "GB": 3, "DE": 3, "FR": 3, "JP": 3, "KR": 3, "IN": 3,
    "BR": 3, "AU": 3, "CA": 3, "RU": 3, "SG": 3, "HK": 3, "TW": 3, "MY": 3,
    "ID": 3, "TH": 3, "VN": 3, "PH": 3, "MX": 3, "ES": 3, "IT": 3, "NL": 3,
    "CH": 2, "SE": 2, "PL": 2, "TR": 2, "AE": 2, "SA": 2, "ZA": 2, "NG": 2,
    "EG": 2, "AR": 2, "NZ": 2, "IE": 2, "MO": 2, "BE": 2, "AT": 2, "PT": 2,
}

TYPES = [
    ("fixed_line", PhoneNumberType.FIXED_LINE, "fixed_line", 4),
    ("mobile", PhoneNumberType.MOBILE, "mobile", 6),
    ("toll_free", PhoneNumberType.TOLL_FREE, "toll_free", 1),
    ("premium_rate", PhoneNumberType.PREMIUM_RATE, "premium_rate", 1),
    ("shared_cost", PhoneNumberType.SHARED_COST, "shared_cost", 1),
    ("voip", PhoneNumberType.VOIP, "voip", 1),
    ("personal_number", PhoneNumberType.PERSONAL_NUMBER, "personal_number", 1),
    ("pager", PhoneNumberType.PAGER, "pager", 1),
    ("uan", PhoneNumberType.UAN, "uan", 1),
    ("voicemail", PhoneNumberType.VOICEMAIL, "voicemail", 1),
]

TYPE_NAMES = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.UNKNOWN: "unknown",
}

FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789+-()./#*"}
FULLWIDTH[" "] = "\u3000"
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
SEPARATORS = [" ", " ", " ", "-", "-", ".", "", "  ", " - ", "/"]
EXTENSIONS = [" ext 12", " ext. 305", " x123", " extension 7", " #4", ";ext=22", " ext:9", "-8801"]
LABELS = ["Tel: ", "Tel.", "Phone: ", "Mobile ", "电话：", "手机:", "TEL ", "Ph "]
GARBAGE = [
    "N/A", "n/a", "none", "NULL", "-", "?", "0", "00", "000000", "+", "++", "tbd",
    "unknown", "no phone", "see email", "call me", "x", "#", "(  )", "+()", "...",
    "1234567890123456789012", "12", "911", "110", "112", "119", "120",
    "test@example.com", "ab-cd-ef", "电话", "无", "空号", "—", "１", "+0", "+00 0",
]


# ---- random strings from the metadata's regular expressions ---------------

def _gen(parsed, rng, out):
    for op, av in parsed:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.IN:
            choices = []
            for iop, iav in av:
                if iop is C.LITERAL:
                    choices.append(chr(iav))
                elif iop is C.RANGE:
                    choices.extend(chr(x) for x in range(iav[0], iav[1] + 1))
                elif iop is C.CATEGORY:  # \d
                    choices.extend("0123456789")
            out.append(rng.choice(choices))
        elif op is C.CATEGORY:
            out.append(rng.choice("0123456789"))
        elif op is C.BRANCH:
            _gen(rng.choice(av[1]), rng, out)
        elif op is C.SUBPATTERN:
            _gen(av[-1], rng, out)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            hi = min(hi, lo + 4) if hi is not C.MAXREPEAT else lo + 4
            for _ in range(rng.randint(lo, hi)):
                _gen(sub, rng, out)
        elif op is C.ANY:
            out.append(rng.choice("0123456789"))
        # anchors, lookarounds: not used by the metadata's number patterns


_PARSED = {}


def random_from_pattern(pattern, rng):
    p = _PARSED.get(pattern)
    if p is None:
        p = _PARSED[pattern] = sre_parse.parse(pattern)
    out = []
    _gen(p, rng, out)
    return "".join(out)


# ---- valid numbers ---------------------------------------------------------

def valid_number(region, rng):
    """A valid PhoneNumber of `region`: an example number or a random number
    generated from a type's national-number pattern (retried until valid)."""
    md = phonenumbers.PhoneMetadata.metadata_for_region(region)
    descs = [(name, getattr(md, attr), w) for name, _, attr, w in TYPES
             if getattr(md, attr) is not None and getattr(md, attr).national_number_pattern]
    if rng.random() < 0.08:
        _, t, _, _ = rng.choice(TYPES)
        ex = phonenumbers.example_number_for_type(region, t)
        if ex is not None:
            return ex, "example"
    for _ in range(8):
        name, desc, _ = rng.choices(descs, weights=[w for _, _, w in descs])[0]
        nsn = random_from_pattern(desc.national_number_pattern, rng)
        if desc.possible_length and len(nsn) not in desc.possible_length:
            continue
        num = phonenumbers.PhoneNumber(country_code=md.country_code, national_number=int(nsn))
        if nsn.startswith("0") and region in ("IT", "CI", "GA", "SM", "VA"):
            num.italian_leading_zero = True
            if len(nsn) > 1 and nsn[1] == "0":
                num.number_of_leading_zeros = len(nsn) - len(nsn.lstrip("0"))
        if phonenumbers.is_valid_number(num):
            return num, "random_" + name
    return phonenumbers.example_number(region), "example"


def nsn_of(num):
    return phonenumbers.national_significant_number(num)


def resep(s, rng):
    """Replace the separators of a formatted number with another one."""
    sep = rng.choice(SEPARATORS)
    out = []
    for ch in s:
        out.append(sep if ch == " " else ch)
    s = "".join(out)
    if rng.random() < 0.3:
        s = s.replace("-", rng.choice([" ", "", "-", "."]))
    return s


def group_random(digits, rng):
    """Digits split into random groups with a random separator."""
    sep = rng.choice(SEPARATORS)
    out, i = [], 0
    while i < len(digits):
        k = rng.randint(2, 4)
        out.append(digits[i:i + k])
        i += k
    return sep.join(out)


def fullwidth(s, rng):
    p = rng.choice([1.0, 1.0, 0.5])
    return "".join(FULLWIDTH.get(c, c) if rng.random() < p else c for c in s)


def messy_valid(num, region, rng):
    """A messy spelling of a valid number, and the style's name."""
    cc = str(num.country_code)
    nsn = nsn_of(num)
    style = rng.choices(
        ["national", "national_regroup", "nsn_only", "intl", "e164", "idd00",
         "paren_cc", "plus_cc_trunk0", "cc_no_plus", "digits_national"],
        weights=[22, 10, 8, 16, 8, 8, 6, 4, 4, 6])[0]
    if style == "national":
        s = resep(phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL), rng)
    elif style == "national_regroup":
        nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
        s = group_random("".join(c for c in nat if c.isdigit()), rng)
    elif style == "nsn_only":
        s = group_random(nsn, rng) if rng.random() < 0.5 else nsn
    elif style == "intl":
        s = resep(phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL), rng)
    elif style == "e164":
        s = "+" + cc + nsn
    elif style == "idd00":
        s = "00" + rng.choice(["", " ", "-"]) + cc + rng.choice(["", " ", "-"]) + group_random(nsn, rng)
    elif style == "paren_cc":
        lp, rp = rng.choice([("(", ")"), ("（", "）"), ("(+", ")"), ("[", "]")])
        s = lp + cc + rp + rng.choice(["", " ", "-"]) + rng.choice([nsn, group_random(nsn, rng)])
    elif style == "plus_cc_trunk0":
        s = "+" + cc + rng.choice([" (0) ", " (0)", " 0"]) + group_random(nsn, rng)
    elif style == "cc_no_plus":
        s = cc + rng.choice(["", " ", "-"]) + nsn
    else:  # digits_national
        nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
        s = "".join(c for c in nat if c.isdigit())
    return s, style


def decorate(s, rng):
    """Noise common to all inputs: extensions, labels, full-width forms,
    zero-width characters, stray spaces."""
    tags = []
    if rng.random() < 0.07:
        s += rng.choice(EXTENSIONS)
        tags.append("ext")
    if rng.random() < 0.04:
        s = rng.choice(LABELS) + s
        tags.append("label")
    if rng.random() < 0.15:
        s = fullwidth(s, rng)
        tags.append("fullwidth")
    r = rng.random()
    if r < 0.03:
        s = rng.choice(ZERO_WIDTH) + s + rng.choice(ZERO_WIDTH + [""])
        tags.append("zw_edge")
    elif r < 0.045:
        i = rng.randint(1, max(1, len(s) - 1))
        s = s[:i] + rng.choice(ZERO_WIDTH) + s[i:]
        tags.append("zw_inner")
    if rng.random() < 0.05:
        s = rng.choice([" ", "  ", "\u3000", "\u00a0"]) + s + rng.choice(["", " ", "\u00a0"])
        tags.append("pad")
    return s, tags


def messy_invalid(region, rng):
    num, _ = valid_number(region, rng)
    nsn = nsn_of(num)
    cc = str(num.country_code)
    kind = rng.choices(
        ["too_short", "too_long", "bad_prefix", "random_digits", "letters",
         "vanity", "garbage", "bad_cc", "intl_too_short", "double_plus", "blank"],
        weights=[16, 14, 14, 12, 8, 4, 10, 6, 6, 3, 1])[0]
    if kind == "too_short":
        d = nsn[: max(1, len(nsn) - rng.randint(1, 3))]
        s = group_random(d, rng) if rng.random() < 0.5 else d
    elif kind == "too_long":
        d = nsn + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 4)))
        s = group_random(d, rng) if rng.random() < 0.5 else d
    elif kind == "bad_prefix":
        d = rng.choice("0123456789") + nsn[1:]
        s = rng.choice(["", "+" + cc + " "]) + d
    elif kind == "random_digits":
        s = "".join(rng.choice("0123456789") for _ in range(rng.randint(3, 18)))
        if rng.random() < 0.3:
            s = "+" + s
    elif kind == "letters":
        d = list(nsn)
        for _ in range(rng.randint(1, 3)):
            d[rng.randrange(len(d))] = rng.choice("abcdefghijklmnopqrstuvwxyzOlIS")
        s = "".join(d)
    elif kind == "vanity":
        word = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXY") for _ in range(rng.randint(3, 7)))
        s = rng.choice(["1-800-", "800-", "+1 888 ", "0800 ", ""]) + word
    elif kind == "garbage":
        s = rng.choice(GARBAGE)
    elif kind == "bad_cc":
        s = "+" + rng.choice(["999", "0", "888", "37", "42", "692", "96", "28"]) + " " + group_random(nsn, rng)
    elif kind == "intl_too_short":
        s = "+" + cc + " " + nsn[: rng.randint(1, 4)]
    elif kind == "double_plus":
        s = "++" + cc + nsn
    else:
        s = rng.choice(["", " ", "\u3000", "\u200b"])
    return s, kind


def expected(inp, region):
    try:
        num = phonenumbers.parse(inp, region)
    except phonenumbers.NumberParseException:
        return "", "f", "unknown"
    if not phonenumbers.is_valid_number(num):
        return "", "f", "unknown"
    return (phonenumbers.format_number(num, PhoneNumberFormat.E164), "t",
            TYPE_NAMES.get(phonenumbers.number_type(num), "unknown"))


def clean_cell(s):
    # Keep every input on one line and free of tabs, so the C++ program can
    # read "REGION<TAB>INPUT" lines.
    return s.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def generate(rows, seed, invalid_share, cross_share):
    rng = random.Random(seed)
    regions = list(REGIONS)
    weights = [REGIONS[r] for r in regions]
    for i in range(1, rows + 1):
        region = rng.choices(regions, weights=weights)[0]
        default = region
        if rng.random() < invalid_share:
            inp, cat = messy_invalid(region, rng)
            cat = "invalid:" + cat
        else:
            num, src = valid_number(region, rng)
            if rng.random() < cross_share:
                # written internationally, parsed with another default region
                default = rng.choice(regions)
                cc, nsn = str(num.country_code), nsn_of(num)
                if rng.random() < 0.6:
                    inp = resep(phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL), rng)
                else:
                    inp = "+" + cc + " " + group_random(nsn, rng)
                style = "cross_region"
            else:
                inp, style = messy_valid(num, region, rng)
            cat = "valid:%s:%s" % (src, style)
        inp, tags = decorate(inp, rng)
        if tags:
            cat += "+" + "+".join(tags)
        inp = clean_cell(inp)
        e164, valid, typ = expected(inp, default)
        yield [i, default, inp, cat, e164, valid, typ]


HEADER = ["id", "region", "input", "category", "expected_e164", "expected_valid", "expected_type"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--invalid-share", type=float, default=0.3,
                    help="share of rows built to be invalid (default 0.3)")
    ap.add_argument("--cross-share", type=float, default=0.07,
                    help="share of valid rows parsed with another default region")
    ap.add_argument("--out", default="-", help="full corpus CSV (default stdout)")
    ap.add_argument("--sample", help="also write a seeded random sample to this CSV")
    ap.add_argument("--sample-rows", type=int, default=6000)
    ap.add_argument("--sample-seed", type=int, default=20240601)
    a = ap.parse_args()

    if phonenumbers.__version__ != "9.0.42":
        print("warning: phonenumbers %s, expected 9.0.42 (bench/requirements.txt)"
              % phonenumbers.__version__, file=sys.stderr)
    rows = list(generate(a.rows, a.seed, a.invalid_share, a.cross_share))
    out = sys.stdout if a.out == "-" else open(a.out, "w", newline="", encoding="utf-8")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)
    if out is not sys.stdout:
        out.close()
    if a.sample:
        picks = sorted(random.Random(a.sample_seed).sample(range(len(rows)), min(a.sample_rows, len(rows))))
        with open(a.sample, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(HEADER)
            w.writerows(rows[i] for i in picks)
    n_valid = sum(1 for r in rows if r[5] == "t")
    print("rows=%d valid=%d invalid=%d regions=%d phonenumbers=%s"
          % (len(rows), n_valid, len(rows) - n_valid, len({r[1] for r in rows}),
             phonenumbers.__version__), file=sys.stderr)


if __name__ == "__main__":
    main()
