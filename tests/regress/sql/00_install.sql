-- The extension installs into its own schema and refuses to move.
CREATE EXTENSION customer_clean;
SELECT extname, extnamespace::regnamespace AS schema, extrelocatable FROM pg_extension WHERE extname = 'customer_clean';
SELECT name, setting FROM pg_settings WHERE name LIKE 'customer_clean.%' ORDER BY name;
