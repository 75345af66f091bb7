-- A tenant's steward in the least-privilege scenario (steward_a, steward_b):
-- SELECT, INSERT, UPDATE, DELETE on crm.customers and crm.orders, and
-- row-level security that shows it its tenant's rows only. Through every
-- function, view and catalog table of the extension it sees exactly those.
-- Variables: tenant (a or b); the driver passes the facts of this tenant
-- as <name>_mine and of the other tenant as <name>_other.
-- Steps (psql -v <step>=): reads, round2, after_forget.
\ir lib.sql

--------------------------------------------------------------------- reads
\if :{?reads}
\echo == :role: the catalog shows the rows of its tenant only
SELECT pg_temp.expect_value(:'role' || ': customer_clean.' || t || ' rows of crm.customers', format('SELECT pg_temp.catalog_rows(%L)', t), v)
  FROM (VALUES ('changes', :'changes_mine'), ('issues', :'issues_mine'), ('match_keys', :'match_keys_mine'),
               ('clusters', :'clusters_mine'), ('review_queue', :'review_queue_mine'), ('review_pending', :'pending_mine'),
               ('profiles', '1'), ('rules', :'n_rules'), ('clean_table_runs', '1'),
               -- the model sums every tenant's names
               ('models', '0')) AS x(t, v);
SELECT pg_temp.expect_value(:'role' || ': review_pending shows both rows of every pair',
  $$SELECT count(*) FROM customer_clean.review_pending WHERE tbl = 'crm.customers'::regclass AND (row_a IS NULL OR row_b IS NULL)$$, '0');

\echo == :role: quality over the rows of its tenant
SELECT pg_temp.expect_value(:'role' || ': quality_report ' || d || '/' || c || ' counts its tenant''s rows',
         format('SELECT failing_rows FROM customer_clean.quality_report(%L) WHERE dimension = %L AND column_name = %L', 'crm.customers', d, c), v)
  FROM (VALUES ('timeliness', 'updated_at', :'untimely_mine'), ('completeness', 'email', :'missing_email_mine')) AS x(d, c, v);
SELECT pg_temp.expect_value(:'role' || ': quality_issues(validity) lists its tenant''s rows',
  $$SELECT count(*) FROM customer_clean.quality_issues('crm.customers', 'validity')$$, :'qi_validity_mine');
SELECT pg_temp.expect_value(:'role' || ': stale_customers lists its tenant''s stale rows',
  format($f$SELECT count(*) || ' rows, ' || count(*) FILTER (WHERE row_data ->> 'tenant' IS DISTINCT FROM %L) || ' of another tenant'
              FROM customer_clean.stale_customers('crm.customers', 365)$f$, :'tenant'),
  :'stale_n_mine' || ' rows, 0 of another tenant');
SELECT pg_temp.expect_value(:'role' || ': quality_score of its own row',
  format('SELECT customer_clean.quality_score(%L, %L) BETWEEN 0 AND 100', 'crm.customers', :'probe_id_mine'), 'true');
SELECT pg_temp.expect_value(:'role' || ': quality_details of its own row',
  format('SELECT customer_clean.quality_details(%L, %L) ? ''score''', 'crm.customers', :'probe_id_mine'), 'true');
SELECT pg_temp.expect_value(:'role' || ': validate as the superuser sees it',
  format('SELECT pg_temp.digest(%L, NULL, NULL)', 'validate'), :'d_validate');

\echo == :role: matching over the rows of its tenant
SELECT pg_temp.expect_value(:'role' || ': find_duplicates names only rows it sees',
  $$SELECT count(*) FROM customer_clean.find_duplicates('crm.customers', 0.9) d
     WHERE NOT EXISTS (SELECT 1 FROM crm.customers c WHERE c.id::text = d.id_a)
        OR NOT EXISTS (SELECT 1 FROM crm.customers c WHERE c.id::text = d.id_b)$$, '0');
SELECT pg_temp.expect_value(:'role' || ': find_duplicates finds every pair of its tenant the superuser finds',
  format($f$SELECT count(*) FROM unnest(string_to_array(%L, ',')) p
             WHERE p NOT IN (SELECT d.id_a || '-' || d.id_b FROM customer_clean.find_duplicates('crm.customers', 0.9) d)$f$, :'dup_pairs_mine'), '0');
SELECT pg_temp.expect_value(:'role' || ': match_row for another tenant''s customer names only rows it sees',
  format($f$SELECT count(*) FROM customer_clean.match_row('crm.customers', %L::jsonb) m
             WHERE NOT EXISTS (SELECT 1 FROM crm.customers c WHERE c.id::text = m.row_id)$f$, :'probe_row_other'), '0');
SELECT pg_temp.expect_value(:'role' || ': match_row for its own customer finds the duplicate',
  format('SELECT count(*) FROM customer_clean.match_row(%L, %L::jsonb) m WHERE m.row_id = %L', 'crm.customers', :'probe_row_mine', :'probe_dup_mine'), '1');
SELECT pg_temp.expect_value(:'role' || ': preview_merge of its own duplicates (one line per column)',
  format('SELECT count(*) FROM customer_clean.preview_merge(%L, %L, ARRAY[%L])', 'crm.customers', :'probe_id_mine', :'probe_dup_mine'), '15');

\echo == :role: a row of another tenant is no row (P0002)
SELECT pg_temp.expect_error(:'role' || ': ' || f || ' of another tenant''s rows', q, 'P0002')
  FROM (VALUES
    ('match_probability',   format('SELECT customer_clean.match_probability(%L, %L, %L)', 'crm.customers', :'probe_id_other', :'probe_dup_other')),
    ('explain_match',       format('SELECT customer_clean.explain_match(%L, %L, %L)', 'crm.customers', :'probe_id_other', :'probe_dup_other')),
    ('cluster_probability', format('SELECT customer_clean.cluster_probability(%L, ARRAY[%L, %L])', 'crm.customers', :'probe_id_other', :'probe_dup_other')),
    ('golden_record',       format('SELECT customer_clean.golden_record(%L, %L, ARRAY[%L])', 'crm.customers', :'probe_id_other', :'probe_dup_other')),
    ('quality_score',       format('SELECT customer_clean.quality_score(%L, %L)', 'crm.customers', :'probe_id_other')),
    ('quality_details',     format('SELECT customer_clean.quality_details(%L, %L)', 'crm.customers', :'probe_id_other')),
    ('preview_merge',       format('SELECT * FROM customer_clean.preview_merge(%L, %L, ARRAY[%L])', 'crm.customers', :'probe_id_mine', :'probe_dup_other'))) AS x(f, q);
SELECT pg_temp.expect_value(:'role' || ': row_as_jsonb of another tenant''s row',
  format('SELECT customer_clean.row_as_jsonb(%L, %L)', 'crm.customers', :'probe_id_other'), NULL);

\echo == :role: quality snapshots of what it sees
SELECT pg_temp.expect_ok(:'role' || ': snapshot_quality', $$SELECT customer_clean.snapshot_quality('crm.customers')$$, 'snapshot');
SELECT 'fact snapshot_' || :'tenant' || '=' || pg_temp.saved('snapshot');
SELECT pg_temp.fact('breaches_' || :'tenant', format('SELECT count(*) FROM customer_clean.quality_breaches WHERE snapshot_id = %s', pg_temp.saved('snapshot')));
SELECT pg_temp.expect_value(:'role' || ': quality_trend shows its own snapshot and no other (not the owner''s, not the other tenant''s)',
  $$SELECT count(*) FILTER (WHERE snapshot_id::text = pg_temp.saved('snapshot')) || ' own, '
        || count(*) FILTER (WHERE snapshot_id::text IS DISTINCT FROM pg_temp.saved('snapshot')) || ' other'
      FROM customer_clean.quality_trend WHERE tbl = 'crm.customers'::regclass$$,
  (SELECT count(*) FROM customer_clean.quality_report('crm.customers')) || ' own, 0 other');
\ir not_owner.sql
\endif

-------------------------------------------------------------------- round2
\if :{?round2}
\echo == :role: merges of its tenant only; only the extension writes the history
SELECT pg_temp.expect_value(:'role' || ': customer_clean.' || t || ' rows of crm.customers', format('SELECT pg_temp.catalog_rows(%L)', t), v)
  FROM (VALUES ('merges', :'merges_mine'), ('merge_history', :'merge_history_mine')) AS x(t, v);
SELECT pg_temp.expect_no_write(:'role' || ': ' || w || ' changes nothing', q)
  FROM (VALUES
    ('UPDATE customer_clean.merges', $$UPDATE customer_clean.merges SET merged_by = 'x' WHERE tbl = 'crm.customers'::regclass$$),
    ('DELETE FROM customer_clean.merge_history', $$DELETE FROM customer_clean.merge_history WHERE tbl = 'crm.customers'::regclass$$),
    ('UPDATE customer_clean.review_queue', $$UPDATE customer_clean.review_queue SET status = 'pending' WHERE tbl = 'crm.customers'::regclass$$),
    ('UPDATE customer_clean.clusters', $$UPDATE customer_clean.clusters SET cluster_id = 0 WHERE tbl = 'crm.customers'::regclass$$),
    ('UPDATE customer_clean.changes', $$UPDATE customer_clean.changes SET undone_at = NULL WHERE tbl = 'crm.customers'::regclass$$)) AS x(w, q);
\endif

-------------------------------------------------------------- after_forget
\if :{?after_forget}
SELECT pg_temp.expect_value(:'role' || ': customer_clean.erasures (only for roles without row-level security)',
  $$SELECT pg_temp.catalog_rows('erasures')$$, '0');
SELECT pg_temp.expect_value(:'role' || ': customer_clean.' || t || ' rows of crm.customers (rows not in the table, of its tenant)',
         format('SELECT pg_temp.catalog_rows(%L)', t), v)
  FROM (VALUES ('archive', :'archive_mine'), ('quarantine', :'quarantine_mine')) AS x(t, v);
\endif
