#!/usr/bin/env python3
"""Evaluate phone numbers with whatever Python `phonenumbers` this interpreter
has; same input and output format as phone_bench --info.

    python pn_eval.py FILE   # lines "REGION<TAB>INPUT"
prints "E164<TAB>t|f<TAB>TYPE" per line and "rows=N seconds=S version=V" on stderr.
"""
import sys
import time

import phonenumbers
from phonenumbers import PhoneNumberFormat


def main():
    with open(sys.argv[1], encoding="utf-8", newline="\n") as f:
        lines = [l.rstrip("\n").rstrip("\r") for l in f]
    names = {v: k.lower() for k, v in vars(phonenumbers.PhoneNumberType).items()
             if k.isupper() and isinstance(v, int)}
    out = []
    t0 = time.perf_counter()
    for line in lines:
        region, _, inp = line.partition("\t")
        try:
            num = phonenumbers.parse(inp, region)
            ok = phonenumbers.is_valid_number(num)
        except phonenumbers.NumberParseException:
            ok = False
        if ok:
            out.append("%s\tt\t%s" % (phonenumbers.format_number(num, PhoneNumberFormat.E164),
                                      names.get(phonenumbers.number_type(num), "unknown")))
        else:
            out.append("\tf\tunknown")
    secs = time.perf_counter() - t0
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))
    print("rows=%d seconds=%.3f version=%s" % (len(lines), secs, phonenumbers.__version__), file=sys.stderr)


if __name__ == "__main__":
    main()
