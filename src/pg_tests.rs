//! In-database tests (`cargo pgrx test`): what only a running PostgreSQL
//! can show — catalog flags, settings, SQLSTATEs and type conversion.
//! Exact outputs of every function for normal, messy and bad input are in
//! the engine's unit tests and the SQL scenarios in `tests/regress/`.

#[pgrx::pg_schema]
mod tests {
    use pgrx::prelude::*;

    /// Runs `sql` and returns "SQLSTATE: message HINT: hint" of the error it
    /// raises, or "no error".
    fn error_of(sql: &str) -> String {
        Spi::run(
            r#"CREATE OR REPLACE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
            DECLARE s text; m text; h text;
            BEGIN
              EXECUTE q;
              RETURN 'no error';
            EXCEPTION WHEN OTHERS THEN
              GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, m = MESSAGE_TEXT, h = PG_EXCEPTION_HINT;
              RETURN s || ': ' || m || ' HINT: ' || h;
            END $f$"#,
        )
        .unwrap();
        Spi::get_one_with_args::<String>("SELECT pg_temp.error_of($1)", &[sql.into()]).unwrap().unwrap()
    }

    fn text(sql: &str) -> Option<String> {
        Spi::get_one::<String>(sql).unwrap()
    }

    #[pg_test]
    fn jsonb_results_built_in_place_equal_the_parsed_text() {
        use serde_json::json;
        let cases = [
            json!({"b": 1, "aa": [1.5, -0.1, 1e300, 12345678901234567890u64, -7, true, null, "x\"y\\z\n"],
                   "a": {"é": "张伟", "": {}, "zz": []}, "longer_key": [[], {}], "c": 0.30000000000000004}),
            json!({}),
            json!([]),
            json!([{"k": 0.1, "j": "\u{1F600}"}, 2.5e-8]),
        ];
        for value in cases {
            let same = Spi::get_one_with_args::<bool>(
                "SELECT $1 = $2::jsonb AND $1::text = $2::jsonb::text",
                &[crate::json_result::JsonResult(value.clone()).into(), value.to_string().into()],
            )
            .unwrap();
            assert_eq!(same, Some(true), "{value}");
        }
    }

    #[pg_test]
    fn journal_objects_built_in_place_equal_the_parsed_text() {
        use crate::json_result::JsonbStringObject;
        let cases: [&[(&str, &str)]; 4] = [
            &[("phone", " 415 451 8024"), ("address", "1601 Spring St."), ("full_name", "Xie Li  "), ("zz", "")],
            &[("email", "a\"b\\c\n\t"), ("name", "张伟 \u{1F600}"), ("b", "x"), ("a", "y")],
            &[("only", "one")],
            &[],
        ];
        for pairs in cases {
            let text = serde_json::Value::Object(
                pairs.iter().map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string()))).collect(),
            )
            .to_string();
            let same = Spi::get_one_with_args::<bool>(
                "SELECT $1 = $2::jsonb AND $1::text = $2::jsonb::text",
                &[JsonbStringObject(pairs.to_vec()).into(), text.clone().into()],
            )
            .unwrap();
            assert_eq!(same, Some(true), "{text}");
        }
        // a NUL, which no text value holds, is refused as jsonb_in refuses it
        let refused = PgTryBuilder::new(|| {
            let _ = JsonbStringObject(vec![("k", "a\0b")]).into_datum();
            false
        })
        .catch_others(|_| true)
        .execute();
        assert!(refused);
    }

    #[pg_test]
    fn journal_arrays_are_the_arrays_pgrx_builds_byte_for_byte() {
        use crate::arrays::{JsonbArray, TextArray};
        use crate::json_result::JsonbStringObject;
        // SAFETY: both are array datums just made in the current context.
        let bytes = |d: pg_sys::Datum| unsafe {
            let p = d.cast_mut_ptr::<pg_sys::varlena>();
            std::slice::from_raw_parts(p.cast::<u8>(), pgrx::varsize_any(p)).to_vec()
        };
        let long = "x".repeat(1000);
        let cases: [&[Option<&str>]; 5] = [
            &[Some("a"), Some(""), None, Some("张伟 \u{1F600}"), Some(&long), Some("abc")],
            &[Some("only")],
            &[None],
            &[None, Some("after a NULL")],
            &[],
        ];
        for values in cases {
            let ours = bytes(TextArray(values.to_vec()).into_datum().unwrap());
            let owned: Vec<Option<String>> = values.iter().map(|v| v.map(str::to_string)).collect();
            assert_eq!(ours, bytes(owned.clone().into_datum().unwrap()), "{values:?}");
            // and PostgreSQL reads it back as the same values
            let back = Spi::get_one_with_args::<Vec<Option<String>>>("SELECT $1", &[TextArray(values.to_vec()).into()])
                .unwrap()
                .unwrap();
            assert_eq!(back, owned);
        }
        let objects = || {
            vec![
                JsonbStringObject(vec![("phone", "+8613812345678"), ("email", "a\"b")]),
                JsonbStringObject(vec![]),
                JsonbStringObject(vec![("full_name", "Zhang Wei")]),
            ]
        };
        assert_eq!(bytes(JsonbArray(objects()).into_datum().unwrap()), bytes(objects().into_datum().unwrap()));
        let empty: Vec<JsonbStringObject> = vec![];
        assert_eq!(
            bytes(JsonbArray::<JsonbStringObject>(vec![]).into_datum().unwrap()),
            bytes(empty.into_datum().unwrap())
        );
    }

    #[pg_test]
    fn sql_dates_become_engine_dates_from_their_day_number() {
        use customer_clean_engine::date::Date;
        let engine = |sql: &str| {
            let d = Spi::get_one::<pgrx::datum::Date>(&format!("SELECT {sql}::date")).unwrap().unwrap();
            crate::date::engine_date(d)
        };
        let day = |year, month, day| Some(Date { year, month, day });
        assert_eq!(engine("'2000-02-29'"), day(2000, 2, 29));
        assert_eq!(engine("'1969-12-31'"), day(1969, 12, 31));
        assert_eq!(engine("'2026-12-04'"), day(2026, 12, 4));
        assert_eq!(engine("'0001-01-01'"), day(1, 1, 1));
        assert_eq!(engine("'9999-12-31'"), day(9999, 12, 31));
        assert_eq!(engine("'10000-01-01'"), None);
        assert_eq!(engine("'0001-12-31 BC'"), None);
        assert_eq!(engine("'infinity'"), None);
        assert_eq!(engine("'-infinity'"), None);
        // every day of a leap-year span, against PostgreSQL's own fields
        let checked = Spi::connect(|client| {
            let rows = client
                .select(
                    "SELECT d::date, extract(year FROM d)::int, extract(month FROM d)::int, extract(day FROM d)::int
                       FROM generate_series('1999-12-01'::date, '2001-03-01', '1 day') d",
                    None,
                    &[],
                )
                .unwrap();
            let mut checked = 0;
            for row in rows {
                let d = row.get::<pgrx::datum::Date>(1).unwrap().unwrap();
                let field = |i| row.get::<i32>(i).unwrap().unwrap();
                let expected = Date { year: field(2), month: field(3) as u8, day: field(4) as u8 };
                assert_eq!(crate::date::engine_date(d), Some(expected));
                checked += 1;
            }
            checked
        });
        assert_eq!(checked, 457);
    }

    #[pg_test]
    fn match_keys_change_by_difference() {
        // (stored ids of one key, ids now) → (ids deleted, positions in now inserted)
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        type Case<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str], &'a [usize]);
        let cases: &[Case] = &[
            (&[], &[], &[], &[]),
            (&[], &["a", "b"], &[], &[0, 1]),
            (&["a", "b"], &[], &["a", "b"], &[]),
            (&["a", "b", "c"], &["a", "b", "c"], &[], &[]),
            (&["a", "c", "e"], &["b", "c", "d"], &["a", "e"], &[0, 2]),
            // stored twice: deleted (one DELETE takes every copy), stored again if kept
            (&["a", "a", "b"], &["a", "b"], &["a"], &[0]),
            (&["a", "b", "b"], &["a"], &["b"], &[]),
            (&["b", "b"], &["a", "c"], &["b"], &[0, 1]),
        ];
        for (stored, now, gone, new_at) in cases {
            let stored = owned(stored);
            assert_eq!(
                crate::matching::key_changes(&stored, now),
                (gone.to_vec(), new_at.to_vec()),
                "{stored:?} → {now:?}"
            );
        }
    }

    #[pg_test]
    fn pure_functions_are_strict_and_parallel_safe() {
        // cn_id_check and lifecycle_stage are the pure functions that are
        // not STRICT: a NULL birth date or gender means "not compared", a
        // NULL last activity "never active", not "no answer".
        // Functions taking a table (regclass) read it and are not pure.
        let offenders = text(
            "SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text COLLATE \"C\")
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'customer_clean' AND p.provolatile <> 'v'
                AND NOT 'regclass'::regtype = ANY (p.proargtypes::regtype[])
                AND ((NOT p.proisstrict AND p.proname NOT IN ('cn_id_check', 'lifecycle_stage')) OR p.proparallel <> 's')",
        );
        assert_eq!(offenders, None);
    }

    #[pg_test]
    fn only_catalog_writers_are_volatile_and_parallel_unsafe() {
        let volatile = text(
            "SELECT string_agg(p.oid::regprocedure::text || ' ' || p.proparallel::text, ', ' ORDER BY p.oid::regprocedure::text COLLATE \"C\")
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'customer_clean' AND p.provolatile = 'v'",
        );
        assert_eq!(
            volatile.as_deref(),
            Some(
                "customer_clean.approve(bigint,boolean) u, customer_clean.approve_body(bigint,boolean) u, \
                 customer_clean.archive_stale(regclass,integer) u, \
                 customer_clean.archive_stale_body(regclass,integer) u, customer_clean.clean_on_write() u, \
                 customer_clean.clean_on_write_flush() u, \
                 customer_clean.clean_table(regclass,integer,jsonb) u, \
                 customer_clean.clean_table_batch(bigint) u, \
                 customer_clean.clean_table_start(regclass,integer) u, \
                 customer_clean.dedupe(regclass,boolean,double precision,double precision) u, \
                 customer_clean.dedupe(regclass,double precision,double precision) u, \
                 customer_clean.disable_cleaning(regclass) u, \
                 customer_clean.enable_cleaning(regclass,text,boolean) u, \
                 customer_clean.erase_journal_here(text,text[],interval) u, \
                 customer_clean.forget(regclass,bigint) u, customer_clean.forget(regclass,text) u, \
                 customer_clean.invalidate_profile_cache() u, \
                 customer_clean.invalidate_shard_profiles() u, \
                 customer_clean.match_new_rows(regclass,jsonb,double precision,double precision) u, \
                 customer_clean.match_on_insert() u, \
                 customer_clean.match_pending(regclass,double precision,double precision,integer) u, \
                 customer_clean.may_write_catalog(oid) u, \
                 customer_clean.merge(regclass,bigint,bigint[]) u, customer_clean.merge(regclass,text,text[]) u, \
                 customer_clean.merge_body(regclass,text,text[]) u, \
                 customer_clean.merge_clusters(regclass,double precision,integer,jsonb) u, \
                 customer_clean.merge_clusters_batch(regclass,double precision,integer,jsonb) u, \
                 customer_clean.merge_clusters_batch_body(regclass,double precision,integer,jsonb) u, \
                 customer_clean.move_referencing_rows(regclass,regclass,text[],text[],text[],text[],jsonb,jsonb,jsonb) u, \
                 customer_clean.pending_pair(bigint) u, customer_clean.purge_journal(regclass,interval) u, \
                 customer_clean.queue_for_matching() u, \
                 customer_clean.register(regclass,jsonb,jsonb) u, customer_clean.reject(bigint) u, \
                 customer_clean.reject_body(bigint) u, customer_clean.release_quarantine(bigint,jsonb) u, \
                 customer_clean.repoint_references(regclass,text,text[]) u, \
                 customer_clean.require_entry_point(regclass,text,text) u, \
                 customer_clean.restore_archived(regclass,anycompatiblearray) u, \
                 customer_clean.restore_archived_body(regclass,text[]) u, \
                 customer_clean.restore_archived_text(regclass,text[]) u, \
                 customer_clean.share_catalog_lock(regclass) u, \
                 customer_clean.snapshot_quality(regclass) u, \
                 customer_clean.snapshot_quality_body(regclass) u, customer_clean.train(regclass,jsonb) u, \
                 customer_clean.undo_change(bigint) u, customer_clean.undo_change(regclass,text) u, \
                 customer_clean.unmerge(bigint) u, \
                 customer_clean.unmerge_body(bigint) u, \
                 customer_clean.unmerge_check(customer_clean.merges,jsonb) u, \
                 customer_clean.unmerge_repoint_references(customer_clean.merges,jsonb) u, \
                 customer_clean.unmerge_restore_matching(customer_clean.merges,jsonb,jsonb) u, \
                 customer_clean.unmerge_restore_rows(customer_clean.merges) u, \
                 customer_clean.unmerge_restore_survivor(customer_clean.merges,jsonb) u, customer_clean.unregister(regclass) u, \
                 customer_clean.update_match_keys(regclass,jsonb,jsonb) u, \
                 customer_clean.validate(regclass,jsonb) u"
            )
        );
    }

    /// STABLE: functions reading a setting or the date, and the matching
    /// and merge functions that read a table, its model or the catalog
    /// without writing.
    #[pg_test]
    fn only_functions_reading_settings_or_the_date_are_stable() {
        let stable = text(
            "SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text COLLATE \"C\")
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'customer_clean' AND p.provolatile = 's'",
        );
        assert_eq!(
            stable.as_deref(),
            Some(
                "customer_clean.choose_survivor(regclass,anycompatiblearray), \
                 customer_clean.cluster_probability(regclass,anycompatiblearray), \
                 customer_clean.cluster_probability_text(regclass,text[]), \
                 customer_clean.cn_id_check(text,date,text), customer_clean.explain_match(regclass,bigint,bigint), \
                 customer_clean.explain_match(regclass,text,text), \
                 customer_clean.find_duplicates(regclass,double precision), \
                 customer_clean.gather(anyelement,regclass), \
                 customer_clean.golden_record(regclass,bigint,bigint[]), \
                 customer_clean.golden_record(regclass,text,text[]), customer_clean.id_column(regclass), \
                 customer_clean.image_visible(regclass,jsonb), \
                 customer_clean.is_valid_phone(text), customer_clean.match_entries(bigint,regclass,text[]), \
                 customer_clean.match_probability(regclass,bigint,bigint), \
                 customer_clean.match_probability(regclass,text,text), \
                 customer_clean.match_row(regclass,jsonb,integer,double precision), \
                 customer_clean.moves_between_shards(regclass,text[]), \
                 customer_clean.normalize_date(text), customer_clean.normalize_phone(text), \
                 customer_clean.owns_table(regclass), \
                 customer_clean.phone_info(text), customer_clean.preview_merge(regclass,bigint,bigint[]), \
                 customer_clean.preview_merge(regclass,text,text[]), \
                 customer_clean.quality_details(regclass,bigint), customer_clean.quality_details(regclass,text), \
                 customer_clean.quality_issues(regclass,text,text), customer_clean.quality_report(regclass), \
                 customer_clean.quality_report_text(regclass), customer_clean.quality_score(regclass,bigint), \
                 customer_clean.quality_score(regclass,text), \
                 customer_clean.quality_tally_step(bytea,regclass,text[]), \
                 customer_clean.reference_values(regclass,text[],text[]), \
                 customer_clean.referencing_keys(regclass), \
                 customer_clean.require_owner(regclass,text), \
                 customer_clean.require_privileges(regclass,text[],text), customer_clean.row_as_jsonb(regclass,text), \
                 customer_clean.row_image_sql(regclass,text), customer_clean.row_images(regclass,text[]), \
                 customer_clean.row_visible(regclass,text), \
                 customer_clean.score_block(bigint,regclass,text,bigint,bytea,bytea,double precision,bigint,text[],bytea[]), \
                 customer_clean.sees_all_rows(regclass), \
                 customer_clean.stale_customers(regclass,integer), \
                 customer_clean.updated_at_column(regclass)"
            )
        );
    }

    #[pg_test]
    fn default_region_setting_drives_one_argument_phone_functions() {
        assert_eq!(text("SELECT customer_clean.normalize_phone('138 1234 5678')"), None);
        assert_eq!(
            text("SELECT customer_clean.normalize_phone('+86 138 1234 5678')").as_deref(),
            Some("+8613812345678")
        );
        Spi::run("SET LOCAL customer_clean.default_region = 'CN'").unwrap();
        assert_eq!(text("SELECT customer_clean.normalize_phone('138 1234 5678')").as_deref(), Some("+8613812345678"));
        assert_eq!(text("SELECT customer_clean.phone_info('138 1234 5678')->>'type'").as_deref(), Some("mobile"));
        Spi::run("SET LOCAL customer_clean.default_region = 'us'").unwrap();
        assert_eq!(text("SELECT customer_clean.normalize_phone('(415) 555-0132')").as_deref(), Some("+14155550132"));
        Spi::run("SET LOCAL customer_clean.default_region = 'Narnia'").unwrap();
        assert_eq!(
            error_of("SELECT customer_clean.normalize_phone('138 1234 5678')"),
            "22023: unknown phone region \"Narnia\" HINT: use an ISO 3166-1 alpha-2 region that libphonenumber knows, such as 'CN', 'US', 'GB' or 'DE'; 'ZZ' accepts only numbers written with +country code"
        );
    }

    #[pg_test]
    fn date_order_setting_breaks_ties() {
        assert_eq!(text("SELECT current_setting('customer_clean.date_order')").as_deref(), Some("DMY"));
        assert_eq!(text("SELECT customer_clean.normalize_date('03/04/2005')::text").as_deref(), Some("2005-04-03"));
        Spi::run("SET LOCAL customer_clean.date_order = 'MDY'").unwrap();
        assert_eq!(text("SELECT customer_clean.normalize_date('03/04/2005')::text").as_deref(), Some("2005-03-04"));
        assert_eq!(text("SELECT customer_clean.normalize_date('13/04/2005')::text").as_deref(), Some("2005-04-13"));
        assert_eq!(
            text("SELECT customer_clean.normalize_date('03/04/2005', 'YMD')::text").as_deref(),
            Some("2005-04-03")
        );
        assert!(error_of("SET LOCAL customer_clean.date_order = 'ISO'")
            .starts_with("22023: invalid value for parameter \"customer_clean.date_order\": \"ISO\""));
    }

    #[pg_test]
    fn bad_arguments_raise_22023_with_a_hint() {
        assert_eq!(
            error_of("SELECT customer_clean.normalize_phone('1', 'XX')"),
            "22023: unknown phone region \"XX\" HINT: use an ISO 3166-1 alpha-2 region that libphonenumber knows, such as 'CN', 'US', 'GB' or 'DE'; 'ZZ' accepts only numbers written with +country code"
        );
        assert_eq!(
            error_of("SELECT customer_clean.normalize_date('1/2/3', 'ISO')"),
            "22023: unknown date order \"ISO\" HINT: use 'DMY', 'MDY' or 'YMD'"
        );
        for sql in [
            "SELECT customer_clean.normalize_postcode('100000', 'Atlantis')",
            "SELECT customer_clean.normalize_address('x', 'Atlantis')",
            "SELECT customer_clean.address_parts('x', 'Atlantis')",
        ] {
            let err = error_of(sql);
            assert!(err.starts_with("22023: unknown country \"Atlantis\" HINT: "), "{sql}: {err}");
        }
    }

    #[pg_test]
    fn null_in_null_out_and_blank_is_null() {
        let all_null = text(
            "SELECT concat_ws(',', customer_clean.normalize_text(NULL), customer_clean.normalize_phone(NULL, 'CN'),
                    customer_clean.normalize_phone('1', NULL), customer_clean.phone_info(NULL, 'CN')::text,
                    customer_clean.normalize_email(NULL), customer_clean.email_match_key(NULL),
                    customer_clean.normalize_name(NULL), customer_clean.name_parts(NULL)::text,
                    customer_clean.normalize_country(NULL), customer_clean.normalize_postcode(NULL, 'CN'),
                    customer_clean.normalize_date(NULL), customer_clean.normalize_address(NULL, 'CN'),
                    customer_clean.address_parts('x', NULL)::text)",
        );
        assert_eq!(all_null.as_deref(), Some(""));
        let all_blank = text(
            "SELECT concat_ws(',', customer_clean.normalize_text(' '), customer_clean.normalize_phone(' ', 'CN'),
                    customer_clean.phone_info(' ', 'CN')::text, customer_clean.normalize_email(' '),
                    customer_clean.email_match_key(' '), customer_clean.normalize_name(' '),
                    customer_clean.name_parts(' ')::text, customer_clean.normalize_country(' '),
                    customer_clean.normalize_postcode(' ', 'CN'), customer_clean.normalize_date(' '),
                    customer_clean.normalize_address(' ', 'CN'), customer_clean.address_parts(' ', 'US')::text)",
        );
        assert_eq!(all_blank.as_deref(), Some(""));
    }

    #[pg_test]
    fn megabyte_arguments_return_without_error() {
        let out = text(
            "WITH big AS (SELECT repeat('张伟 138 1234 5678 a@b.cn ', 40000) AS s)
             SELECT concat_ws('|', length(customer_clean.normalize_text(s)), customer_clean.normalize_phone(s, 'CN'),
                    customer_clean.normalize_email(s), customer_clean.normalize_date(s),
                    customer_clean.normalize_country(s), customer_clean.normalize_postcode(s, 'CN'))
               FROM big",
        );
        assert_eq!(out.as_deref(), Some("959999"));
    }

    #[pg_test]
    fn jsonb_results_have_the_documented_keys() {
        assert_eq!(
            text("SELECT customer_clean.phone_info('+1 800 555 0100', 'CN')::text").as_deref(),
            Some(
                r#"{"e164": "+18005550100", "type": "toll_free", "valid": true, "reason": null, "region": "US", "national": "(800) 555-0100", "country_code": 1, "international": "+1 800-555-0100"}"#
            )
        );
        assert_eq!(
            text("SELECT customer_clean.name_parts('ZHANG, Wei')::text").as_deref(),
            Some(r#"{"given": "Wei", "family": "Zhang", "middle": null, "script": "latin"}"#)
        );
    }

    #[pg_test]
    fn works_in_an_index_and_a_parallel_query() {
        Spi::run(
            "CREATE TEMP TABLE c(phone text);
             INSERT INTO c SELECT '138 ' || lpad(g::text, 4, '0') || ' 5678' FROM generate_series(1, 2000) g;
             CREATE INDEX ON c (customer_clean.normalize_phone(phone, 'CN'));
             ANALYZE c;",
        )
        .unwrap();
        assert_eq!(
            Spi::get_one::<i64>(
                "SELECT count(*) FROM c WHERE customer_clean.normalize_phone(phone, 'CN') = '+8613800015678'"
            )
            .unwrap(),
            Some(1)
        );
    }
}
