-- Who reads and writes the extension's catalog (docs/deploying.md; issue 16).
-- Loaded last into the extension script by extension_sql_file! (src/lib.rs).
--
-- The rule: what a role may do through the extension is what it may do to
-- the customer table. Nobody needs a grant on customer_clean: every table
-- here is readable by PUBLIC, and row-level security shows a role only the
-- catalog rows of tables it may SELECT, and of those only the rows of
-- customers it can see there (the table's own RLS decides). Writes:
--   * the extension's owner writes the bookkeeping (profiles, models, match
--     keys, journal, issues, quarantine, clean_table runs) from Rust, as a
--     security-restricted operation (src/security.rs, as_extension_owner);
--   * the history (merges, merge_history, clusters, review_queue, archive,
--     quality_history, quality_breaches) is written by PL/pgSQL acting on
--     the customer table with the caller's rights, so PUBLIC may write it,
--     but only while an entry point of the extension has the window open
--     for that table (may_write_catalog) — a hand-written UPDATE finds no
--     row, a hand-written INSERT is refused;
--   * rules are edited with plain SQL by the owner of their table.
-- There is no steward role: UPDATE and DELETE on the customer table are
-- what merging needs, and a role spanning every table and tenant would be
-- a way around the table's own privileges and policies.
-- Superusers and the extension's owner (who owns these tables) are not
-- subject to the policies.

-- row_visible(tbl, row_id): whether the current role can see a row of a
-- registered table; Rust, in src/visibility.rs (it runs once per catalog
-- row a tenant reads).

-- Whether the current role could see `image`, a row of `tbl` that is not
-- in the table (merged away, archived, quarantined): it may SELECT the
-- table and, when row-level security applies to it there, the image
-- passes the table's SELECT policies for the role, combined as PostgreSQL
-- combines them (permissive ones OR'ed, restrictive ones AND'ed, none:
-- nothing is visible). The policies' expressions run with the caller's
-- rights, as they would on the table.
CREATE FUNCTION customer_clean.image_visible(tbl regclass, image jsonb) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    permissive text;
    restrictive text;
    visible boolean;
BEGIN
    IF pg_catalog.has_table_privilege(tbl, 'SELECT') IS NOT TRUE THEN
        RETURN false;
    END IF;
    IF NOT pg_catalog.row_security_active(tbl) THEN
        RETURN true;
    END IF;
    SELECT string_agg(format('(%s)', pg_catalog.pg_get_expr(p.polqual, p.polrelid)), ' OR ') FILTER (WHERE p.polpermissive),
           string_agg(format('(%s)', pg_catalog.pg_get_expr(p.polqual, p.polrelid)), ' AND ') FILTER (WHERE NOT p.polpermissive)
      INTO permissive, restrictive
      FROM pg_catalog.pg_policy p
     WHERE p.polrelid = tbl AND p.polcmd IN ('r', '*') AND p.polqual IS NOT NULL
       AND (0::oid = ANY (p.polroles)
            OR EXISTS (SELECT 1 FROM unnest(p.polroles) r WHERE pg_catalog.pg_has_role(r, 'USAGE')));
    IF permissive IS NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM pg_catalog.jsonb_populate_record(NULL::%s, $1) AS %I WHERE %s AND %s)',
                   tbl, (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = tbl), permissive, coalesce(restrictive, 'true'))
        INTO visible USING image;
    RETURN visible;
EXCEPTION WHEN data_exception THEN
    RETURN false;  -- an image that no longer fits the table's columns
END
$$;
COMMENT ON FUNCTION customer_clean.image_visible(regclass, jsonb) IS
  'Whether the current role could see a row image of a table (merged away, archived, quarantined) under its row-level security.';

-- Whether the current role sees every row of `tbl` (SELECT on it, and no
-- row-level security applies to it there): what catalog rows that sum up
-- the whole table (models, quality snapshots) need.
CREATE FUNCTION customer_clean.sees_all_rows(tbl regclass) RETURNS boolean
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(pg_catalog.has_table_privilege(tbl, 'SELECT') AND NOT pg_catalog.row_security_active(tbl), false)
$$;
COMMENT ON FUNCTION customer_clean.sees_all_rows(regclass) IS
  'Whether the current role may SELECT a table and no row-level security hides any of its rows.';

-- Whether the current role owns `tbl` (or has the rights of its owning
-- role), as ALTER TABLE decides, or, on PostgreSQL 17 and later, holds
-- MAINTAIN on it (as the owner-only functions accept; src/security.rs);
-- false for a table that is gone.
CREATE FUNCTION customer_clean.owns_table(tbl regclass) RETURNS boolean
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                    WHERE c.oid = tbl
                      AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
                           OR CASE WHEN pg_catalog.current_setting('server_version_num')::int >= 170000
                                   THEN pg_catalog.has_table_privilege(tbl, 'MAINTAIN') ELSE false END))
$$;
COMMENT ON FUNCTION customer_clean.owns_table(regclass) IS
  'Whether the current role owns a table (or has its owning role''s rights).';

-- What each catalog table shows. Inline checks first, so that a role
-- without row-level security on the customer table pays no function call
-- per catalog row.
CREATE FUNCTION customer_clean.set_catalog_policies() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    per_row constant text := 'pg_catalog.has_table_privilege(tbl, ''SELECT'') AND (NOT pg_catalog.row_security_active(tbl) OR %s)';
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        -- about the table, not its customers
        ('profiles',         'pg_catalog.has_table_privilege(tbl, ''SELECT'')'),
        ('rules',            'pg_catalog.has_table_privilege(tbl, ''SELECT'')'),
        ('clean_table_runs', 'pg_catalog.has_table_privilege(tbl, ''SELECT'')'),
        -- sums over every row (a model holds the name frequencies of all)
        ('models',           'customer_clean.sees_all_rows(tbl)'),
        ('erasures',         'customer_clean.sees_all_rows(tbl)'),
        -- a snapshot taken under row-level security sums the rows its taker saw
        ('quality_history',  'customer_clean.sees_all_rows(tbl) OR (taken_by OPERATOR(pg_catalog.=) current_user AND pg_catalog.has_table_privilege(tbl, ''SELECT''))'),
        ('quality_breaches', 'customer_clean.sees_all_rows(tbl) OR (taken_by OPERATOR(pg_catalog.=) current_user AND pg_catalog.has_table_privilege(tbl, ''SELECT''))'),
        -- one customer's row
        ('changes',          format(per_row, 'customer_clean.row_visible(tbl, row_id)')),
        ('issues',           format(per_row, 'customer_clean.row_visible(tbl, row_id)')),
        ('match_keys',       format(per_row, 'customer_clean.row_visible(tbl, row_id)')),
        ('clusters',         format(per_row, 'customer_clean.row_visible(tbl, row_id)')),
        ('review_queue',     format(per_row, 'customer_clean.row_visible(tbl, row_id_a) AND customer_clean.row_visible(tbl, row_id_b)')),
        -- rows no longer (or not yet) in the table: their images decide
        ('quarantine',       format(per_row, 'customer_clean.image_visible(tbl, row_data)')),
        ('archive',          format(per_row, 'customer_clean.image_visible(tbl, row_data)')),
        ('merge_history',    format(per_row, 'customer_clean.image_visible(tbl, row_data)')),
        ('merges',           format(per_row, 'customer_clean.image_visible(tbl, coalesce(survivor_after, survivor_before))'))
    ) AS v(name, visible) LOOP
        EXECUTE format('ALTER TABLE customer_clean.%I ENABLE ROW LEVEL SECURITY', t.name);
        EXECUTE format('CREATE POLICY visible_to_readers_of_the_table ON customer_clean.%I FOR SELECT USING (%s)', t.name, t.visible);
        EXECUTE format('GRANT SELECT ON customer_clean.%I TO PUBLIC', t.name);
    END LOOP;
    FOR t IN SELECT unnest(ARRAY['merges', 'merge_history', 'clusters', 'review_queue', 'archive',
                                 'quality_history', 'quality_breaches']) AS name LOOP
        EXECUTE format('CREATE POLICY written_by_customer_clean ON customer_clean.%I FOR ALL
                          USING (customer_clean.may_write_catalog(tbl)) WITH CHECK (customer_clean.may_write_catalog(tbl))', t.name);
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON customer_clean.%I TO PUBLIC', t.name);
    END LOOP;
END
$$;
SELECT customer_clean.set_catalog_policies();
DROP FUNCTION customer_clean.set_catalog_policies();

CREATE POLICY edited_by_table_owner ON customer_clean.rules FOR ALL
    USING (customer_clean.owns_table(tbl)) WITH CHECK (customer_clean.owns_table(tbl));
GRANT INSERT, UPDATE, DELETE ON customer_clean.rules TO PUBLIC;
-- nextval from the history's PL/pgSQL, run as the caller
GRANT USAGE ON SEQUENCE customer_clean.cluster_id_seq, customer_clean.quality_snapshot_seq TO PUBLIC;

-- Views show what their reader may see, not what their owner may.
ALTER VIEW customer_clean.review_pending SET (security_invoker = true);
ALTER VIEW customer_clean.quality_trend SET (security_invoker = true);
GRANT SELECT ON customer_clean.review_pending, customer_clean.quality_trend TO PUBLIC;

GRANT USAGE ON SCHEMA customer_clean TO PUBLIC;
