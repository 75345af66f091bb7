#!/usr/bin/env python3
"""The peer of clean-on-write: cleaning customer rows in a script before
loading them, as a team without customer_clean would, with pandas and the
usual libraries (bench/clean_copy.sh times this plus the COPY of its output).

    peer_clean.py IN.csv OUT.csv [--default-region CN] [--date-order DMY]

Reads the generated customers CSV (gen_customers.py) and, where a library
offers the normalization, does what customer_clean's trigger does to the
same columns:
  full_name   whitespace collapsed, title case (pandas string methods)
  phone       E.164 when libphonenumber (phonenumbers) says valid, for the
              row's country (US for the US spellings, else the default
              region), else kept as written and flagged
  email       email-validator's normalized form (syntax and domain checked,
              no DNS), else kept as written and flagged
  birth_date  parsed (pandas.to_datetime, day first for DMY), ISO 8601, else
              kept and flagged
The other columns are kept as written: no library here normalizes Chinese
addresses, countries, postcodes, genders or national IDs, and there is no
journal of originals. So the script does less than the trigger; the
comparison flatters it. Writes OUT.csv (same columns, plus `problems`) and
prints the rows and seconds to stderr.
"""
import argparse
import sys
import time

import pandas as pd
import phonenumbers
from email_validator import EmailNotValidError, validate_email

US_SPELLINGS = {"us", "usa", "united states", "united states of america", "u.s.", "u.s.a.", "美国"}


def e164(number, region):
    if not isinstance(number, str) or not number.strip():
        return number, None
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return number, "invalid_phone"
    if not phonenumbers.is_valid_number(parsed):
        return number, "invalid_phone"
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), None


def email(address):
    if not isinstance(address, str) or not address.strip():
        return address, None
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized, None
    except EmailNotValidError:
        return address, "invalid_email"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--default-region", default="CN")
    ap.add_argument("--date-order", default="DMY", choices=["DMY", "MDY", "YMD"])
    a = ap.parse_args()
    started = time.perf_counter()
    df = pd.read_csv(a.input, dtype=str, keep_default_na=False, na_values=[""])
    problems = [[] for _ in range(len(df))]

    df["full_name"] = df["full_name"].str.split().str.join(" ").str.title()

    regions = df["country"].fillna("").str.strip().str.lower().map(
        lambda c: "US" if c in US_SPELLINGS else a.default_region)
    phones = [e164(p, r) for p, r in zip(df["phone"], regions)]
    df["phone"] = [p for p, _ in phones]
    emails = [email(e) for e in df["email"]]
    df["email"] = [e for e, _ in emails]

    dates = pd.to_datetime(df["birth_date"], errors="coerce", format="mixed",
                           dayfirst=a.date_order == "DMY", yearfirst=a.date_order == "YMD")
    bad_date = dates.isna() & df["birth_date"].notna()
    df["birth_date"] = dates.dt.strftime("%Y-%m-%d").where(~bad_date, df["birth_date"])

    for i, ((_, p), (_, e), d) in enumerate(zip(phones, emails, bad_date)):
        problems[i].extend(x for x in (p, e, "invalid_date" if d else None) if x)
    df["problems"] = [",".join(p) for p in problems]
    df.to_csv(a.output, index=False)
    print("peer_clean: %d rows, %d with problems, %.2f s"
          % (len(df), sum(1 for p in problems if p), time.perf_counter() - started), file=sys.stderr)


if __name__ == "__main__":
    main()
