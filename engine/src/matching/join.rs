//! How a new row joins the clusters of the rows it matches: the decision
//! of `match_on_insert` (one node's statement trigger and Citus's
//! `match_pending`) and `match_new_rows`, made here for all of them; the
//! SQL layer only carries the steps out.
//!
//! The new row's candidates (rows sharing a blocking key with it) are
//! scored ([`Scorer`]); those at least `review_probability` probable are
//! taken best first (ties by id). The first that is at least
//! `min_probability` probable, agrees on something personal and has no
//! hard conflict with the new row is joined. Every other one goes to
//! review with the reason it was not joined — except a probable one that
//! turns out to be in the cluster the new row just joined (only the
//! clusters table can tell), which needs no review.

use super::cluster::Refusal;
use super::dedupe::conflict;
use super::model::{NameFrequency, Scorer};
use super::record::Record;

/// What to do about one candidate of the new row.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Put the new row into the cluster of candidate `candidate` (an index
    /// into the candidates), making that cluster when it has none.
    Join { candidate: usize, probability: f64 },
    /// Send the pair (new row, candidate) to review with `reason`; when
    /// `unless_same_cluster`, only if the candidate is not in the cluster
    /// the new row joined.
    Review { candidate: usize, probability: f64, reason: String, unless_same_cluster: bool },
}

/// Why a probable candidate was not joined when a better one was.
pub const JOINED_A_BETTER_ONE: &str = "probable match, but the new row joined the cluster of a better one";
/// Why a candidate between the two thresholds was not joined.
pub const UNCERTAIN: &str = "uncertain";

/// The steps for new row `record` among `candidates` (`(id, record)`;
/// ids order ties), best candidate first.
pub fn join_steps(
    scorer: &Scorer,
    record: &Record,
    candidates: &[(&str, &Record)],
    tf: &NameFrequency,
    min_probability: f64,
    review_probability: f64,
) -> Vec<Step> {
    let mut scored: Vec<(usize, f64, bool)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, (_, c))| {
            let s = scorer.score_at_least(record, c, tf, review_probability)?;
            Some((i, s.probability, s.personal))
        })
        .collect();
    scored.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(candidates[x.0].0.cmp(candidates[y.0].0)));
    let mut joined = false;
    let mut steps = Vec::with_capacity(scored.len());
    for (candidate, probability, personal) in scored {
        let conflict = conflict(record, candidates[candidate].1);
        let probable = probability >= min_probability;
        if !joined && probable && personal && conflict.is_none() {
            joined = true;
            steps.push(Step::Join { candidate, probability });
            continue;
        }
        let reason = if !probable {
            UNCERTAIN.to_string()
        } else if !personal {
            Refusal::NothingPersonal.as_str()
        } else if let Some(field) = conflict {
            Refusal::Conflict(field).as_str()
        } else {
            JOINED_A_BETTER_ONE.to_string()
        };
        steps.push(Step::Review { candidate, probability, reason, unless_same_cluster: joined && probable });
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::external::tests::records;
    use crate::matching::model::TrainOptions;
    use crate::matching::Model;

    /// The test records of `external` and a model trained on them.
    fn trained() -> (Vec<Record>, Model) {
        let (records, fields) = records();
        let model =
            Model::train(&records, &fields, 7, &TrainOptions::default(), usize::MAX, &mut |_, _, _| {}).unwrap();
        (records, model)
    }

    #[test]
    fn the_best_personal_candidate_is_joined_and_every_other_one_reviewed_with_its_reason() {
        let (records, model) = trained();
        let scorer = model.scorer();
        let tf = NameFrequency::Model;
        // Rows 0-2 are one person (three rows a person); row 3 is the next
        // person, who shares only contact details with row 0.
        let new = &records[0];
        let candidates: Vec<(&str, &Record)> = vec![("c", &records[3]), ("a", &records[1]), ("b", &records[2])];
        let p = |i: usize| scorer.score(new, candidates[i].1, &tf).probability;
        // (the order the steps come in: b, a, then c)
        assert!(p(2) > p(1) && p(1) > 0.9999 && p(2) < 0.99999 && p(0) < 1e-10);
        let review = |candidate: usize, reason: &str, unless_same_cluster: bool| Step::Review {
            candidate,
            probability: p(candidate),
            reason: reason.to_string(),
            unless_same_cluster,
        };

        // Every candidate scored: b joined; a probable but b was better;
        // c probable at a threshold of 0, yet nothing personal agrees.
        assert_eq!(
            join_steps(&scorer, new, &candidates, &tf, 0.0, 0.0),
            vec![
                Step::Join { candidate: 2, probability: p(2) },
                review(1, JOINED_A_BETTER_ONE, true),
                review(0, &Refusal::NothingPersonal.as_str(), true),
            ]
        );
        // The usual thresholds: c is not even worth a review.
        assert_eq!(
            join_steps(&scorer, new, &candidates, &tf, 0.9, 0.5),
            vec![Step::Join { candidate: 2, probability: p(2) }, review(1, JOINED_A_BETTER_ONE, true)]
        );
        // Nothing probable enough to join: both reviewed as uncertain, and
        // no cluster to be in already.
        assert_eq!(
            join_steps(&scorer, new, &candidates, &tf, 0.99999, 0.5),
            vec![review(2, UNCERTAIN, false), review(1, UNCERTAIN, false)]
        );
        assert_eq!(join_steps(&scorer, new, &[], &tf, 0.9, 0.5), vec![]);

        // Equal scores: the smaller id first.
        let twins: Vec<(&str, &Record)> = vec![("z", &records[1]), ("y", &records[1])];
        assert_eq!(
            join_steps(&scorer, new, &twins, &tf, 0.9, 0.5),
            vec![
                Step::Join { candidate: 1, probability: p(1) },
                Step::Review {
                    candidate: 0,
                    probability: p(1),
                    reason: JOINED_A_BETTER_ONE.into(),
                    unless_same_cluster: true
                }
            ]
        );
    }

    #[test]
    fn a_candidate_in_hard_conflict_is_reviewed_not_joined() {
        let (records, model) = trained();
        let scorer = model.scorer();
        let tf = NameFrequency::Model;
        // Two rows of one person as far as name, phone and e-mail go, with
        // two ID numbers and birth dates decades apart: two people.
        let mut new = records[0].clone();
        new.national_id = Some("110101199001011234".into());
        new.birth = crate::date::Date::new(1990, 1, 1);
        let mut other = records[1].clone();
        other.national_id = Some("440101195001019999".into());
        other.birth = crate::date::Date::new(1951, 7, 23);
        assert_eq!(conflict(&new, &other), Some("national_id and birth_date"));
        let probability = scorer.score(&new, &other, &tf).probability;
        assert_eq!(
            join_steps(&scorer, &new, &[("x", &other)], &tf, 0.0, 0.0),
            vec![Step::Review {
                candidate: 0,
                probability,
                reason: "conflicting national_id and birth_date".into(),
                unless_same_cluster: false
            }]
        );
    }
}
