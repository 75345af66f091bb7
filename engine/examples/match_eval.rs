//! Accuracy and speed of the matching engine alone on the generated
//! customers (bench/gen_customers.py), for tuning the model without a
//! database: cleans each row as the trigger would, trains, dedupes, and
//! prints pairwise precision, recall and F1 against `true_entity_id`, the
//! blocking recall, and look-alike household pairs merged by mistake.
//!
//! ```text
//! cargo run --release -p customer_clean_engine --example match_eval -- [--rows N] [--file CSV] [--weights]
//! ```
//! The in-database benchmark with Splink side by side is bench/match.sh.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use customer_clean_engine::clean::clean_row;
use customer_clean_engine::date::Date;
use customer_clean_engine::matching::dedupe::{self, DedupeOptions};
use customer_clean_engine::matching::model::{name_counts, NameFrequency};
use customer_clean_engine::matching::{parallel, Model, Record, RecordSchema, TrainOptions};
use customer_clean_engine::row::Context;

mod common;
use common::{read_csv, CleaningSetup};

const TODAY: Date = Date { year: 2026, month: 11, day: 23 };

fn pairs_of(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// The generated customers, cleaned row by row as the trigger would, and
/// the values of the roles matching reads.
fn generated(header: &[String], csv: &[Vec<String>], threads: usize) -> (RecordSchema, Vec<Vec<Option<String>>>) {
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let setup = CleaningSetup::new(header);
    let ctx = Context { profile: &setup.profile, layout: &setup.layout, today: TODAY };
    let positions: Vec<usize> = setup.layout.columns.iter().map(|c| col(c)).collect();
    let schema = RecordSchema::from_profile(&setup.profile, TODAY);
    let role_pos: Vec<usize> =
        schema.roles.iter().map(|r| setup.layout.index(&setup.profile.column(*r).unwrap().column).unwrap()).collect();
    let rows = parallel::map(
        csv,
        threads,
        10_000,
        |r| {
            let mut row: Vec<Option<String>> =
                positions.iter().map(|&p| r.get(p).filter(|v| !v.is_empty()).cloned()).collect();
            clean_row(&mut row, &setup.rules, &ctx);
            role_pos.iter().map(|&i| row[i].take()).collect()
        },
        &mut |_| {},
    );
    (schema, rows)
}

/// FEBRL as bench/match.sh loads it: the address is street number,
/// address_1 and address_2 in one column; values as they are.
fn febrl(header: &[String], csv: &[Vec<String>]) -> (RecordSchema, Vec<Vec<Option<String>>>) {
    use customer_clean_engine::profile::{Profile, TableColumn};
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let columns = serde_json::json!({"id": "id", "given_name": "given_name", "family_name": "surname",
        "address": "address", "city": "suburb", "postcode": "postcode", "province": "state",
        "birth_date": "date_of_birth", "national_id": "soc_sec_id"});
    let table: Vec<TableColumn> =
        ["id", "given_name", "surname", "address", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"]
            .iter()
            .map(|n| TableColumn { name: n.to_string(), is_text: true })
            .collect();
    let profile = Profile::parse(&columns, &serde_json::json!({"default_region": "AU", "date_order": "YMD"}), &table)
        .expect("profile");
    let schema = RecordSchema::from_profile(&profile, TODAY);
    let rows = csv
        .iter()
        .map(|r| {
            schema
                .roles
                .iter()
                .map(|role| {
                    let v = if profile.column(*role).unwrap().column == "address" {
                        ["street_number", "address_1", "address_2"].map(|c| r[col(c)].as_str()).join(" ")
                    } else {
                        r[col(&profile.column(*role).unwrap().column)].clone()
                    };
                    Some(v.trim().to_string()).filter(|v| !v.is_empty())
                })
                .collect()
        })
        .collect();
    (schema, rows)
}

/// `--keys`: per blocking rule (key kind), how many blocks, how many are
/// too large to pair, and the pairs and true pairs its blocks make — to
/// see which rule makes the candidate pairs grow with the rows.
fn key_report(records: &[Record], entity: &[&str]) {
    use customer_clean_engine::matching::blocking::{keys_by_kind, DEFAULT_MAX_BLOCK, WEAK_MAX_BLOCK};
    let mut kinds: Vec<String> = Vec::new();
    let mut all: Vec<(u8, i64, u32)> = Vec::new();
    for (row, r) in records.iter().enumerate() {
        for (kind, key) in keys_by_kind(r, 1) {
            let k = kinds.iter().position(|x| *x == kind).unwrap_or_else(|| {
                kinds.push(kind);
                kinds.len() - 1
            });
            all.push((k as u8, key, row as u32));
        }
    }
    all.sort_unstable();
    // (blocks of 2+, over the limit, pairs, true pairs, largest paired)
    let mut stats = vec![(0u64, 0u64, 0u64, 0u64, 0usize); kinds.len()];
    // The kinds (bits) that pair each true pair.
    let mut true_by: HashMap<(u32, u32), u32> = HashMap::new();
    for block in all.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let k = block[0].0 as usize;
        let limit = if kinds[k] == "NameWordPostcode" { WEAK_MAX_BLOCK } else { DEFAULT_MAX_BLOCK };
        let s = &mut stats[k];
        if block.len() < 2 {
            continue;
        }
        s.0 += 1;
        if block.len() > limit {
            s.1 += 1;
            continue;
        }
        s.2 += pairs_of(block.len() as u64);
        s.4 = s.4.max(block.len());
        for (i, a) in block.iter().enumerate() {
            for b in block[i + 1..].iter().filter(|b| entity[a.2 as usize] == entity[b.2 as usize]) {
                s.3 += 1;
                *true_by.entry((a.2.min(b.2), a.2.max(b.2))).or_default() |= 1 << k;
            }
        }
    }
    let mut only = vec![0u64; kinds.len()];
    for bits in true_by.values().filter(|b| b.is_power_of_two()) {
        only[bits.trailing_zeros() as usize] += 1;
    }
    println!("| key kind | blocks of 2+ | over the limit | pairs | true pairs | true pairs no other kind pairs | largest paired block |");
    println!("|---|---|---|---|---|---|---|");
    for (k, (blocks, over, pairs, truth, largest)) in stats.iter().enumerate() {
        println!("| {} | {blocks} | {over} | {pairs} | {truth} | {} | {largest} |", kinds[k], only[k]);
    }
    println!("true pairs paired by some kind: {}", true_by.len());
}

fn main() {
    let mut rows_wanted = 100_000usize;
    let mut file = "bench/out/customers_1000000_42.csv".to_string();
    let mut show_weights = false;
    let mut show_keys = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rows" => rows_wanted = args.next().and_then(|n| n.parse().ok()).expect("--rows N"),
            "--file" => file = args.next().expect("--file CSV"),
            "--weights" => show_weights = true,
            "--keys" => show_keys = true,
            other => panic!("unknown argument {other}; use --rows N, --file CSV, --weights, --keys"),
        }
    }
    let (header, csv) = read_csv(&file, rows_wanted);
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let entity_col = col("true_entity_id");
    // FEBRL has no households: every row is its own.
    let household_col = header.iter().position(|h| h == "household_id");
    let threads = parallel::thread_count(0);
    let t = Instant::now();
    let (schema, rows) =
        if header.iter().any(|h| h == "soc_sec_id") { febrl(&header, &csv) } else { generated(&header, &csv, threads) };
    let cleaning_s = t.elapsed().as_secs_f64();
    let records = parallel::map(
        &rows,
        threads,
        10_000,
        |row| {
            let values: Vec<Option<&str>> = row.iter().map(|v| v.as_deref()).collect();
            schema.record(&values)
        },
        &mut |_| {},
    );
    let prepare_s = t.elapsed().as_secs_f64() - cleaning_s;
    // The compact form batch matching spills (docs/dedupe_at_scale.md):
    // every record must come back equal; its size and cost are reported.
    let t = Instant::now();
    let mut encoded_bytes = 0usize;
    let mut buf = Vec::new();
    for r in &records {
        buf.clear();
        r.encode(&mut buf);
        encoded_bytes += buf.len();
        assert_eq!(Record::decode(&buf).as_ref(), Ok(r), "a record did not round-trip");
    }
    let codec_s = t.elapsed().as_secs_f64();

    if show_keys {
        let entity_col = col("true_entity_id");
        key_report(&records, &csv.iter().map(|r| r[entity_col].as_str()).collect::<Vec<_>>());
    }

    let mut quiet = |_: &str, _: usize, _: usize| {};
    let t = Instant::now();
    let model =
        Model::train(&records, &schema.fields(), 1, &TrainOptions::default(), usize::MAX, &mut quiet).expect("train");
    let train_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let opts = DedupeOptions::default();
    let counts = name_counts(&records);
    let tf = NameFrequency::Counted(&counts, records.len());
    let mut result = dedupe::dedupe(&records, &model, 1, &opts, &HashSet::new(), &tf, &mut quiet).expect("dedupe");
    let review = result.review_pairs(&HashSet::new());
    let dedupe_s = t.elapsed().as_secs_f64();
    // MATCH_EVAL_SPILL=MB: the same dedupe again in bounded memory (the
    // SQL layer's pipeline, spilling to memory here) with buffers of MB
    // megabytes; everything it finds must be the same.
    if let Some(mb) = std::env::var("MATCH_EVAL_SPILL").ok().and_then(|v| v.parse::<usize>().ok()) {
        use customer_clean_engine::matching::external::{Budget, ExternalDedupe, Prepared};
        use customer_clean_engine::matching::spill::MemorySpill;
        let t = Instant::now();
        let mut spill = MemorySpill::default();
        let mut job = ExternalDedupe::new(1, Budget::of(mb << 20));
        let prepared = parallel::map(&records, threads, 10_000, |r| Prepared::new(r, 1), &mut |_| {});
        for p in &prepared {
            job.push(p, &mut spill).expect("spill");
        }
        drop(prepared);
        let mut outcome =
            job.run(&model, &opts, &HashSet::new(), &mut spill, &|| usize::MAX, &mut quiet).expect("external dedupe");
        let spilled_review = outcome.dedupe.review_pairs(&HashSet::new());
        assert!(outcome.dedupe.stats == result.stats, "stats differ: {:?} / {:?}", outcome.dedupe.stats, result.stats);
        assert!(outcome.dedupe.pairs == result.pairs, "scored pairs differ");
        assert!(outcome.dedupe.clustering.root == result.clustering.root, "clusters differ");
        assert!(spilled_review == review, "review pairs differ");
        let spilled_bytes: usize = spill.runs.iter().map(Vec::len).sum();
        eprintln!(
            "spilled dedupe: the same outcome, {:.2} s, {} runs, {} MB written, {} score ranges",
            t.elapsed().as_secs_f64(),
            spill.runs.len(),
            spilled_bytes >> 20,
            outcome.store.ranges((mb << 20) / 4).len()
        );
    }

    if show_weights {
        println!("prior {:.3e}; training {:?}", model.prior, model.training);
        for f in &model.fields {
            for l in &f.levels {
                println!("  {:12} {:22} m={:.5} u={:.3e} w={:+.2}", f.field.as_str(), l.level, l.m, l.u, l.weight);
            }
        }
    }

    // Pairwise scores from the cross-tab of (cluster, entity).
    let entity: Vec<&str> = csv.iter().map(|r| r[entity_col].as_str()).collect();
    let household: Vec<&str> =
        csv.iter().enumerate().map(|(i, r)| household_col.map_or(entity[i], |c| r[c].as_str())).collect();
    let root = &result.clustering.root;
    let mut by_entity: HashMap<&str, u64> = HashMap::new();
    let mut by_cluster: HashMap<u32, u64> = HashMap::new();
    let mut by_both: HashMap<(u32, &str), u64> = HashMap::new();
    for (i, e) in entity.iter().enumerate() {
        *by_entity.entry(e).or_default() += 1;
        *by_cluster.entry(root[i]).or_default() += 1;
        *by_both.entry((root[i], e)).or_default() += 1;
    }
    let true_pairs: u64 = by_entity.values().map(|n| pairs_of(*n)).sum();
    let predicted: u64 = by_cluster.values().map(|n| pairs_of(*n)).sum();
    let tp: u64 = by_both.values().map(|n| pairs_of(*n)).sum();
    let precision = tp as f64 / predicted.max(1) as f64;
    let recall = tp as f64 / true_pairs.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);

    // Blocking recall: true pairs that share a match key.
    let (candidates, _) =
        dedupe::candidate_pairs(&records, 1, model.max_block_size, threads, usize::MAX, &mut |_, _, _| {})
            .expect("pairs");
    let candidate_set: HashSet<(u32, u32)> = candidates.into_iter().collect();
    let mut members: HashMap<&str, Vec<u32>> = HashMap::new();
    for (i, e) in entity.iter().enumerate() {
        members.entry(e).or_default().push(i as u32);
    }
    let mut blocked_true = 0u64;
    let fields = model.field_list();
    // Level counts of the true pairs: the m-probabilities EM should find.
    let show = std::env::var("MATCH_EVAL_SHOW").ok();
    let mut shown = 0;
    let mut true_levels: Vec<Vec<u64>> = fields.iter().map(|f| vec![0; f.level_count()]).collect();
    for m in members.values() {
        for (x, a) in m.iter().enumerate() {
            for b in &m[x + 1..] {
                let blocked = candidate_set.contains(&(*a.min(b), *a.max(b)));
                blocked_true += blocked as u64;
                // MATCH_EVAL_MISSED=1 prints true pairs blocking missed.
                if !blocked && std::env::var("MATCH_EVAL_MISSED").is_ok() && shown < 15 {
                    shown += 1;
                    println!("MISSED\n    {:?}\n    {:?}", csv[*a as usize], csv[*b as usize]);
                }
                // MATCH_EVAL_APART=1 prints true pairs blocking found that
                // ended in different clusters, with the model's view.
                if blocked
                    && root[*a as usize] != root[*b as usize]
                    && std::env::var("MATCH_EVAL_APART").is_ok()
                    && shown < 25
                {
                    shown += 1;
                    let ex = model.explain(&records[*a as usize], &records[*b as usize], &NameFrequency::Model);
                    let levels: Vec<String> = ex
                        .fields
                        .iter()
                        .map(|f| format!("{}={}({:+.1})", f.field.as_str(), f.level, f.weight))
                        .collect();
                    println!(
                        "APART p={:.4} {}\n    {:?}\n    {:?}",
                        ex.probability,
                        levels.join(" "),
                        csv[*a as usize],
                        csv[*b as usize]
                    );
                }
                for (i, f) in fields.iter().enumerate() {
                    let l = f.compare(&records[*a as usize], &records[*b as usize]) as usize;
                    true_levels[i][l] += 1;
                    // MATCH_EVAL_SHOW=birth_date:different prints such true pairs.
                    if show.as_deref() == Some(&format!("{}:{}", f.as_str(), f.label(l))) && shown < 15 {
                        shown += 1;
                        println!("    {:?}\n    {:?}", csv[*a as usize], csv[*b as usize]);
                    }
                }
            }
        }
    }
    if show_weights {
        for (i, f) in fields.iter().enumerate() {
            let known: u64 = true_levels[i][1..].iter().sum();
            let shares: Vec<String> = f
                .labels()
                .skip(1)
                .zip(&true_levels[i][1..])
                .map(|(l, c)| format!("{l}={:.4}", *c as f64 / known.max(1) as f64))
                .collect();
            println!("  true m {:12} {}", f.as_str(), shares.join(" "));
        }
    }
    // Household members merged by mistake.
    let mut household_fp = 0u64;
    let mut fp_shown = 0;
    let mut by_cluster_members: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, r) in root.iter().enumerate() {
        by_cluster_members.entry(*r).or_default().push(i);
    }
    for m in by_cluster_members.values().filter(|m| m.len() > 1) {
        for (x, a) in m.iter().enumerate() {
            for b in &m[x + 1..] {
                household_fp += (entity[*a] != entity[*b] && household[*a] == household[*b]) as u64;
                // MATCH_EVAL_FP=1 prints false pairs with the model's view.
                if entity[*a] != entity[*b] && std::env::var("MATCH_EVAL_FP").is_ok() && fp_shown < 12 {
                    fp_shown += 1;
                    let ex = model.explain(&records[*a], &records[*b], &NameFrequency::Model);
                    let levels: Vec<String> = ex
                        .fields
                        .iter()
                        .map(|f| format!("{}={}({:+.1})", f.field.as_str(), f.level, f.weight))
                        .collect();
                    println!("FP p={:.4} {}\n    {:?}\n    {:?}", ex.probability, levels.join(" "), csv[*a], csv[*b]);
                }
            }
        }
    }
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for (_, r) in &result.clustering.refused {
        *reasons.entry(r.as_str()).or_default() += 1;
    }
    if show_weights {
        println!("refused: {reasons:?}");
    }
    println!(
        "{{\"rows\": {}, \"cleaning_s\": {cleaning_s:.2}, \"records_s\": {prepare_s:.2}, \"encoded_bytes_per_row\": {:.1}, \"encode_decode_s\": {codec_s:.2}, \"train_s\": {train_s:.2}, \"dedupe_s\": {dedupe_s:.2}, \
         \"precision\": {precision:.5}, \"recall\": {recall:.5}, \"f1\": {f1:.5}, \"true_pairs\": {true_pairs}, \
         \"predicted_pairs\": {predicted}, \"tp\": {tp}, \"blocking_recall\": {:.5}, \"candidate_pairs\": {}, \
         \"household_false_pairs\": {household_fp}, \"review_pairs\": {}, \"refused_links\": {}}}",
        records.len(),
        encoded_bytes as f64 / records.len().max(1) as f64,
        blocked_true as f64 / true_pairs.max(1) as f64,
        candidate_set.len(),
        review.len(),
        result.clustering.refused.len(),
    );
}
