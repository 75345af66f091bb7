-- customer_clean merge (docs/functions.md, "Merge"): golden records, history, unmerge and
-- the review queue's decisions.
-- Loaded into the extension script by extension_sql_file! (src/lib.rs).
--
-- How a merge keeps everything (merge() below):
--   * every merged row, whole, in merge_history.row_data as column -> the
--     value's text, exactly as its type prints it, so unmerge() casts it
--     back to the very same value (jsonb numbers, json, arrays, timestamps
--     and bytea would all risk a lossy round trip through to_jsonb);
--   * the survivor before and after (merges.survivor_before / _after);
--   * each row of another table that pointed at a merged row, with its
--     key, in merge_history.referencing;
--   * the clusters and review-queue rows the merge changed.
-- unmerge() restores all of it, or refuses and says what changed since.

CREATE TABLE customer_clean.merges (
    merge_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl             regclass NOT NULL,
    survivor_id     text NOT NULL,
    duplicate_ids   text[] NOT NULL,
    decisions       jsonb NOT NULL,            -- golden_record(): per column the value, rule and source row
    survivor_before jsonb NOT NULL,            -- the survivor's row before the merge (column -> text)
    survivor_after  jsonb,                     -- ... and after it
    clusters_before jsonb NOT NULL DEFAULT '[]',  -- cluster rows of the merged rows before the merge
    review_before   jsonb NOT NULL DEFAULT '[]',  -- review-queue rows the merge changed, as they were
    merged_via      text NOT NULL DEFAULT 'merge' CHECK (merged_via IN ('merge', 'approve', 'merge_clusters')),
    merged_at       timestamptz NOT NULL DEFAULT now(),
    merged_by       name NOT NULL DEFAULT current_user,
    unmerged_at     timestamptz,
    unmerged_by     name
);
CREATE INDEX ON customer_clean.merges (tbl, survivor_id);
COMMENT ON TABLE customer_clean.merges IS
  'One row per merge: survivor, duplicates, the rule behind each golden value, the survivor before and after, who and when; unmerge() marks it undone.';

CREATE TABLE customer_clean.merge_history (
    merge_id    bigint NOT NULL,               -- merges.merge_id, written with it (no foreign key: see rules)
    tbl         regclass NOT NULL,
    row_id      text NOT NULL,
    row_data    jsonb NOT NULL,                -- the whole row: column -> value as text, as its type prints it
    referencing jsonb NOT NULL DEFAULT '[]',   -- rows of other tables re-pointed from this row to the survivor
    PRIMARY KEY (merge_id, row_id)
);
CREATE INDEX ON customer_clean.merge_history (tbl, row_id);
COMMENT ON TABLE customer_clean.merge_history IS
  'Every row removed by a merge, whole, with the rows of other tables that pointed at it; unmerge() puts them back.';

SELECT pg_catalog.pg_extension_config_dump('customer_clean.merges', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.merges_merge_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.merge_history', '');

-- Shares the advisory lock that orders the writers of `tbl`'s clusters
-- and review queue (dedupe takes it exclusively; see lock_catalog in
-- src/matching.rs for the key). Without it a merge and a dedupe
-- deadlocked on clusters rows.
CREATE FUNCTION customer_clean.share_catalog_lock(tbl regclass) RETURNS void
LANGUAGE sql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.pg_advisory_xact_lock_shared((x'63635f63'::bigint << 32) | tbl::oid::bigint)
$$;
COMMENT ON FUNCTION customer_clean.share_catalog_lock(regclass) IS
  'Takes the shared advisory lock that orders merges, match_on_insert and dedupe on one table.';

-- Raises 42501 unless an entry point of the extension (src/merge.rs,
-- src/quality.rs) has opened the history of `tbl` for writing: the
-- `*_body` functions (and repoint_references) do their work only as
-- part of those calls; the HINT names the entry point to call.
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
COMMENT ON FUNCTION customer_clean.require_entry_point(regclass, text, text) IS
  'Refuses (42501) unless an entry point of the extension is running the given body for the table.';

-- The id column of registered table `tbl` and its type; 22023 when the
-- table is not registered.
CREATE FUNCTION customer_clean.id_column(tbl regclass, OUT name text, OUT sql_type text)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    SELECT a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod)
      INTO name, sql_type
      FROM customer_clean.profiles p
      JOIN pg_catalog.pg_attribute a ON a.attrelid = p.tbl AND a.attname = p.columns->>'id'
     WHERE p.tbl = id_column.tbl AND NOT a.attisdropped;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'table % is not registered with customer_clean', tbl
            USING ERRCODE = '22023', HINT = 'call customer_clean.register(tbl, columns) first';
    END IF;
END
$$;
COMMENT ON FUNCTION customer_clean.id_column(regclass) IS
  'The id column of a registered table and its SQL type (22023 when the table is not registered).';

-- An expression giving the whole row `alias` of `tbl` as jsonb, column ->
-- value as text (the type's output, which its input reads back exactly).
-- jsonb_build_object takes at most 100 arguments: 50 columns per call.
CREATE FUNCTION customer_clean.row_image_sql(tbl regclass, alias text) RETURNS text
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(string_agg(part, ' || ' ORDER BY chunk), '''{}''::jsonb')
      FROM (SELECT chunk, format('jsonb_build_object(%s)',
                   string_agg(format('%L, %I.%I::text', attname, alias, attname), ', ' ORDER BY attnum)) AS part
              FROM (SELECT attname, attnum, (row_number() OVER (ORDER BY attnum) - 1) / 50 AS chunk
                      FROM pg_catalog.pg_attribute
                     WHERE attrelid = tbl AND attnum > 0 AND NOT attisdropped) a
             GROUP BY chunk) c
$$;
COMMENT ON FUNCTION customer_clean.row_image_sql(regclass, text) IS
  'SQL expression for a row of the table as jsonb, column -> value as text (exact; used by merge history).';

-- The images (row_image_sql) of the rows `row_ids` of registered table
-- `tbl`, keyed by id; rows that do not exist are left out. Merge and
-- unmerge call it with their DateStyle pinned.
CREATE FUNCTION customer_clean.row_images(tbl regclass, row_ids text[]) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id record := customer_clean.id_column(tbl);
    result jsonb;
BEGIN
    EXECUTE format('SELECT coalesce(jsonb_object_agg(t.%I::text, %s), ''{}'') FROM %s t WHERE t.%I = ANY ($1::text[]::%s[])',
                   id.name, customer_clean.row_image_sql(tbl, 't'), tbl, id.name, id.sql_type)
        INTO result USING row_ids;
    RETURN result;
END
$$;
COMMENT ON FUNCTION customer_clean.row_images(regclass, text[]) IS
  'Rows of a registered table by id, each as column -> value as text (the images merge history keeps).';

-- The row `row_id` of registered table `tbl` as to_jsonb; NULL if none.
CREATE FUNCTION customer_clean.row_as_jsonb(tbl regclass, row_id text) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id record := customer_clean.id_column(tbl);
    result jsonb;
BEGIN
    EXECUTE format('SELECT to_jsonb(t) FROM %s t WHERE t.%I = $1::%s', tbl, id.name, id.sql_type)
        INTO result USING row_id;
    RETURN result;
END
$$;
COMMENT ON FUNCTION customer_clean.row_as_jsonb(regclass, text) IS
  'A row of a registered table, by id, as jsonb (NULL when there is none).';

-- What refers to `tbl`, in a fixed order (so concurrent merges touch
-- referencing tables in the same order): its foreign keys, and the
-- references its profile declares for tables that cannot have one (Citus
-- reference tables and distributed tables not co-located with it; the
-- `references` option, checked by register), named "declared (columns)".
-- For each: the referencing table, its columns and their types, the
-- referenced columns, and the referencing table's primary key (NULL: none;
-- rows are then found by their content). A declared table that no longer
-- exists refers to nothing.
CREATE FUNCTION customer_clean.referencing_keys(tbl regclass)
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
COMMENT ON FUNCTION customer_clean.referencing_keys(regclass) IS
  'What refers to a table: foreign keys (single- and multi-column, any schema) and the references its profile declares, with the referencing table''s primary key.';

-- Re-points every row of every table that refers to one of the rows
-- `duplicate_ids` of `tbl` to the row `survivor_id`; returns, per
-- duplicate id, the rows it moved: [{constraint, table, key, row}], `key`
-- being the moved row's primary key (or, without one, the whole row as
-- text). Rows of `tbl` itself that are being merged are not listed: their
-- images in the merge history restore them.
CREATE FUNCTION customer_clean.repoint_references(tbl regclass, survivor_id text, duplicate_ids text[]) RETURNS jsonb
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
COMMENT ON FUNCTION customer_clean.repoint_references(regclass, text, text[]) IS
  'Moves the rows of every referencing table from the duplicates to the survivor; returns what it moved, per duplicate.';

-- Merges the rows `duplicate_ids` of `tbl` into the row `survivor_id`, in
-- the calling transaction; returns the merge id. See the file comment and
-- docs/functions.md.
CREATE FUNCTION customer_clean.merge_body(tbl regclass, survivor_id text, duplicate_ids text[]) RETURNS bigint
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
COMMENT ON FUNCTION customer_clean.merge_body(regclass, text, text[]) IS
  'Merges duplicate rows into a survivor: golden values by survivorship, foreign keys re-pointed, every row kept in merge_history.';

-- What merge() would make of the rows, without changing anything.
CREATE FUNCTION customer_clean.preview_merge(tbl regclass, survivor_id text, duplicate_ids text[])
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
COMMENT ON FUNCTION customer_clean.preview_merge(regclass, text, text[]) IS
  'The golden record merge() would write, column by column, with the rule that chose each value; changes nothing.';

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
CREATE FUNCTION customer_clean.unmerge_body(merge_id bigint) RETURNS void
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
COMMENT ON FUNCTION customer_clean.unmerge_body(bigint) IS
  'Undoes a merge exactly: merged rows, re-pointed foreign keys, the survivor''s values, clusters and review decisions.';

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
COMMENT ON FUNCTION customer_clean.choose_survivor(regclass, anycompatiblearray) IS
  'The row a cluster merge keeps: most non-blank columns, then lowest id.';

-- The review pair `pair_id`, locked; P0002 when there is none, 55000 when
-- a steward already decided it.
CREATE FUNCTION customer_clean.pending_pair(pair_id bigint) RETURNS customer_clean.review_queue
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    q customer_clean.review_queue;
BEGIN
    SELECT * INTO q FROM customer_clean.review_queue x WHERE x.pair_id = pending_pair.pair_id;
    IF FOUND THEN
        -- the catalog lock before the row lock, in that order everywhere
        PERFORM customer_clean.share_catalog_lock(q.tbl);
        SELECT * INTO q FROM customer_clean.review_queue x WHERE x.pair_id = pending_pair.pair_id FOR UPDATE;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no review pair %', pair_id
            USING ERRCODE = 'P0002', HINT = 'pending pairs are listed in customer_clean.review_pending';
    ELSIF q.status <> 'pending' THEN
        RAISE EXCEPTION 'review pair % was already decided: % by %', pair_id, q.status, q.decided_by
            USING ERRCODE = '55000',
                  HINT = CASE WHEN q.status = 'approved' AND q.merge_id IS NOT NULL
                              THEN format('undo merge %s with customer_clean.unmerge(%s) first', q.merge_id, q.merge_id)
                              ELSE 'pending pairs are listed in customer_clean.review_pending' END;
    END IF;
    RETURN q;
END
$$;
COMMENT ON FUNCTION customer_clean.pending_pair(bigint) IS
  'A review pair that is still pending, locked for a decision (P0002 unknown, 55000 decided).';

-- A steward's "same customer": merges the pair (or only puts both rows in
-- one cluster) and records the decision.
CREATE FUNCTION customer_clean.approve_body(pair_id bigint, merge_rows boolean) RETURNS bigint
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
COMMENT ON FUNCTION customer_clean.approve_body(bigint, boolean) IS
  'A steward''s "same customer" for a review pair: merges the two rows (or, with merge_rows => false, clusters them).';

-- A steward's "not the same customer": dedupe, match_row, merge_clusters
-- and match_on_insert keep the two rows apart from now on.
CREATE FUNCTION customer_clean.reject_body(pair_id bigint) RETURNS void
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
COMMENT ON FUNCTION customer_clean.reject_body(bigint) IS
  'A steward''s "not the same customer" for a review pair; never proposed or merged again.';

-- Pending pairs for stewards, most probable first, with both rows.
CREATE VIEW customer_clean.review_pending AS
SELECT q.pair_id, q.tbl, q.probability, q.reason,
       q.row_id_a, customer_clean.row_as_jsonb(q.tbl, q.row_id_a) AS row_a,
       q.row_id_b, customer_clean.row_as_jsonb(q.tbl, q.row_id_b) AS row_b,
       q.explanation, q.found_by, q.found_at
  FROM customer_clean.review_queue q
 WHERE q.status = 'pending'
 ORDER BY q.probability DESC, q.pair_id;
COMMENT ON VIEW customer_clean.review_pending IS
  'Review pairs waiting for a steward, most probable first, both rows side by side.';

-- One batch of merge_clusters(): merges the next `batch_size` clusters of
-- `tbl` after state->'last_cluster' that are at least `min_probability`
-- sure (see cluster_probability) into their most complete rows, and returns
-- the state with the counts so far ('done' when no cluster was left).
-- Called through customer_clean.merge_clusters_batch (src/merge.rs), which
-- opens the history tables for `tbl`.
CREATE FUNCTION customer_clean.merge_clusters_batch_body(tbl regclass, min_probability float8, batch_size integer,
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
COMMENT ON FUNCTION customer_clean.merge_clusters_batch_body(regclass, float8, integer, jsonb) IS
  'One batch of merge_clusters() (internal; call merge_clusters).';

-- Merges every cluster of `tbl` at least `min_probability` sure (see
-- cluster_probability) into its most complete row. Commits every
-- `batch_size` clusters, so a cancel loses only the batch in progress and
-- the next call carries on: merged clusters are gone from the clusters
-- table, skipped ones are looked at again. A procedure that commits cannot
-- take a SET clause: it pins search_path itself, transaction-locally, at
-- the start and after every COMMIT, and names every function, type and
-- operator with its schema; the work is in merge_clusters_batch_body.
CREATE PROCEDURE customer_clean.merge_clusters(tbl regclass, min_probability float8 DEFAULT 0.9,
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
COMMENT ON PROCEDURE customer_clean.merge_clusters(regclass, float8, integer, jsonb) IS
  'Merges every cluster above a probability into its most complete row, committing per batch; restartable.';
