#!/usr/bin/env bash
# A Debian package of customer_clean for one PostgreSQL version, for DBAs
# who install extensions with apt/dpkg and have no Rust:
#   target/debs/postgresql-<major>-customer-clean_<version>_amd64.deb
# It holds the shared library, the control file, this version's install
# script, and the scripts of earlier releases and the upgrades between them
# (ALTER EXTENSION … UPDATE), built in release mode by `cargo pgrx package`.
# Usage: scripts/package_deb.sh <major>   (15: the machine's own PostgreSQL;
#        17, 18: against the roots of scripts/pg_versions.sh)
# Prints the path of the package.
set -euo pipefail
cd "$(dirname "$0")/.."
major=${1:?usage: $0 <major>}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
name=postgresql-$major-customer-clean
out=target/debs/$name
rm -rf "$out" && mkdir -p "$out"
if [[ $major == 15 ]]; then
  cargo pgrx package --pg-config "/usr/lib/postgresql/15/bin/pg_config" --out-dir "$out" >/dev/null
else
  scripts/pg_versions.sh setup "$major"
  wrapper=$(scripts/pg_versions.sh pg_config "$major")
  PGRX_PG_CONFIG_PATH=$wrapper CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}/pg$major \
    cargo pgrx package --pg-config "$wrapper" --no-default-features --features "pg$major" --out-dir "$out" >/dev/null
  # the wrapper printed the root's paths as the host sees them: the
  # package installs them where the root has them, at /
  root=$(dirname "$wrapper")/pg$major
  mv "$out$root/usr" "$out/usr"
  rm -rf "${out:?}/$(echo "$root" | cut -d/ -f2)"
fi
extension=$out/usr/share/postgresql/$major/extension
[[ -f $extension/customer_clean.control ]] || { echo "package_deb: no control file in $extension" >&2; exit 1; }
for f in sql/customer_clean--*.sql; do
  [[ $f == "sql/customer_clean--$version.sql" ]] || cp "$f" "$extension/"
done
mkdir -p "$out/usr/share/doc/$name" "$out/DEBIAN"
cp LICENSE "$out/usr/share/doc/$name/copyright"
cp README.md CHANGELOG.md docs/*.md "$out/usr/share/doc/$name/"
cat > "$out/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: amd64
Maintainer: the customer_clean contributors <customer-clean@invalid>
Depends: postgresql-$major, libc6
Section: database
Priority: optional
Homepage: https://pgxn.org/dist/customer_clean/
Description: clean customer master data inside PostgreSQL $major
 customer_clean standardizes phones, e-mails, names, addresses and IDs,
 validates them on every write, finds duplicate customers, merges them into
 golden records that can be undone, and reports data quality over time.
 After installing: CREATE EXTENSION customer_clean; (as a superuser), or
 ALTER EXTENSION customer_clean UPDATE; to move an existing database on.
EOF
deb=target/debs/${name}_${version}_amd64.deb
dpkg-deb --build --root-owner-group "$out" "$deb" >/dev/null
echo "$deb"
