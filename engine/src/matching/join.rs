//! How a new row joins the clusters of the rows it matches: the decision
//! of `match_on_insert` (one node's statement trigger and Citus's
//! `match_pending`) and `match_new_rows`, made here for all of them; the
//! SQL layer only carries the steps out.
//!
//! The new row's candidates (rows sharing a blocking key with it) are
//! scored ([`Scorer`]); those at least `review_probability` probable are
//! taken best first (ties by id). The first that is at least
//! `min_probability` probable, agrees on something personal, and whose
//! cluster batch clustering would let the new row join
//! ([`cluster::join_refusal`]: no hard conflict with any member, no
//! member a steward rejected with it, not too large) is joined. Every
//! other one goes to review with the reason it was not joined — except a
//! probable one that turns out to be in the cluster the new row just
//! joined (only the clusters table can tell), which needs no review.

use super::cluster::{self, ClusterOptions, Refusal};
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

/// A member of a candidate's cluster other than the candidate, as the join
/// decision needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Its record; `None` for a row the caller cannot see (row-level
    /// security): it still counts toward the cluster's size, and nothing
    /// about its values may decide (or show in a reason).
    pub record: Option<Record>,
    /// Whether a steward rejected the pair of the new row and this member.
    pub rejected: bool,
}

/// Why a probable candidate was not joined when a better one was.
pub const JOINED_A_BETTER_ONE: &str = "probable match, but the new row joined the cluster of a better one";
/// Why a candidate between the two thresholds was not joined.
pub const UNCERTAIN: &str = "uncertain";

/// The steps for new row `record` among `candidates` (`(id, record)`;
/// ids order ties, and a pair a steward rejected is no candidate), best
/// candidate first. `members_of(i)` is the rest of candidate `i`'s cluster
/// (empty when it is in none); it is asked only of a candidate the new row
/// would join, so a row that matches nothing reads no cluster.
#[allow(clippy::too_many_arguments)]
pub fn join_steps(
    scorer: &Scorer,
    record: &Record,
    candidates: &[(&str, &Record)],
    tf: &NameFrequency,
    min_probability: f64,
    review_probability: f64,
    opts: &ClusterOptions,
    members_of: &mut dyn FnMut(usize) -> Vec<Member>,
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
        let probable = probability >= min_probability;
        let reason = if !probable {
            UNCERTAIN.to_string()
        } else if !personal {
            Refusal::NothingPersonal.as_str()
        } else if joined {
            // (only the pair itself: the new row is in a cluster already)
            match conflict(record, candidates[candidate].1) {
                Some(field) => Refusal::Conflict(field).as_str(),
                None => JOINED_A_BETTER_ONE.to_string(),
            }
        } else {
            let members = members_of(candidate);
            match refusal(scorer, record, candidates[candidate].1, &members, tf, opts) {
                Some(refusal) => refusal.as_str(),
                None => {
                    joined = true;
                    steps.push(Step::Join { candidate, probability });
                    continue;
                }
            }
        };
        steps.push(Step::Review { candidate, probability, reason, unless_same_cluster: joined && probable });
    }
    steps
}

/// Why the new row `record` may not join the cluster of `candidate` and
/// its other `members`: batch clustering's rule, with the new row as a
/// cluster of one (row 0; the candidate is row 1, the members 2…).
fn refusal(
    scorer: &Scorer,
    record: &Record,
    candidate: &Record,
    members: &[Member],
    tf: &NameFrequency,
    opts: &ClusterOptions,
) -> Option<Refusal> {
    let row = |i: u32| match i {
        0 => Some(record),
        1 => Some(candidate),
        _ => members[i as usize - 2].record.as_ref(),
    };
    let cluster: Vec<u32> = (1..members.len() as u32 + 2).collect();
    cluster::join_refusal(
        &[0],
        &cluster,
        opts,
        &|a, b| conflict(row(a)?, row(b)?),
        &|a, b| match (row(a), row(b)) {
            (Some(x), Some(y)) => scorer.score(x, y, tf).probability,
            _ => 0.0,
        },
        // (row 0 is always one of the pair; the candidate itself was not
        // rejected, or it would be no candidate)
        &|a, b| a.max(b) >= 2 && members[a.max(b) as usize - 2].rejected,
    )
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
            join_steps(&scorer, new, &candidates, &tf, 0.0, 0.0, &ClusterOptions::default(), &mut |_| vec![]),
            vec![
                Step::Join { candidate: 2, probability: p(2) },
                review(1, JOINED_A_BETTER_ONE, true),
                review(0, &Refusal::NothingPersonal.as_str(), true),
            ]
        );
        // The usual thresholds: c is not even worth a review.
        assert_eq!(
            join_steps(&scorer, new, &candidates, &tf, 0.9, 0.5, &ClusterOptions::default(), &mut |_| vec![]),
            vec![Step::Join { candidate: 2, probability: p(2) }, review(1, JOINED_A_BETTER_ONE, true)]
        );
        // Nothing probable enough to join: both reviewed as uncertain, and
        // no cluster to be in already.
        assert_eq!(
            join_steps(&scorer, new, &candidates, &tf, 0.99999, 0.5, &ClusterOptions::default(), &mut |_| vec![]),
            vec![review(2, UNCERTAIN, false), review(1, UNCERTAIN, false)]
        );
        assert_eq!(join_steps(&scorer, new, &[], &tf, 0.9, 0.5, &ClusterOptions::default(), &mut |_| vec![]), vec![]);

        // Equal scores: the smaller id first.
        let twins: Vec<(&str, &Record)> = vec![("z", &records[1]), ("y", &records[1])];
        assert_eq!(
            join_steps(&scorer, new, &twins, &tf, 0.9, 0.5, &ClusterOptions::default(), &mut |_| vec![]),
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

    /// Rows 0 and 1 (one person as far as name, phone and e-mail go) with
    /// two ID numbers and birth dates decades apart: two people.
    fn two_people(records: &[Record]) -> (Record, Record) {
        let mut new = records[0].clone();
        new.national_id = Some("110101199001011234".into());
        new.birth = crate::date::Date::new(1990, 1, 1);
        let mut other = records[1].clone();
        other.national_id = Some("440101195001019999".into());
        other.birth = crate::date::Date::new(1951, 7, 23);
        (new, other)
    }

    #[test]
    fn a_candidate_in_hard_conflict_is_reviewed_not_joined() {
        let (records, model) = trained();
        let scorer = model.scorer();
        let tf = NameFrequency::Model;
        let (new, other) = two_people(&records);
        assert_eq!(conflict(&new, &other), Some("national_id and birth_date"));
        let probability = scorer.score(&new, &other, &tf).probability;
        assert_eq!(
            join_steps(&scorer, &new, &[("x", &other)], &tf, 0.0, 0.0, &ClusterOptions::default(), &mut |_| vec![]),
            vec![Step::Review {
                candidate: 0,
                probability,
                reason: "conflicting national_id and birth_date".into(),
                unless_same_cluster: false
            }]
        );
    }

    #[test]
    fn the_new_row_joins_a_cluster_only_where_batch_clustering_would_let_it() {
        let (records, model) = trained();
        let scorer = model.scorer();
        let tf = NameFrequency::Model;
        // The new row matches candidate b (records[2]: no ID number); b's
        // cluster holds a row with another ID and a birth date decades off.
        let (new, far) = two_people(&records);
        let candidates: Vec<(&str, &Record)> = vec![("b", &records[2])];
        let probability = scorer.score(&new, &records[2], &tf).probability;
        let opts = ClusterOptions::default();
        let steps = |members: Vec<Member>, opts: &ClusterOptions| {
            join_steps(&scorer, &new, &candidates, &tf, 0.0, 0.0, opts, &mut |i| {
                assert_eq!(i, 0);
                members.clone()
            })
        };
        let review =
            |reason: String| vec![Step::Review { candidate: 0, probability, reason, unless_same_cluster: false }];
        let join = vec![Step::Join { candidate: 0, probability }];

        // Alone, b is joined.
        assert_eq!(steps(vec![], &opts), join);
        // A member in hard conflict with the new row keeps it out.
        let conflicting = Member { record: Some(far.clone()), rejected: false };
        assert_eq!(steps(vec![conflicting], &opts), review("conflicting national_id and birth_date".into()));
        // A member the caller cannot see decides nothing…
        let hidden = Member { record: None, rejected: false };
        assert_eq!(steps(vec![hidden.clone()], &opts), join);
        // …but counts toward the size: b, it and the new row are three.
        let two = ClusterOptions { max_cluster_size: 2, ..ClusterOptions::default() };
        assert_eq!(steps(vec![], &two), join);
        assert_eq!(steps(vec![hidden], &two), review(Refusal::TooLarge.as_str()));
        // A member a steward rejected with the new row keeps it out.
        let rejected = Member { record: Some(records[1].clone()), rejected: true };
        assert_eq!(steps(vec![rejected], &opts), review(Refusal::Rejected.as_str()));

        // The clusters are read only for the candidate that is joined.
        let all: Vec<(&str, &Record)> = vec![("c", &records[3]), ("a", &records[1]), ("b", &records[2])];
        let mut asked = vec![];
        join_steps(&scorer, &records[0], &all, &tf, 0.0, 0.0, &opts, &mut |i| {
            asked.push(i);
            vec![]
        });
        assert_eq!(asked, vec![2]);
    }
}
