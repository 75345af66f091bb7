-- What a dump and restore must carry over, printed the same way in A (when
-- it is dumped) and in B (right after the restore): for every table of
-- schema customer_clean and the two user tables, the row count and an md5
-- of every row's text (regclass columns print as the table's name, so no
-- OID shows); the extension's and the user's sequences; the triggers.
SET client_min_messages = warning;
\pset footer off
\echo == row counts per table (customer_clean catalog and user tables)
SELECT c.oid::regclass AS table_name,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %s', c.oid::regclass), false, true, '')))[1]::text AS rows,
       (xpath('/row/h/text()', query_to_xml(format(
            'SELECT md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text COLLATE "C"), '''')) AS h FROM %s t',
            c.oid::regclass), false, true, '')))[1]::text AS md5_of_rows
  FROM pg_class c
 WHERE c.relkind = 'r' AND c.relnamespace IN ('customer_clean'::regnamespace, 'public'::regnamespace)
 ORDER BY c.oid::regclass::text;
\echo == the counts the issue names, per table
SELECT (SELECT count(*) FROM customer_clean.clusters) AS clusters_rows,
       (SELECT count(DISTINCT cluster_id) FROM customer_clean.clusters) AS clusters,
       (SELECT count(*) FROM customer_clean.match_keys) AS match_keys,
       (SELECT count(*) FROM customer_clean.merges) AS merges,
       (SELECT count(*) FROM customer_clean.merge_history) AS merge_history,
       (SELECT count(*) FROM customer_clean.quality_history) AS quality_history,
       (SELECT count(DISTINCT snapshot_id) FROM customer_clean.quality_history) AS snapshots,
       (SELECT count(*) FROM customer_clean.review_queue) AS review_queue,
       (SELECT count(*) FROM customer_clean.changes) AS changes,
       (SELECT count(*) FROM customer_clean.issues) AS issues;
\echo == sequences
SELECT schemaname, sequencename, last_value
  FROM pg_sequences WHERE schemaname IN ('customer_clean', 'public') ORDER BY 1, 2;
\echo == triggers on user tables and the catalog
SELECT tgrelid::regclass AS table_name, tgname, tgenabled, p.proname AS function_name
  FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
 WHERE NOT tgisinternal ORDER BY t.tgrelid::regclass::text, t.tgname;
\echo == profile and model
SELECT tbl, columns, options, on_invalid FROM customer_clean.profiles ORDER BY tbl::text;
SELECT tbl, md5(model::text) AS model_md5, options FROM customer_clean.models ORDER BY tbl::text;
