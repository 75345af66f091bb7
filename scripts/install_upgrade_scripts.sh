#!/usr/bin/env bash
# Installs what `cargo pgrx install` does not: the install scripts of
# earlier releases and the upgrade scripts between releases (sql/), so
# that CREATE EXTENSION … VERSION and ALTER EXTENSION … UPDATE find them.
# The current version's install script is the one the build wrote.
# Usage: scripts/install_upgrade_scripts.sh <pg_config>
set -euo pipefail
cd "$(dirname "$0")/.."
pg_config=${1:?usage: $0 <pg_config>}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
dir=$("$pg_config" --sharedir)/extension
for f in sql/customer_clean--*.sql; do
  [[ $f == "sql/customer_clean--$version.sql" ]] && continue
  cp "$f" "$dir/"
done
