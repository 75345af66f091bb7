-- The extension installs into its own schema and refuses to move.
CREATE EXTENSION customer_clean;
SELECT extname, extnamespace::regnamespace AS schema, extrelocatable FROM pg_extension WHERE extname = 'customer_clean';
SELECT name, setting FROM pg_settings WHERE name LIKE 'customer_clean.%' ORDER BY name;
-- What is installed: the version, the PostgreSQL it was built for (this
-- server's), and where the reference data comes from.
SELECT customer_clean.version()->>'extension' AS extension,
       (customer_clean.version()->>'postgresql')::int = current_setting('server_version_num')::int / 10000 AS built_for_this_server;
SELECT key, value FROM jsonb_each_text(customer_clean.version()->'reference_data') ORDER BY key;
