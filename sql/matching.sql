-- customer_clean catalog for matching: models, match keys, clusters, review.
-- Loaded into the extension script by extension_sql_file! (src/lib.rs).

-- The trained model of each table (train()); readable jsonb, see docs.
CREATE TABLE customer_clean.models (
    tbl         regclass PRIMARY KEY,          -- a registered table (no foreign key: see rules)
    model       jsonb NOT NULL,            -- m, u and weight per field and level, prior, name frequencies
    options     jsonb NOT NULL DEFAULT '{}',
    trained_at  timestamptz NOT NULL DEFAULT now(),
    trained_by  name NOT NULL DEFAULT current_user,
    seconds     double precision NOT NULL
);
COMMENT ON TABLE customer_clean.models IS
  'Fellegi-Sunter model per customer table (train()): m and u per comparison level, prior, name frequencies.';

-- Match keys of each row (dedupe(), match_on_insert): hashes of
-- identifying values (phone, e-mail, ID, name with birth year, ...), one row
-- per key; rows sharing a key are compared. A btree on the key serves
-- match_row() (a GIN index on key arrays took 47 s to build for 1M rows,
-- this one 7 s). Keys are salted with the table, so the key alone is unique
-- to one table.
CREATE TABLE customer_clean.match_keys (
    tbl     regclass NOT NULL,
    key     bigint NOT NULL,
    row_id  text NOT NULL
);
CREATE INDEX match_keys_key_idx ON customer_clean.match_keys (key);
COMMENT ON TABLE customer_clean.match_keys IS
  'Match keys (hashes of phone, e-mail, ID, name + birth year, ...) of each row, one row per key, indexed for match_row().';

-- Which rows are one customer. A row that is in no cluster is alone.
CREATE SEQUENCE customer_clean.cluster_id_seq;
CREATE TABLE customer_clean.clusters (
    tbl         regclass NOT NULL,
    row_id      text NOT NULL,
    cluster_id  bigint NOT NULL,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    assigned_by text NOT NULL CHECK (assigned_by IN ('dedupe', 'match_on_insert', 'approve')),
    PRIMARY KEY (tbl, row_id)
);
CREATE INDEX ON customer_clean.clusters (tbl, cluster_id);
COMMENT ON TABLE customer_clean.clusters IS
  'Rows found to be the same customer (dedupe(), match_on_insert): one row per member of a cluster of two or more.';

-- Pairs a data steward should decide; decided pairs are kept and respected.
CREATE TABLE customer_clean.review_queue (
    pair_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl         regclass NOT NULL,
    row_id_a    text NOT NULL,
    row_id_b    text NOT NULL,
    probability double precision NOT NULL,
    explanation jsonb NOT NULL,            -- explain_match() of the pair when it was found
    reason      text NOT NULL,             -- 'uncertain', or why clustering kept a probable pair apart
    found_by    text NOT NULL CHECK (found_by IN ('dedupe', 'match_on_insert')),
    found_at    timestamptz NOT NULL DEFAULT now(),
    -- 'merged' (both rows were merged), 'obsolete' (one row was merged into
    -- a third; dedupe proposes the survivor again if it still matches)
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'rejected', 'merged', 'obsolete')),
    decided_at  timestamptz,
    decided_by  name,
    merge_id    bigint,                    -- the merge that decided it: merges.merge_id (no foreign key: see rules)
    CHECK (row_id_a COLLATE "C" < row_id_b COLLATE "C"),
    UNIQUE (tbl, row_id_a, row_id_b)
);
CREATE INDEX ON customer_clean.review_queue (tbl, status);
-- Pairs of a row are looked up by either side (the unique key serves row_id_a).
CREATE INDEX ON customer_clean.review_queue (tbl, row_id_b);
COMMENT ON TABLE customer_clean.review_queue IS
  'Candidate duplicate pairs for a steward: uncertain pairs and probable pairs clustering kept apart; rejected pairs are never clustered.';

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

SELECT pg_catalog.pg_extension_config_dump('customer_clean.models', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.match_keys', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.clusters', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.cluster_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.review_queue', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.review_queue_pair_id_seq', '');
