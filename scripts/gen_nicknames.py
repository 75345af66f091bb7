#!/usr/bin/env python3
"""Generates engine/src/compare/nicknames.rs: English given names, their
nicknames, and the one formal name each nickname stands for in match keys.

Source: PyPI `nicknames` (the hand-curated names.csv of
github.com/carltonnorthern/nicknames, Apache-2.0): rows `formal,
has_nickname, nickname`, e.g. `william,has_nickname,bill`.

Three tables are written (names are referred to by their index in NAMES,
so that the engine compares small integers, not strings, per name pair):
- NAMES: every name of the CSV, sorted;
- PAIRS: every (formal, nickname) pair of the CSV, as two indexes in
  increasing order, sorted, so the engine can ask "are these two names
  nickname-related?" with one binary search;
- CANONICAL: for each name, the formal name it stands for in match keys
  (itself for most). The CSV has no frequencies, and a
  nickname often belongs to several formal names (bill: robert, will,
  william, willis), so the choice is made by these rules, in order:
  1. OVERRIDES below: a curated default for common nicknames whose formal
     name the rules would get wrong (rhyming nicknames such as bill, bob,
     peggy, dick; and gender-ambiguous ones), chosen as the formal name most
     often given in the US (SSA baby-name counts);
  2. a name that is never a nickname stays itself;
  3. otherwise the candidate formal names that are themselves never a
     nickname ("roots") are preferred (or the canonical names of the
     candidates when none is), then one starting with the same letter, then
     the most similar spelling (difflib ratio), then the alphabetically
     first.
  The formal names chosen in OVERRIDES stay themselves, and chains are
  followed, so that every canonical name maps to itself. The result may not
  depend on the order names are visited in (asserted: a cycle of spellings
  that are each other's nicknames is pinned in CYCLES), so the table is the
  same on every run.

    python3 scripts/gen_nicknames.py
"""

import csv
import difflib
import io
from pathlib import Path

from gen_common import ROOT, header, pypi_package, rust_str, write

PKG, VER = "nicknames", "1.0.1"
OUT = ROOT / "engine" / "src" / "compare" / "nicknames.rs"

# nickname (or variant) -> formal name used in match keys (see rule 1).
OVERRIDES = {
    "bill": "william", "billy": "william", "will": "william", "willy": "william",
    "willie": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert", "robby": "robert",
    "dick": "richard", "rick": "richard", "ricky": "richard", "rich": "richard",
    "richie": "richard",
    "jim": "james", "jimmy": "james", "jimmie": "james", "jamie": "james",
    "jack": "john", "johnny": "john", "jon": "john",
    "mike": "michael", "mikey": "michael", "mick": "michael", "mickey": "michael",
    "tom": "thomas", "tommy": "thomas",
    "joe": "joseph", "joey": "joseph",
    "dave": "david",
    "dan": "daniel", "danny": "daniel",
    "steve": "steven", "stevie": "steven", "stephen": "steven",
    "chris": "christopher", "kit": "christopher",
    "matt": "matthew", "nick": "nicholas", "tony": "anthony",
    "andy": "andrew", "drew": "andrew",
    "ben": "benjamin", "benny": "benjamin",
    "sam": "samuel", "sammy": "samuel",
    "alex": "alexander",
    "ed": "edward", "eddie": "edward", "ted": "edward", "teddy": "edward", "ned": "edward",
    "fred": "frederick", "freddie": "frederick", "freddy": "frederick",
    "greg": "gregory", "jeff": "jeffrey", "jerry": "gerald", "larry": "lawrence",
    "harry": "henry", "hank": "henry",
    "jake": "jacob", "tim": "timothy", "timmy": "timothy",
    "ron": "ronald", "ronnie": "ronald", "don": "donald", "donny": "donald",
    "ken": "kenneth", "kenny": "kenneth", "walt": "walter",
    "charlie": "charles", "chuck": "charles",
    "ray": "raymond", "phil": "philip", "vince": "vincent", "gene": "eugene",
    "russ": "russell", "manny": "manuel", "terry": "terence",
    "peggy": "margaret", "peg": "margaret", "maggie": "margaret", "meg": "margaret",
    "marge": "margaret", "margie": "margaret", "madge": "margaret",
    "liz": "elizabeth", "lizzie": "elizabeth", "lizzy": "elizabeth", "beth": "elizabeth",
    "betty": "elizabeth", "betsy": "elizabeth", "bess": "elizabeth", "bessie": "elizabeth",
    "eliza": "elizabeth", "libby": "elizabeth",
    "kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "katherine",
    "catherine": "katherine",
    "kathryn": "katherine",
    "sue": "susan", "susie": "susan",
    "jenny": "jennifer", "jen": "jennifer",
    "becky": "rebecca", "becca": "rebecca",
    "debbie": "deborah", "deb": "deborah", "debby": "deborah",
    "cindy": "cynthia", "sandy": "sandra",
    "pat": "patricia", "patty": "patricia", "patsy": "patricia", "tricia": "patricia",
    "sally": "sarah", "molly": "mary", "polly": "mary", "mamie": "mary",
    "abby": "abigail", "vicky": "victoria", "tina": "christina", "val": "valerie",
    "judy": "judith", "nell": "eleanor", "ellie": "eleanor",
    "mandy": "amanda", "pam": "pamela", "babs": "barbara",
    "connie": "constance", "dot": "dorothy", "dottie": "dorothy",
    "gerry": "gerald", "bert": "albert", "al": "albert",
    # Frequent names in their own right that the CSV lists as nicknames too:
    # they stay themselves (the nickname relation still counts as related).
    "mary": "mary", "nancy": "nancy", "ann": "ann", "anne": "anne", "anna": "anna",
    "lisa": "lisa", "amy": "amy", "emily": "emily", "jane": "jane", "jean": "jean",
    "joan": "joan", "helen": "helen", "ellen": "ellen", "linda": "linda", "laura": "laura",
    "carol": "carol", "sharon": "sharon", "diane": "diane",
    "rose": "rose", "sarah": "sarah", "alice": "alice",
    "eric": "eric", "ian": "ian", "jacob": "jacob", "albert": "albert",
    "henry": "henry", "frank": "frank", "jay": "jay", "gary": "gary", "lee": "lee",
    "roy": "roy", "leo": "leo", "max": "max", "ray": "raymond",
}

# Names in the CSV's cycles (spellings that are each other's nicknames,
# none a formal name of its own): the rules above pick among them only by
# the order names are visited in, which once was Python's set order, so the
# table could not be made again. Each is pinned to the formal name the
# table has had since it was first generated: stored match keys are made
# from these names, and another choice would leave a table's stored keys
# unlike those of its new rows until `dedupe` runs again.
CYCLES = {
    "alan": "allan", "allen": "allan",
    "gert": "gertrude", "gertie": "gertrude", "trudy": "gertrude",
    "kim": "kimberly", "kimberley": "kimberly", "kimberli": "kimberly",
    "hodge": "roger", "rodger": "roger", "roge": "roger",
    "hailey": "hailey", "hayley": "hayley", "haylee": "hayley",
    "eloise": "heloise", "elouise": "heloise",
    "agnes": "inez",
    "erwin": "irwin",
    "casper": "jasper", "jap": "jasper",
    "julia": "julie",
    "carla": "karla", "carly": "karla",
    "amabel": "mabel", "hitty": "mabel", "mehitabel": "mabel",
    "marv": "marvin",
    "mitty": "miriam",
    "mitch": "mitchell",
    "newt": "newton",
    "prudence": "prudy", "prue": "prudy",
    "shaun": "shawn",
    "stacey": "stacie", "staci": "stacie",
    "tabby": "tabitha",
    "teresa": "tessa", "tess": "tessa", "tessie": "tessa", "theresa": "tessa", "thirza": "tessa",
    "traci": "tessa", "tracie": "tessa", "tracy": "tessa",
    "thad": "thaddeus",
}


def main() -> None:
    root = pypi_package(PKG, VER)
    data = (root / "nicknames" / "names.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert all(r["relationship"] == "has_nickname" for r in rows)
    formal_of = {}
    pairs = set()
    names = set()
    for r in rows:
        f, n = r["name1"].strip().lower(), r["name2"].strip().lower()
        if not f or not n or f == n:
            continue
        assert f.isascii() and n.isascii(), (f, n)
        formal_of.setdefault(n, set()).add(f)
        pairs.add(tuple(sorted((f, n))))
        names.update((f, n))
    for must in (("bill", "william"), ("bob", "robert"), ("elizabeth", "liz"),
                 ("margaret", "peggy")):
        assert tuple(sorted(must)) in pairs, must
    assert not OVERRIDES.keys() & CYCLES.keys()
    pinned = {**OVERRIDES, **CYCLES}
    for k, v in pinned.items():
        assert k in names and v in names, (k, v)

    roots = {n for n in names if n not in formal_of}

    def rank(nick, cand):
        return (cand[0] != nick[0],
                -difflib.SequenceMatcher(None, nick, cand).ratio(), cand)

    targets = set(pinned.values())

    def canonical_table(order):
        """The canonical names, visiting names and candidates in `order`
        (a sort): the same for every order unless a cycle of nicknames is
        left to the visiting order (checked below)."""
        memo = {}

        def canon(n, depth=0):
            if n in pinned:
                return pinned[n]
            if n in targets:
                return n
            if n in roots or depth > 8:
                return n
            if n in memo:
                return memo[n]
            cands = formal_of[n]
            pool = sorted(c for c in cands if c in roots)
            if not pool:
                pool = sorted({canon(c, depth + 1) for c in order(cands)} - {n}) or [n]
            best = min(pool, key=lambda c: rank(n, c))
            memo[n] = best
            return best

        table = {}
        for n in order(names):
            c = canon(n)
            seen = {n}
            while canon(c) != c and c not in seen:
                seen.add(c)
                c = canon(c)
            if c != n:
                table[n] = c
        return table

    # A name whose canonical depends on the order names are visited in (a
    # cycle of spellings) must be pinned in CYCLES.
    table = canonical_table(sorted)
    backwards = canonical_table(lambda xs: sorted(xs, reverse=True))
    unsettled = sorted(n for n in names if table.get(n, n) != backwards.get(n, n))
    assert not unsettled, f"canonical names depend on the visiting order, pin them in CYCLES: {unsettled}"
    for n, c in table.items():
        assert c not in table, (n, c, table[c])
    assert table["bill"] == "william" and table["bob"] == "robert"
    assert table["liz"] == "elizabeth" and table["peggy"] == "margaret"

    text = header(
        "English given names and nicknames, for name matching.",
        [f"PyPI `{PKG}` {VER} (Apache-2.0): nicknames/names.csv, the hand-curated list of "
         "https://github.com/carltonnorthern/nicknames"],
        "python3 scripts/gen_nicknames.py",
        f"{len(pairs)} (formal, nickname) pairs; {len(table)} names with a canonical\n"
        "formal name (rules and curated defaults in the generator's docstring).")
    names = sorted(names)
    index = {n: i for i, n in enumerate(names)}
    assert len(names) < 65536
    text += "/// Every name of the list (formal names and nicknames), sorted, for\n"
    text += "/// `binary_search`; the tables below refer to names by index here.\n"
    text += "pub static NAMES: &[&str] = &[\n"
    text += "".join(f"    {rust_str(n)}, // {i}\n" for i, n in enumerate(names))
    text += "];\n\n"
    text += "/// `CANONICAL[i]`: the index of the formal name that `NAMES[i]` stands for\n"
    text += "/// in match keys (`i` itself when it stands for no other name).\n"
    text += "pub static CANONICAL: &[u16] = &[\n"
    text += "".join(f"    {index[table.get(n, n)]}, // {n} -> {table.get(n, n)}\n" for n in names)
    text += "];\n\n"
    text += "/// (i, j), i < j: `NAMES[i]` and `NAMES[j]` are a formal name and one of\n"
    text += "/// its nicknames; sorted, for `binary_search`.\n"
    text += "pub static PAIRS: &[(u16, u16)] = &[\n"
    ipairs = sorted(tuple(sorted((index[a], index[b]))) for a, b in pairs)
    text += "".join(f"    ({i}, {j}), // {names[i]} {names[j]}\n" for i, j in ipairs)
    text += "];\n"
    write("nicknames", text, OUT)


if __name__ == "__main__":
    main()
