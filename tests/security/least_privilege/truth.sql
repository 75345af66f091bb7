-- The superuser's side of the least-privilege scenario: it only READS, to
-- pick the rows the roles work on and to say what each role should see
-- (`fact` lines), and checks what the roles' actions left behind.
-- Steps (psql -v <step>=): round1, round2, quarantine, before_merge_clusters,
-- forget_before, forget_after, purge_after, grants.
\ir lib.sql

CREATE TEMP TABLE tenant_of AS SELECT id::text AS row_id, tenant FROM crm.customers;
CREATE UNIQUE INDEX ON tenant_of (row_id);

-------------------------------------------------------------------- round1
\if :{?round1}
\echo == superuser: the rows the roles work on
-- People with exactly two rows, which dedupe put in a cluster of their
-- own, named by no review pair, not stale.
CREATE TEMP TABLE two_row_people AS
SELECT c.tenant, min(c.id)::text AS lo, max(c.id)::text AS hi, bool_or(c.id % 3 = 0) AS ordered,
       bool_and(c.email IS NOT NULL) AS emails
  FROM crm.customers c
 GROUP BY c.tenant, c.true_entity_id
HAVING count(*) = 2 AND max(c.id) < 900000 AND bool_and(c.updated_at > now() - interval '365 days');
DELETE FROM two_row_people p
 WHERE NOT EXISTS (SELECT 1 FROM customer_clean.clusters x JOIN customer_clean.clusters y USING (tbl, cluster_id)
                    WHERE x.tbl = 'crm.customers'::regclass AND x.row_id = p.lo AND y.row_id = p.hi
                      AND (SELECT count(*) FROM customer_clean.clusters z WHERE z.tbl = x.tbl AND z.cluster_id = x.cluster_id) = 2)
    OR EXISTS (SELECT 1 FROM customer_clean.review_queue q
                WHERE q.tbl = 'crm.customers'::regclass AND (q.row_id_a IN (p.lo, p.hi) OR q.row_id_b IN (p.lo, p.hi)));
-- m1 (tenant a): steward_a merges and unmerges them; d has orders
CREATE TEMP TABLE m1 AS
SELECT CASE WHEN p.hi::int % 3 = 0 THEN p.lo ELSE p.hi END AS s, CASE WHEN p.hi::int % 3 = 0 THEN p.hi ELSE p.lo END AS d
  FROM two_row_people p WHERE p.tenant = 'a' AND p.ordered ORDER BY p.lo::int LIMIT 1;
-- f (tenant a): steward_a merges d into s, crm_owner forgets s. Without
-- orders (forget deletes the row), with e-mail addresses no other
-- customer's row contains; issues if possible.
CREATE TEMP TABLE f AS
SELECT p.lo AS s, p.hi AS d
  FROM two_row_people p
 WHERE p.tenant = 'a' AND NOT p.ordered AND p.emails AND p.lo NOT IN (SELECT s FROM m1 UNION ALL SELECT d FROM m1)
   AND NOT EXISTS (SELECT 1 FROM crm.customers me JOIN crm.customers other ON other.id::text NOT IN (p.lo, p.hi)
                    WHERE me.id::text IN (p.lo, p.hi) AND other::text ILIKE '%' || lower(btrim(me.email)) || '%')
 ORDER BY EXISTS (SELECT 1 FROM customer_clean.issues i WHERE i.tbl = 'crm.customers'::regclass AND i.row_id = p.lo) DESC, p.lo::int
 LIMIT 1;
-- b (tenant b): steward_a may not touch them, steward_b merges and unmerges them
CREATE TEMP TABLE b AS
SELECT p.lo AS s, p.hi AS d FROM two_row_people p WHERE p.tenant = 'b' ORDER BY p.lo::int LIMIT 1;
SELECT pg_temp.expect_value('superuser: picked ' || t || ' (two rows of one person in a cluster of their own)',
         format('SELECT count(*) FROM %I', t), '1')
  FROM unnest(ARRAY['m1', 'f', 'b']) t;
SELECT pg_temp.expect_value('superuser: picked m1, whose duplicate has orders',
  $$SELECT count(*) > 0 FROM crm.orders WHERE customer_id::text = (SELECT d FROM m1)$$, 'true');
SELECT pg_temp.fact(k, q) FROM (VALUES
  ('m1_s', 'SELECT s FROM m1'), ('m1_d', 'SELECT d FROM m1'), ('f_s', 'SELECT s FROM f'), ('f_d', 'SELECT d FROM f'),
  ('b_s', 'SELECT s FROM b'), ('b_d', 'SELECT d FROM b'),
  ('b_md5', $$SELECT md5(string_agg(c::text, '|' ORDER BY c.id)) FROM crm.customers c WHERE c.id::text IN (SELECT s FROM b UNION ALL SELECT d FROM b)$$),
  -- a customer of each tenant with a duplicate, for the probes of the other tenant
  ('probe_id_a', 'SELECT s FROM m1'), ('probe_dup_a', 'SELECT d FROM m1'),
  ('probe_row_a', 'SELECT to_jsonb(c) FROM crm.customers c WHERE c.id::text = (SELECT s FROM m1)'),
  ('probe_id_b', 'SELECT s FROM b'), ('probe_dup_b', 'SELECT d FROM b'),
  ('probe_row_b', 'SELECT to_jsonb(c) FROM crm.customers c WHERE c.id::text = (SELECT s FROM b)')) AS x(k, q);
-- a change of each tenant to undo: the only change of a row in no cluster and no review pair
SELECT pg_temp.fact('u_change_' || x.tenant, format($f$
  SELECT min(ch.change_id) FROM customer_clean.changes ch JOIN crm.customers c ON c.id::text = ch.row_id
   WHERE ch.tbl = 'crm.customers'::regclass AND c.tenant = %L AND c.id < 900000 AND ch.undone_at IS NULL
     AND c.updated_at > now() - interval '365 days'
     AND (SELECT count(*) FROM customer_clean.changes o WHERE o.tbl = ch.tbl AND o.row_id = ch.row_id) = 1
     AND NOT EXISTS (SELECT 1 FROM customer_clean.clusters k WHERE k.tbl = ch.tbl AND k.row_id = ch.row_id)
     AND NOT EXISTS (SELECT 1 FROM customer_clean.review_queue q WHERE q.tbl = ch.tbl AND ch.row_id IN (q.row_id_a, q.row_id_b))$f$, x.tenant))
  FROM (VALUES ('a'), ('b')) x(tenant);
-- the review pairs of the household members app entered
CREATE TEMP TABLE household_pairs AS
SELECT v.h, (SELECT q.pair_id FROM customer_clean.review_queue q
              WHERE q.tbl = 'crm.customers'::regclass AND q.status = 'pending'
                AND ARRAY[q.row_id_a, q.row_id_b] @> ARRAY[v.src, v.new]) AS pair_id
  FROM (VALUES ('a1', :'hh_a1_src', :'hh_a1_new'), ('a2', :'hh_a2_src', :'hh_a2_new'), ('a3', :'hh_a3_src', :'hh_a3_new'),
               ('b1', :'hh_b1_src', :'hh_b1_new'), ('b2', :'hh_b2_src', :'hh_b2_new')) AS v(h, src, new);
SELECT pg_temp.expect_value('superuser: each household member app entered is in a pending review pair with its housemate',
  $$SELECT string_agg(h || ':' || (pair_id IS NOT NULL), ' ' ORDER BY h) FROM household_pairs$$, 'a1:true a2:true a3:true b1:true b2:true');
SELECT 'fact pair_' || h || '=' || coalesce(pair_id::text, 'NULL') FROM household_pairs ORDER BY h;
-- the stale rows (archive_stale, restore_archived)
SELECT pg_temp.fact('stale_' || x.tenant, format($f$SELECT array_agg(id::text ORDER BY id) FROM crm.customers
                                                  WHERE tenant = %L AND updated_at < now() - interval '365 days'$f$, x.tenant)),
       pg_temp.fact('stale_n_' || x.tenant, format($f$SELECT count(*) FROM crm.customers
                                                  WHERE tenant = %L AND updated_at < now() - interval '365 days'$f$, x.tenant))
  FROM (VALUES ('a'), ('b')) x(tenant);
SELECT pg_temp.fact('stale_n_all', $$SELECT count(*) FROM crm.customers WHERE updated_at < now() - interval '365 days'$$);
SELECT pg_temp.fact('stale_md5', $$SELECT md5(string_agg(c::text, '|' ORDER BY c.id)) FROM crm.customers c
                                    WHERE c.updated_at < now() - interval '365 days'$$);

\echo == superuser: what a role that sees every row sees
SELECT pg_temp.fact('d_' || i, format('SELECT pg_temp.digest(%L, %L, %L)', i, (SELECT s FROM m1), (SELECT d FROM m1)))
  FROM pg_temp.digest_items() i;
SELECT pg_temp.fact('n_' || t, format('SELECT pg_temp.catalog_rows(%L)', t))
  FROM unnest(ARRAY['changes', 'issues', 'match_keys', 'clusters', 'review_queue', 'rules']) t;
SELECT pg_temp.fact('n_pending', $$SELECT count(*) FROM customer_clean.review_queue
                                   WHERE tbl = 'crm.customers'::regclass AND status = 'pending'$$);
SELECT pg_temp.expect_value('superuser: every catalog row of crm.customers is of a row in the table (so roles that see every row see it)',
  $$SELECT (SELECT count(*) FROM customer_clean.changes k WHERE k.tbl = 'crm.customers'::regclass AND k.row_id NOT IN (SELECT row_id FROM tenant_of))
         + (SELECT count(*) FROM customer_clean.issues k WHERE k.tbl = 'crm.customers'::regclass AND k.row_id NOT IN (SELECT row_id FROM tenant_of))
         + (SELECT count(*) FROM customer_clean.match_keys k WHERE k.tbl = 'crm.customers'::regclass AND k.row_id NOT IN (SELECT row_id FROM tenant_of))
         + (SELECT count(*) FROM customer_clean.clusters k WHERE k.tbl = 'crm.customers'::regclass AND k.row_id NOT IN (SELECT row_id FROM tenant_of))
         + (SELECT count(*) FROM customer_clean.review_queue q WHERE q.tbl = 'crm.customers'::regclass
               AND (q.row_id_a NOT IN (SELECT row_id FROM tenant_of) OR q.row_id_b NOT IN (SELECT row_id FROM tenant_of)))$$, '0');

\echo == superuser: what a steward of one tenant sees
SELECT pg_temp.fact(t || '_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.%I k JOIN tenant_of o USING (row_id)
                                                     WHERE k.tbl = 'crm.customers'::regclass AND o.tenant = %L$f$, t, x.tenant))
  FROM unnest(ARRAY['changes', 'issues', 'match_keys', 'clusters']) t, (VALUES ('a'), ('b')) x(tenant);
-- a review pair is a tenant's when both its rows are
SELECT pg_temp.fact('review_queue_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.review_queue q
         JOIN tenant_of oa ON oa.row_id = q.row_id_a JOIN tenant_of ob ON ob.row_id = q.row_id_b
        WHERE q.tbl = 'crm.customers'::regclass AND oa.tenant = %1$L AND ob.tenant = %1$L$f$, x.tenant)),
       pg_temp.fact('pending_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.review_queue q
         JOIN tenant_of oa ON oa.row_id = q.row_id_a JOIN tenant_of ob ON ob.row_id = q.row_id_b
        WHERE q.tbl = 'crm.customers'::regclass AND q.status = 'pending' AND oa.tenant = %1$L AND ob.tenant = %1$L$f$, x.tenant)),
       -- find_duplicates' pairs of the tenant's rows
       pg_temp.fact('dup_pairs_' || x.tenant, format($f$SELECT coalesce(string_agg(d.id_a || '-' || d.id_b, ',' ORDER BY d.id_a, d.id_b), '')
         FROM customer_clean.find_duplicates('crm.customers', 0.9) d
         JOIN tenant_of oa ON oa.row_id = d.id_a JOIN tenant_of ob ON ob.row_id = d.id_b
        WHERE oa.tenant = %1$L AND ob.tenant = %1$L$f$, x.tenant)),
       -- report lines that judge each row by itself: the tenant's rows' share
       pg_temp.fact('qi_validity_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.quality_issues('crm.customers', 'validity') i
         JOIN tenant_of o USING (row_id) WHERE o.tenant = %L$f$, x.tenant)),
       pg_temp.fact('missing_email_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.quality_issues('crm.customers', 'completeness', 'email') i
         JOIN tenant_of o USING (row_id) WHERE o.tenant = %L$f$, x.tenant)),
       pg_temp.fact('untimely_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.quality_issues('crm.customers', 'timeliness') i
         JOIN tenant_of o USING (row_id) WHERE o.tenant = %L$f$, x.tenant))
  FROM (VALUES ('a'), ('b')) x(tenant);
\endif

-------------------------------------------------------------------- round2
\if :{?round2}
\echo == superuser: what the actions of steward_a left
SELECT pg_temp.expect_value('superuser: the tenant-a pair steward_a approved', format('SELECT status || '' by '' || decided_by FROM customer_clean.review_queue WHERE pair_id = %s', :'pair_a1'), 'approved by steward_a');
SELECT pg_temp.expect_value('superuser: the tenant-a pair steward_a rejected', format('SELECT status || '' by '' || decided_by FROM customer_clean.review_queue WHERE pair_id = %s', :'pair_a2'), 'rejected by steward_a');
SELECT pg_temp.expect_value('superuser: the tenant-b pair steward_a could not decide', format('SELECT status FROM customer_clean.review_queue WHERE pair_id = %s', :'pair_b1'), 'pending');
SELECT pg_temp.expect_value('superuser: the tenant-a change steward_a undid', format('SELECT undone_by FROM customer_clean.changes WHERE change_id = %s', :'u_change_a'), 'steward_a');
SELECT pg_temp.expect_value('superuser: the merge of f is in force', format('SELECT merged_by || '' '' || (unmerged_at IS NULL) FROM customer_clean.merges WHERE merge_id = %s', :'merge_f'), 'steward_a true');
SELECT pg_temp.fact('n_merges', $$SELECT pg_temp.catalog_rows('merges')$$),
       pg_temp.fact('n_merge_history', $$SELECT pg_temp.catalog_rows('merge_history')$$),
       pg_temp.fact('n_snapshots', $$SELECT count(DISTINCT snapshot_id) FROM customer_clean.quality_history WHERE tbl = 'crm.customers'::regclass$$);
-- a merge is a tenant's by the image of its survivor, a merged row by its own image
SELECT pg_temp.fact('merges_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.merges m WHERE m.tbl = 'crm.customers'::regclass
                                                  AND coalesce(m.survivor_after, m.survivor_before) ->> 'tenant' = %L$f$, x.tenant)),
       pg_temp.fact('merge_history_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.merge_history h WHERE h.tbl = 'crm.customers'::regclass
                                                  AND h.row_data ->> 'tenant' = %L$f$, x.tenant))
  FROM (VALUES ('a'), ('b')) x(tenant);
\endif

---------------------------------------------------------------- quarantine
\if :{?quarantine}
SELECT pg_temp.fact('q_' || x.tenant, format($f$SELECT quarantine_id FROM customer_clean.quarantine
    WHERE tbl = 'crm.customers'::regclass AND row_id = %L AND released_at IS NULL$f$, x.row_id))
  FROM (VALUES ('a', '900301'), ('b', '900302')) x(tenant, row_id);
\endif

----------------------------------------------------- before_merge_clusters
\if :{?before_merge_clusters}
SELECT pg_temp.expect_value('superuser: each steward released its own tenant''s quarantined row',
  $$SELECT string_agg(row_id || ' by ' || released_by, ', ' ORDER BY row_id) FROM customer_clean.quarantine
     WHERE tbl = 'crm.customers'::regclass$$, '900301 by steward_a, 900302 by steward_b');
SELECT pg_temp.fact('mc_clusters', $$SELECT count(DISTINCT cluster_id) FROM customer_clean.clusters WHERE tbl = 'crm.customers'::regclass$$),
       pg_temp.fact('mc_mergeable', $$SELECT count(*)
          FROM (SELECT x.cluster_id, array_agg(x.row_id) AS ids FROM customer_clean.clusters x
                 WHERE x.tbl = 'crm.customers'::regclass GROUP BY x.cluster_id) c
         WHERE customer_clean.cluster_probability('crm.customers', c.ids) >= 0.9
           AND NOT EXISTS (SELECT 1 FROM customer_clean.review_queue q
                            WHERE q.tbl = 'crm.customers'::regclass AND q.status = 'rejected'
                              AND q.row_id_a = ANY (c.ids) AND q.row_id_b = ANY (c.ids))$$);
\endif

------------------------------------------------------ forget_before/after
-- Rows of every table of customer_clean whose text contains `term`.
CREATE FUNCTION pg_temp.mentions(term text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    t record;
    n bigint;
    total bigint := 0;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'customer_clean'::regnamespace AND c.relkind = 'r' LOOP
        EXECUTE format('SELECT count(*) FROM customer_clean.%I x WHERE x::text ILIKE $1', t.relname) INTO n USING '%' || term || '%';
        total := total + n;
    END LOOP;
    RETURN total;
END
$$;

\if :{?forget_before}
\echo == superuser: the customer crm_owner will forget has copies in the catalog
SELECT pg_temp.expect_value('superuser: f has journal entries', format($f$SELECT count(*) > 0 FROM customer_clean.changes
    WHERE tbl = 'crm.customers'::regclass AND row_id IN (%L, %L)$f$, :'f_s', :'f_d'), 'true');
SELECT pg_temp.expect_value('superuser: f has match keys', format($f$SELECT count(*) > 0 FROM customer_clean.match_keys
    WHERE tbl = 'crm.customers'::regclass AND row_id = %L$f$, :'f_s'), 'true');
SELECT pg_temp.expect_value('superuser: f is the survivor of a merge in force, its duplicate in merge_history',
  format($f$SELECT count(*) || ' merge, ' || (SELECT count(*) FROM customer_clean.merge_history h WHERE h.merge_id = %s AND h.row_id = %L) || ' merged row'
              FROM customer_clean.merges WHERE tbl = 'crm.customers'::regclass AND survivor_id = %L AND unmerged_at IS NULL$f$,
         :'merge_f', :'f_d', :'f_s'), '1 merge, 1 merged row');
-- the person's e-mail addresses, as stored and as first written
CREATE TEMP TABLE terms AS
SELECT DISTINCT lower(btrim(e)) AS term
  FROM (SELECT email FROM crm.customers WHERE id::text = :'f_s'
        UNION ALL SELECT row_data ->> 'email' FROM customer_clean.merge_history WHERE merge_id = :'merge_f'::bigint
        UNION ALL SELECT original ->> 'email' FROM customer_clean.changes
                   WHERE tbl = 'crm.customers'::regclass AND row_id IN (:'f_s', :'f_d')) s(e)
 WHERE length(btrim(e)) >= 5;
SELECT pg_temp.fact('f_terms', $$SELECT jsonb_agg(term ORDER BY term) FROM terms$$);
SELECT pg_temp.expect_value('superuser: the e-mail addresses of f are in the catalog now, and in no other customer''s row',
  format($f$SELECT count(*) FILTER (WHERE pg_temp.mentions(term) = 0) || ' absent, '
              || count(*) FILTER (WHERE EXISTS (SELECT 1 FROM crm.customers c WHERE c.id::text <> %L AND c::text ILIKE '%%' || term || '%%')) || ' elsewhere'
              FROM terms$f$, :'f_s'), '0 absent, 0 elsewhere');
\endif

\if :{?forget_after}
\echo == superuser: forget left no copy of the customer
SELECT pg_temp.expect_value(format('superuser: customer_clean.%s rows of the forgotten customer', t),
         format('SELECT count(*) FROM customer_clean.%I WHERE tbl = %L::regclass AND row_id IN (%L, %L)', t, 'crm.customers', :'f_s', :'f_d'), '0')
  FROM unnest(ARRAY['changes', 'issues', 'match_keys', 'clusters', 'quarantine', 'archive', 'merge_history']) t;
SELECT pg_temp.expect_value('superuser: customer_clean.review_queue pairs of the forgotten customer',
  format($f$SELECT count(*) FROM customer_clean.review_queue WHERE tbl = 'crm.customers'::regclass
              AND (row_id_a IN (%1$L, %2$L) OR row_id_b IN (%1$L, %2$L))$f$, :'f_s', :'f_d'), '0');
SELECT pg_temp.expect_value('superuser: merges into the forgotten customer and their merged rows',
  format($f$SELECT (SELECT count(*) FROM customer_clean.merges WHERE tbl = 'crm.customers'::regclass AND survivor_id = %L)
                 + (SELECT count(*) FROM customer_clean.merge_history WHERE merge_id = %s)$f$, :'f_s', :'merge_f'), '0');
SELECT pg_temp.expect_value('superuser: no table of customer_clean holds an e-mail address of the forgotten customer',
  format('SELECT coalesce(sum(pg_temp.mentions(t)), 0) FROM jsonb_array_elements_text(%L::jsonb) t', :'f_terms'), '0');
SELECT pg_temp.expect_value('superuser: customer_clean.erasures records the erasure (kind, table, row)',
  format($f$SELECT count(*) FROM customer_clean.erasures WHERE kind = 'forget' AND tbl = 'crm.customers'::regclass AND row_id = %L$f$, :'f_s'), '1');
-- rows no longer (or not yet) in the table: a quarantined or archived row
-- is a tenant's by its image
SELECT pg_temp.fact('n_' || t, format('SELECT pg_temp.catalog_rows(%L)', t)) FROM unnest(ARRAY['archive', 'quarantine']) t;
SELECT pg_temp.fact(t || '_' || x.tenant, format($f$SELECT count(*) FROM customer_clean.%I WHERE tbl = 'crm.customers'::regclass
                                                     AND row_data ->> 'tenant' = %L$f$, t, x.tenant))
  FROM unnest(ARRAY['archive', 'quarantine']) t, (VALUES ('a'), ('b')) x(tenant);
-- what purge_journal will remove
SELECT pg_temp.fact('purge_changes', $$SELECT pg_temp.catalog_rows('changes')$$),
       pg_temp.fact('purge_issues', $$SELECT pg_temp.catalog_rows('issues')$$),
       pg_temp.fact('purge_quarantine', $$SELECT count(*) FROM customer_clean.quarantine
                                           WHERE tbl = 'crm.customers'::regclass AND released_at IS NOT NULL$$);
\endif

--------------------------------------------------------------- purge_after
\if :{?purge_after}
SELECT pg_temp.expect_value('superuser: purge_journal left no journal, issue or released quarantine entry',
  $$SELECT pg_temp.catalog_rows('changes') || ' changes, ' || pg_temp.catalog_rows('issues') || ' issues, '
        || (SELECT count(*) FROM customer_clean.quarantine WHERE tbl = 'crm.customers'::regclass AND released_at IS NOT NULL) || ' released'$$,
  '0 changes, 0 issues, 0 released');
SELECT pg_temp.expect_value('superuser: customer_clean.erasures records the purge',
  $$SELECT count(*) FROM customer_clean.erasures WHERE kind = 'purge_journal' AND tbl = 'crm.customers'::regclass$$, '1');
\endif

-------------------------------------------------------------------- grants
\if :{?grants}
\echo == superuser: nobody was granted anything on customer_clean
SELECT pg_temp.expect_value('superuser: information_schema.role_table_grants on customer_clean for the roles',
  $$SELECT count(*) FROM information_schema.role_table_grants WHERE table_schema = 'customer_clean'
      AND grantee IN ('crm_owner', 'app', 'bi', 'steward_a', 'steward_b', 'nobody')$$, '0');
SELECT pg_temp.expect_value('superuser: ACL entries for the roles on tables, views and sequences of customer_clean',
  $$SELECT count(*) FROM pg_class c, aclexplode(c.relacl) a
     WHERE c.relnamespace = 'customer_clean'::regnamespace
       AND a.grantee IN (SELECT oid FROM pg_roles WHERE rolname IN ('crm_owner', 'app', 'bi', 'steward_a', 'steward_b', 'nobody'))$$, '0');
SELECT pg_temp.expect_value('superuser: ACL entries for the roles on functions and procedures of customer_clean',
  $$SELECT count(*) FROM pg_proc p, aclexplode(p.proacl) a
     WHERE p.pronamespace = 'customer_clean'::regnamespace
       AND a.grantee IN (SELECT oid FROM pg_roles WHERE rolname IN ('crm_owner', 'app', 'bi', 'steward_a', 'steward_b', 'nobody'))$$, '0');
SELECT pg_temp.expect_value('superuser: ACL entries for the roles on schema customer_clean',
  $$SELECT count(*) FROM pg_namespace n, aclexplode(n.nspacl) a
     WHERE n.nspname = 'customer_clean'
       AND a.grantee IN (SELECT oid FROM pg_roles WHERE rolname IN ('crm_owner', 'app', 'bi', 'steward_a', 'steward_b', 'nobody'))$$, '0');
SELECT pg_temp.expect_value('superuser: the roles are still ordinary and belong to no role',
  $$SELECT count(*) FROM pg_roles r WHERE r.rolname IN ('crm_owner', 'app', 'bi', 'steward_a', 'steward_b', 'nobody')
      AND (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolbypassrls OR EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid))$$, '0');
\endif
