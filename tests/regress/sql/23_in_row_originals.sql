-- In-row originals (profile option originals_column): the trigger and
-- clean_table keep each changed value's original in a jsonb column of the
-- row instead of customer_clean.changes, and undo_change(tbl, row_id) puts
-- them back. Undo is exact in both modes: a row written dirty, cleaned and
-- undone is the row as written.
SET client_min_messages = warning;
CREATE SCHEMA io;
CREATE TABLE io.customers (
    id bigint PRIMARY KEY, full_name text, phone varchar(20), email text, country text,
    note text, originals jsonb);

-- The option is checked: an existing jsonb column that plays no role.
SELECT customer_clean.register('io.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  '{"originals_column": "nope"}');
SELECT customer_clean.register('io.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  '{"originals_column": "email"}');
SELECT customer_clean.register('io.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  '{"originals_column": "note"}');
SELECT customer_clean.register('io.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  '{"originals_column": ""}');
SELECT customer_clean.register('io.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  jsonb_build_object('originals_column', repeat('x', 64)));
SELECT customer_clean.register('io.customers',
  '{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "country": "country"}',
  '{"default_region": "CN", "originals_column": "originals"}') > 0 AS registered;
SELECT customer_clean.enable_cleaning('io.customers');

-- INSERT: the originals of what cleaning changed, nothing in the journal;
-- a row with nothing to clean keeps NULL (also when the statement wrote
-- something there: the trigger owns the column).
INSERT INTO io.customers VALUES
  (1, ' zhang  SAN ', '138 1234 5678', ' ZS@Example.COM ', 'china', NULL, NULL),
  (2, 'Li Si', '+8613900000000', 'ls@example.com', 'CN', NULL, '{"forged": {"original": "x", "normalized": "y"}}');
SELECT id, full_name, phone, email, country, jsonb_pretty(originals) FROM io.customers ORDER BY id;
SELECT count(*) AS journal_rows FROM customer_clean.changes WHERE tbl = 'io.customers'::regclass;

-- UPDATE: an untouched value keeps its entry, a value written dirty gets a
-- new one, a value written clean loses it.
UPDATE io.customers SET email = 'NEW@Example.com' WHERE id = 1;
SELECT originals -> 'email' AS email_entry, originals ? 'phone' AS phone_kept FROM io.customers WHERE id = 1;
UPDATE io.customers SET phone = '+8613700000000' WHERE id = 1;
SELECT originals ? 'phone' AS phone_kept, jsonb_object_keys(originals) FROM io.customers WHERE id = 1 ORDER BY 2;
-- COPY takes the same path.
COPY io.customers (id, full_name, phone, email, country) FROM STDIN WITH (FORMAT csv);
3,wang wu,139-0000-1111,WW@EXAMPLE.COM,中国
\.
SELECT id, full_name, phone, email, country, originals FROM io.customers WHERE id = 3;

-- Retention: writing NULL into the column drops a row's originals; any
-- other value written there is replaced by what the trigger keeps.
INSERT INTO io.customers (id, phone) VALUES (5, '138 5555 5555');
UPDATE io.customers SET originals = '{"phone": {"original": "forged", "normalized": "+8613855555555"}}' WHERE id = 5;
SELECT originals FROM io.customers WHERE id = 5;
UPDATE io.customers SET originals = NULL WHERE id = 5;
SELECT originals, customer_clean.undo_change('io.customers', '5') AS undone FROM io.customers WHERE id = 5;

-- undo_change(tbl, row_id): every entry back, the column emptied; then
-- nothing left to undo (false).
SELECT customer_clean.undo_change('io.customers', '1');
SELECT id, full_name, phone, email, country, originals FROM io.customers WHERE id = 1;
SELECT customer_clean.undo_change('io.customers', '1') AS again, customer_clean.undo_change('io.customers', '2') AS clean_row;
SELECT customer_clean.undo_change('io.customers', '99');

-- A row changed behind the trigger's back is not half restored.
ALTER TABLE io.customers DISABLE TRIGGER customer_clean_on_write;
UPDATE io.customers SET phone = '+8613511112222' WHERE id = 3;
ALTER TABLE io.customers ENABLE TRIGGER customer_clean_on_write;
SELECT customer_clean.undo_change('io.customers', '3');
SELECT phone, email FROM io.customers WHERE id = 3;
-- An originals column edited by hand is refused, and so is a table that
-- keeps its originals in the journal.
ALTER TABLE io.customers DISABLE TRIGGER customer_clean_on_write;
UPDATE io.customers SET originals = '{"email": "ww@example.com"}' WHERE id = 3;
ALTER TABLE io.customers ENABLE TRIGGER customer_clean_on_write;
SELECT customer_clean.undo_change('io.customers', '3');
CREATE TABLE io.journaled (id int PRIMARY KEY, phone text);
SELECT customer_clean.register('io.journaled', '{"id": "id", "phone": "phone"}') > 0 AS registered;
SELECT customer_clean.undo_change('io.journaled', '1');
-- Undo writes with the caller's rights.
CREATE ROLE io_reader;
GRANT USAGE ON SCHEMA io TO io_reader;
GRANT SELECT ON io.customers TO io_reader;
SET ROLE io_reader;
SELECT customer_clean.undo_change('io.customers', '3');
RESET ROLE;
-- An application role writes through the trigger with no privilege on
-- customer_clean, and undoes with its SELECT, UPDATE and DELETE.
CREATE ROLE io_app;
GRANT USAGE ON SCHEMA io TO io_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON io.customers TO io_app;
SET ROLE io_app;
INSERT INTO io.customers (id, phone, email) VALUES (6, '138 6666 6666', ' SIX@Example.com');
SELECT phone, email, originals ? 'phone' AS phone_kept FROM io.customers WHERE id = 6;
SELECT customer_clean.undo_change('io.customers', '6');
SELECT phone, email, originals FROM io.customers WHERE id = 6;
RESET ROLE;

-- Exact in both modes: the same dirty rows, loaded raw and cleaned by
-- clean_table into a journaled and an in-row table, give the same stored
-- values and the same originals; undoing everything gives back the rows
-- as loaded, byte for byte.
CREATE TABLE io.raw (id bigint PRIMARY KEY, full_name text, phone varchar(20), email text, country text);
INSERT INTO io.raw VALUES
  (10, 'o''BRIEN, mary', '(212) 555-0142', 'Mary.OBrien@Gmail.com', 'usa'),
  (11, '欧阳　娜娜', '＋８６ １３８ ００００ ００００', ' oy@qq.com', 'ＣＮ'),
  (12, 'ok name', '+8613800000000', 'ok@example.com', 'CN'),
  (13, NULL, '13912345678', NULL, NULL),
  (14, 'José  da SILVA', '021 2222 3333', 'jose@@example.com', 'brasil');
CREATE TABLE io.by_journal (LIKE io.raw INCLUDING ALL);
CREATE TABLE io.in_row (LIKE io.raw INCLUDING ALL, originals jsonb);
INSERT INTO io.by_journal SELECT * FROM io.raw;
INSERT INTO io.in_row SELECT *, NULL FROM io.raw;
SELECT customer_clean.register(t, '{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "country": "country"}',
  o::jsonb) > 0 AS registered
  FROM (VALUES ('io.by_journal'::regclass, '{"default_region": "CN"}'),
               ('io.in_row', '{"default_region": "CN", "originals_column": "originals"}')) v(t, o);
\o /dev/null
CALL customer_clean.clean_table('io.by_journal', 2);
CALL customer_clean.clean_table('io.in_row', 2);
\o
SELECT id, full_name, phone, email, country, originals IS NOT NULL AS has_originals FROM io.in_row ORDER BY id;
SELECT count(*) AS rows_differing FROM io.by_journal j JOIN io.in_row r USING (id)
 WHERE (j.full_name, j.phone, j.email, j.country) IS DISTINCT FROM (r.full_name, r.phone, r.email, r.country);
SELECT count(*) AS originals_differing
  FROM (SELECT row_id, original, normalized FROM customer_clean.changes WHERE tbl = 'io.by_journal'::regclass) j
  FULL JOIN (SELECT id::text AS row_id,
                    (SELECT jsonb_object_agg(k, v -> 'original') FROM jsonb_each(originals) x(k, v)) AS original,
                    (SELECT jsonb_object_agg(k, v -> 'normalized') FROM jsonb_each(originals) x(k, v)) AS normalized
               FROM io.in_row WHERE originals IS NOT NULL) r USING (row_id)
 WHERE j IS NULL OR r IS NULL OR j.original <> r.original OR j.normalized <> r.normalized;
-- cleaning again changes nothing and keeps the originals
\o /dev/null
CALL customer_clean.clean_table('io.in_row', 2);
\o
SELECT rows_changed FROM customer_clean.clean_table_runs WHERE tbl = 'io.in_row'::regclass ORDER BY run_id;
SELECT count(*) AS with_originals FROM io.in_row WHERE originals IS NOT NULL;
SELECT count(*) FILTER (WHERE customer_clean.undo_change(change_id)) AS journal_undone
  FROM (SELECT change_id FROM customer_clean.changes WHERE tbl = 'io.by_journal'::regclass ORDER BY change_id DESC) c;
SELECT count(*) FILTER (WHERE customer_clean.undo_change('io.in_row', id::text)) AS in_row_undone
  FROM (SELECT id FROM io.in_row ORDER BY id) r;
SELECT 'journal' AS mode, count(*) AS rows_not_as_loaded FROM io.raw w JOIN io.by_journal j USING (id)
 WHERE (w.*)::text <> (j.*)::text
UNION ALL
SELECT 'in-row', count(*) FROM io.raw w JOIN io.in_row r USING (id)
 WHERE (w.*)::text <> (r.id, r.full_name, r.phone, r.email, r.country)::text OR r.originals IS NOT NULL;

-- The column's type is checked again when the profile is loaded.
ALTER TABLE io.customers ALTER COLUMN originals TYPE text;
INSERT INTO io.customers (id, phone) VALUES (4, '138 0000 1111');
ALTER TABLE io.customers ALTER COLUMN originals TYPE jsonb USING originals::jsonb;
INSERT INTO io.customers (id, phone) VALUES (4, '138 0000 1111');
SELECT phone, originals FROM io.customers WHERE id = 4;

SELECT customer_clean.unregister(t) FROM unnest(ARRAY['io.customers', 'io.journaled', 'io.by_journal', 'io.in_row']::regclass[]) t;
DROP SCHEMA io CASCADE;
DROP ROLE io_reader, io_app;
