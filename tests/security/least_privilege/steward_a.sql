-- steward_a's work in the least-privilege scenario: merges, review
-- decisions, undo, release and restore on tenant a's rows; every attempt
-- on tenant b's fails as if the row did not exist (P0002) and changes
-- nothing. Steps (psql -v <step>=): actions, release, restore.
\ir lib.sql

------------------------------------------------------------------- actions
\if :{?actions}
\echo == steward_a: merge and unmerge two rows of one customer of tenant a
SELECT pg_temp.save('m1_before', (SELECT string_agg(c::text, '|' ORDER BY c.id) FROM crm.customers c WHERE c.id::text IN (:'m1_s', :'m1_d')));
SELECT pg_temp.save('orders_s', (SELECT count(*)::text FROM crm.orders WHERE customer_id::text = :'m1_s'));
SELECT pg_temp.save('orders_d', (SELECT count(*)::text FROM crm.orders WHERE customer_id::text = :'m1_d'));
SELECT pg_temp.expect_ok('steward_a: merge', format('SELECT customer_clean.merge(%L, %L, ARRAY[%L])', 'crm.customers', :'m1_s', :'m1_d'), 'merge_m1');
SELECT pg_temp.expect_value('steward_a: the duplicate left the table',
  format('SELECT count(*) FROM crm.customers WHERE id::text = %L', :'m1_d'), '0');
SELECT pg_temp.expect_value('steward_a: its orders now belong to the survivor (re-pointed with steward_a''s rights)',
  format('SELECT count(*) FROM crm.orders WHERE customer_id::text = %L', :'m1_s'),
  (pg_temp.saved('orders_s')::int + pg_temp.saved('orders_d')::int)::text);
SELECT pg_temp.expect_value('steward_a: merge_history of its merge is visible to it',
  $$SELECT count(*) FROM customer_clean.merge_history WHERE merge_id::text = pg_temp.saved('merge_m1')$$, '1');
SELECT pg_temp.expect_ok('steward_a: unmerge', $$SELECT customer_clean.unmerge(pg_temp.saved('merge_m1')::bigint)$$);
SELECT pg_temp.expect_value('steward_a: unmerge restored both rows exactly',
  format('SELECT string_agg(c::text, ''|'' ORDER BY c.id) FROM crm.customers c WHERE c.id::text IN (%L, %L)', :'m1_s', :'m1_d'),
  pg_temp.saved('m1_before'));
SELECT pg_temp.expect_value('steward_a: unmerge gave the orders back',
  format('SELECT count(*) FROM crm.orders WHERE customer_id::text = %L', :'m1_d'), pg_temp.saved('orders_d'));
SELECT 'fact merge_m1=' || pg_temp.saved('merge_m1');

\echo == steward_a: merge f (crm_owner forgets the survivor later)
SELECT pg_temp.expect_ok('steward_a: merge f', format('SELECT customer_clean.merge(%L, %L, ARRAY[%L])', 'crm.customers', :'f_s', :'f_d'), 'merge_f');
SELECT 'fact merge_f=' || coalesce(pg_temp.saved('merge_f'), 'NULL');

\echo == steward_a: the rows of tenant b are no rows
SELECT pg_temp.expect_error('steward_a: ' || w, q, 'P0002')
  FROM (VALUES
    ('merge a tenant-b row into its own', format('SELECT customer_clean.merge(%L, %L, ARRAY[%L])', 'crm.customers', :'m1_s', :'b_d')),
    ('merge two tenant-b rows',           format('SELECT customer_clean.merge(%L, %L, ARRAY[%L])', 'crm.customers', :'b_s', :'b_d')),
    ('preview_merge of tenant-b rows',    format('SELECT * FROM customer_clean.preview_merge(%L, %L, ARRAY[%L])', 'crm.customers', :'b_s', :'b_d')),
    ('approve a tenant-b review pair',    format('SELECT customer_clean.approve(%s)', :'pair_b1')),
    ('reject a tenant-b review pair',     format('SELECT customer_clean.reject(%s)', :'pair_b1')),
    ('undo a tenant-b change',            format('SELECT customer_clean.undo_change(%s)', :'u_change_b'))) AS x(w, q);

\echo == steward_a: review decisions and undo in tenant a
SELECT pg_temp.expect_value('steward_a: approve a tenant-a pair (merges it)',
  format('SELECT customer_clean.approve(%s) IS NOT NULL', :'pair_a1'), 'true');
SELECT pg_temp.expect_ok('steward_a: reject a tenant-a pair', format('SELECT customer_clean.reject(%s)', :'pair_a2'));
SELECT pg_temp.expect_value('steward_a: undo a tenant-a change', format('SELECT customer_clean.undo_change(%s)', :'u_change_a'), 'true');
\endif

------------------------------------------------------------------- release
\if :{?release}
\echo == steward_a: quarantine
SELECT pg_temp.expect_error('steward_a: release tenant b''s quarantined row',
  format('SELECT customer_clean.release_quarantine(%s, %L)', :'q_b', '{"phone": "+86 139 0013 9000", "email": "qb@example.com"}'), 'P0002');
SELECT pg_temp.expect_value('steward_a: release tenant a''s quarantined row, corrected',
  format('SELECT customer_clean.release_quarantine(%s, %L)', :'q_a', '{"phone": "+86 138 0013 8000", "email": "QA@Example.com"}'), 'true');
SELECT pg_temp.expect_value('steward_a: the released row is in the table, cleaned',
  $$SELECT concat_ws(' | ', full_name, phone, email) FROM crm.customers WHERE id = 900301$$, 'Quinn Avalon | +8613800138000 | qa@example.com');
\endif

------------------------------------------------------------------- restore
\if :{?restore}
\echo == steward_a: archived rows
SELECT pg_temp.expect_value('steward_a: restore_archived of tenant b''s rows restores none',
  format('SELECT customer_clean.restore_archived(%L, %L::text[])', 'crm.customers', :'stale_b'), '0');
SELECT pg_temp.expect_value('steward_a: restore_archived of every row restores its tenant''s',
  $$SELECT customer_clean.restore_archived('crm.customers')$$, :'stale_n_a');
SELECT pg_temp.expect_value('steward_a: its rows are back',
  format('SELECT count(*) FROM crm.customers WHERE id::text = ANY (%L::text[])', :'stale_a'), :'stale_n_a');
\endif
