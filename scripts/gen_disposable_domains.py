#!/usr/bin/env python3
"""Generates engine/src/data/disposable_domains.rs: domains of disposable
(throw-away) mailbox services, sorted for binary search.

Source: PyPI `disposable-email-domains`, which packages the curated blocklist
of github.com/disposable-email-domains/disposable-email-domains (about 10k
domains, each added only with evidence that it serves throw-away mailboxes).
It is preferred over the npm package of the same name (ivolo's list): that one
has over 120k entries, too many to compile into the extension, and its own
curated subset (wildcard.json) is only a list of parent domains.

The package's `__init__.py` is read as data with `ast`, never imported.

    python3 scripts/gen_disposable_domains.py
"""

import ast
import re

from gen_common import header, pypi_package, rust_str, write

PKG, VER = "disposable-email-domains", "0.0.293"


def read_set(source: str, name: str) -> set:
    for node in ast.parse(source).body:
        target = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        elif isinstance(node, ast.AnnAssign):
            target = node.target
        if isinstance(target, ast.Name) and target.id == name:
            return set(ast.literal_eval(node.value))
    raise SystemExit(f"no `{name}` in the package")


def main() -> None:
    root = pypi_package(PKG, VER)
    source = (root / "disposable_email_domains" / "__init__.py").read_text("utf-8")
    blocklist = read_set(source, "blocklist")
    allowlist = read_set(source, "allowlist") if "allowlist" in source else set()
    domains = sorted(d.strip().lower() for d in blocklist - allowlist)
    for d in domains:
        assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", d), d
    for must in ("mailinator.com", "guerrillamail.com", "yopmail.com"):
        assert must in domains, must
    for never in ("gmail.com", "qq.com", "163.com", "outlook.com", "yahoo.com"):
        assert never not in domains, never
    assert 1000 < len(domains) < 50_000, len(domains)
    licence = "unknown"
    for meta in root.glob("*.dist-info/METADATA"):
        for line in meta.read_text("utf-8").splitlines():
            if line.startswith("License-Expression:") or line.startswith("License:"):
                licence = line.split(":", 1)[1].strip()
                break

    text = header(
        "Domains of disposable (throw-away) mailbox services.",
        [f"PyPI `{PKG}` {VER} ({licence}): the `blocklist` set in "
         "disposable_email_domains/__init__.py, the curated list of "
         "https://github.com/disposable-email-domains/disposable-email-domains"],
        "python3 scripts/gen_disposable_domains.py",
        f"{len(domains)} domains, lower case ASCII, sorted by byte value. A subdomain of\n"
        "a listed domain is disposable too; the lookup in `email` walks the parents.")
    text += """/// Disposable-mailbox domains, sorted, for `binary_search`.
pub static DISPOSABLE_DOMAINS: &[&str] = &[
""" + "\n".join(f"    {rust_str(d)}," for d in domains) + """
];
"""
    write("disposable_domains", text)


if __name__ == "__main__":
    main()
