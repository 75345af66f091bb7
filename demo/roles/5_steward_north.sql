-- As steward_north (row-level security: region north): its rows' journal, duplicates and merges; not the south's rows; no hand edits of the history.
\set ECHO queries
SELECT row_id, original->>'phone' AS phone_as_written FROM customer_clean.changes WHERE tbl = 'crm.customers'::regclass ORDER BY change_id;
SELECT id_a, id_b, round(probability::numeric, 3) AS probability FROM customer_clean.find_duplicates('crm.customers', 0.5);
SELECT customer_clean.merge('crm.customers', '1', ARRAY['2']) AS merge_id;
SELECT customer_clean.merge('crm.customers', '3', ARRAY['4']);
SELECT customer_clean.train('crm.customers');
UPDATE customer_clean.merges SET merged_by = 'someone else';
