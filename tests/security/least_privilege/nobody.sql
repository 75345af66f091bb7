-- nobody in the least-privilege scenario: USAGE on schema crm and no
-- privilege on crm.customers. Nothing of the table reaches it through the
-- extension. Steps (psql -v <step>=): reads, round2, release, after_forget.
\ir lib.sql

--------------------------------------------------------------------- reads
\if :{?reads}
SELECT pg_temp.expect_error('nobody: SELECT FROM crm.customers (PostgreSQL''s own check)',
  $$SELECT count(*) FROM crm.customers$$, '42501', 'permission denied for table customers');
\echo == nobody: the reading functions need SELECT
SELECT pg_temp.expect_error('nobody: ' || f || ' is refused (SELECT missing)', q, '42501', f || ': permission denied for table crm.customers: SELECT is needed')
  FROM (VALUES
    ('match_row',          $$SELECT * FROM customer_clean.match_row('crm.customers', '{"full_name": "Li Na", "phone": "13600001111"}')$$),
    ('find_duplicates',    $$SELECT * FROM customer_clean.find_duplicates('crm.customers', 0.9)$$),
    ('match_probability',  format('SELECT customer_clean.match_probability(%L, %L, %L)', 'crm.customers', :'m1_s', :'m1_d')),
    ('explain_match',      format('SELECT customer_clean.explain_match(%L, %L, %L)', 'crm.customers', :'m1_s', :'m1_d')),
    ('cluster_probability', format('SELECT customer_clean.cluster_probability(%L, ARRAY[%L, %L])', 'crm.customers', :'m1_s', :'m1_d')),
    ('golden_record',      format('SELECT customer_clean.golden_record(%L, %L, ARRAY[%L])', 'crm.customers', :'m1_s', :'m1_d')),
    ('quality_report',     $$SELECT * FROM customer_clean.quality_report('crm.customers')$$),
    ('quality_issues',     $$SELECT * FROM customer_clean.quality_issues('crm.customers', 'validity')$$),
    ('quality_score',      format('SELECT customer_clean.quality_score(%L, %L)', 'crm.customers', :'m1_s')),
    ('quality_details',    format('SELECT customer_clean.quality_details(%L, %L)', 'crm.customers', :'m1_s')),
    ('validate',           $$SELECT customer_clean.validate('crm.customers', '{"id": 1, "full_name": "Li Na"}')$$),
    ('snapshot_quality',   $$SELECT customer_clean.snapshot_quality('crm.customers')$$),
    ('stale_customers',    $$SELECT * FROM customer_clean.stale_customers('crm.customers', 365)$$)) AS x(f, q);
\echo == nobody: merging and deciding need SELECT first
SELECT pg_temp.expect_error('nobody: ' || f || ' is refused (SELECT missing)', q, '42501', f || ': permission denied for table crm.customers: SELECT is needed')
  FROM (VALUES
    ('merge',            format('SELECT customer_clean.merge(%L, %L, ARRAY[%L])', 'crm.customers', :'m1_s', :'m1_d')),
    ('preview_merge',    format('SELECT * FROM customer_clean.preview_merge(%L, %L, ARRAY[%L])', 'crm.customers', :'m1_s', :'m1_d')),
    ('undo_change',      format('SELECT customer_clean.undo_change(%s)', :'u_change_a')),
    ('restore_archived', $$SELECT customer_clean.restore_archived('crm.customers')$$)) AS x(f, q);
-- a review pair of rows nobody can see is no pair to it (P0002), or it
-- is refused for its missing SELECT (42501): either way nothing happens
SELECT pg_temp.expect_error('nobody: ' || f || ' is refused or finds no pair', q, '42501|P0002')
  FROM (VALUES ('approve', format('SELECT customer_clean.approve(%s)', :'pair_a3')),
               ('reject',  format('SELECT customer_clean.reject(%s)', :'pair_a3'))) AS x(f, q);
\echo == nobody: sees nothing of the catalog
SELECT pg_temp.expect_value('nobody: customer_clean.' || t || ' rows of crm.customers', format('SELECT pg_temp.catalog_rows(%L)', t), '0')
  FROM unnest(ARRAY['profiles', 'rules', 'clean_table_runs', 'models', 'changes', 'issues', 'quarantine', 'match_keys',
                    'clusters', 'review_queue', 'review_pending', 'merges', 'merge_history', 'archive',
                    'quality_history', 'quality_breaches', 'quality_trend']) t;
\ir not_owner.sql
\endif

-------------------------------------------------------------------- round2
\if :{?round2}
SELECT pg_temp.expect_value('nobody: customer_clean.' || t || ' rows of crm.customers', format('SELECT pg_temp.catalog_rows(%L)', t), '0')
  FROM unnest(ARRAY['merges', 'merge_history', 'quality_history', 'quality_trend']) t;
SELECT pg_temp.expect_error('nobody: unmerge is refused or finds no merge', format('SELECT customer_clean.unmerge(%s)', :'merge_f'), '42501|P0002');
\endif

------------------------------------------------------------------- release
\if :{?release}
SELECT pg_temp.expect_error('nobody: release_quarantine is refused', format('SELECT customer_clean.release_quarantine(%s)', :'q_a'),
  '42501', 'release_quarantine: permission denied for table crm.customers: SELECT is needed');
\endif

-------------------------------------------------------------- after_forget
\if :{?after_forget}
SELECT pg_temp.expect_value('nobody: customer_clean.' || t || ' rows of crm.customers', format('SELECT pg_temp.catalog_rows(%L)', t), '0')
  FROM unnest(ARRAY['erasures', 'archive', 'quarantine']) t;
\endif
