-- bi (SELECT) and app (SELECT, INSERT, UPDATE) in the least-privilege
-- scenario: a policy shows both every tenant's rows, so every reading
-- function answers them as it answers the superuser; neither may merge or
-- decide (bi lacks UPDATE, app DELETE), nor use the owner's functions.
-- Variables: missing (the first privilege a merge needs that the role
-- lacks: UPDATE for bi, DELETE for app), restore_missing (the same for
-- unmerge and restore_archived, which put rows back: INSERT for bi).
-- Steps (psql -v <step>=): reads, round2, release, after_forget.
\ir lib.sql

--------------------------------------------------------------------- reads
\if :{?reads}
\echo == :role: reading functions answer as for the superuser
SELECT pg_temp.expect_value(:'role' || ': ' || i || ' as the superuser sees it',
         format('SELECT pg_temp.digest(%L, %L, %L)', i, :'m1_s', :'m1_d'), f.v)
  FROM pg_temp.digest_items() i
  JOIN (VALUES ('match_row', :'d_match_row'), ('find_duplicates', :'d_find_duplicates'), ('match_probability', :'d_match_probability'),
               ('explain_match', :'d_explain_match'), ('cluster_probability', :'d_cluster_probability'),
               ('golden_record', :'d_golden_record'), ('quality_report', :'d_quality_report'),
               ('quality_issues', :'d_quality_issues'), ('quality_score', :'d_quality_score'),
               ('quality_details', :'d_quality_details'), ('validate', :'d_validate'),
               ('stale_customers', :'d_stale_customers')) f(k, v) ON f.k = i;
SELECT pg_temp.expect_ok(:'role' || ': snapshot_quality', $$SELECT customer_clean.snapshot_quality('crm.customers')$$, 'snapshot');
-- a snapshot sums the rows its taker saw: under row-level security (even
-- a policy that shows every row) a role sees its own snapshots only
SELECT pg_temp.expect_value(:'role' || ': quality_trend shows its own snapshot and no other',
  $$SELECT count(*) FILTER (WHERE snapshot_id::text = pg_temp.saved('snapshot')) || ' own, '
        || count(*) FILTER (WHERE snapshot_id::text IS DISTINCT FROM pg_temp.saved('snapshot')) || ' other'
      FROM customer_clean.quality_trend WHERE tbl = 'crm.customers'::regclass$$,
  (SELECT count(*) FROM customer_clean.quality_report('crm.customers')) || ' own, 0 other');

\echo == :role: the catalog of crm.customers, all of it (it sees every row)
SELECT pg_temp.expect_value(:'role' || ': customer_clean.' || t || ' rows of crm.customers',
         format('SELECT pg_temp.catalog_rows(%L)', t), v)
  FROM (VALUES ('changes', :'n_changes'), ('issues', :'n_issues'), ('match_keys', :'n_match_keys'),
               ('clusters', :'n_clusters'), ('review_queue', :'n_review_queue'), ('review_pending', :'n_pending'),
               ('profiles', '1'), ('rules', :'n_rules'), ('clean_table_runs', '1')) AS x(t, v);
-- The model sums every tenant's names: only for roles no row-level
-- security applies to (customer_clean.sees_all_rows). bi and app are under
-- RLS (a policy USING (true) is still a policy), so they do not see it.
SELECT pg_temp.expect_value(:'role' || ': customer_clean.models (only for roles without row-level security)',
  $$SELECT pg_temp.catalog_rows('models')$$, '0');

\echo == :role: merging and deciding need :missing
SELECT pg_temp.expect_error(:'role' || ': ' || f || ' is refused (' || m || ' missing)', q, '42501', f || ': permission denied for table crm.customers: ' || m || ' is needed')
  FROM (VALUES
    ('merge',            format('SELECT customer_clean.merge(%L, %L, ARRAY[%L])', 'crm.customers', :'m1_s', :'m1_d'), :'missing'),
    ('preview_merge',    format('SELECT * FROM customer_clean.preview_merge(%L, %L, ARRAY[%L])', 'crm.customers', :'m1_s', :'m1_d'), :'missing'),
    ('approve',          format('SELECT customer_clean.approve(%s)', :'pair_a3'), :'missing'),
    ('reject',           format('SELECT customer_clean.reject(%s)', :'pair_a3'), :'missing'),
    ('undo_change',      format('SELECT customer_clean.undo_change(%s)', :'u_change_a'), :'missing'),
    ('restore_archived', $$SELECT customer_clean.restore_archived('crm.customers')$$, :'restore_missing')) AS x(f, q, m);
\if :{?bi_writes}
\echo == bi: no writes
SELECT pg_temp.expect_error('bi: INSERT INTO crm.customers',
  $$INSERT INTO crm.customers (id, full_name, tenant) VALUES (999001, 'Sam Reader', 'a')$$, '42501', 'permission denied for table customers');
SELECT pg_temp.expect_error('bi: UPDATE crm.customers',
  format('UPDATE crm.customers SET full_name = %L WHERE id = %s', 'Sam Reader', :'m1_s'), '42501', 'permission denied for table customers');
\endif
\ir not_owner.sql
\endif

-------------------------------------------------------------------- round2
\if :{?round2}
\echo == :role: merges of every tenant, and no unmerge
SELECT pg_temp.expect_value(:'role' || ': customer_clean.' || t || ' rows of crm.customers',
         format('SELECT pg_temp.catalog_rows(%L)', t), v)
  FROM (VALUES ('merges', :'n_merges'), ('merge_history', :'n_merge_history')) AS x(t, v);
SELECT pg_temp.expect_error(:'role' || ': unmerge is refused', format('SELECT customer_clean.unmerge(%s)', :'merge_f'),
  '42501', 'unmerge: permission denied for table crm.customers: ' || :'restore_missing' || ' is needed');
\endif

------------------------------------------------------------------- release
\if :{?release}
SELECT pg_temp.expect_error(:'role' || ': release_quarantine is refused', format('SELECT customer_clean.release_quarantine(%s)', :'q_a'),
  '42501', 'release_quarantine: permission denied for table crm.customers: ' || :'missing' || ' is needed');
\endif

-------------------------------------------------------------- after_forget
\if :{?after_forget}
SELECT pg_temp.expect_value(:'role' || ': customer_clean.erasures (only for roles without row-level security)',
  $$SELECT pg_temp.catalog_rows('erasures')$$, '0');
SELECT pg_temp.expect_value(:'role' || ': customer_clean.' || t || ' rows of crm.customers (rows not in the table, of every tenant)',
         format('SELECT pg_temp.catalog_rows(%L)', t), v)
  FROM (VALUES ('archive', :'n_archive'), ('quarantine', :'n_quarantine')) AS x(t, v);
\endif
