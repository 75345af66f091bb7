-- Citus (src/citus.rs, docs/citus.md): the profiles of Citus tables,
-- copied by name for the triggers on their shards. Unused without Citus.
-- The first registered Citus table makes it a Citus reference table, so a
-- copy reaches every node in the transaction that changed the profile.
CREATE TABLE customer_clean.distributed_profiles (
    schema_name text NOT NULL,
    table_name  text NOT NULL,
    profile     jsonb NOT NULL,       -- columns, options, on_invalid, key_salt, enabled rules
    PRIMARY KEY (schema_name, table_name)
);
COMMENT ON TABLE customer_clean.distributed_profiles IS
  'Copies of the profiles of Citus tables, by table name, for the cleaning triggers on their shards (kept by customer_clean; do not edit).';
CREATE TRIGGER invalidate_shard_profiles AFTER INSERT OR UPDATE OR DELETE ON customer_clean.distributed_profiles
    FOR EACH ROW EXECUTE FUNCTION customer_clean.invalidate_shard_profiles();

-- Matching on Citus (src/matching/distributed.rs, docs/citus.md): the
-- entries of every row of a distributed customer table, by key. `dedupe`
-- writes them and scores each key's block where its entries are;
-- `match_row` looks candidates up by the lookup entries. The first
-- registered Citus table distributes it by `key`. No grants: they hold
-- personal values in matching form (as `dedupe_rows` does).
CREATE TABLE customer_clean.distributed_match_keys (
    tbl_name  text NOT NULL,        -- the customer table, schema-qualified as regclass::text names it
    key       bigint NOT NULL,      -- a blocking or lookup key, or a name key's hash
    kind      smallint NOT NULL,    -- bits: 1 strong key, 2 weak key, 4 lookup key, 8 name hash
    row_order bigint,               -- the row's id when it is an integer: blocks are ordered by it, then row_id
    row_id    text NOT NULL,
    record    bytea                 -- the row's compact match record (blocking keys only)
);
-- For match_row's lookups (kind 4) only. Indexes are most of what writing
-- the entries costs (bench/citus.sh, 1M rows: 45 s without, 57 s with
-- this one, 110 s with one on (tbl_name, row_id) as well, 148 s with both
-- on every entry), so forget finds a row's entries by a scan (2.7 s at 1M
-- rows on 2 cores; on the workers, in parallel).
CREATE INDEX distributed_match_keys_lookup ON customer_clean.distributed_match_keys (tbl_name, key) WHERE (kind & 4) <> 0;
COMMENT ON TABLE customer_clean.distributed_match_keys IS
  'Match keys and compact match records of the rows of Citus tables, distributed by key, written by dedupe (kept by customer_clean; do not edit).';

-- The rows of catalog table `catalog` (given as NULL::customer_clean.issues
-- and the like) that are about customer table `tbl`, from every node of a
-- Citus cluster: the cleaning triggers on a distributed table's shards
-- record changes, issues and quarantined rows on the node that holds the
-- shard (docs/citus.md). Without Citus, this node's rows. Each node applies
-- its own row-level security, so a role sees there what it sees here.
CREATE FUNCTION customer_clean.gather(catalog anyelement, tbl regclass) RETURNS SETOF anyelement
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    catalog_table regclass := (SELECT c.oid FROM pg_catalog.pg_class c
                                WHERE c.reltype = pg_catalog.pg_typeof(catalog)::oid
                                  AND c.relnamespace = 'customer_clean'::regnamespace AND c.relkind = 'r');
    table_name text := (SELECT pg_catalog.format('%I.%I', n.nspname, c.relname)
                          FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.oid = tbl);
    node record;
BEGIN
    IF tbl IS NULL THEN
        RETURN;
    END IF;
    IF catalog_table IS NULL OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                             WHERE a.attrelid = catalog_table AND a.attname = 'tbl'
                                               AND a.atttypid = 'regclass'::regtype AND NOT a.attisdropped) THEN
        RAISE EXCEPTION 'gather: % is not a catalog table of customer_clean about customer tables', pg_catalog.pg_typeof(catalog)
            USING ERRCODE = '22023',
                  HINT = 'pass a row type of the catalog, e.g. NULL::customer_clean.issues, NULL::customer_clean.changes or NULL::customer_clean.quarantine';
    END IF;
    PERFORM customer_clean.require_privileges(tbl, ARRAY['SELECT'], 'gather');
    IF pg_catalog.to_regproc('pg_catalog.run_command_on_all_nodes') IS NULL THEN
        RETURN QUERY EXECUTE pg_catalog.format('SELECT x.* FROM %s x WHERE x.tbl = $1', catalog_table) USING tbl;
        RETURN;
    END IF;
    -- Each node names the table by its own OID; the name travels instead.
    FOR node IN EXECUTE 'SELECT * FROM pg_catalog.run_command_on_all_nodes($1)' USING pg_catalog.format(
        'SELECT coalesce(jsonb_agg(to_jsonb(x) || jsonb_build_object(''tbl'', %1$L)), ''[]'') FROM %2$s x WHERE x.tbl = pg_catalog.to_regclass(%1$L)',
        table_name, catalog_table) LOOP
        IF NOT node.success THEN
            RAISE EXCEPTION 'gather: reading % on node % failed: %', catalog_table, node.nodeid, node.result
                USING ERRCODE = '08000', HINT = 'check that the node is up and that customer_clean is installed on it';
        END IF;
        RETURN QUERY SELECT * FROM pg_catalog.jsonb_populate_recordset(catalog, node.result::jsonb);
    END LOOP;
END
$$;
COMMENT ON FUNCTION customer_clean.gather(anyelement, regclass) IS
  'The rows of a catalog table (NULL::customer_clean.issues, .changes, .quarantine, …) about tbl from every node of a Citus cluster; this node''s without Citus.';

-- Merge on Citus. A table distributed beside the customer table (its
-- distribution column is the foreign key to it) cannot have that column
-- updated: Citus refuses to change a row's distribution value, since the
-- row would have to change shard. Its rows are re-pointed by moving them:
-- deleted and inserted again with the new key, in the merge's distributed
-- transaction. True when `referencing` is such a table for the key
-- `fk_columns`.
CREATE FUNCTION customer_clean.moves_between_shards(referencing regclass, fk_columns text[]) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    distribution_column text;
BEGIN
    IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
        RETURN false;
    END IF;
    EXECUTE 'SELECT pg_catalog.column_to_column_name(logicalrelid, partkey) FROM pg_catalog.pg_dist_partition
              WHERE logicalrelid = $1 AND partkey IS NOT NULL'
        INTO distribution_column USING referencing;
    RETURN distribution_column = ANY (fk_columns);
END
$$;
COMMENT ON FUNCTION customer_clean.moves_between_shards(regclass, text[]) IS
  'True when rows of referencing must move between Citus shards to change fk_columns (its distribution column is one of them).';

-- Part of merge and unmerge of `tbl` (refused outside them): moves the
-- rows of `referencing` whose key `fk_columns` holds the values
-- `from_values` (jsonb: ref_1, ref_2, … in key order) to `to_values`: each
-- is deleted and inserted again with the new key. With `only_keys` (an
-- array of {primary key column: value as text}), only those rows (unmerge
-- moves back exactly the rows a merge moved). Returns the moved rows
-- as they are now: [{key, row}], key being the primary key's values as
-- text. Refuses (0A000) a table without a primary key, whose moved rows
-- could not be found again by unmerge, and a table other tables refer to,
-- whose rows a delete could cascade into.
CREATE FUNCTION customer_clean.move_referencing_rows(tbl regclass, referencing regclass, fk_columns text[], fk_types text[],
                                                     pk_columns text[], pk_types text[], from_values jsonb, to_values jsonb,
                                                     only_keys jsonb DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    gone jsonb;
    moved jsonb := '[]';
    old_row jsonb;
    new_row jsonb;
    columns text;
    referrer regclass;
BEGIN
    PERFORM customer_clean.require_entry_point(tbl, 'move_referencing_rows', 'merge or unmerge');
    IF pk_columns IS NULL THEN
        RAISE EXCEPTION 'cannot re-point the rows of % to another shard: it has no primary key', referencing
            USING ERRCODE = '0A000',
                  HINT = 'unmerge finds moved rows by their primary key; add one to the table, then merge again';
    END IF;
    SELECT c.conrelid::regclass INTO referrer FROM pg_catalog.pg_constraint c
     WHERE c.contype = 'f' AND c.confrelid = referencing LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'cannot re-point the rows of % to another shard: % refers to them', referencing, referrer
            USING ERRCODE = '0A000',
                  HINT = 'moving a row deletes and inserts it, which the foreign keys of the tables referring to it could cascade or refuse; re-point those rows yourself, or distribute the table by another column';
    END IF;
    SELECT string_agg(pg_catalog.format('%I', a.attname), ', ' ORDER BY a.attnum) INTO columns
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = referencing AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
    EXECUTE pg_catalog.format('WITH gone AS (DELETE FROM %s r WHERE %s %s RETURNING r.*)
                                SELECT coalesce(jsonb_agg(to_jsonb(gone)), ''[]'') FROM gone',
            referencing,
            (SELECT string_agg(pg_catalog.format('r.%I = ($1->>%L)::%s', c, 'ref_' || i, t), ' AND ')
               FROM unnest(fk_columns, fk_types) WITH ORDINALITY u(c, t, i)),
            CASE WHEN only_keys IS NOT NULL THEN
                 pg_catalog.format('AND EXISTS (SELECT 1 FROM jsonb_array_elements($2) k WHERE %s)',
                     (SELECT string_agg(pg_catalog.format('r.%I = (k->>%L)::%s', c, c, t), ' AND ')
                        FROM unnest(pk_columns, pk_types) u(c, t))) ELSE '' END)
        INTO gone USING from_values, only_keys;
    FOR old_row IN SELECT * FROM jsonb_array_elements(gone) LOOP
        new_row := old_row || (SELECT jsonb_object_agg(c, to_values->('ref_' || i)) FROM unnest(fk_columns) WITH ORDINALITY u(c, i));
        EXECUTE pg_catalog.format('INSERT INTO %1$s (%2$s) OVERRIDING SYSTEM VALUE SELECT %2$s FROM jsonb_populate_record(NULL::%1$s, $1)',
                                  referencing, columns)
            USING new_row;
        moved := moved || jsonb_build_array(jsonb_build_object(
            'key', (SELECT jsonb_object_agg(c, new_row->>c) FROM unnest(pk_columns) c), 'row', new_row));
    END LOOP;
    RETURN moved;
END
$$;
COMMENT ON FUNCTION customer_clean.move_referencing_rows(regclass, regclass, text[], text[], text[], text[], jsonb, jsonb, jsonb) IS
  'Re-points rows of a Citus table distributed by its foreign key by moving them (delete, insert with the new key); returns them.';

-- The values of the referenced columns `ref_columns` of the rows `ids` of
-- `tbl`, as jsonb {ref_1, ref_2, …} in key order, per row id.
CREATE FUNCTION customer_clean.reference_values(tbl regclass, ref_columns text[], ids text[])
RETURNS TABLE (id text, refs jsonb)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id_column record := customer_clean.id_column(tbl);
BEGIN
    RETURN QUERY EXECUTE pg_catalog.format('SELECT t.%I::text, jsonb_build_object(%s) FROM %s t WHERE t.%I = ANY ($1::text[]::%s[])',
        id_column.name,
        (SELECT string_agg(pg_catalog.format('%L, t.%I', 'ref_' || i, c), ', ') FROM unnest(ref_columns) WITH ORDINALITY u(c, i)),
        tbl, id_column.name, id_column.sql_type)
        USING ids;
END
$$;
COMMENT ON FUNCTION customer_clean.reference_values(regclass, text[], text[]) IS
  'The referenced columns'' values of rows of tbl, per row id, as jsonb {ref_1, ref_2, …}.';
