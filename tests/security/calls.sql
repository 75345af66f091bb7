-- Every function and procedure of customer_clean, called with mallory's
-- trojans planted, by the superuser (postgres), a steward and an
-- application role (through the triggers). Run by tests/security/trojan.sh:
--   psql -U postgres -v s=<schema> -v path='<search path>' -f calls.sql
-- Each statement here is fully qualified (functions customer_clean.* or
-- pg_catalog.*, operators OPERATOR(pg_catalog.=)): a trojan that runs can
-- only have been reached from the extension's own code. A line
-- `-- step <caller>: …` marks each part for the log.
\set ON_ERROR_STOP 0
\set tbl :s '.customers'
\set SHOW_CONTEXT always
SET client_min_messages = warning;
SET search_path = :path;
SHOW search_path;

-------------------------------------------------------------- superuser
\echo step postgres: profile, cleaning, training, matching
SELECT customer_clean.register(:'tbl', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}', '{"default_region": "CN"}');
SELECT customer_clean.validate(:'tbl', '{"id": 1, "full_name": "张伟", "phone": "138 1234 5678", "email": "ZW@Example.com "}');
SELECT customer_clean.enable_cleaning(:'tbl', 'flag');
CALL customer_clean.clean_table(:'tbl', 100);
SELECT customer_clean.clean_table_start(:'tbl', 50) AS run_id \gset
SELECT customer_clean.clean_table_batch(:run_id);
SELECT customer_clean.train(:'tbl', '{"seed": 1}');
SELECT customer_clean.dedupe(:'tbl', 0.95, 0.05);
-- incremental: a full run that keeps the state, then a run on five rows
-- made to look changed
SELECT customer_clean.dedupe(:'tbl', true, 0.95, 0.05);
UPDATE customer_clean.dedupe_rows SET fingerprint = 0
 WHERE tbl OPERATOR(pg_catalog.=) :'tbl'::pg_catalog.regclass
   AND row_id OPERATOR(pg_catalog.=) ANY (ARRAY(SELECT row_id FROM customer_clean.dedupe_rows
                                                 WHERE tbl OPERATOR(pg_catalog.=) :'tbl'::pg_catalog.regclass ORDER BY row_id LIMIT 5));
SELECT customer_clean.dedupe(:'tbl', incremental => true, min_probability => 0.95, review_probability => 0.05);
SELECT d.id_a AS dup_a, d.id_b AS dup_b FROM customer_clean.find_duplicates(:'tbl', 0.9) d ORDER BY d.probability DESC, d.id_a LIMIT 1 \gset
SELECT d.id_a AS dup2_a, d.id_b AS dup2_b FROM customer_clean.find_duplicates(:'tbl', 0.5) d ORDER BY d.probability DESC, d.id_a OFFSET 1 LIMIT 1 \gset
SELECT customer_clean.match_probability(:'tbl', :'dup_a', :'dup_b');
SELECT customer_clean.explain_match(:'tbl', :'dup_a', :'dup_b');
SELECT customer_clean.cluster_probability(:'tbl', ARRAY[:'dup_a', :'dup_b']);
SELECT customer_clean.golden_record(:'tbl', :'dup_a', ARRAY[:'dup_b']);
SELECT customer_clean.choose_survivor(:'tbl', ARRAY[:'dup_a', :'dup_b']);
SELECT * FROM customer_clean.match_row(:'tbl', customer_clean.row_as_jsonb(:'tbl', :'dup_a'), 5, 0.5);
SELECT customer_clean.match_new_rows(:'tbl', pg_catalog.jsonb_build_array(customer_clean.row_as_jsonb(:'tbl', :'dup_b')), 0.9, 0.5);
SELECT * FROM customer_clean.id_column(:'tbl');
SELECT customer_clean.updated_at_column(:'tbl');
SELECT customer_clean.row_image_sql(:'tbl', 't');
SELECT customer_clean.row_images(:'tbl', ARRAY[:'dup_a', :'dup_b']);
SELECT * FROM customer_clean.referencing_keys(:'tbl');
SELECT customer_clean.share_catalog_lock(:'tbl');

\echo step postgres: quality
SELECT * FROM customer_clean.quality_report(:'tbl');
SELECT * FROM customer_clean.quality_report_text(:'tbl');
-- quality_report's partial counts on a Citus table (the layout's columns:
-- the profile's, in role order)
SELECT pg_catalog.length(customer_clean.quality_tally(:'tbl'::pg_catalog.regclass,
  ARRAY[t.id::text, t.full_name, t.phone, t.email, t.address, t.postcode, t.country, t.birth_date, t.gender,
        t.national_id, t.updated_at::text, t.source_system])) FROM :tbl t;
SELECT pg_catalog.length(customer_clean.quality_tally_combine(
  customer_clean.quality_tally_step(NULL, :'tbl', ARRAY['1', 'Zhang Wei', '13812345678', 'zw@example.com', NULL, '100022', 'CN',
                                                       '1985-03-12', 'm', NULL, '2024-01-01', 'crm']),
  customer_clean.quality_tally_step(NULL, :'tbl', ARRAY['2', 'Li Na', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL])));
\echo step postgres: what a Citus cluster uses, here without Citus
SELECT pg_catalog.count(*) FROM customer_clean.gather(NULL::customer_clean.issues, :'tbl');
SELECT * FROM customer_clean.reference_values(:'tbl', ARRAY['id'], ARRAY['1', '2']);
SELECT customer_clean.in_sample('1', 42, 4611686018427387904);
SELECT customer_clean.erase_journal_here(:'tbl', ARRAY['no such row'], NULL);
-- dedupe's entries and block scoring on the workers (the matching roles
-- in role order: name, phone, email, address, postcode, country, birth
-- date, gender, national id)
SELECT pg_catalog.count(*) FROM customer_clean.match_entries(1, :'tbl', ARRAY['Zhang Wei', '13812345678', 'zw@example.com',
  NULL, '100022', 'CN', '1985-03-12', 'm', NULL]);
SELECT pg_catalog.count(*) FROM customer_clean.score_block(1, :'tbl',
  (SELECT m.model::text FROM customer_clean.models m WHERE m.tbl OPERATOR(pg_catalog.=) :'tbl'::pg_catalog.regclass), 2, '', '', 0,
  0, ARRAY['1', '2'], ARRAY(SELECT e.record FROM customer_clean.match_entries(2, :'tbl', ARRAY['Zhang Wei', '13812345678',
  'zw@example.com', NULL, '100022', 'CN', '1985-03-12', 'm', NULL]) e WHERE e.record IS NOT NULL LIMIT 2));
-- match_on_insert's queue on a Citus table: nothing is queued here
SELECT customer_clean.match_pending(:'tbl');
-- the copies of profiles for shards: a write fires their trigger
INSERT INTO customer_clean.distributed_profiles (schema_name, table_name, profile) VALUES ('none', 'none', '{}');
DELETE FROM customer_clean.distributed_profiles WHERE schema_name OPERATOR(pg_catalog.=) 'none';
SELECT * FROM customer_clean.quality_issues(:'tbl', 'validity') LIMIT 5;
SELECT customer_clean.quality_score(:'tbl', :'dup_a');
SELECT customer_clean.quality_details(:'tbl', :'dup_a');
SELECT customer_clean.snapshot_quality(:'tbl');
SELECT * FROM customer_clean.stale_customers(:'tbl', 3650);

\echo step postgres: pure functions
SELECT customer_clean.normalize_text(' Ｚｈａｎｇ  Wei '), customer_clean.normalize_phone('138 1234 5678', 'CN'),
       customer_clean.normalize_phone('+86 138 1234 5678'), customer_clean.phone_info('138 1234 5678', 'CN'),
       customer_clean.phone_info('+86 138 1234 5678'), customer_clean.is_valid_phone('138 1234 5678', 'CN'),
       customer_clean.is_valid_phone('+86 138 1234 5678');
SELECT customer_clean.normalize_email(' John@Example.COM'), customer_clean.email_match_key('j.o.hn+x@gmail.com'),
       customer_clean.is_valid_email('john@example.com'), customer_clean.email_check('john@gmial.com', true);
SELECT customer_clean.normalize_name('mcdonald, RONALD'), customer_clean.name_parts('Ronald McDonald'),
       customer_clean.normalize_country('中国'), customer_clean.normalize_postcode('sw1a1aa', 'GB'),
       customer_clean.normalize_date('12/03/1985'), customer_clean.normalize_date('03/12/1985', 'MDY'),
       customer_clean.normalize_address('1408 Cedar Ct., Houston, TX 77028', 'US'),
       customer_clean.address_parts('北京市朝阳区建国路88号', 'CN'),
       customer_clean.cn_id_check('110105198503120039', '1985-03-12', 'm');
SELECT customer_clean.jaro('martha', 'marhta'), customer_clean.jaro_winkler('martha', 'marhta'),
       customer_clean.levenshtein('kitten', 'sitting'), customer_clean.damerau_levenshtein('ca', 'abc'),
       customer_clean.levenshtein_similarity('kitten', 'sitting'), customer_clean.token_set_similarity('a b', 'b a'),
       customer_clean.qgram_similarity('night', 'nacht', 2), customer_clean.soundex('Robert'),
       customer_clean.metaphone('Thompson'), customer_clean.double_metaphone('Schmidt'), customer_clean.pinyin('张伟'),
       customer_clean.name_similarity('张伟', 'Zhang Wei');
SELECT customer_clean.version();
SELECT customer_clean.lifecycle_stage('2020-01-01', '2024-01-01', 5, '2024-06-01', '{}'),
       customer_clean.mask_phone('+8613812345678'), customer_clean.mask_email('zw@example.com'),
       customer_clean.mask_cn_id('110105198503120039'), customer_clean.mask_name('张伟');

-- the write path for the application: quarantine bad rows, match new ones
SELECT customer_clean.enable_cleaning(:'tbl', 'quarantine', match_on_insert => true);
INSERT INTO :s.customers (id, full_name, phone, email, country, updated_at)
VALUES (100000, 'Owner Broken Row', 'not a phone', 'not-an-email', 'CN', '2024-01-01');

-------------------------------------------------------------- application
\echo step app: INSERT, UPDATE and COPY through the cleaning and match_on_insert triggers
SET ROLE app;
INSERT INTO :s.customers (id, full_name, phone, email, address, country, postcode, birth_date, gender, source_system, updated_at)
VALUES (100001, '  wang   FANG ', '139 8765 4321', ' Wang.Fang@Example.COM', '上海市浦东新区世纪大道100号', '中国', '200120',
        '1990-05-06', 'F', 'app', '2024-01-01');
INSERT INTO :s.customers (id, full_name, phone, email, country, updated_at)
VALUES (100002, 'Broken Row', 'not a phone', 'not-an-email', 'CN', '2024-01-01');
INSERT INTO :s.customers (id, full_name, phone, email, address, country, postcode, birth_date, gender, national_id, source_system, updated_at)
SELECT 100003, c.full_name, c.phone, c.email, c.address, c.country, c.postcode, c.birth_date, c.gender, c.national_id, 'app', c.updated_at
  FROM :s.customers c WHERE c.id OPERATOR(pg_catalog.=) :dup_a;
UPDATE :s.customers SET phone = '+86 139 8765 4322' WHERE id OPERATOR(pg_catalog.=) 100001;
COPY :s.customers (id, full_name, phone, email, country, updated_at) FROM STDIN WITH (FORMAT csv);
100004,li na,13600001111,LiNa@163.COM,CN,2024-02-02
100005,Bad Copy,xx,also-not-an-email,CN,2024-02-02
\.
SELECT * FROM customer_clean.match_row(:'tbl', '{"full_name": "Wang Fang", "phone": "13987654321"}', 5, 0.5);
RESET ROLE;

-------------------------------------------------------------- steward
-- ids the steward works on (looked up by the superuser)
SELECT x.quarantine_id AS quarantine_id FROM customer_clean.quarantine x
 WHERE x.tbl OPERATOR(pg_catalog.=) :'tbl'::regclass AND x.released_at IS NULL ORDER BY x.quarantine_id LIMIT 1 \gset
SELECT x.change_id AS change_id FROM customer_clean.changes x
 WHERE x.tbl OPERATOR(pg_catalog.=) :'tbl'::regclass AND x.undone_at IS NULL ORDER BY x.change_id DESC LIMIT 1 \gset

\echo step steward: merge, unmerge, review decisions, quarantine, undo
SET ROLE steward;
SELECT * FROM customer_clean.preview_merge(:'tbl', :'dup_a', ARRAY[:'dup_b']);
SELECT customer_clean.merge(:'tbl', :'dup_a', ARRAY[:'dup_b']) AS merge_id \gset
SELECT customer_clean.unmerge(:merge_id);
-- the integer forms of the functions that take row ids
SELECT customer_clean.match_probability(:'tbl', :'dup_a'::bigint, :'dup_b'::bigint),
       customer_clean.explain_match(:'tbl', :'dup_a'::bigint, :'dup_b'::bigint),
       customer_clean.golden_record(:'tbl', :'dup_a'::bigint, ARRAY[:'dup_b'::bigint]),
       customer_clean.quality_score(:'tbl', :'dup_a'::bigint), customer_clean.quality_details(:'tbl', :'dup_a'::bigint);
SELECT * FROM customer_clean.preview_merge(:'tbl', :'dup_a'::bigint, ARRAY[:'dup_b'::bigint]);
SELECT customer_clean.unmerge(customer_clean.merge(:'tbl', :'dup_a'::bigint, ARRAY[:'dup_b'::bigint]));
SELECT customer_clean.merge(:'tbl', :'dup2_a', ARRAY[:'dup2_b']);
RESET ROLE;
-- a pending review pair to approve, then one to reject (looked up by the superuser)
SELECT q.pair_id AS approve_pair FROM customer_clean.review_queue q
 WHERE q.tbl OPERATOR(pg_catalog.=) :'tbl'::regclass AND q.status OPERATOR(pg_catalog.=) 'pending'
 ORDER BY q.probability DESC, q.pair_id LIMIT 1 \gset
SET ROLE steward;
SELECT customer_clean.approve(:approve_pair);
RESET ROLE;
-- dedupe of ~300 rows leaves about one uncertain pair: the superuser
-- queues one more, for the steward to reject
INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by)
SELECT :'tbl'::regclass, pg_catalog.min(c.id COLLATE "C"), pg_catalog.max(c.id COLLATE "C"), 0.6, '{}', 'uncertain', 'dedupe'
  FROM (SELECT x.id::text AS id FROM :s.customers x ORDER BY x.id DESC LIMIT 2 OFFSET 10) c
    ON CONFLICT DO NOTHING;
SELECT q.pair_id AS reject_pair FROM customer_clean.review_queue q
 WHERE q.tbl OPERATOR(pg_catalog.=) :'tbl'::regclass AND q.status OPERATOR(pg_catalog.=) 'pending'
 ORDER BY q.probability, q.pair_id LIMIT 1 \gset
SET ROLE steward;
SELECT customer_clean.reject(:reject_pair);
SELECT * FROM customer_clean.find_duplicates(:'tbl', 0.9) LIMIT 3;
SELECT customer_clean.explain_match(:'tbl', :'dup_a', '100003');
SELECT q.pair_id FROM customer_clean.review_pending q WHERE q.tbl OPERATOR(pg_catalog.=) :'tbl'::regclass LIMIT 1;
-- what the catalog's row-level security calls for each row the steward reads
SELECT customer_clean.row_visible(:'tbl', :'dup_a'), customer_clean.sees_all_rows(:'tbl'), customer_clean.owns_table(:'tbl');
SELECT pg_catalog.count(*) FROM customer_clean.changes x WHERE x.tbl OPERATOR(pg_catalog.=) :'tbl'::regclass;
SELECT pg_catalog.count(*) FROM customer_clean.merge_history x WHERE x.tbl OPERATOR(pg_catalog.=) :'tbl'::regclass;
SELECT customer_clean.release_quarantine(:quarantine_id, '{"phone": "+86 136 0000 2222", "email": "fixed@example.com"}');
SELECT customer_clean.undo_change(:change_id);
RESET ROLE;

\echo step postgres: in-row originals (originals_column), undone
\set tbl_in_row :s '.customers_in_row'
CREATE TABLE :tbl_in_row (id bigint PRIMARY KEY, phone text, email text, originals jsonb);
SELECT customer_clean.register(:'tbl_in_row', '{"id": "id", "phone": "phone", "email": "email"}',
  '{"default_region": "CN", "originals_column": "originals"}');
SELECT customer_clean.enable_cleaning(:'tbl_in_row');
INSERT INTO :tbl_in_row VALUES (1, '138 1234 5678', ' ZW@Example.com ', NULL);
CALL customer_clean.clean_table(:'tbl_in_row', 10);
SELECT customer_clean.undo_change(:'tbl_in_row', '1');

-------------------------------------------------------------- superuser
\echo step postgres: cluster merges, archive
CALL customer_clean.merge_clusters(:'tbl', 0.9);
SELECT customer_clean.archive_stale(:'tbl', 3650);
SET ROLE steward;
\echo step steward: restore the archive
SELECT customer_clean.restore_archived(:'tbl');
RESET ROLE;

\echo step postgres: erasure and retention (when the extension has them)
SELECT pg_catalog.to_regprocedure('customer_clean.forget(regclass,text)') IS NOT NULL AS has_forget,
       pg_catalog.to_regproc('customer_clean.purge_journal') IS NOT NULL AS has_purge \gset
\if :has_forget
SELECT customer_clean.forget(:'tbl', '100004');
SELECT customer_clean.forget(:'tbl', 999999::bigint);  -- no such row: nothing to erase
\endif
\if :has_purge
SELECT customer_clean.purge_journal(:'tbl', '0 days'::interval);
\endif

\echo step postgres: switch off and unregister
SELECT customer_clean.disable_cleaning(:'tbl');
SELECT customer_clean.unregister(:'tbl');
\echo step done
