-- The attacks of issue 15, each as it was tried against the extension,
-- now refused. (The search_path attack in full is tests/security/trojan.sh;
-- dump and restore is tests/dump_restore.sh; hostile options are in
-- tests/hostile and 17_security.)
SET client_min_messages = warning;
\set SHOW_CONTEXT never
-- Every SQL and PL/pgSQL function pins search_path (the two procedures,
-- which COMMIT and so cannot take SET, pin it themselves after each
-- COMMIT); so does every Rust function that runs SQL.
SELECT p.oid::regprocedure AS path_not_pinned
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'customer_clean'::regnamespace AND l.lanname IN ('sql', 'plpgsql') AND p.prokind = 'f'
   AND NOT coalesce(p.proconfig @> '{"search_path=pg_catalog, pg_temp"}', false);
SELECT count(*) AS rust_functions_with_pinned_path FROM pg_proc p
 WHERE p.pronamespace = 'customer_clean'::regnamespace AND p.prolang = 13
   AND p.proconfig @> '{"search_path=pg_catalog, pg_temp"}';
CREATE SCHEMA atk;
CREATE TABLE atk.customers (id int PRIMARY KEY, tenant text NOT NULL, full_name text, phone text, email text);
SELECT customer_clean.register('atk.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  '{"default_region": "CN"}');
INSERT INTO atk.customers VALUES
  (1, 'a', 'Zhang Wei', '13812345678', 'zw@example.com'),
  (2, 'a', 'Zhang Wei', '+86 138 1234 5678', 'zw@example.com'),
  (3, 'b', 'Li Na', '13912345678', 'ln@example.org'),
  (4, 'b', 'Li Na', '+86 139 1234 5678', NULL);
ALTER TABLE atk.customers ENABLE ROW LEVEL SECURITY;
CREATE ROLE cc_atk_a;
CREATE ROLE cc_atk_b;
CREATE POLICY tenant_a ON atk.customers TO cc_atk_a USING (tenant = 'a') WITH CHECK (tenant = 'a');
CREATE POLICY tenant_b ON atk.customers TO cc_atk_b USING (tenant = 'b') WITH CHECK (tenant = 'b');
GRANT USAGE ON SCHEMA atk TO cc_atk_a, cc_atk_b;
GRANT SELECT, INSERT, UPDATE, DELETE ON atk.customers TO cc_atk_a, cc_atk_b;

-- 1. A trojan on the path. Anyone who may create in public plants
-- nextval(text) and unnest(text[]), which beat pg_catalog's for the
-- extension's unqualified calls; snapshot_quality run by a superuser used
-- to run them. The extension's functions pin search_path now.
CREATE FUNCTION public.nextval(text) RETURNS bigint LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'TROJAN nextval ran as %', current_user; END $$;
CREATE FUNCTION public.unnest(text[]) RETURNS SETOF text LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'TROJAN unnest ran as %', current_user; END $$;
SET search_path = public, pg_catalog;
SELECT customer_clean.snapshot_quality('atk.customers') IS NOT NULL AS snapshot_taken;
SELECT customer_clean.preview_merge('atk.customers', '1', ARRAY['2']) IS NOT NULL AS previewed;
RESET search_path;
DROP FUNCTION public.nextval(text), public.unnest(text[]);

-- 2. One tenant rewrites another's history. Tenant b merges its two rows;
-- tenant a, a steward of its own rows, tries to plant its value in the record that
-- b's unmerge restores from: the history tables show nothing to change,
-- and an INSERT is refused. b's unmerge restores b's values.
SET ROLE cc_atk_b;
SELECT customer_clean.merge('atk.customers', '3', ARRAY['4']) AS merge_id \gset
RESET ROLE;
SET ROLE cc_atk_a;
UPDATE customer_clean.merges SET survivor_before = survivor_before || '{"email": "a@evil.example"}'
 WHERE merge_id = :merge_id RETURNING merge_id;
UPDATE customer_clean.merge_history SET row_data = row_data || '{"email": "a@evil.example"}'
 WHERE merge_id = :merge_id;
INSERT INTO customer_clean.merge_history (merge_id, tbl, row_id, row_data)
VALUES (:merge_id, 'atk.customers', '9', '{"id": "9", "tenant": "b", "full_name": "planted by a"}');
DELETE FROM customer_clean.merges WHERE merge_id = :merge_id;
INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by) VALUES ('atk.customers', '3', 1, 'dedupe');
UPDATE customer_clean.review_queue SET status = 'rejected' RETURNING pair_id;
RESET ROLE;
SET ROLE cc_atk_b;
SELECT customer_clean.unmerge(:merge_id);
SELECT id, tenant, full_name, phone, email FROM atk.customers ORDER BY id;
RESET ROLE;

-- 3. Quarantine release as a confused deputy. In quarantine mode tenant a
-- rewrites its row 1 into tenant b's row 3; the trigger diverted the row
-- before row-level security checked it. Changing the id of a row that is
-- quarantined is refused; a quarantined UPDATE is kept under the row it
-- changes, and released with the rights of the role that wrote it.
SELECT customer_clean.enable_cleaning('atk.customers', 'quarantine');
SET ROLE cc_atk_a;
UPDATE atk.customers SET id = 3, tenant = 'b', full_name = 'owned by A', phone = '12345' WHERE id = 1;
UPDATE atk.customers SET tenant = 'b', full_name = 'owned by A', phone = '12345' WHERE id = 1;
RESET ROLE;
SELECT quarantine_id, row_id, operation, quarantined_by, row_data->>'tenant' AS tenant
  FROM customer_clean.quarantine WHERE tbl = 'atk.customers'::regclass \gset
SELECT :'row_id' AS quarantined_row, :'operation' AS operation, :'quarantined_by' AS quarantined_by, :'tenant' AS tenant;
-- the administrator releases it, with the phone corrected: written as
-- cc_atk_a, the row fails a's WITH CHECK
SELECT customer_clean.release_quarantine(:quarantine_id, '{"phone": "13812345678"}');
SELECT id, tenant, full_name, phone FROM atk.customers ORDER BY id;
SELECT released_at IS NULL AS still_quarantined FROM customer_clean.quarantine WHERE quarantine_id = :quarantine_id;
SELECT count(*) AS entries FROM customer_clean.quarantine WHERE tbl = 'atk.customers'::regclass;
-- the same release with the tenant corrected back is a's own row: stored
SELECT customer_clean.release_quarantine(:quarantine_id, '{"phone": "13812345678", "tenant": "a"}');
SELECT id, tenant, full_name, phone FROM atk.customers ORDER BY id;
-- a quarantined INSERT is released as its writer too
SET ROLE cc_atk_a;
INSERT INTO atk.customers VALUES (7, 'b', 'planted', '12345', NULL);
RESET ROLE;
SELECT quarantine_id AS insert_entry FROM customer_clean.quarantine WHERE tbl = 'atk.customers'::regclass AND row_id = '7' \gset
SELECT customer_clean.release_quarantine(:insert_entry, '{"phone": "13812345678"}');
SELECT count(*) AS rows_with_id_7 FROM atk.customers WHERE id = 7;
-- a steward cannot mark entries released (or plant them) by hand
SET ROLE cc_atk_a;
UPDATE customer_clean.quarantine SET released_at = now();
INSERT INTO customer_clean.quarantine (tbl, row_id, operation, row_data, problems)
VALUES ('atk.customers', '3', 'UPDATE', '{"id": "3", "tenant": "b", "full_name": "x"}', '[]');
RESET ROLE;

-- 5. Reject mode bypassed. restore_mode(tbl, true) let any steward store a
-- row that reject mode refuses. It is no SQL function any more: only
-- unmerge and restore_archived let restored rows through, inside one call.
SELECT customer_clean.enable_cleaning('atk.customers', 'reject');
SET ROLE cc_atk_a;
SELECT customer_clean.restore_mode('atk.customers', true);
INSERT INTO atk.customers VALUES (8, 'a', 'Bad Phone', '12345', NULL);
-- the PL/pgSQL bodies of the entry points stop at their first history write
SELECT customer_clean.merge_body('atk.customers', '1', ARRAY['2']);
-- and so does each step of unmerge, whatever merge it is handed
SELECT customer_clean.unmerge_restore_rows(jsonb_populate_record(NULL::customer_clean.merges, '{"merge_id": 1, "tbl": "atk.customers"}'));
SELECT customer_clean.unmerge_check(jsonb_populate_record(NULL::customer_clean.merges, '{"merge_id": 1, "tbl": "atk.customers"}'), NULL);
SELECT customer_clean.may_write_catalog('atk.customers'::regclass) AS outside_any_entry_point;
-- the journal and match keys cannot be written by hand either
INSERT INTO customer_clean.changes (tbl, row_id, operation, original, normalized) VALUES ('atk.customers', '1', 'UPDATE', '{}', '{}');
INSERT INTO customer_clean.match_keys (tbl, key, row_id) VALUES ('atk.customers', 1, '1');
SELECT customer_clean.update_match_keys('atk.customers', '[]', '[{"id": 3, "full_name": "Zhang Wei", "phone": "13812345678"}]');
RESET ROLE;
SELECT count(*) AS rows_with_id_8 FROM atk.customers WHERE id = 8;

SELECT customer_clean.disable_cleaning('atk.customers');
SELECT customer_clean.unregister('atk.customers');
DROP SCHEMA atk CASCADE;
DELETE FROM customer_clean.quarantine WHERE quarantined_by IN ('cc_atk_a', 'cc_atk_b');
DROP OWNED BY cc_atk_a, cc_atk_b;
DROP ROLE cc_atk_a, cc_atk_b;
