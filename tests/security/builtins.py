#!/usr/bin/env python3
"""List the functions and operators customer_clean's SQL calls, from the code.

Reads sql/*.sql (comments dropped) and the string literals of src/*.rs
("…", r"…", r#"…"#: the SQL handed to Spi and format!), and prints

    func <name>      every identifier followed by "(" that is not SQL syntax,
                     not qualified with a schema other than pg_catalog and
                     not one of the extension's own
    op <symbol>      every run of operator characters, each of its pieces,
                     and the operators SQL syntax implies (NULLIF, IN, ANY,
                     BETWEEN, LIKE, IS DISTINCT FROM, simple CASE)

one per line, sorted. Over-inclusion is harmless: tests/security/trojan.sh
keeps only names that exist in pg_catalog. Under-inclusion is the danger, so
this reads everything, strings inside the SQL included (dynamic SQL lives in
format('…') literals). Usage: builtins.py <repo root>
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")

# Words followed by "(" that are syntax, not a function looked up on the
# search path (the grammar turns COALESCE, GREATEST, NULLIF, EXTRACT, TRIM,
# POSITION, SUBSTRING, OVERLAY … into expressions or pg_catalog-qualified
# calls).
SYNTAX = {
    "coalesce", "greatest", "least", "nullif", "exists", "array", "row", "cast", "values", "in", "any",
    "all", "some", "extract", "over", "filter", "within", "as", "on", "using", "and", "or", "not", "if",
    "elsif", "when", "then", "else", "case", "returns", "table", "from", "select", "where", "into",
    "key", "primary", "unique", "check", "references", "conflict", "window", "partition", "lateral",
    "ordinality", "with", "insert", "update", "delete", "set", "return", "query", "execute", "perform",
    "function", "procedure", "trigger", "index", "foreign", "default", "grouping", "rows", "by", "group",
    "order", "limit", "offset", "join", "inner", "left_join", "cross", "union", "intersect", "except",
    "trim", "position", "substring", "overlay", "normalize", "collate", "is", "distinct", "to", "for",
    "loop", "while", "foreach", "raise", "exception", "begin", "end", "declare", "language", "type",
    "constraint", "do", "create", "alter", "drop", "grant", "revoke", "comment", "view", "schema",
    "sequence", "extension", "between", "like", "ilike", "similar", "escape", "interval", "xmlelement",
    "xmlforest", "xmlconcat", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "treat", "json_object",
    "json_array", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
    "operator", "current_user", "current_role", "session_user", "user", "current_catalog", "current_schema",
}

SQL_OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?"


def rust_literals(text):
    """The contents of the string literals of a Rust source file."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c in "rb" and re.match(r"(?:br|r)#*\"", text[i:i + 40]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r"(?:br|r)(#*)\"", text[i:])
            hashes = m.group(1)
            start = i + m.end()
            end = text.find('"' + hashes, start)
            end = n if end < 0 else end
            out.append(text[start:end])
            i = end + 1 + len(hashes)
        elif c == '"' or (c == "b" and text.startswith('b"', i) and (i == 0 or not text[i - 1].isalnum())):
            if c == "b":
                i += 1
            j = i + 1
            buf = []
            while j < n and text[j] != '"':
                if text[j] == "\\" and j + 1 < n:
                    e = text[j + 1]
                    if e == "\n":  # line continuation: skip leading whitespace
                        j += 2
                        while j < n and text[j] in " \t\r\n":
                            j += 1
                        buf.append(" ")
                        continue
                    buf.append({"n": "\n", "t": "\t", "r": "\r", "0": "", '"': '"', "\\": "\\", "'": "'"}.get(e, " "))
                    j += 2
                    continue
                buf.append(text[j])
                j += 1
            out.append("".join(buf))
            i = j + 1
        elif c == "'":
            m = re.match(r"'(?:\\u\{[0-9a-fA-F]+\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'\n])'", text[i:])
            i += m.end() if m else 1  # a char literal, or a lifetime's quote
        else:
            i += 1
    return out


def strip_sql_comments(text):
    # "--" to end of line, outside of nothing in particular: a string holding
    # "--" loses its tail, which only ever removes text, never adds a name.
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return "\n".join(line.split("--", 1)[0] if "--" in line else line for line in text.split("\n"))


def own_names(sql_texts, rust_texts):
    names = set()
    for t in sql_texts:
        names |= {m.lower() for m in re.findall(r"(?i)create\s+(?:or\s+replace\s+)?(?:function|procedure|aggregate)\s+customer_clean\.(\w+)", t)}
    for t in rust_texts:
        for m in re.finditer(r"#\[pg_extern[^\]]*\](?:\s*#\[[^\]]*\])*\s*(?:pub\s+)?fn\s+(\w+)", t):
            names.add(m.group(1).lower())
        names |= {m.lower() for m in re.findall(r'#\[pg_extern\([^\]]*name\s*=\s*"(\w+)"', t)}
        names |= {m.lower() for m in re.findall(r"#\[pg_trigger[^\]]*\](?:\s*#\[[^\]]*\])*\s*(?:pub\s+)?(?:unsafe\s+)?fn\s+(\w+)", t)}
    return names


def main():
    sql_files = sorted((root / "sql").glob("*.sql"))
    rs_files = sorted((root / "src").glob("*.rs"))
    if not sql_files or not rs_files:
        sys.exit(f"builtins.py: no sql/*.sql or src/*.rs under {root}")
    sql_texts = [strip_sql_comments(p.read_text()) for p in sql_files]
    rust_sources = [p.read_text() for p in rs_files if p.name != "pg_tests.rs"]
    literals = [strip_sql_comments(lit) for src in rust_sources for lit in rust_literals(src)]
    corpus = sql_texts + literals
    own = own_names(sql_texts + literals, rust_sources)

    funcs = set()
    # unqualified, or qualified with pg_catalog (kept so that the list does
    # not shrink when the code qualifies its calls); other schemas are not
    # built-ins
    ident_call = re.compile(r'(?<![\w.$"])(?:pg_catalog\s*\.\s*)?([A-Za-z_][A-Za-z0-9_]*)\s*\(')
    for t in corpus:
        for m in ident_call.finditer(t):
            name = m.group(1).lower()
            if name in SYNTAX or name in own:
                continue
            funcs.add(name)

    ops = set()
    run = re.compile("[" + re.escape(SQL_OPERATOR_CHARS) + "]+")
    for t in corpus:
        for m in run.finditer(t):
            s = m.group(0)
            for a in range(len(s)):
                for b in range(a + 1, min(len(s), a + 3) + 1):
                    ops.add(s[a:b])
        low = t.lower()
        if re.search(r"\b(nullif|in\s*\(|any\s*\(|all\s*\(|some\s*\(|distinct\s+from)", low) or re.search(r"\bcase\s+[\w.]+\s+when\b", low):
            ops |= {"=", "<>"}
        if re.search(r"\bbetween\b", low):
            ops |= {">=", "<="}
        if re.search(r"\blike\b", low):
            ops |= {"~~", "!~~"}
        if re.search(r"\bilike\b", low):
            ops |= {"~~*", "!~~*"}
        if re.search(r"\bsimilar\s+to\b", low):
            ops |= {"~", "!~"}
    for f in sorted(funcs):
        print("func", f)
    for o in sorted(ops):
        print("op", o)
    print(f"builtins.py: {len(funcs)} candidate function names, {len(ops)} candidate operator symbols "
          f"from {len(sql_files)} SQL files and {len(literals)} Rust string literals "
          f"({len(own)} own names left out)", file=sys.stderr)


main()
