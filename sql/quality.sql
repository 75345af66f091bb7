-- customer_clean quality over time (docs/functions.md, "Quality"): snapshots of the report,
-- the trend, breaches of targets with NOTIFY, and archiving stale rows.
-- Loaded into the extension script by extension_sql_file! (src/lib.rs).

CREATE SEQUENCE customer_clean.quality_snapshot_seq;
CREATE TABLE customer_clean.quality_history (
    snapshot_id  bigint NOT NULL,
    tbl          regclass NOT NULL,
    taken_at     timestamptz NOT NULL DEFAULT now(),
    dimension    text NOT NULL,
    column_name  text,
    value        double precision,
    target       double precision,
    passed       boolean,
    failing_rows bigint NOT NULL,
    taken_by     name NOT NULL DEFAULT current_user   -- under row-level security, the rows this role saw
);
CREATE INDEX ON customer_clean.quality_history (tbl, snapshot_id);
COMMENT ON TABLE customer_clean.quality_history IS
  'quality_report() of a table at each snapshot_quality(): one row per dimension and column.';

-- Lines of a snapshot below their target; each was also sent as NOTIFY
-- customer_clean_quality.
CREATE TABLE customer_clean.quality_breaches (
    snapshot_id  bigint NOT NULL,
    tbl          regclass NOT NULL,
    detected_at  timestamptz NOT NULL DEFAULT now(),
    dimension    text NOT NULL,
    column_name  text,
    value        double precision,
    target       double precision NOT NULL,
    taken_by     name NOT NULL DEFAULT current_user
);
CREATE INDEX ON customer_clean.quality_breaches (tbl, snapshot_id);
COMMENT ON TABLE customer_clean.quality_breaches IS
  'Report lines of a snapshot that missed their target (also sent with NOTIFY customer_clean_quality).';

SELECT pg_catalog.pg_extension_config_dump('customer_clean.quality_history', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.quality_breaches', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.quality_snapshot_seq', '');

-- Appends quality_report(tbl) to the history; records and NOTIFYs every
-- line below its target. Returns the snapshot id. Works from pg_cron.
CREATE FUNCTION customer_clean.snapshot_quality_body(tbl regclass) RETURNS bigint
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
COMMENT ON FUNCTION customer_clean.snapshot_quality_body(regclass) IS
  'Appends the quality report to quality_history; lines below target go to quality_breaches and NOTIFY customer_clean_quality.';

-- Each line of each snapshot with the change since the table's previous
-- snapshot of the same line.
CREATE VIEW customer_clean.quality_trend AS
SELECT h.tbl, h.dimension, h.column_name, h.snapshot_id, h.taken_at, h.value, h.target, h.passed, h.failing_rows,
       h.value - lag(h.value) OVER w AS change,
       h.taken_at - lag(h.taken_at) OVER w AS since
  FROM customer_clean.quality_history h
WINDOW w AS (PARTITION BY h.tbl, h.dimension, h.column_name ORDER BY h.snapshot_id);
COMMENT ON VIEW customer_clean.quality_trend IS
  'Every snapshot line with its change since the previous snapshot of the same table, dimension and column.';

-- Rows moved out of their table by archive_stale(), whole (column -> the
-- value's text, as merge_history keeps them), until restore_archived().
CREATE TABLE customer_clean.archive (
    archive_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl         regclass NOT NULL,
    row_id      text NOT NULL,
    row_data    jsonb NOT NULL,
    archived_at timestamptz NOT NULL DEFAULT now(),
    archived_by name NOT NULL DEFAULT current_user,
    restored_at timestamptz,
    restored_by name
);
CREATE INDEX ON customer_clean.archive (tbl, row_id);
COMMENT ON TABLE customer_clean.archive IS
  'Stale rows archived by archive_stale(), whole, until restore_archived() puts them back.';
SELECT pg_catalog.pg_extension_config_dump('customer_clean.archive', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.archive_archive_id_seq', '');

-- The `updated_at` column of a registered table; 55000 without one.
CREATE FUNCTION customer_clean.updated_at_column(tbl regclass) RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    col text;
BEGIN
    PERFORM customer_clean.id_column(tbl);
    SELECT p.columns->>'updated_at' INTO col FROM customer_clean.profiles p WHERE p.tbl = updated_at_column.tbl;
    IF col IS NULL THEN
        RAISE EXCEPTION 'table % has no updated_at column in its profile', tbl
            USING ERRCODE = '55000', HINT = 'register the table with an "updated_at" role';
    END IF;
    RETURN col;
END
$$;
COMMENT ON FUNCTION customer_clean.updated_at_column(regclass) IS
  'The column playing the updated_at role of a registered table (55000 when there is none).';

-- Rows of `tbl` not updated within `days` days (or never), oldest first.
CREATE FUNCTION customer_clean.stale_customers(tbl regclass, days integer)
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
COMMENT ON FUNCTION customer_clean.stale_customers(regclass, integer) IS
  'Rows not updated within the window (or never), oldest first.';

-- Moves the stale rows of `tbl` to customer_clean.archive (whole, exact),
-- in one transaction; returns how many. A row that other rows refer to
-- stops it with the foreign key's error: archive or re-point those first.
CREATE FUNCTION customer_clean.archive_stale_body(tbl regclass, days integer) RETURNS bigint
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
COMMENT ON FUNCTION customer_clean.archive_stale_body(regclass, integer) IS
  'Moves rows not updated within the window to customer_clean.archive, whole; restore_archived() puts them back.';

-- Puts archived rows of `tbl` back exactly (all, or those of `row_ids`);
-- returns how many.
CREATE FUNCTION customer_clean.restore_archived_body(tbl regclass, row_ids text[]) RETURNS bigint
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
COMMENT ON FUNCTION customer_clean.restore_archived_body(regclass, text[]) IS
  'Puts archived rows back into their table exactly as they were (all, or the given ids).';

-- The report as text for psql: one line per dimension and column with a
-- bar of its value, the target marked `|`, and ✓ or ✗.
CREATE FUNCTION customer_clean.quality_report_text(tbl regclass) RETURNS SETOF text
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT format('%-13s %-16s %7s %7s  %s %s', 'dimension', 'column', 'value', 'target', rpad('', 20), '')
    UNION ALL
    SELECT format('%-13s %-16s %7s %7s  %s %s', r.dimension, coalesce(r.column_name, '(all)'),
                  coalesce(to_char(100 * r.value, 'FM990.0') || '%', '-'),
                  coalesce(to_char(100 * r.target, 'FM990.0') || '%', ''),
                  CASE WHEN r.value IS NULL THEN rpad('', 20)
                       ELSE (SELECT string_agg(CASE WHEN i = round(20 * r.target) AND r.target IS NOT NULL THEN '|'
                                                    WHEN i <= round(20 * r.value) THEN '█' ELSE '·' END, '' ORDER BY i)
                               FROM generate_series(1, 20) i) END,
                  CASE r.passed WHEN true THEN '✓' WHEN false THEN '✗' ELSE '' END)
      FROM customer_clean.quality_report(tbl) r
$$;
COMMENT ON FUNCTION customer_clean.quality_report_text(regclass) IS
  'quality_report() as aligned text with a bar per line against its target, for psql.';

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
