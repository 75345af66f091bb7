-- steward_b's work in the least-privilege scenario, after steward_a's:
-- what steward_a could not do to tenant b is intact, and steward_b can.
-- Steps (psql -v <step>=): actions, release, restore.
\ir lib.sql

------------------------------------------------------------------- actions
\if :{?actions}
\echo == steward_b: what steward_a tried on tenant b is intact
SELECT pg_temp.expect_value('steward_b: the review pair is still pending',
  format('SELECT status FROM customer_clean.review_queue WHERE pair_id = %s', :'pair_b1'), 'pending');
SELECT pg_temp.expect_value('steward_b: the rows are untouched',
  format('SELECT md5(string_agg(c::text, ''|'' ORDER BY c.id)) FROM crm.customers c WHERE c.id::text IN (%L, %L)', :'b_s', :'b_d'), :'b_md5');
SELECT pg_temp.expect_value('steward_b: the change is not undone',
  format('SELECT undone_at IS NULL FROM customer_clean.changes WHERE change_id = %s', :'u_change_b'), 'true');
\echo == steward_b: its own work
SELECT pg_temp.expect_ok('steward_b: reject the pair', format('SELECT customer_clean.reject(%s)', :'pair_b1'));
SELECT pg_temp.expect_value('steward_b: the pair is rejected',
  format('SELECT status || '' by '' || decided_by FROM customer_clean.review_queue WHERE pair_id = %s', :'pair_b1'), 'rejected by steward_b');
SELECT pg_temp.expect_ok('steward_b: merge', format('SELECT customer_clean.merge(%L, %L, ARRAY[%L])', 'crm.customers', :'b_s', :'b_d'), 'merge_b');
SELECT pg_temp.expect_ok('steward_b: unmerge', $$SELECT customer_clean.unmerge(pg_temp.saved('merge_b')::bigint)$$);
SELECT pg_temp.expect_value('steward_b: unmerge restored both rows exactly',
  format('SELECT md5(string_agg(c::text, ''|'' ORDER BY c.id)) FROM crm.customers c WHERE c.id::text IN (%L, %L)', :'b_s', :'b_d'), :'b_md5');
SELECT pg_temp.expect_value('steward_b: undo the change', format('SELECT customer_clean.undo_change(%s)', :'u_change_b'), 'true');
\echo == steward_b: merges and pairs of tenant a are none of its business
SELECT pg_temp.expect_error('steward_b: ' || w, q, 'P0002')
  FROM (VALUES
    ('unmerge steward_a''s merge', format('SELECT customer_clean.unmerge(%s)', :'merge_f')),
    ('approve a tenant-a pair',    format('SELECT customer_clean.approve(%s)', :'pair_a3')),
    ('reject a tenant-a pair',     format('SELECT customer_clean.reject(%s)', :'pair_a3'))) AS x(w, q);
\endif

------------------------------------------------------------------- release
\if :{?release}
SELECT pg_temp.expect_value('steward_b: release tenant b''s quarantined row, corrected',
  format('SELECT customer_clean.release_quarantine(%s, %L)', :'q_b', '{"phone": "+86 139 0013 9000", "email": "qb@example.com"}'), 'true');
\endif

------------------------------------------------------------------- restore
\if :{?restore}
SELECT pg_temp.expect_value('steward_b: restore_archived of every row restores its tenant''s',
  $$SELECT customer_clean.restore_archived('crm.customers')$$, :'stale_n_b');
\endif
