#!/usr/bin/env bash
# The Debian package installs where there is no Rust (issue 17): builds
# target/debs/postgresql-<major>-customer-clean_<version>_amd64.deb
# (scripts/package_deb.sh), installs it with apt into a root that holds
# only Debian and its PostgreSQL (no Rust, no cargo, no build outputs;
# scripts/pg_versions.sh setup <major> deb-pg<major>), starts PostgreSQL
# there and checks CREATE EXTENSION, a cleaning trigger, version(), and an
# upgrade from 0.1.0 with the scripts the package ships. Then removes it.
# Usage: tests/deb_install.sh <major> <port>
set -euo pipefail
cd "$(dirname "$0")/.."
major=${1:?usage: $0 <major> <port>} port=${2:?usage: $0 <major> <port>}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
deb=$(scripts/package_deb.sh "$major")
scripts/pg_versions.sh setup "$major" "deb-pg$major"
root=$(scripts/pg_versions.sh root "$major" "deb-pg$major")
bin=/usr/lib/postgresql/$major/bin
in_root() { env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 chroot "$@"; }
stop() { scripts/pg_versions.sh stop "$major" "deb-pg$major"; }
trap stop EXIT
stop

if in_root "$root" sh -c 'command -v cargo || command -v rustc' >/dev/null; then
  echo "deb install: FAILED: the root has Rust; it must not"; exit 1
fi
in_root "$root" dpkg --purge "postgresql-$major-customer-clean" >/dev/null 2>&1 || true
cp "$deb" "$root/tmp/"
in_root "$root" env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Check-Valid-Until=false install -y -qq \
  "/tmp/$(basename "$deb")" > "$root/tmp/deb_install.log" 2>&1 || { cat "$root/tmp/deb_install.log"; exit 1; }

scripts/pg_versions.sh start "$major" "$port" "deb-pg$major"
q() { in_root "$root" "$bin/psql" -X -q -At -v ON_ERROR_STOP=1 -h /tmp/cc_cluster/sock -p "$port" -U postgres "$@"; }
got=$(q -d postgres <<'SQL'
CREATE EXTENSION customer_clean;
SELECT customer_clean.version()->>'extension';
SELECT customer_clean.normalize_phone('138 1234 5678', 'CN');
CREATE TABLE people (id int PRIMARY KEY, full_name text, phone text);
SELECT customer_clean.register('people', '{"id": "id", "name": "full_name", "phone": "phone"}', '{"default_region": "CN"}') > 0;
SELECT customer_clean.enable_cleaning('people');
INSERT INTO people VALUES (1, '  zhang   WEI ', '138-1234-5678');
SELECT full_name || ' ' || phone FROM people;
CREATE DATABASE old_release;
SQL
)
want="$version
+8613812345678
t
t
Zhang Wei +8613812345678"
if [[ $got != "$want" ]]; then echo "deb install: FAILED: got"; echo "$got"; echo "wanted"; echo "$want"; exit 1; fi
upgraded=$(q -d old_release -c "CREATE EXTENSION customer_clean VERSION '0.1.0'" -c "ALTER EXTENSION customer_clean UPDATE" \
             -c "SELECT extversion FROM pg_extension WHERE extname = 'customer_clean'")
if [[ $upgraded != "$version" ]]; then echo "deb install: FAILED: ALTER EXTENSION UPDATE from 0.1.0 gave $upgraded"; exit 1; fi
stop
in_root "$root" dpkg --purge "postgresql-$major-customer-clean" >/dev/null 2>&1
echo "deb install: $(basename "$deb") ($(du -h "$deb" | cut -f1)) installed with apt where there is no Rust; CREATE EXTENSION, the cleaning trigger and the upgrade from 0.1.0 work; passed"
