-- Included (\ir) by every role that does not own crm.customers: app, bi,
-- nobody and steward_a. The owner's functions refuse them; they cannot edit
-- the table's rules or write the extension's catalog. Every call is rolled
-- back by the check, so one that wrongly succeeded changes nothing.
\echo == :role: the functions of the owner refuse (42501, must be owner)
SELECT pg_temp.expect_error(:'role' || ': ' || f || ' is refused (not the owner)', q, '42501', f || ': must be owner of table crm.customers')
  FROM (VALUES
    ('register',        format('SELECT customer_clean.register(%L, %L, %L)', 'crm.customers', :'cols', '{}')),
    ('unregister',      $$SELECT customer_clean.unregister('crm.customers')$$),
    ('enable_cleaning', $$SELECT customer_clean.enable_cleaning('crm.customers', 'flag', true)$$),
    ('disable_cleaning', $$SELECT customer_clean.disable_cleaning('crm.customers')$$),
    ('train',           format('SELECT customer_clean.train(%L, %L)', 'crm.customers', :'train_options')),
    ('dedupe',          $$SELECT customer_clean.dedupe('crm.customers')$$),
    ('clean_table',     $$CALL customer_clean.clean_table('crm.customers')$$),
    ('merge_clusters',  $$CALL customer_clean.merge_clusters('crm.customers')$$),
    ('archive_stale',   $$SELECT customer_clean.archive_stale('crm.customers', 36500)$$),
    ('forget',          $$SELECT customer_clean.forget('crm.customers', '0')$$),
    ('purge_journal',   $$SELECT customer_clean.purge_journal('crm.customers', '100 years')$$)) AS x(f, q);
-- clean_table's steps, for a client that drives a run itself
SELECT pg_temp.expect_error(:'role' || ': clean_table_start is refused (not the owner)', $$SELECT customer_clean.clean_table_start('crm.customers')$$,
  '42501', '%: must be owner of table crm.customers');

\echo == :role: the rules of the table are for its owner
SELECT pg_temp.expect_error(:'role' || ': INSERT INTO customer_clean.rules is refused',
  $$INSERT INTO customer_clean.rules (tbl, column_name, kind, params, severity)
    VALUES ('crm.customers', 'full_name', 'length', '{"max": 3}', 'error')$$,
  '42501', 'new row violates row-level security policy for table "rules"');
SELECT pg_temp.expect_rows(:'role' || ': UPDATE customer_clean.rules touches no rule',
  $$UPDATE customer_clean.rules SET enabled = false WHERE tbl = 'crm.customers'::regclass$$, 0, false);
SELECT pg_temp.expect_rows(:'role' || ': DELETE FROM customer_clean.rules touches no rule',
  $$DELETE FROM customer_clean.rules WHERE tbl = 'crm.customers'::regclass$$, 0, false);
SELECT pg_temp.expect_no_write(:'role' || ': UPDATE customer_clean.profiles changes nothing',
  $$UPDATE customer_clean.profiles SET options = '{"default_region": "US"}' WHERE tbl = 'crm.customers'::regclass$$);

\echo == :role: nobody but the extension writes the catalog
SELECT pg_temp.expect_error(:'role' || ': INSERT INTO customer_clean.' || t || ' is refused', q, '42501')
  FROM (VALUES
    ('changes', $$INSERT INTO customer_clean.changes (tbl, row_id, operation, original, normalized)
                  VALUES ('crm.customers', '1', 'UPDATE', '{"phone": "x"}', '{"phone": "y"}')$$),
    ('issues', $$INSERT INTO customer_clean.issues (tbl, row_id, column_name, code, severity, message)
                 VALUES ('crm.customers', '1', 'phone', 'invalid_phone', 'error', 'forged')$$),
    ('match_keys', $$INSERT INTO customer_clean.match_keys (tbl, key, row_id) VALUES ('crm.customers', 42, '1')$$),
    ('clusters', $$INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by) VALUES ('crm.customers', '1', 1, 'dedupe')$$),
    ('review_queue', $$INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by)
                       VALUES ('crm.customers', '1', '2', 0.99, '{}', 'uncertain', 'dedupe')$$),
    ('merges', $$INSERT INTO customer_clean.merges (tbl, survivor_id, duplicate_ids, decisions, survivor_before)
                 VALUES ('crm.customers', '1', ARRAY['2'], '[]', '{}')$$),
    ('archive', $$INSERT INTO customer_clean.archive (tbl, row_id, row_data) VALUES ('crm.customers', '1', '{"id": 1}')$$),
    ('quality_history', $$INSERT INTO customer_clean.quality_history (snapshot_id, tbl, dimension, value, failing_rows)
                          VALUES (1, 'crm.customers', 'overall', 1, 0)$$)) AS x(t, q);
SELECT pg_temp.expect_no_write(:'role' || ': ' || w || ' changes nothing', q)
  FROM (VALUES
    ('UPDATE customer_clean.merges', $$UPDATE customer_clean.merges SET merged_by = 'x' WHERE tbl = 'crm.customers'::regclass$$),
    ('UPDATE customer_clean.review_queue', $$UPDATE customer_clean.review_queue SET status = 'rejected' WHERE tbl = 'crm.customers'::regclass$$),
    ('DELETE FROM customer_clean.clusters', $$DELETE FROM customer_clean.clusters WHERE tbl = 'crm.customers'::regclass$$),
    ('DELETE FROM customer_clean.changes', $$DELETE FROM customer_clean.changes WHERE tbl = 'crm.customers'::regclass$$),
    ('UPDATE customer_clean.models', $$UPDATE customer_clean.models SET options = '{}' WHERE tbl = 'crm.customers'::regclass$$),
    ('DELETE FROM customer_clean.erasures', $$DELETE FROM customer_clean.erasures$$)) AS x(w, q);
