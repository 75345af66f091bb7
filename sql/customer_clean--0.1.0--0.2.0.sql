-- customer_clean 0.1.0 -> 0.2.0, run by ALTER EXTENSION customer_clean UPDATE.
-- Every row of the catalog is kept (tests/upgrade.sh checks it, and that
-- the result is the schema of a fresh 0.2.0 install). What changed:
--   * least privilege (issue 16): no steward role; the catalog readable by
--     PUBLIC through row-level security (sql/access.sql); new functions
--     forget, purge_journal, require_owner, require_privileges,
--     row_visible, image_visible, sees_all_rows, owns_table,
--     require_entry_point; the history's PL/pgSQL refuses to run outside
--     the extension's entry points;
--   * quality snapshots record who took them (taken_by);
--   * customer_clean.version(), and a description of every routine.
--   * incremental dedupe (issue 18): dedupe(tbl, incremental, ...) and the
--     tables of its state (dedupe_state, dedupe_rows, dedupe_pairs);
--   * Citus (issue 19): customer_clean.distributed_profiles, the profiles
--     of Citus tables copied by name for the triggers on their shards;
--     distributed_match_keys, where dedupe scores blocks on the workers
--     (match_entries, score_block); match_pending and queue_for_matching,
--     match_on_insert on a Citus table;
--   * merge re-points the tables the profile's `references` option declares
--     (referencing_keys);
--   * in-row originals (issue 20): the profile option originals_column and
--     undo_change(tbl, row_id);
--   * unmerge in named steps (unmerge_check, unmerge_restore_rows,
--     unmerge_repoint_references, unmerge_restore_survivor,
--     unmerge_restore_matching), each refusing to run outside unmerge;
--   * row ids in the id column's own type: bigint overloads; the
--     functions whose only ids are an array (cluster_probability,
--     choose_survivor, restore_archived) take anycompatiblearray, their
--     Rust bodies renamed cluster_probability_text and restore_archived_text.
-- The function definitions below are those of the 0.2.0 install script
-- (sql/customer_clean--0.2.0.sql), replaced in place.

-- 1. The steward role is gone. Roles belong to the cluster, so the role is
-- left alone (drop it when no other database uses it); its grants here go.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'customer_clean_steward') THEN
        REVOKE ALL ON ALL ROUTINES IN SCHEMA customer_clean FROM customer_clean_steward;
        REVOKE ALL ON ALL TABLES IN SCHEMA customer_clean FROM customer_clean_steward;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA customer_clean FROM customer_clean_steward;
    END IF;
END
$$;
-- Everyone may call what 0.1.0 kept from PUBLIC: each checks the caller's
-- privileges on the customer table now.
GRANT EXECUTE ON FUNCTION customer_clean.merge(regclass, text, text[]), customer_clean.merge_body(regclass, text, text[]),
                          customer_clean.unmerge(bigint), customer_clean.unmerge_body(bigint),
                          customer_clean.approve(bigint, boolean), customer_clean.approve_body(bigint, boolean),
                          customer_clean.reject(bigint), customer_clean.reject_body(bigint),
                          customer_clean.pending_pair(bigint), customer_clean.repoint_references(regclass, text, text[]),
                          customer_clean.merge_clusters_batch(regclass, float8, integer, jsonb),
                          customer_clean.merge_clusters_batch_body(regclass, float8, integer, jsonb),
                          customer_clean.archive_stale(regclass, integer), customer_clean.archive_stale_body(regclass, integer),
                          customer_clean.restore_archived(regclass, text[]), customer_clean.restore_archived_body(regclass, text[])
      TO PUBLIC;
GRANT EXECUTE ON PROCEDURE customer_clean.merge_clusters(regclass, float8, integer, jsonb) TO PUBLIC;

-- 2. The catalog: erasures, and who took each quality snapshot (the role
-- running this upgrade, for the snapshots taken before).
-- What forget() and purge_journal() removed (src/erasure.rs): counts per
-- catalog table, never the values. Kept for the auditor; erasure itself
-- cannot be undone.
CREATE TABLE customer_clean.erasures (
    erasure_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('forget', 'purge_journal')),
    tbl         regclass NOT NULL,
    row_id      text,                      -- forget: the id of the customer erased
    older_than  interval,                  -- purge_journal: the retention applied
    removed     jsonb NOT NULL,            -- table -> rows removed
    done_at     timestamptz NOT NULL DEFAULT now(),
    done_by     name NOT NULL
);
COMMENT ON TABLE customer_clean.erasures IS
  'Erasures of customers (forget) and journal retention (purge_journal): what was removed, as counts.';
SELECT pg_catalog.pg_extension_config_dump('customer_clean.erasures', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.erasures_erasure_id_seq', '');

-- What the last dedupe(tbl, incremental => true) left for the next one,
-- which then works on the rows that changed since (docs/dedupe_at_scale.md,
-- "Incremental runs"). Derived data, rebuilt by a full run: UNLOGGED (a
-- crash empties them, and the next run is a full one) and not dumped.
-- Only the extension's owner reads them: the keys and name hashes are
-- hashes of personal values (forget() removes a row's).
CREATE UNLOGGED TABLE customer_clean.dedupe_state (
    tbl         regclass PRIMARY KEY,
    basis       text NOT NULL,             -- model, profile, thresholds and format the state was made with
    row_count   bigint NOT NULL,
    updated_at  timestamptz NOT NULL
);
COMMENT ON TABLE customer_clean.dedupe_state IS
  'Per table: what the stored dedupe state (dedupe_rows, dedupe_pairs) was made with; incremental runs reuse it only while that is unchanged.';
CREATE UNLOGGED TABLE customer_clean.dedupe_rows (
    tbl          regclass NOT NULL,
    row_id       text COLLATE "C" NOT NULL,
    fingerprint  bigint NOT NULL,          -- hash of the values matching reads
    recheck_on   date,                     -- a future birth date: the row reads differently from that day
    strong_keys  bytea NOT NULL,           -- blocking keys, 8 bytes each (little-endian)
    weak_keys    bytea NOT NULL,
    names        bytea NOT NULL,           -- name hashes counted for term frequencies
    PRIMARY KEY (tbl, row_id)
);
COMMENT ON TABLE customer_clean.dedupe_rows IS
  'Per row of a table deduplicated incrementally: a fingerprint of its values, its blocking keys and name hashes as the last dedupe saw them.';
CREATE UNLOGGED TABLE customer_clean.dedupe_pairs (
    tbl          regclass NOT NULL,
    row_id_a     text COLLATE "C" NOT NULL,
    row_id_b     text COLLATE "C" NOT NULL,
    probability  double precision NOT NULL,
    PRIMARY KEY (tbl, row_id_a, row_id_b)
);
CREATE INDEX dedupe_pairs_b_idx ON customer_clean.dedupe_pairs (tbl, row_id_b);
COMMENT ON TABLE customer_clean.dedupe_pairs IS
  'Per table deduplicated incrementally: every scored pair (at least review_probability likely) of the last dedupe, lower row id first.';

ALTER TABLE customer_clean.quality_history ADD COLUMN taken_by name NOT NULL DEFAULT current_user;
ALTER TABLE customer_clean.quality_breaches ADD COLUMN taken_by name NOT NULL DEFAULT current_user;

-- Citus (issue 19): copies of the profiles of Citus tables for their shards.
CREATE  FUNCTION "invalidate_shard_profiles"() RETURNS TRIGGER
LANGUAGE c
AS 'MODULE_PATHNAME', 'invalidate_shard_profiles_wrapper';
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

-- dedupe and match_row on Citus (issue 19): blocks scored on the workers.
CREATE  FUNCTION "match_entries"(
	"run" bigint, /* i64 */
	"tbl" regclass, /* Table */
	"row_values" TEXT[] /* Vec < Option < String > > */
) RETURNS TABLE (
	"key" bigint,  /* i64 */
	"kind" smallint,  /* i16 */
	"record" bytea  /* :: std :: option :: Option < Vec < u8 > > */
)
STRICT STABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'match_entries_wrapper';
CREATE  FUNCTION "score_block"(
	"run" bigint, /* i64 */
	"tbl" regclass, /* Table */
	"model" TEXT, /* & str */
	"rows" bigint, /* i64 */
	"oversized" bytea, /* & [u8] */
	"names" bytea, /* & [u8] */
	"min_probability" double precision, /* f64 */
	"key" bigint, /* i64 */
	"row_ids" TEXT[], /* Vec < Option < String > > */
	"records" bytea[] /* pgrx :: datum :: Array < '_, & [u8] > */
) RETURNS TABLE (
	"row_id_a" TEXT,  /* Option < String > */
	"row_id_b" TEXT,  /* Option < String > */
	"probability" double precision,  /* f64 */
	"personal" bool  /* Option < bool > */
)
STRICT STABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'score_block_wrapper';
-- match_on_insert on Citus (src/matching/queue.rs): the queue's trigger and
-- match_pending.
CREATE  FUNCTION "match_pending"(
	"tbl" regclass, /* Table */
	"min_probability" double precision DEFAULT 0.9, /* f64 */
	"review_probability" double precision DEFAULT 0.5, /* f64 */
	"max_rows" INT DEFAULT 10000 /* i32 */
) RETURNS jsonb /* JsonB */
STRICT VOLATILE PARALLEL UNSAFE
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'match_pending_wrapper';
CREATE FUNCTION "queue_for_matching"()
	RETURNS TRIGGER
	LANGUAGE c
	AS 'MODULE_PATHNAME', 'queue_for_matching_wrapper';
-- In-row originals (issue 20): undo_change(tbl, row_id) puts back what a
-- row's originals column (profile option originals_column) keeps.
CREATE  FUNCTION "undo_change"(
	"tbl" regclass, /* Table */
	"row_id" TEXT /* & str */
) RETURNS bool /* bool */
STRICT VOLATILE PARALLEL UNSAFE
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'undo_row_change_wrapper';
COMMENT ON FUNCTION customer_clean.undo_change(regclass, text) IS
  'With in-row originals (profile option originals_column): puts back the originals row row_id of tbl keeps, if it still holds every value cleaning wrote, and empties its originals column; false when it keeps none.';

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

-- quality_report on Citus (issue 19): partial counts summed on the workers.
CREATE  FUNCTION "quality_tally_step"(
	"state" bytea, /* Option < & [u8] > */
	"tbl" regclass, /* Table */
	"values" TEXT[] /* :: std :: option :: Option < Vec < Option < String > > > */
) RETURNS bytea /* Vec < u8 > */
STABLE PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'quality_tally_step_wrapper';
CREATE  FUNCTION "quality_tally_combine"(
	"a" bytea, /* & [u8] */
	"b" bytea /* & [u8] */
) RETURNS bytea /* Vec < u8 > */
IMMUTABLE STRICT PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'quality_tally_combine_wrapper';
-- The partial counts of quality_report() on a Citus table: each worker
-- sums the rows of its shards (Citus runs an aggregate with a combine
-- function on the workers when its state is a real type, here bytea), and
-- the coordinator adds the sums up. Internal to quality_report.
CREATE AGGREGATE customer_clean.quality_tally(regclass, text[]) (
    SFUNC = customer_clean.quality_tally_step,
    STYPE = bytea,
    COMBINEFUNC = customer_clean.quality_tally_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE customer_clean.quality_tally(regclass, text[]) IS
  'Partial quality counts of rows of a table (internal to quality_report, summed on Citus workers).';

-- train draws its sample where the rows are (issue 19).
CREATE  FUNCTION "in_sample"(
	"id" TEXT, /* & str */
	"seed" bigint, /* i64 */
	"threshold" bigint /* i64 */
) RETURNS bool /* bool */
IMMUTABLE STRICT PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'in_sample_wrapper';

-- forget and purge_journal reach the journal on Citus workers (issue 19).
CREATE  FUNCTION "erase_journal_here"(
	"tbl" TEXT, /* & str */
	"row_ids" TEXT[], /* :: std :: option :: Option < Vec < Option < String > > > */
	"older_than" interval /* Option < Interval > */
) RETURNS jsonb /* JsonB */
VOLATILE PARALLEL UNSAFE
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'erase_journal_here_wrapper';

-- 3. The history's policies of 0.1.0 (read by everyone, written through the
-- extension) make way for those of sql/access.sql below.
DROP POLICY read_all ON customer_clean.merges;
DROP POLICY written_by_customer_clean ON customer_clean.merges;
DROP POLICY read_all ON customer_clean.merge_history;
DROP POLICY written_by_customer_clean ON customer_clean.merge_history;
DROP POLICY read_all ON customer_clean.clusters;
DROP POLICY written_by_customer_clean ON customer_clean.clusters;
DROP POLICY read_all ON customer_clean.review_queue;
DROP POLICY written_by_customer_clean ON customer_clean.review_queue;
DROP POLICY read_all ON customer_clean.archive;
DROP POLICY written_by_customer_clean ON customer_clean.archive;
DROP POLICY read_all ON customer_clean.quality_history;
DROP POLICY written_by_customer_clean ON customer_clean.quality_history;
DROP POLICY read_all ON customer_clean.quality_breaches;
DROP POLICY written_by_customer_clean ON customer_clean.quality_breaches;
DROP FUNCTION customer_clean.protect_history(regclass);

-- 4. New and changed functions.
-- dedupe gains an overload with incremental (issue 18); the three-argument
-- dedupe stays as it was.
CREATE  FUNCTION "dedupe"(
	"tbl" regclass, /* Table */
	"incremental" bool, /* bool */
	"min_probability" double precision DEFAULT 0.9, /* f64 */
	"review_probability" double precision DEFAULT 0.5 /* f64 */
) RETURNS jsonb /* JsonB */
STRICT VOLATILE PARALLEL UNSAFE 
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'dedupe_with_state_wrapper';
-- (described anew, with the overload, below)
COMMENT ON FUNCTION customer_clean.dedupe(regclass, double precision, double precision) IS NULL;
CREATE  FUNCTION "forget"(
	"tbl" regclass, /* Table */
	"row_id" TEXT /* & str */
) RETURNS jsonb /* JsonB */
STRICT VOLATILE PARALLEL UNSAFE
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'forget_wrapper';

CREATE  FUNCTION "purge_journal"(
	"tbl" regclass, /* Table */
	"older_than" interval /* Interval */
) RETURNS jsonb /* JsonB */
STRICT VOLATILE PARALLEL UNSAFE
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'purge_journal_wrapper';

CREATE  FUNCTION "require_owner"(
	"tbl" regclass, /* Table */
	"caller" TEXT /* & str */
) RETURNS bool /* bool */
STRICT STABLE PARALLEL SAFE 
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'require_owner_sql_wrapper';

CREATE  FUNCTION "require_privileges"(
	"tbl" regclass, /* Table */
	"privileges" TEXT[], /* Vec < Option < String > > */
	"caller" TEXT /* & str */
) RETURNS bool /* bool */
STRICT STABLE PARALLEL SAFE 
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'require_privileges_sql_wrapper';

CREATE  FUNCTION "row_visible"(
	"tbl" regclass, /* TableOid */
	"row_id" TEXT /* & str */
) RETURNS bool /* bool */
STRICT STABLE PARALLEL RESTRICTED
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'row_visible_wrapper';

CREATE  FUNCTION "version"() RETURNS jsonb /* JsonB */
IMMUTABLE STRICT PARALLEL SAFE
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'version_wrapper';

CREATE FUNCTION customer_clean.require_entry_point(tbl regclass, body text, entry_point text) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT customer_clean.may_write_catalog(tbl) THEN
        RAISE EXCEPTION '% is internal to customer_clean and cannot be called directly', body
            USING ERRCODE = '42501', HINT = format('call customer_clean.%s instead', entry_point);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.approve_body(pair_id bigint, merge_rows boolean) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    q customer_clean.review_queue;
    survivor text;
    new_merge bigint;
    a_cluster bigint;
    b_cluster bigint;
BEGIN
    q := customer_clean.pending_pair(pair_id);
    PERFORM customer_clean.require_entry_point(q.tbl, 'approve_body', 'approve');
    IF merge_rows THEN
        survivor := coalesce(customer_clean.choose_survivor(q.tbl, ARRAY[q.row_id_a, q.row_id_b]), q.row_id_a);
        new_merge := customer_clean.merge(q.tbl, survivor,
                                          ARRAY[CASE WHEN survivor = q.row_id_a THEN q.row_id_b ELSE q.row_id_a END]);
        UPDATE customer_clean.merges m SET merged_via = 'approve' WHERE m.merge_id = new_merge;
    ELSE
        SELECT c.cluster_id INTO a_cluster FROM customer_clean.clusters c WHERE c.tbl = q.tbl AND c.row_id = q.row_id_a;
        SELECT c.cluster_id INTO b_cluster FROM customer_clean.clusters c WHERE c.tbl = q.tbl AND c.row_id = q.row_id_b;
        a_cluster := coalesce(a_cluster, b_cluster, nextval('customer_clean.cluster_id_seq'));
        UPDATE customer_clean.clusters c SET cluster_id = a_cluster, assigned_at = now(), assigned_by = 'approve'
         WHERE c.tbl = q.tbl AND c.cluster_id = b_cluster;
        INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by)
        VALUES (q.tbl, q.row_id_a, a_cluster, 'approve'), (q.tbl, q.row_id_b, a_cluster, 'approve')
        ON CONFLICT (tbl, row_id) DO NOTHING;
    END IF;
    UPDATE customer_clean.review_queue x
       SET status = 'approved', decided_at = now(), decided_by = current_user, merge_id = new_merge
     WHERE x.pair_id = approve_body.pair_id;
    RETURN new_merge;
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.archive_stale_body(tbl regclass, days integer) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
SET DateStyle = 'ISO, YMD' SET IntervalStyle = 'postgres' SET extra_float_digits = 3 SET bytea_output = 'hex'
AS $$
DECLARE
    id record := customer_clean.id_column(tbl);
    moved bigint;
BEGIN
    PERFORM customer_clean.require_entry_point(tbl, 'archive_stale_body', 'archive_stale');
    EXECUTE format(
        'WITH stale AS (DELETE FROM %1$s t WHERE t.%2$I::text IN (SELECT s.row_id FROM customer_clean.stale_customers($1, $2) s)
                        RETURNING t.%2$I::text AS row_id, %3$s AS row_data)
         INSERT INTO customer_clean.archive (tbl, row_id, row_data) SELECT $1, row_id, row_data FROM stale',
        tbl, id.name, customer_clean.row_image_sql(tbl, 't'))
        USING tbl, days;
    GET DIAGNOSTICS moved = ROW_COUNT;
    RETURN moved;
END
$$;

CREATE OR REPLACE PROCEDURE customer_clean.clean_table(tbl regclass, batch_size integer DEFAULT 10000,
                                            INOUT summary jsonb DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    run bigint;
BEGIN
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
    PERFORM customer_clean.require_owner(tbl, 'clean_table');
    run := customer_clean.clean_table_start(tbl, batch_size);
    COMMIT;
    LOOP
        PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
        summary := customer_clean.clean_table_batch(run);
        COMMIT;
        PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
        EXIT WHEN (summary OPERATOR(pg_catalog.->>) 'finished')::pg_catalog.bool;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.merge_body(tbl regclass, survivor_id text, duplicate_ids text[]) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
-- Row images are text: read and written back in one fixed style, whatever
-- the session's, so that the text means the same value at unmerge time.
SET DateStyle = 'ISO, YMD' SET IntervalStyle = 'postgres' SET extra_float_digits = 3 SET bytea_output = 'hex'
AS $$
DECLARE
    id record := customer_clean.id_column(tbl);
    ids text[] := ARRAY[survivor_id] || duplicate_ids;
    golden jsonb;
    images jsonb;
    moved jsonb;
    changed text;
    after jsonb;
    new_merge bigint;
    deleted bigint;
    locked bigint;
    one record;
    one_locked bigint;
BEGIN
    PERFORM customer_clean.require_entry_point(tbl, 'merge_body', 'merge');
    PERFORM customer_clean.share_catalog_lock(tbl);
    -- Lock the rows in id order: merges of overlapping sets then wait for
    -- each other instead of deadlocking, and a row merged away meanwhile
    -- is reported by golden_record with the merge that removed it. One
    -- row per statement: Citus locks rows only by a filter on one value of
    -- the distribution column (docs/citus.md).
    locked := 0;
    FOR one IN EXECUTE format('SELECT DISTINCT x FROM unnest($1::text[]::%s[]) x ORDER BY x', id.sql_type) USING ids LOOP
        EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %1$s t WHERE t.%2$I = $1::text::%3$s FOR UPDATE) s',
                       tbl, id.name, id.sql_type)
            INTO one_locked USING one.x::text;
        locked := locked + one_locked;
    END LOOP;
    -- A row this lock did not find may still appear to the next statement:
    -- an unmerge that restores it commits in between (found by
    -- tests/concurrency/merge_race.sh). Unlocked, another merge could then
    -- point rows at it before this one deletes it, so go no further.
    IF locked < (SELECT count(DISTINCT x) FROM unnest(ids) x) THEN
        PERFORM customer_clean.golden_record(tbl, survivor_id, duplicate_ids);  -- names the row and its merge
        RAISE EXCEPTION 'merging into row % of %: a row was restored while the merge began', survivor_id, tbl
            USING ERRCODE = 'P0002', HINT = 'merge again: the rows are all there now';
    END IF;
    golden := customer_clean.golden_record(tbl, survivor_id, duplicate_ids);
    images := customer_clean.row_images(tbl, ids);

    INSERT INTO customer_clean.merges (tbl, survivor_id, duplicate_ids, decisions, survivor_before, clusters_before)
    VALUES (tbl, survivor_id, duplicate_ids, golden, images->survivor_id,
            coalesce((SELECT jsonb_agg(to_jsonb(c) ORDER BY c.row_id) FROM customer_clean.clusters c
                       WHERE c.tbl = merge_body.tbl
                         AND c.cluster_id IN (SELECT x.cluster_id FROM customer_clean.clusters x
                                               WHERE x.tbl = merge_body.tbl AND x.row_id = ANY (ids))), '[]'))
    RETURNING merge_id INTO new_merge;

    moved := customer_clean.repoint_references(tbl, survivor_id, duplicate_ids);
    INSERT INTO customer_clean.merge_history (merge_id, tbl, row_id, row_data, referencing)
    SELECT new_merge, tbl, d, images->d, coalesce(moved->d, '[]') FROM unnest(duplicate_ids) d;

    EXECUTE format('DELETE FROM %s t WHERE t.%I = ANY ($1::text[]::%s[])', tbl, id.name, id.sql_type)
        USING duplicate_ids;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    IF deleted <> cardinality(duplicate_ids) THEN
        RAISE EXCEPTION 'merging into row % of %: % of % duplicate rows were deleted', survivor_id, tbl,
                deleted, cardinality(duplicate_ids)
            USING ERRCODE = '55000', HINT = 'a trigger on the table skipped the DELETE of a merged row; nothing was merged';
    END IF;

    -- The golden values, cast back from their text: only the columns whose
    -- value comes from another row change.
    SELECT string_agg(format('%I = ($1->>%L)::%s', a.attname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ')
      INTO changed
      FROM jsonb_array_elements(golden) g
      JOIN pg_catalog.pg_attribute a ON a.attrelid = tbl AND a.attname = g->>'column'
     WHERE (g->>'changed')::boolean;
    IF changed IS NOT NULL THEN
        EXECUTE format('UPDATE %s t SET %s WHERE t.%I = $2::%s', tbl, changed, id.name, id.sql_type)
            USING (SELECT jsonb_object_agg(g->>'column', g->'value') FROM jsonb_array_elements(golden) g), survivor_id;
    END IF;
    after := customer_clean.row_images(tbl, ARRAY[survivor_id])->survivor_id;
    UPDATE customer_clean.merges SET survivor_after = after WHERE merge_id = new_merge;

    -- Clusters: the merged rows leave; a survivor left alone leaves too.
    DELETE FROM customer_clean.clusters c WHERE c.tbl = merge_body.tbl AND c.row_id = ANY (duplicate_ids);
    DELETE FROM customer_clean.clusters c
     WHERE c.tbl = merge_body.tbl AND c.row_id = survivor_id
       AND NOT EXISTS (SELECT 1 FROM customer_clean.clusters o
                        WHERE o.tbl = c.tbl AND o.cluster_id = c.cluster_id AND o.row_id <> c.row_id);

    -- Review queue: pending pairs inside the merge are decided ('merged'),
    -- pending pairs with a merged row and an outside row are 'obsolete',
    -- and a "not the same customer" decision about a merged row now holds
    -- for the survivor.
    UPDATE customer_clean.merges SET review_before = coalesce(
        (SELECT jsonb_agg(to_jsonb(q) ORDER BY q.pair_id) FROM customer_clean.review_queue q
          WHERE q.tbl = merge_body.tbl AND q.status = 'pending' AND (q.row_id_a = ANY (ids) OR q.row_id_b = ANY (ids))), '[]')
     WHERE merge_id = new_merge;
    UPDATE customer_clean.review_queue q
       SET status = CASE WHEN q.row_id_a = ANY (ids) AND q.row_id_b = ANY (ids) THEN 'merged' ELSE 'obsolete' END,
           decided_at = now(), decided_by = current_user, merge_id = new_merge
     WHERE q.tbl = merge_body.tbl AND q.status = 'pending'
       AND (q.row_id_a = ANY (duplicate_ids) OR q.row_id_b = ANY (duplicate_ids));
    INSERT INTO customer_clean.review_queue AS q (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by,
                                                 status, decided_at, decided_by, merge_id)
    SELECT DISTINCT ON (least(survivor_id COLLATE "C", other), greatest(survivor_id COLLATE "C", other))
           merge_body.tbl, least(survivor_id COLLATE "C", other), greatest(survivor_id COLLATE "C", other), r.probability, r.explanation,
           format('rejected for row %s, which merge %s merged into row %s', dup, new_merge, survivor_id),
           r.found_by, 'rejected', now(), current_user, new_merge
      FROM customer_clean.review_queue r,
           LATERAL (SELECT CASE WHEN r.row_id_a = ANY (duplicate_ids) THEN r.row_id_a ELSE r.row_id_b END,
                           CASE WHEN r.row_id_a = ANY (duplicate_ids) THEN r.row_id_b ELSE r.row_id_a END) AS x(dup, other)
     WHERE r.tbl = merge_body.tbl AND r.status = 'rejected'
       AND (r.row_id_a = ANY (duplicate_ids) OR r.row_id_b = ANY (duplicate_ids))
       AND other <> ALL (ids)
    ON CONFLICT ON CONSTRAINT review_queue_tbl_row_id_a_row_id_b_key DO UPDATE
       SET status = 'rejected', decided_at = now(), decided_by = current_user, merge_id = new_merge,
           reason = excluded.reason
     WHERE q.status = 'pending';

    -- match_row() must find the golden record, not the merged rows (a
    -- table without a model has no keys: update_match_keys does nothing).
    PERFORM customer_clean.update_match_keys(tbl,
        (SELECT jsonb_agg(images->k) FROM unnest(ids) k), jsonb_build_array(after));
    RETURN new_merge;
END
$$;

CREATE OR REPLACE PROCEDURE customer_clean.merge_clusters(tbl regclass, min_probability float8 DEFAULT 0.9,
                                               batch_size integer DEFAULT 100, INOUT summary jsonb DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz;
    noticed timestamptz;
    total bigint;
    state jsonb;
BEGIN
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
    started := pg_catalog.clock_timestamp();
    noticed := started;
    IF min_probability IS NULL OR NOT min_probability OPERATOR(pg_catalog.>=) 0::pg_catalog.float8
       OR NOT min_probability OPERATOR(pg_catalog.<=) 1::pg_catalog.float8 THEN
        RAISE EXCEPTION 'merge_clusters: min_probability must be between 0 and 1, not %', min_probability
            USING ERRCODE = '22023', HINT = 'pass e.g. 0.9';
    ELSIF batch_size IS NULL OR batch_size OPERATOR(pg_catalog.<) 1 THEN
        RAISE EXCEPTION 'merge_clusters: batch_size must be positive, not %', batch_size
            USING ERRCODE = '22023', HINT = 'pass e.g. 100';
    END IF;
    PERFORM customer_clean.require_owner(tbl, 'merge_clusters');
    PERFORM customer_clean.id_column(tbl);
    SELECT pg_catalog.count(DISTINCT x.cluster_id) INTO total
      FROM customer_clean.clusters x WHERE x.tbl OPERATOR(pg_catalog.=) merge_clusters.tbl;
    state := pg_catalog.jsonb_build_object('clusters', 0, 'merged', 0, 'rows_merged', 0, 'skipped', '{}'::pg_catalog.jsonb,
                                           'errors', '[]'::pg_catalog.jsonb, 'last_cluster', -1);
    LOOP
        state := customer_clean.merge_clusters_batch(tbl, min_probability, batch_size, state);
        summary := (state OPERATOR(pg_catalog.-) 'last_cluster'::pg_catalog.text OPERATOR(pg_catalog.-) 'done'::pg_catalog.text)
                   OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('seconds',
                       pg_catalog.round(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) started)::pg_catalog.numeric, 3));
        EXIT WHEN (state OPERATOR(pg_catalog.->>) 'done')::pg_catalog.bool;
        COMMIT;
        PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
        IF pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) noticed OPERATOR(pg_catalog.>) '5 seconds'::pg_catalog.interval THEN
            RAISE NOTICE 'merge_clusters %: % of % clusters, % merged, % skipped; % clusters/s', tbl,
                state OPERATOR(pg_catalog.->>) 'clusters', total, state OPERATOR(pg_catalog.->>) 'merged',
                (state OPERATOR(pg_catalog.->>) 'clusters')::pg_catalog.int8 OPERATOR(pg_catalog.-) (state OPERATOR(pg_catalog.->>) 'merged')::pg_catalog.int8,
                pg_catalog.round((state OPERATOR(pg_catalog.->>) 'clusters')::pg_catalog.numeric OPERATOR(pg_catalog./)
                    GREATEST(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) started), 0.001::pg_catalog.float8)::pg_catalog.numeric);
            noticed := pg_catalog.clock_timestamp();
        END IF;
    END LOOP;
    COMMIT;
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.merge_clusters_batch_body(tbl regclass, min_probability float8, batch_size integer,
                                                         state jsonb) RETURNS jsonb
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    seen bigint := (state->>'clusters')::bigint;
    merged bigint := (state->>'merged')::bigint;
    rows_merged bigint := (state->>'rows_merged')::bigint;
    skipped jsonb := state->'skipped';
    errors jsonb := state->'errors';
    last_cluster bigint := (state->>'last_cluster')::bigint;
    found_any boolean := false;
    c record;
    survivor text;
    new_merge bigint;
    outcome text;
    message text;
BEGIN
    PERFORM customer_clean.require_entry_point(tbl, 'merge_clusters_batch_body', 'merge_clusters');
    FOR c IN SELECT x.cluster_id, array_agg(x.row_id ORDER BY x.row_id) AS members
               FROM customer_clean.clusters x
              WHERE x.tbl = merge_clusters_batch_body.tbl AND x.cluster_id > last_cluster
              GROUP BY x.cluster_id ORDER BY x.cluster_id LIMIT batch_size LOOP
        found_any := true;
        last_cluster := c.cluster_id;
        seen := seen + 1;
        BEGIN
            IF EXISTS (SELECT 1 FROM customer_clean.review_queue q
                        WHERE q.tbl = merge_clusters_batch_body.tbl AND q.status = 'rejected'
                          AND q.row_id_a = ANY (c.members) AND q.row_id_b = ANY (c.members)) THEN
                outcome := 'rejected_pair';
            ELSIF coalesce(customer_clean.cluster_probability(tbl, c.members), 0) < min_probability THEN
                outcome := 'below_threshold';
            ELSE
                survivor := customer_clean.choose_survivor(tbl, c.members);
                new_merge := customer_clean.merge(tbl, survivor, array_remove(c.members, survivor));
                UPDATE customer_clean.merges m SET merged_via = 'merge_clusters' WHERE m.merge_id = new_merge;
                outcome := 'merged';
            END IF;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS message = MESSAGE_TEXT;
            outcome := 'error';
            IF jsonb_array_length(errors) < 20 THEN
                errors := errors || jsonb_build_object('cluster_id', c.cluster_id, 'error', message);
            END IF;
        END;
        IF outcome = 'merged' THEN
            merged := merged + 1;
            rows_merged := rows_merged + cardinality(c.members) - 1;
        ELSE
            skipped := jsonb_set(skipped, ARRAY[outcome], to_jsonb(coalesce((skipped->>outcome)::bigint, 0) + 1));
        END IF;
    END LOOP;
    RETURN state || jsonb_build_object('clusters', seen, 'merged', merged, 'rows_merged', rows_merged,
                                       'skipped', skipped, 'errors', errors, 'last_cluster', last_cluster,
                                       'done', NOT found_any);
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.preview_merge(tbl regclass, survivor_id text, duplicate_ids text[])
RETURNS TABLE (column_name text, value text, rule text, from_row_id text, changed boolean, survivor_value text)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- what merge() would need, so that the preview answers "may I merge?" too
    PERFORM customer_clean.require_privileges(tbl, ARRAY['SELECT', 'UPDATE', 'DELETE'], 'preview_merge');
    RETURN QUERY
    SELECT g->>'column', g->>'value', g->>'rule' || coalesce(' (' || (g->>'fixed') || ')', ''), g->>'row_id',
           (g->>'changed')::boolean, g->>'survivor_value'
      FROM jsonb_array_elements(customer_clean.golden_record(tbl, survivor_id, duplicate_ids)) WITH ORDINALITY AS e(g, n)
     ORDER BY n;
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.reject_body(pair_id bigint) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    q customer_clean.review_queue;
BEGIN
    q := customer_clean.pending_pair(pair_id);
    PERFORM customer_clean.require_entry_point(q.tbl, 'reject_body', 'reject');
    UPDATE customer_clean.review_queue x SET status = 'rejected', decided_at = now(), decided_by = current_user
     WHERE x.pair_id = reject_body.pair_id;
END
$$;

-- Declared references (the profile's `references` option) besides foreign keys.
CREATE OR REPLACE FUNCTION customer_clean.referencing_keys(tbl regclass)
RETURNS TABLE (constraint_name text, referencing regclass, fk_columns text[], fk_types text[],
               ref_columns text[], pk_columns text[], pk_types text[])
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    WITH refs AS (
        SELECT c.conname::text AS constraint_name, c.conrelid::regclass AS referencing,
               ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS fk_columns,
               ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_columns
          FROM pg_catalog.pg_constraint c
         WHERE c.contype = 'f' AND c.confrelid = $1 AND c.conparentid = 0
        UNION ALL
        SELECT pg_catalog.format('declared (%s)', pg_catalog.array_to_string(d.fk_columns, ', ')), d.referencing,
               d.fk_columns, d.ref_columns
          FROM (SELECT pg_catalog.to_regclass(r->>'table') AS referencing,
                       ARRAY(SELECT pg_catalog.jsonb_array_elements_text(r->'columns')) AS fk_columns,
                       CASE WHEN r ? 'to' THEN ARRAY(SELECT pg_catalog.jsonb_array_elements_text(r->'to'))
                            ELSE ARRAY[p.columns->>'id'] END AS ref_columns
                  FROM customer_clean.profiles p,
                       pg_catalog.jsonb_array_elements(coalesce(p.options->'references', '[]')) r
                 WHERE p.tbl = $1) d
         WHERE d.referencing IS NOT NULL)
    SELECT r.constraint_name, r.referencing, r.fk_columns,
           ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM unnest(r.fk_columns) WITH ORDINALITY k(c, i)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = r.referencing AND a.attname = k.c AND NOT a.attisdropped
                  ORDER BY k.i),
           r.ref_columns,
           (SELECT ARRAY(SELECT a.attname::text FROM unnest(p.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.n ORDER BY k.i)
              FROM pg_catalog.pg_constraint p WHERE p.conrelid = r.referencing AND p.contype = 'p'),
           (SELECT ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM unnest(p.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.n ORDER BY k.i)
              FROM pg_catalog.pg_constraint p WHERE p.conrelid = r.referencing AND p.contype = 'p')
      FROM refs r
     ORDER BY r.referencing::text, r.constraint_name
$$;

CREATE OR REPLACE FUNCTION customer_clean.repoint_references(tbl regclass, survivor_id text, duplicate_ids text[]) RETURNS jsonb
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id record := customer_clean.id_column(tbl);
    fk record;
    moved jsonb;
    result jsonb := '{}';
    detail text;
    constraint_hit text;
BEGIN
    PERFORM customer_clean.require_entry_point(tbl, 'repoint_references', 'merge');
    FOR fk IN SELECT * FROM customer_clean.referencing_keys(tbl) LOOP
        BEGIN
          IF fk.referencing <> tbl AND customer_clean.moves_between_shards(fk.referencing, fk.fk_columns) THEN
            -- Citus: the key is the table's distribution column (sql/citus.sql).
            SELECT jsonb_object_agg(x.dup_id, x.rows) INTO moved
              FROM (SELECT d.id AS dup_id,
                           (SELECT jsonb_agg(jsonb_build_object('constraint', fk.constraint_name, 'table', fk.referencing::text,
                                                                'key', e->'key', 'row', e->'row') ORDER BY (e->'key')::text)
                              FROM jsonb_array_elements(customer_clean.move_referencing_rows(tbl, fk.referencing, fk.fk_columns, fk.fk_types,
                                     fk.pk_columns, fk.pk_types, d.refs, s.refs)) e) AS rows
                      FROM customer_clean.reference_values(tbl, fk.ref_columns, duplicate_ids) d,
                           customer_clean.reference_values(tbl, fk.ref_columns, ARRAY[survivor_id]) s) x
             WHERE x.rows IS NOT NULL;
          ELSE
            -- (the moved rows' images are made outside RETURNING: Citus
            -- refuses functions that are not immutable there)
            EXECUTE format(
                'WITH s AS (SELECT %1$s FROM %2$s t WHERE t.%3$I = $1::%4$s),
                      d AS (SELECT t.%3$I::text AS dup_id, %1$s FROM %2$s t WHERE t.%3$I = ANY ($2::text[]::%4$s[])),
                      updated AS (UPDATE %5$s r SET (%6$s) = (SELECT %7$s FROM s) FROM d WHERE (%8$s) = (%9$s)
                                  RETURNING d.dup_id, r AS moved_row),
                      moved AS (SELECT u.dup_id, %10$s AS key, to_jsonb(r) AS row, %11$s AS own_id
                                  FROM updated u CROSS JOIN LATERAL (SELECT (u.moved_row).*) r)
                 SELECT jsonb_object_agg(dup_id, rows) FROM (
                   SELECT dup_id, jsonb_agg(jsonb_build_object(''constraint'', $3, ''table'', $4, ''key'', key, ''row'', row)
                                            ORDER BY key::text) AS rows
                     FROM moved WHERE own_id IS NULL OR own_id <> ALL ($5) GROUP BY dup_id) g',
                (SELECT string_agg(format('t.%I AS ref_%s', c, i), ', ') FROM unnest(fk.ref_columns) WITH ORDINALITY u(c, i)),
                tbl, id.name, id.sql_type, fk.referencing,
                (SELECT string_agg(format('%I', c), ', ') FROM unnest(fk.fk_columns) c),
                (SELECT string_agg(format('s.ref_%s', i), ', ') FROM generate_subscripts(fk.ref_columns, 1) i),
                (SELECT string_agg(format('r.%I', c), ', ') FROM unnest(fk.fk_columns) c),
                (SELECT string_agg(format('d.ref_%s', i), ', ') FROM generate_subscripts(fk.ref_columns, 1) i),
                CASE WHEN fk.pk_columns IS NULL THEN customer_clean.row_image_sql(fk.referencing, 'r')
                     ELSE (SELECT format('jsonb_build_object(%s)', string_agg(format('%L, r.%I::text', c, c), ', '))
                             FROM unnest(fk.pk_columns) c) END,
                CASE WHEN fk.referencing = tbl THEN format('r.%I::text', id.name) ELSE 'NULL::text' END)
                INTO moved
                USING survivor_id, duplicate_ids, fk.constraint_name, fk.referencing::text,
                      ARRAY[survivor_id] || duplicate_ids;
          END IF;
        EXCEPTION WHEN unique_violation THEN
            GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL, constraint_hit = CONSTRAINT_NAME;
            RAISE EXCEPTION 'merging rows % of % into row %: % would then hold two rows for the survivor (unique constraint %)',
                    array_to_string(duplicate_ids, ', '), tbl, survivor_id, fk.referencing, constraint_hit
                USING ERRCODE = '23505', DETAIL = detail,
                      HINT = format('rows of %s refer to both the survivor and a duplicate through foreign key %s; '
                                    'merge or delete one of the two referencing rows first, then merge again',
                                    fk.referencing, fk.constraint_name);
        END;
        -- A survivor with no value in a referenced column would leave the
        -- moved rows pointing nowhere (MATCH SIMPLE lets NULL through).
        IF moved IS NOT NULL AND EXISTS (SELECT 1 FROM jsonb_each(moved) e, jsonb_array_elements(e.value) r,
                                                        unnest(fk.fk_columns) c
                                          WHERE r->'row'->c = 'null') THEN
            RAISE EXCEPTION 'merging rows % of % into row %: the survivor has no value in %, which % refers to',
                    array_to_string(duplicate_ids, ', '), tbl, survivor_id, array_to_string(fk.ref_columns, ', '), fk.referencing
                USING ERRCODE = '23503',
                      HINT = 'choose a survivor that has a value in the referenced columns, or fill them in first';
        END IF;
        SELECT jsonb_object_agg(k, coalesce(result->k, '[]') || coalesce(moved->k, '[]'))
          INTO result
          FROM (SELECT jsonb_object_keys(result) UNION SELECT jsonb_object_keys(coalesce(moved, '{}'))) AS keys(k);
        result := coalesce(result, '{}');
    END LOOP;
    RETURN result;
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.restore_archived_body(tbl regclass, row_ids text[]) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET DateStyle = 'ISO, YMD' SET IntervalStyle = 'postgres' SET extra_float_digits = 3 SET bytea_output = 'hex'
AS $$
DECLARE
    cols text;
    vals text;
    restored bigint;
BEGIN
    IF tbl IS NULL THEN
        RAISE EXCEPTION 'restore_archived: tbl must not be NULL'
            USING ERRCODE = '22004', HINT = 'pass the table, e.g. ''crm.customers''';
    END IF;
    PERFORM customer_clean.require_entry_point(tbl, 'restore_archived_body', 'restore_archived');
    PERFORM customer_clean.id_column(tbl);
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum),
           string_agg(format('(r->>%L)::%s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
      INTO cols, vals
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = tbl AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
    EXECUTE format(
        'WITH back AS (UPDATE customer_clean.archive x SET restored_at = now(), restored_by = current_user
                        WHERE x.tbl = $1 AND x.restored_at IS NULL AND ($2 IS NULL OR x.row_id = ANY ($2))
                          AND customer_clean.image_visible($1, x.row_data)
                        RETURNING x.row_data AS r)
         INSERT INTO %s (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM back', tbl, cols, vals)
        USING tbl, row_ids;
    GET DIAGNOSTICS restored = ROW_COUNT;
    RETURN restored;
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.snapshot_quality_body(tbl regclass) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    snapshot bigint := nextval('customer_clean.quality_snapshot_seq');
    b record;
BEGIN
    PERFORM customer_clean.require_entry_point(tbl, 'snapshot_quality_body', 'snapshot_quality');
    INSERT INTO customer_clean.quality_history (snapshot_id, tbl, dimension, column_name, value, target, passed, failing_rows)
    SELECT snapshot, snapshot_quality_body.tbl, r.dimension, r.column_name, r.value, r.target, r.passed, r.failing_rows
      FROM customer_clean.quality_report(tbl) r;
    FOR b IN INSERT INTO customer_clean.quality_breaches (snapshot_id, tbl, dimension, column_name, value, target)
             SELECT h.snapshot_id, h.tbl, h.dimension, h.column_name, h.value, h.target
               FROM customer_clean.quality_history h
              WHERE h.snapshot_id = snapshot AND h.passed = false
             RETURNING * LOOP
        -- The table name is schema-qualified (the path is pinned), so a
        -- listener can tell crm.customers from sales.customers. Anyone
        -- may LISTEN, so the payload names only the table and the breach;
        -- the values are in quality_breaches, for those who may see them.
        PERFORM pg_notify('customer_clean_quality', jsonb_build_object(
            'table', b.tbl::text, 'dimension', b.dimension, 'column', b.column_name,
            'snapshot_id', b.snapshot_id)::text);
    END LOOP;
    RETURN snapshot;
END
$$;

CREATE OR REPLACE FUNCTION customer_clean.stale_customers(tbl regclass, days integer)
RETURNS TABLE (row_id text, updated_at text, row_data jsonb)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id record;
    col text;
    updated text;
BEGIN
    PERFORM customer_clean.require_privileges(tbl, ARRAY['SELECT'], 'stale_customers');
    id := customer_clean.id_column(tbl);
    col := customer_clean.updated_at_column(tbl);
    -- a date or timestamp column as it is; a text column read as the
    -- cleaner reads dates (unreadable text counts as never updated)
    updated := CASE WHEN (SELECT a.atttypid IN ('date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype)
                                 FROM pg_catalog.pg_attribute a WHERE a.attrelid = tbl AND a.attname = col)
                         THEN format('t.%I::date', col) ELSE format('customer_clean.normalize_date(t.%I::text)', col) END;
    IF days < 0 THEN
        RAISE EXCEPTION 'stale_customers: days must not be negative, not %', days
            USING ERRCODE = '22023', HINT = 'pass the window in days, e.g. 365';
    END IF;
    RETURN QUERY EXECUTE format(
        'SELECT t.%1$I::text, t.%2$I::text, to_jsonb(t) FROM %3$s t
          WHERE %4$s IS NULL OR %4$s < current_date - $1
          ORDER BY %4$s NULLS FIRST, t.%1$I', id.name, col, tbl, updated)
        USING days;
END
$$;

-- Undoing a merge, in steps (each a function, each refusing to run outside
-- unmerge: require_entry_point). They run inside unmerge_body, with its
-- settings: row images read and written in one fixed style.

-- Step 1 of unmerge: refuses, saying what, when a later change makes an
-- exact restore of merge `m` impossible: the survivor gone or changed, a
-- later merge into it, the merged rows' ids used again, columns dropped.
-- `now_survivor` is the survivor's row image now (NULL: no such row).
CREATE FUNCTION customer_clean.unmerge_check(m customer_clean.merges, now_survivor jsonb) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    differs text;
    later bigint;
BEGIN
    PERFORM customer_clean.require_entry_point(m.tbl, 'unmerge_check', 'unmerge');
    IF now_survivor IS NULL THEN
        RAISE EXCEPTION 'cannot undo merge %: its survivor, row % of %, no longer exists', m.merge_id, m.survivor_id, m.tbl
            USING ERRCODE = '55000',
                  HINT = coalesce((SELECT format('merge %s merged it into row %s; undo that merge first', x.merge_id, x.survivor_id)
                                     FROM customer_clean.merge_history hh JOIN customer_clean.merges x USING (merge_id)
                                    WHERE hh.tbl = m.tbl AND hh.row_id = m.survivor_id AND x.unmerged_at IS NULL
                                    ORDER BY x.merge_id DESC LIMIT 1),
                                  'it was deleted after the merge; its rows are in customer_clean.merge_history');
    END IF;
    -- A later merge into the same survivor may have changed nothing in
    -- its row, yet undoing this one first would break that one's undo.
    SELECT x.merge_id INTO later FROM customer_clean.merges x
     WHERE x.tbl = m.tbl AND x.survivor_id = m.survivor_id AND x.merge_id > m.merge_id AND x.unmerged_at IS NULL
     ORDER BY x.merge_id DESC LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'cannot undo merge %: merge % merged more rows into row % of % later', m.merge_id, later, m.survivor_id, m.tbl
            USING ERRCODE = '55000', HINT = format('undo merge %s first', later);
    END IF;
    SELECT string_agg(format('%s (%s, was %s after the merge)', k, coalesce(now_survivor->>k, 'NULL'),
                             coalesce(m.survivor_after->>k, 'NULL')), ', ' ORDER BY k)
      INTO differs
      FROM jsonb_object_keys(m.survivor_after) k
     WHERE now_survivor->k IS DISTINCT FROM m.survivor_after->k;
    IF differs IS NOT NULL THEN
        RAISE EXCEPTION 'cannot undo merge %: row % of % changed since the merge: %', m.merge_id, m.survivor_id, m.tbl, differs
            USING ERRCODE = '55000',
                  HINT = 'restoring the row as it was before the merge would lose those changes; undo later merges of the row first, or put the values back as they were after the merge';
    END IF;
    SELECT string_agg(h2.row_id, ', ' ORDER BY h2.row_id) INTO differs
      FROM customer_clean.merge_history h2
     WHERE h2.merge_id = m.merge_id
       AND customer_clean.row_as_jsonb(m.tbl, h2.row_id) IS NOT NULL;
    IF differs IS NOT NULL THEN
        RAISE EXCEPTION 'cannot undo merge %: rows with the ids of merged rows exist again in %: %', m.merge_id, m.tbl, differs
            USING ERRCODE = '23505', HINT = 'those ids were used again after the merge; remove or renumber those rows first';
    END IF;
    SELECT string_agg(k, ', ' ORDER BY k) INTO differs
      FROM jsonb_object_keys(m.survivor_before) k
     WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid = m.tbl AND a.attname = k AND a.attnum > 0 AND NOT a.attisdropped);
    IF differs IS NOT NULL THEN
        RAISE EXCEPTION 'cannot undo merge %: columns of % dropped since the merge: %', m.merge_id, m.tbl, differs
            USING ERRCODE = '55000', HINT = 'their values are in customer_clean.merge_history.row_data; add the columns back to restore the rows';
    END IF;
END
$$;
COMMENT ON FUNCTION customer_clean.unmerge_check(customer_clean.merges, jsonb) IS
  'Step 1 of unmerge: refuses, saying what, when a later change makes an exact restore of the merge impossible.';

-- Step 2 of unmerge: the merged rows of `m`, cast back from their text, in
-- one statement (they may refer to each other). Generated columns are
-- computed again. The cleaning trigger lets them (and, in step 4, the
-- survivor's old values) through as stored, since unmerge()
-- (src/merge.rs) runs the body in restore mode: cleaning them again could
-- change them.
CREATE FUNCTION customer_clean.unmerge_restore_rows(m customer_clean.merges) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cols text;
    casts text;
BEGIN
    PERFORM customer_clean.require_entry_point(m.tbl, 'unmerge_restore_rows', 'unmerge');
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum),
           string_agg(format('(r->>%L)::%s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
      INTO cols, casts
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = m.tbl AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
       AND m.survivor_before ? a.attname;
    EXECUTE format('INSERT INTO %s (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM jsonb_array_elements($1) r', m.tbl, cols, casts)
        USING (SELECT jsonb_agg(h2.row_data ORDER BY h2.row_id) FROM customer_clean.merge_history h2 WHERE h2.merge_id = m.merge_id);
END
$$;
COMMENT ON FUNCTION customer_clean.unmerge_restore_rows(customer_clean.merges) IS
  'Step 2 of unmerge: the merged rows back, as stored.';

-- Step 3 of unmerge: rows of other tables point at the merged rows of `m`
-- again; each must still point at the survivor (`now_survivor`, its row
-- image), or nothing is undone.
CREATE FUNCTION customer_clean.unmerge_repoint_references(m customer_clean.merges, now_survivor jsonb) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    h record;
    ref record;
    fk record;
    expected bigint;
    updated bigint;
BEGIN
    PERFORM customer_clean.require_entry_point(m.tbl, 'unmerge_repoint_references', 'unmerge');
    FOR h IN SELECT * FROM customer_clean.merge_history h2 WHERE h2.merge_id = m.merge_id ORDER BY h2.row_id LOOP
        FOR ref IN SELECT r->>'constraint' AS constraint_name, r->>'table' AS table_name, jsonb_agg(r) AS rows
                     FROM jsonb_array_elements(h.referencing) r GROUP BY 1, 2 ORDER BY 2, 1 LOOP
            SELECT * INTO fk FROM customer_clean.referencing_keys(m.tbl) k
             WHERE k.constraint_name = ref.constraint_name AND k.referencing::text = ref.table_name;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'cannot undo merge %: foreign key % of % no longer refers to %', m.merge_id,
                        ref.constraint_name, ref.table_name, m.tbl
                    USING ERRCODE = '55000', HINT = 'the rows it re-pointed are listed in customer_clean.merge_history.referencing';
            END IF;
            expected := jsonb_array_length(ref.rows);
            IF fk.referencing <> m.tbl AND customer_clean.moves_between_shards(fk.referencing, fk.fk_columns) THEN
                -- Citus: moved back between shards (sql/citus.sql).
                updated := jsonb_array_length(customer_clean.move_referencing_rows(m.tbl, fk.referencing, fk.fk_columns, fk.fk_types,
                    fk.pk_columns, fk.pk_types,
                    (SELECT jsonb_object_agg('ref_' || i, now_survivor->c) FROM unnest(fk.ref_columns) WITH ORDINALITY u(c, i)),
                    (SELECT jsonb_object_agg('ref_' || i, h.row_data->c) FROM unnest(fk.ref_columns) WITH ORDINALITY u(c, i)),
                    (SELECT jsonb_agg(r->'key') FROM jsonb_array_elements(ref.rows) r)));
            ELSE
            EXECUTE format('UPDATE %s r SET (%s) = (SELECT %s) FROM jsonb_array_elements($1) e WHERE %s AND (%s) = (SELECT %s)',
                    fk.referencing,
                    (SELECT string_agg(format('%I', c), ', ' ORDER BY i) FROM unnest(fk.fk_columns) WITH ORDINALITY u(c, i)),
                    (SELECT string_agg(format('($2->>%L)::%s', c, t), ', ' ORDER BY i)
                       FROM unnest(fk.ref_columns, fk.fk_types) WITH ORDINALITY u(c, t, i)),
                    CASE WHEN fk.pk_columns IS NULL
                         THEN (SELECT string_agg(format('r.%I::text IS NOT DISTINCT FROM e->''key''->>%L', a.attname, a.attname), ' AND ')
                                 FROM pg_catalog.pg_attribute a
                                WHERE a.attrelid = fk.referencing AND a.attnum > 0 AND NOT a.attisdropped
                                  AND a.attname <> ALL (fk.fk_columns))
                         ELSE (SELECT string_agg(format('r.%I = (e->''key''->>%L)::%s', c, c, t), ' AND ')
                                 FROM unnest(fk.pk_columns, fk.pk_types) u(c, t)) END,
                    (SELECT string_agg(format('r.%I', c), ', ' ORDER BY i) FROM unnest(fk.fk_columns) WITH ORDINALITY u(c, i)),
                    (SELECT string_agg(format('($3->>%L)::%s', c, t), ', ' ORDER BY i)
                       FROM unnest(fk.ref_columns, fk.fk_types) WITH ORDINALITY u(c, t, i)))
                USING ref.rows, h.row_data, now_survivor;
            GET DIAGNOSTICS updated = ROW_COUNT;
            END IF;
            IF updated <> expected THEN
                RAISE EXCEPTION 'cannot undo merge %: % of % rows of % that merge moved from row % to row % no longer refer to row %',
                        m.merge_id, expected - updated, expected, ref.table_name, h.row_id, m.survivor_id, m.survivor_id
                    USING ERRCODE = '55000',
                          HINT = 'they were deleted or re-pointed after the merge; their keys are in customer_clean.merge_history.referencing';
            END IF;
        END LOOP;
    END LOOP;
END
$$;
COMMENT ON FUNCTION customer_clean.unmerge_repoint_references(customer_clean.merges, jsonb) IS
  'Step 3 of unmerge: the rows of other tables that the merge re-pointed point at the merged rows again.';

-- Step 4 of unmerge: the survivor's values from before merge `m`, then the
-- check that every restored row is exactly as the history holds it (a
-- trigger that rewrote one would make the restore a different row: then
-- nothing is undone). Returns the restored rows' images by id.
CREATE FUNCTION customer_clean.unmerge_restore_survivor(m customer_clean.merges, now_survivor jsonb) RETURNS jsonb
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id record;
    cols text;
    restored jsonb;
    differs text;
BEGIN
    PERFORM customer_clean.require_entry_point(m.tbl, 'unmerge_restore_survivor', 'unmerge');
    id := customer_clean.id_column(m.tbl);
    SELECT string_agg(format('%I = ($1->>%L)::%s', a.attname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ')
      INTO cols
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = m.tbl AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' AND a.attidentity = ''
       AND m.survivor_before->a.attname IS DISTINCT FROM now_survivor->a.attname;
    IF cols IS NOT NULL THEN
        EXECUTE format('UPDATE %s t SET %s WHERE t.%I = $2::%s', m.tbl, cols, id.name, id.sql_type)
            USING m.survivor_before, m.survivor_id;
    END IF;

    restored := customer_clean.row_images(m.tbl, ARRAY[m.survivor_id] || m.duplicate_ids);
    SELECT string_agg(format('row %s column %s', e.key, k), ', ' ORDER BY e.key, k) INTO differs
      FROM jsonb_each(jsonb_build_object(m.survivor_id, m.survivor_before)
                      || (SELECT jsonb_object_agg(h2.row_id, h2.row_data) FROM customer_clean.merge_history h2
                           WHERE h2.merge_id = m.merge_id)) e,
           LATERAL jsonb_object_keys(e.value) k
     WHERE restored->e.key->k IS DISTINCT FROM e.value->k;
    IF differs IS NOT NULL THEN
        RAISE EXCEPTION 'cannot undo merge % exactly: restored values differ from the history in %', m.merge_id, differs
            USING ERRCODE = '55000', HINT = 'a trigger on the table changed the restored rows; nothing was undone';
    END IF;
    RETURN restored;
END
$$;
COMMENT ON FUNCTION customer_clean.unmerge_restore_survivor(customer_clean.merges, jsonb) IS
  'Step 4 of unmerge: the survivor''s values from before the merge, and the check that every restored row is exact.';

-- Step 5 of unmerge: clusters and review decisions as they were before
-- merge `m`, match keys of the restored rows (`restored`, their images),
-- and the merge marked undone.
CREATE FUNCTION customer_clean.unmerge_restore_matching(m customer_clean.merges, now_survivor jsonb, restored jsonb) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM customer_clean.require_entry_point(m.tbl, 'unmerge_restore_matching', 'unmerge');
    INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_at, assigned_by)
    SELECT c.tbl, c.row_id, c.cluster_id, c.assigned_at, c.assigned_by
      FROM jsonb_populate_recordset(NULL::customer_clean.clusters, m.clusters_before) c
    ON CONFLICT (tbl, row_id) DO NOTHING;
    UPDATE customer_clean.review_queue q
       SET status = b.status, decided_at = b.decided_at, decided_by = b.decided_by, merge_id = b.merge_id, reason = b.reason
      FROM jsonb_populate_recordset(NULL::customer_clean.review_queue, m.review_before) b
     WHERE q.pair_id = b.pair_id AND q.merge_id = m.merge_id;
    DELETE FROM customer_clean.review_queue q WHERE q.merge_id = m.merge_id AND q.status = 'rejected';
    UPDATE customer_clean.review_queue q SET merge_id = NULL WHERE q.merge_id = m.merge_id;

    PERFORM customer_clean.update_match_keys(m.tbl, jsonb_build_array(now_survivor),
        (SELECT jsonb_agg(restored->k) FROM jsonb_object_keys(restored) k));
    UPDATE customer_clean.merges x SET unmerged_at = now(), unmerged_by = current_user WHERE x.merge_id = m.merge_id;
END
$$;
COMMENT ON FUNCTION customer_clean.unmerge_restore_matching(customer_clean.merges, jsonb, jsonb) IS
  'Step 5 of unmerge: clusters, review decisions and match keys as they were; the merge marked undone.';

-- Undoes merge `merge_id`: the merged rows come back byte for byte, the
-- rows of other tables point at them again, the survivor gets its values
-- from before the merge, clusters and review decisions return. Refuses,
-- saying what, when a later change makes an exact restore impossible.
-- The steps are the unmerge_* functions above.
CREATE OR REPLACE FUNCTION customer_clean.unmerge_body(merge_id bigint) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
-- Row images are text: read and written back in one fixed style, whatever
-- the session's, so that the text means the same value at unmerge time.
SET DateStyle = 'ISO, YMD' SET IntervalStyle = 'postgres' SET extra_float_digits = 3 SET bytea_output = 'hex'
AS $$
DECLARE
    m customer_clean.merges;
    id record;
    now_survivor jsonb;
BEGIN
    SELECT * INTO m FROM customer_clean.merges x WHERE x.merge_id = unmerge_body.merge_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no merge %', merge_id
            USING ERRCODE = 'P0002', HINT = 'merge ids are in customer_clean.merges';
    ELSIF m.unmerged_at IS NOT NULL THEN
        RAISE EXCEPTION 'merge % was already undone by %', merge_id, m.unmerged_by
            USING ERRCODE = '55000', HINT = 'customer_clean.merges has when; merge the rows again with customer_clean.merge() if needed';
    END IF;
    PERFORM customer_clean.require_entry_point(m.tbl, 'unmerge_body', 'unmerge');
    id := customer_clean.id_column(m.tbl);
    PERFORM customer_clean.share_catalog_lock(m.tbl);
    -- The survivor, locked, as it is now.
    EXECUTE format('SELECT %s FROM %s t WHERE t.%I = $1::%s FOR UPDATE', customer_clean.row_image_sql(m.tbl, 't'), m.tbl,
                   id.name, id.sql_type)
        INTO now_survivor USING m.survivor_id;

    PERFORM customer_clean.unmerge_check(m, now_survivor);
    PERFORM customer_clean.unmerge_restore_rows(m);
    PERFORM customer_clean.unmerge_repoint_references(m, now_survivor);
    PERFORM customer_clean.unmerge_restore_matching(m, now_survivor,
        customer_clean.unmerge_restore_survivor(m, now_survivor));
END
$$;

-- Row ids of any array type: the 0.1.0 text[] functions give way to
-- anycompatiblearray ones (sql/typed_ids.sql), which call the Rust
-- functions under their new names.
DROP FUNCTION customer_clean.cluster_probability(regclass, text[]);
DROP FUNCTION customer_clean.restore_archived(regclass, text[]);
DROP FUNCTION customer_clean.choose_survivor(regclass, text[]);
CREATE  FUNCTION "cluster_probability_text"(
	"tbl" regclass, /* Table */
	"row_ids" TEXT[] /* Vec < Option < String > > */
) RETURNS double precision /* Option < f64 > */
STRICT STABLE PARALLEL SAFE 
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'cluster_probability_wrapper';

CREATE  FUNCTION "restore_archived_text"(
	"tbl" regclass, /* Table */
	"row_ids" TEXT[] /* :: std :: option :: Option < Vec < Option < String > > > */
) RETURNS bigint /* i64 */
VOLATILE PARALLEL UNSAFE 
SET search_path TO pg_catalog, pg_temp
LANGUAGE c /* Rust */
AS 'MODULE_PATHNAME', 'restore_archived_wrapper';

-- The row merge_clusters() and approve() keep: the most complete (most
-- columns with a non-blank value), then the lowest id. The ids come in
-- any array type (text, integer, uuid…): anycompatiblearray, so that
-- '{1,2}' and NULL still resolve (to text[]).
CREATE FUNCTION customer_clean.choose_survivor(tbl regclass, row_ids anycompatiblearray) RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id record := customer_clean.id_column(tbl);
    result text;
BEGIN
    EXECUTE format('SELECT t.%1$I::text FROM %2$s t WHERE t.%1$I = ANY ($1::text[]::%3$s[])
                     ORDER BY (SELECT count(*) FROM jsonb_each_text(to_jsonb(t)) e WHERE btrim(e.value) <> %4$L) DESC, t.%1$I
                     LIMIT 1', id.name, tbl, id.sql_type, '')
        INTO result USING row_ids::text[];
    RETURN result;
END
$$;
-- Row ids in the id column's own type (sql/typed_ids.sql of 0.2.0, verbatim).
-- Row ids in the id column's own type (issue 17). The functions that take
-- row ids take them as text, the one form every id type has; with an
-- integer id column, `merge('crm.customers', 1, ARRAY[2, 3])` found no
-- function. These overloads take integer ids (smallint, integer and bigint
-- arguments all resolve to bigint) and pass them on as text; results give
-- ids as text, as before. Literals in quotes ('1') still resolve to the
-- text functions, since PostgreSQL prefers text for them.
--
-- The functions whose only ids are an array (cluster_probability,
-- restore_archived, and choose_survivor in sql/merge.sql) take
-- anycompatiblearray instead, one function for every id type: beside a
-- text[] form, an integer[] one would make `'{1,2}'` and NULL fit both,
-- and PostgreSQL could not choose; a lone anycompatiblearray resolves
-- them to text[]. They pass the ids on as text to the Rust functions
-- cluster_probability_text and restore_archived_text.
--
-- Other scalar id types (uuid, numeric, dates) pass as text, e.g. `id::text`.
-- Loaded into the extension script by extension_sql_file! (src/lib.rs).

CREATE FUNCTION customer_clean.cluster_probability(tbl regclass, row_ids anycompatiblearray) RETURNS float8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.cluster_probability_text(tbl, row_ids::text[]) $$;

CREATE FUNCTION customer_clean.restore_archived(tbl regclass, row_ids anycompatiblearray DEFAULT NULL::text[]) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.restore_archived_text(tbl, row_ids::text[]) $$;

CREATE FUNCTION customer_clean.merge(tbl regclass, survivor_id bigint, duplicate_ids bigint[]) RETURNS bigint
LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.merge(tbl, survivor_id::text, duplicate_ids::text[]) $$;

CREATE FUNCTION customer_clean.preview_merge(tbl regclass, survivor_id bigint, duplicate_ids bigint[])
RETURNS TABLE (column_name text, value text, rule text, from_row_id text, changed boolean, survivor_value text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$ SELECT * FROM customer_clean.preview_merge(tbl, survivor_id::text, duplicate_ids::text[]) $$;

CREATE FUNCTION customer_clean.golden_record(tbl regclass, survivor_id bigint, duplicate_ids bigint[]) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.golden_record(tbl, survivor_id::text, duplicate_ids::text[]) $$;

CREATE FUNCTION customer_clean.match_probability(tbl regclass, a_id bigint, b_id bigint) RETURNS float8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.match_probability(tbl, a_id::text, b_id::text) $$;

CREATE FUNCTION customer_clean.explain_match(tbl regclass, a_id bigint, b_id bigint) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.explain_match(tbl, a_id::text, b_id::text) $$;

CREATE FUNCTION customer_clean.quality_score(tbl regclass, row_id bigint) RETURNS numeric
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.quality_score(tbl, row_id::text) $$;

CREATE FUNCTION customer_clean.quality_details(tbl regclass, row_id bigint) RETURNS jsonb
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.quality_details(tbl, row_id::text) $$;

CREATE FUNCTION customer_clean.forget(tbl regclass, row_id bigint) RETURNS jsonb
LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.forget(tbl, row_id::text) $$;

COMMENT ON FUNCTION customer_clean.cluster_probability(regclass, anycompatiblearray) IS
  'How surely rows are one customer: the weakest of each row''s best match probability with another of them.';
COMMENT ON FUNCTION customer_clean.restore_archived(regclass, anycompatiblearray) IS
  'Puts archived rows of the table back exactly as they were (all, or those of row_ids).';
COMMENT ON FUNCTION customer_clean.merge(regclass, bigint, bigint[]) IS 'merge() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.preview_merge(regclass, bigint, bigint[]) IS 'preview_merge() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.golden_record(regclass, bigint, bigint[]) IS 'golden_record() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.match_probability(regclass, bigint, bigint) IS 'match_probability() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.explain_match(regclass, bigint, bigint) IS 'explain_match() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.quality_score(regclass, bigint) IS 'quality_score() with an integer row id (passed on as text).';
COMMENT ON FUNCTION customer_clean.quality_details(regclass, bigint) IS 'quality_details() with an integer row id (passed on as text).';
COMMENT ON FUNCTION customer_clean.forget(regclass, bigint) IS 'forget() with an integer row id (passed on as text).';

-- 5. Who reads and writes the catalog (sql/access.sql of 0.2.0, verbatim).
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

-- 6. Descriptions: those of 0.2.0's SQL, then of every Rust function
-- (sql/comments.sql of 0.2.0).
COMMENT ON TABLE customer_clean.profiles IS
  'One row per customer table: the role of each column (register()), options, and the cleaning mode (enable_cleaning()).';
COMMENT ON TABLE customer_clean.rules IS
  'Validation rules per table and column: required, regex, allowed_values, range, length, format, cross_field.';
COMMENT ON TABLE customer_clean.issues IS
  'Problems found in stored customer rows, one per column and problem; replaced on every write of the row.';
COMMENT ON TABLE customer_clean.changes IS
  'Values changed by cleaning: the original and the normalized value of each changed column.';
COMMENT ON TABLE customer_clean.quarantine IS
  'Rows that failed their table''s rules in quarantine mode, kept whole until release_quarantine().';
COMMENT ON TABLE customer_clean.clean_table_runs IS
  'Runs of clean_table(): progress (resumed after a cancel) and a summary of what each run changed.';
COMMENT ON TABLE customer_clean.erasures IS
  'Erasures of customers (forget) and journal retention (purge_journal): what was removed, as counts.';
COMMENT ON TABLE customer_clean.models IS
  'Fellegi-Sunter model per customer table (train()): m and u per comparison level, prior, name frequencies.';
COMMENT ON TABLE customer_clean.match_keys IS
  'Match keys (hashes of phone, e-mail, ID, name + birth year, ...) of each row, one row per key, indexed for match_row().';
COMMENT ON TABLE customer_clean.clusters IS
  'Rows found to be the same customer (dedupe(), match_on_insert): one row per member of a cluster of two or more.';
COMMENT ON TABLE customer_clean.review_queue IS
  'Candidate duplicate pairs for a steward: uncertain pairs and probable pairs clustering kept apart; rejected pairs are never clustered.';
COMMENT ON FUNCTION customer_clean.match_on_insert() IS
  'AFTER INSERT statement trigger of enable_cleaning(..., match_on_insert => true): matches the new rows.';
COMMENT ON PROCEDURE customer_clean.clean_table(regclass, integer, jsonb) IS
  'Cleans the rows a registered table already has, in batches that each commit; resumes an unfinished run.';
COMMENT ON TABLE customer_clean.merges IS
  'One row per merge: survivor, duplicates, the rule behind each golden value, the survivor before and after, who and when; unmerge() marks it undone.';
COMMENT ON TABLE customer_clean.merge_history IS
  'Every row removed by a merge, whole, with the rows of other tables that pointed at it; unmerge() puts them back.';
COMMENT ON FUNCTION customer_clean.share_catalog_lock(regclass) IS
  'Takes the shared advisory lock that orders merges, match_on_insert and dedupe on one table.';
COMMENT ON FUNCTION customer_clean.require_entry_point(regclass, text, text) IS
  'Refuses (42501) unless an entry point of the extension is running the given body for the table.';
COMMENT ON FUNCTION customer_clean.id_column(regclass) IS
  'The id column of a registered table and its SQL type (22023 when the table is not registered).';
COMMENT ON FUNCTION customer_clean.row_image_sql(regclass, text) IS
  'SQL expression for a row of the table as jsonb, column -> value as text (exact; used by merge history).';
COMMENT ON FUNCTION customer_clean.row_images(regclass, text[]) IS
  'Rows of a registered table by id, each as column -> value as text (the images merge history keeps).';
COMMENT ON FUNCTION customer_clean.row_as_jsonb(regclass, text) IS
  'A row of a registered table, by id, as jsonb (NULL when there is none).';
COMMENT ON FUNCTION customer_clean.referencing_keys(regclass) IS
  'What refers to a table: foreign keys (single- and multi-column, any schema) and the references its profile declares, with the referencing table''s primary key.';
COMMENT ON FUNCTION customer_clean.repoint_references(regclass, text, text[]) IS
  'Moves the rows of every referencing table from the duplicates to the survivor; returns what it moved, per duplicate.';
COMMENT ON FUNCTION customer_clean.merge_body(regclass, text, text[]) IS
  'Merges duplicate rows into a survivor: golden values by survivorship, foreign keys re-pointed, every row kept in merge_history.';
COMMENT ON FUNCTION customer_clean.preview_merge(regclass, text, text[]) IS
  'The golden record merge() would write, column by column, with the rule that chose each value; changes nothing.';
COMMENT ON FUNCTION customer_clean.unmerge_body(bigint) IS
  'Undoes a merge exactly: merged rows, re-pointed foreign keys, the survivor''s values, clusters and review decisions.';
COMMENT ON FUNCTION customer_clean.choose_survivor(regclass, anycompatiblearray) IS
  'The row a cluster merge keeps: most non-blank columns, then lowest id.';
COMMENT ON FUNCTION customer_clean.pending_pair(bigint) IS
  'A review pair that is still pending, locked for a decision (P0002 unknown, 55000 decided).';
COMMENT ON FUNCTION customer_clean.approve_body(bigint, boolean) IS
  'A steward''s "same customer" for a review pair: merges the two rows (or, with merge_rows => false, clusters them).';
COMMENT ON FUNCTION customer_clean.reject_body(bigint) IS
  'A steward''s "not the same customer" for a review pair; never proposed or merged again.';
COMMENT ON VIEW customer_clean.review_pending IS
  'Review pairs waiting for a steward, most probable first, both rows side by side.';
COMMENT ON FUNCTION customer_clean.merge_clusters_batch_body(regclass, float8, integer, jsonb) IS
  'One batch of merge_clusters() (internal; call merge_clusters).';
COMMENT ON PROCEDURE customer_clean.merge_clusters(regclass, float8, integer, jsonb) IS
  'Merges every cluster above a probability into its most complete row, committing per batch; restartable.';
COMMENT ON TABLE customer_clean.quality_history IS
  'quality_report() of a table at each snapshot_quality(): one row per dimension and column.';
COMMENT ON TABLE customer_clean.quality_breaches IS
  'Report lines of a snapshot that missed their target (also sent with NOTIFY customer_clean_quality).';
COMMENT ON FUNCTION customer_clean.snapshot_quality_body(regclass) IS
  'Appends the quality report to quality_history; lines below target go to quality_breaches and NOTIFY customer_clean_quality.';
COMMENT ON VIEW customer_clean.quality_trend IS
  'Every snapshot line with its change since the previous snapshot of the same table, dimension and column.';
COMMENT ON TABLE customer_clean.archive IS
  'Stale rows archived by archive_stale(), whole, until restore_archived() puts them back.';
COMMENT ON FUNCTION customer_clean.updated_at_column(regclass) IS
  'The column playing the updated_at role of a registered table (55000 when there is none).';
COMMENT ON FUNCTION customer_clean.stale_customers(regclass, integer) IS
  'Rows not updated within the window (or never), oldest first.';
COMMENT ON FUNCTION customer_clean.archive_stale_body(regclass, integer) IS
  'Moves rows not updated within the window to customer_clean.archive, whole; restore_archived() puts them back.';
COMMENT ON FUNCTION customer_clean.restore_archived_body(regclass, text[]) IS
  'Puts archived rows back into their table exactly as they were (all, or the given ids).';
COMMENT ON FUNCTION customer_clean.quality_report_text(regclass) IS
  'quality_report() as aligned text with a bar per line against its target, for psql.';
COMMENT ON FUNCTION customer_clean.merge(regclass, bigint, bigint[]) IS 'merge() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.preview_merge(regclass, bigint, bigint[]) IS 'preview_merge() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.golden_record(regclass, bigint, bigint[]) IS 'golden_record() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.match_probability(regclass, bigint, bigint) IS 'match_probability() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.explain_match(regclass, bigint, bigint) IS 'explain_match() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.quality_score(regclass, bigint) IS 'quality_score() with an integer row id (passed on as text).';
COMMENT ON FUNCTION customer_clean.quality_details(regclass, bigint) IS 'quality_details() with an integer row id (passed on as text).';
COMMENT ON FUNCTION customer_clean.forget(regclass, bigint) IS 'forget() with an integer row id (passed on as text).';
COMMENT ON FUNCTION customer_clean.image_visible(regclass, jsonb) IS
  'Whether the current role could see a row image of a table (merged away, archived, quarantined) under its row-level security.';
COMMENT ON FUNCTION customer_clean.sees_all_rows(regclass) IS
  'Whether the current role may SELECT a table and no row-level security hides any of its rows.';
COMMENT ON FUNCTION customer_clean.owns_table(regclass) IS
  'Whether the current role owns a table (or has its owning role''s rights).';

-- Descriptions of the Rust functions (COMMENT ON), from the first
-- sentence of each one's doc comment in src/*.rs. Generated by
-- scripts/gen_comments.py; do not edit. Loaded last (src/lib.rs).
DO $$
DECLARE
    d record;
    f record;
BEGIN
    FOR d IN SELECT * FROM (VALUES
    ('address_parts', 'The components of the address as jsonb.'),
    ('approve', 'A steward''s "same customer" for review pair pair_id (approve_body).'),
    ('archive_stale', 'Moves the rows of tbl not updated within days days to customer_clean.archive (archive_stale_body); returns how many.'),
    ('clean_on_write', 'The row trigger installed by enable_cleaning: BEFORE INSERT OR UPDATE OR DELETE, FOR EACH ROW.'),
    ('clean_on_write_flush', 'The AFTER INSERT OR UPDATE OR DELETE statement trigger installed next to clean_on_write by enable_cleaning: writes what the statement''s rows recorded.'),
    ('clean_table_batch', 'Cleans the next batch of run run_id and returns the run''s summary so far (finished is true once every row was seen).'),
    ('clean_table_start', 'Starts a run of clean_table over tbl, or returns the unfinished run of tbl to resume it.'),
    ('cluster_probability_text', 'The work of cluster_probability() with the row ids as text: how surely the rows row_ids of tbl are one customer.'),
    ('cn_id_check', 'GB 11643 check of a Chinese resident ID, compared with birth_date and gender when they are not NULL: {valid, problems[], normalized, legacy, birth_date, gender, region_code, region_name}.'),
    ('damerau_levenshtein', 'True (unrestricted) Damerau-Levenshtein distance in characters.'),
    ('dedupe', 'Deduplicates tbl: clusters pairs at least min_probability likely into customer_clean.clusters, puts uncertain pairs (and probable pairs clustering kept apart) into customer_clean.review_queue, and stores every row''s match keys for match_row; with incremental, keeps a state and, when it can, works on what changed since the last such run.'),
    ('disable_cleaning', 'Removes the cleaning triggers from tbl; the profile and rules stay.'),
    ('double_metaphone', 'Double Metaphone codes {primary, alternate}; NULL without letters.'),
    ('email_check', 'What is wrong with an e-mail address, as jsonb {valid, problems[{code, message}], suggestion, normalized}; with disposable_is_problem, addresses at disposable-mailbox services are invalid too.'),
    ('email_match_key', 'The key two spellings of one mailbox share (provider rules applied).'),
    ('enable_cleaning', 'Installs the cleaning trigger on tbl (registered first) and sets what happens to rows with errors: reject, flag (default) or quarantine.'),
    ('explain_match', 'Each field''s level, m, u and weight for rows a_id and b_id, the prior, the total match weight and the probability.'),
    ('find_duplicates', 'Every pair of rows of tbl at least min_probability likely to be the same customer (pairs are not clustered; see dedupe).'),
    ('forget', 'Erases customer row_id of tbl: deletes the row (with the caller''s rights, so foreign keys and the table''s triggers apply) and every copy of its values, and of the rows merged into it, that the extension keeps.'),
    ('golden_record', 'The golden record that merging the rows duplicate_ids of tbl into the row survivor_id gives, without changing anything: a jsonb array with one element per column of the table, in table order, {column, value, rule, row_id, changed, survivor_value[, fixed]} — the surviving value as text, the survivorship rule that chose it, the row it comes from, whether it differs from the survivor''s value (and that value), and why the column keeps the survivor''s value whatever its rule.'),
    ('in_sample', 'Whether train''s sample with seed and threshold (see RowSample::parts) keeps the row with id id: the filter train adds to its read, so that the sample is drawn where the rows are (on the workers of a Citus table).'),
    ('erase_journal_here', 'What forget and purge_journal remove on every node of a Citus cluster: the journal, issues and quarantine entries of tbl (a name, resolved on this node) that the cleaning triggers on this node''s shards recorded — those of row_ids, or (with row_ids NULL) those older than older_than.'),
    ('invalidate_profile_cache', 'AFTER INSERT OR UPDATE OR DELETE row trigger (and AFTER TRUNCATE statement trigger) on customer_clean.profiles and .rules: queues a relcache invalidation of the customer table the row belongs to (old and new), which empties every backend''s cached compiled profile of it (see the module comment).'),
    ('invalidate_shard_profiles', 'AFTER INSERT OR UPDATE OR DELETE row trigger on customer_clean.distributed_profiles (fired on every node''s placement): a changed copy empties the compiled profiles of every backend of the node, since which shards it serves is not worth working out for a change as rare as a profile''s.'),
    ('is_valid_email', 'Whether input is a usable e-mail address (syntax, domain, existing top-level domain); NULL for blank input.'),
    ('is_valid_phone', 'Whether input is a valid phone number for region (libphonenumber''s isValidNumber); NULL for blank input.'),
    ('jaro', 'Jaro similarity in [0, 1].'),
    ('jaro_winkler', 'Jaro-Winkler similarity in [0, 1].'),
    ('levenshtein', 'Levenshtein distance in characters.'),
    ('levenshtein_similarity', 'Levenshtein similarity in [0, 1]: 1 − levenshtein / longer length; 1.0 for two empty strings.'),
    ('lifecycle_stage', 'The customer''s lifecycle stage on as_of: prospect, new, active, silent or churned (see the engine for the rules); NULL when as_of is NULL.'),
    ('mask_cn_id', 'The Chinese resident ID masked for display, keeping the region code and the last four characters: 110105********0017.'),
    ('mask_email', 'The e-mail address masked for display, keeping the first character of the local part and the domain: z***@example.com.'),
    ('mask_name', 'The name masked for display, keeping the first character of each word: 张*, J*** S****.'),
    ('mask_phone', 'The phone number masked for display, keeping the country code, first three and last four digits: +86138****5678.'),
    ('match_entries', 'The entries of one row of tbl for run run (see engine::matching::distributed::entries): row_values are the values of the profile''s matching roles, in the order dedupe reads them.'),
    ('match_new_rows', 'The work of the match_on_insert trigger: for each new row of tbl (rows, a jsonb array of the inserted rows), stores its match keys, scores the rows sharing a key with it, puts it in the cluster of its best match when that pair is at least min_probability likely (and something personal agrees), and puts uncertain pairs in the review queue — all inside the inserting transaction.'),
    ('match_pending', 'Matches the rows of the Citus table tbl that match_on_insert queued (at most max_rows, in id order), as one node''s match_on_insert matches them in the inserting statement: their match entries are written on the workers, and each row joins the cluster of its best match at least min_probability likely, or its pairs at least review_probability likely go to the review queue.'),
    ('match_probability', 'Probability that rows a_id and b_id of tbl are the same customer.'),
    ('match_row', 'Rows of tbl likely to be the same customer as row (a row that need not be in the table, as jsonb keyed by column name), most probable first.'),
    ('may_write_catalog', 'Whether an entry point of the extension is writing tbl''s history now.'),
    ('merge', 'Merges the rows duplicate_ids of tbl into the row survivor_id; returns the merge id (merge_body in sql/merge.sql does the work).'),
    ('merge_clusters_batch', 'One batch of CALL merge_clusters (merge_clusters_batch_body).'),
    ('metaphone', 'Metaphone code (at most 4 characters); NULL without letters.'),
    ('name_parts', 'The parts of a personal name as jsonb {given, middle, family, script}.'),
    ('name_similarity', 'Order-insensitive similarity of two personal names in [0, 1]; NULL when either is not a name (no letters, or longer than 4096 bytes).'),
    ('normalize_address', 'The address in the country''s standard form (CN: full division names; US: USPS Publication 28); NULL for blank input.'),
    ('normalize_country', 'ISO 3166-1 alpha-2 code from a code, an English or Chinese name or a common alias; NULL when unknown.'),
    ('normalize_date', 'The date in input, reading an ambiguous day/month order by the GUC customer_clean.date_order; NULL when it is not a real date.'),
    ('normalize_email', 'Trimmed, NFKC, lower-case address; NULL when it is not an address.'),
    ('normalize_name', 'Title case that keeps particles and prefixes for Latin names; CJK names without inner spaces; NULL when there is no name.'),
    ('normalize_phone', 'E.164 form of a valid number; NULL when it is not a valid number.'),
    ('normalize_postcode', 'Postcode in the country''s standard form; NULL when it does not fit the country''s format.'),
    ('normalize_text', 'NFKC, full-width to half-width, control and zero-width characters removed, whitespace collapsed and trimmed; NULL when nothing is left.'),
    ('phone_info', 'What a phone number is, as jsonb: e164, international, national, country_code, region, type, valid, reason; NULL only for blank input.'),
    ('pinyin', 'Toneless lower-case pinyin, syllables separated by spaces.'),
    ('purge_journal', 'Retention for tbl''s journal: removes the changes recorded, the issues found and the quarantine entries released more than older_than ago.'),
    ('qgram_similarity', 'Q-gram similarity in [0, 1]: the Dice coefficient of the padded q-gram multisets.'),
    ('quality_details', 'The row''s score, its score per dimension and each problem: missing, invalid, inconsistent, stale, and duplicated (in a cluster, or an identifier another row has too).'),
    ('quality_issues', 'The rows behind a line of the report: those failing dimension (in column_name, or any column when NULL), with the problem and value.'),
    ('quality_report', 'The table''s quality per dimension and column against its targets; values are fractions in [0, 1] (see docs/functions.md).'),
    ('quality_score', 'The row''s quality score, 0–100 (weighted mean of its dimensions).'),
    ('quality_tally_step', 'Step of the aggregate quality_tally(tbl, values): adds one row (values: its layout columns as text, as select_rows reads them) to the partial counts of tbl''s quality.'),
    ('quality_tally_combine', 'Combine function of quality_tally: the sum of two partial counts.'),
    ('queue_for_matching', 'The AFTER INSERT row trigger of match_on_insert on a Citus table (installed by enable_cleaning, copied by Citus to every shard): queues the new row''s id on its node.'),
    ('register', 'Records which column of tbl plays which role and creates the default rules for those roles.'),
    ('reject', 'A steward''s "not the same customer" for review pair pair_id (reject_body).'),
    ('release_quarantine', 'Writes a quarantined row back into its table, through the cleaning trigger again: corrections (column → value) are applied first.'),
    ('require_owner', 'require_table_owner for the extension''s procedures (which check before reading anything): raises 42501 unless the current role owns tbl, naming the procedure caller; true otherwise.'),
    ('require_privileges', 'require_table_privileges for the extension''s SQL and PL/pgSQL functions: raises 42501 unless the current role has every privilege of privileges (names: SELECT, INSERT, UPDATE, DELETE) on tbl, naming the function caller; true otherwise.'),
    ('restore_archived_text', 'The entry point of restore_archived() with the row ids as text: puts archived rows of tbl back exactly (all, or those of row_ids), past the cleaning trigger as they were stored (restore_archived_body).'),
    ('row_visible', 'Whether the current role sees row row_id of registered table tbl: it may SELECT the table and, when row-level security applies to it there, the row is in the table and passes its policies.'),
    ('score_block', 'Scores the block of key for run run of tbl (see engine::matching::distributed::BlockScorer): row_ids and records are its entries in the table''s row order; model the table''s model as text, rows the table''s row count, oversized the keys over their block limit (8 bytes each, big-endian), names how many rows carry each name on two rows or more (its hash, 8 bytes, and its count, 4 bytes, big-endian; a name not there counts 1).'),
    ('snapshot_quality', 'Appends the quality report of tbl to customer_clean.quality_history; returns the snapshot id (snapshot_quality_body).'),
    ('soundex', 'American Soundex code; NULL when the input has no letters.'),
    ('token_set_similarity', 'Token set similarity in [0, 1]: rapidfuzz''s token set ratio / 100.'),
    ('train', 'Learns the match model of tbl from its rows and stores it in customer_clean.models (replacing the previous one).'),
    ('undo_change', 'Puts back the values change change_id of customer_clean.changes replaced, if the row still holds what cleaning wrote; marks the change undone.'),
    ('unmerge', 'Undoes merge merge_id exactly, or refuses saying why (unmerge_body).'),
    ('unregister', 'Forgets tbl''s profile, rules and model, after removing its cleaning trigger.'),
    ('update_match_keys', 'Keeps the match keys of tbl current when rows change outside the cleaning trigger (merge and unmerge call it): removes the keys of old_rows and stores those of new_rows (jsonb arrays of rows keyed by column name, e.g. jsonb_build_array(to_jsonb(t))).'),
    ('validate', 'The problems of row (a jsonb object of column → value, as the row would be written) under tbl''s profile and rules, after normalization: [{column, code, severity, message, value, rule_id}].'),
    ('version', 'The extension''s version, the PostgreSQL major version it was built for, and the sources and versions of its reference data, as jsonb.')
    ) AS v(name, description) LOOP
        FOR f IN SELECT p.oid::pg_catalog.regprocedure AS signature, p.prokind
                   FROM pg_catalog.pg_proc p
                  WHERE p.pronamespace OPERATOR(pg_catalog.=) 'customer_clean'::pg_catalog.regnamespace
                    AND p.proname OPERATOR(pg_catalog.=) d.name
                    AND pg_catalog.obj_description(p.oid, 'pg_proc') IS NULL LOOP
            EXECUTE pg_catalog.format('COMMENT ON %s %s IS %L',
                                      CASE f.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                                      f.signature, d.description);
        END LOOP;
    END LOOP;
END
$$;
