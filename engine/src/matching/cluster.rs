//! From scored pairs to clusters of rows that are one customer.
//!
//! Plain connected components chain: A–B strong, C–D strong and one weak or
//! wrong B–C link make {A, B, C, D} one "customer". Here pairs are taken
//! strongest first and two clusters are joined only when the whole of them
//! agrees:
//! 1. no member of one has a hard conflict with a member of the other (two
//!    different ID numbers and birth dates more than a year apart, given
//!    names not alike: one person has one of each) — this also keeps look-alike households apart when a
//!    shared phone and address made a pair look strong;
//! 2. no pair across them was rejected by a steward;
//! 3. when both clusters already have several members, the mean probability
//!    of all pairs across them reaches `min_cross_probability`, so a single
//!    link cannot glue two groups that otherwise do not match;
//! 4. the result has at most `max_cluster_size` rows.
//!
//! A pair refused for any of these is reported, so it can go to review.

/// A scored pair of rows (indexes into the records).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub a: u32,
    pub b: u32,
    pub probability: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClusterOptions {
    pub min_cross_probability: f64,
    pub max_cluster_size: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { min_cross_probability: 0.5, max_cluster_size: 1000 }
    }
}

/// Why a pair above the threshold did not join its rows' clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Members disagree on something a person has one of (the field).
    Conflict(&'static str),
    /// A steward said a pair across the clusters is not one customer.
    Rejected,
    /// The clusters as wholes do not match well enough.
    WeakAcross,
    TooLarge,
    /// Only contact details agree (phone, address), nothing personal.
    NothingPersonal,
}

impl Refusal {
    pub fn as_str(self) -> String {
        match self {
            Refusal::Conflict(field) => format!("conflicting {field}"),
            Refusal::Rejected => "a pair across the clusters was rejected".into(),
            Refusal::WeakAcross => "the clusters do not match as a whole".into(),
            Refusal::TooLarge => "the cluster would be too large".into(),
            Refusal::NothingPersonal => {
                "only contact details agree (phone, address), no name, birth date, ID or e-mail".into()
            }
        }
    }
}

/// The clusters: `root[i]` is the representative row of row `i`'s cluster
/// (itself for a row alone), `refused` the pairs kept apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Clustering {
    pub root: Vec<u32>,
    pub refused: Vec<(Edge, Refusal)>,
}

impl Clustering {
    /// Every one of `n` rows alone.
    pub fn singletons(n: usize) -> Clustering {
        Clustering { root: (0..n as u32).collect(), refused: Vec::new() }
    }

    /// Rows in clusters of at least two, as (row, representative), by row.
    pub fn members(&self) -> Vec<(u32, u32)> {
        let mut size = vec![0u32; self.root.len()];
        for r in &self.root {
            size[*r as usize] += 1;
        }
        self.root.iter().enumerate().filter(|(_, r)| size[**r as usize] > 1).map(|(i, r)| (i as u32, *r)).collect()
    }
}

/// Edges merged between two progress calls of [`cluster`].
const CLUSTER_STEP: usize = 10_000;

/// Clusters `n` rows from `edges` (all above the match threshold).
/// `conflict(a, b)` names a hard disagreement of two rows, `probability`
/// scores any two rows, `rejected(a, b)` tells a steward's "not the same".
pub fn cluster(
    n: usize,
    mut edges: Vec<Edge>,
    opts: &ClusterOptions,
    conflict: &dyn Fn(u32, u32) -> Option<&'static str>,
    probability: &dyn Fn(u32, u32) -> f64,
    rejected: &dyn Fn(u32, u32) -> bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Clustering {
    edges.sort_unstable_by(|x, y| y.probability.total_cmp(&x.probability).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
    let mut root: Vec<u32> = (0..n as u32).collect();
    // A cluster's members, filled in when an edge first reaches it: most
    // rows of a table are in no edge, and a one-element Vec per row is an
    // allocation per row of the table.
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut refused = Vec::new();
    let total = edges.len();
    for (i, e) in edges.into_iter().enumerate() {
        // Each edge may score up to max_cluster_size² pairs: report every
        // CLUSTER_STEP edges, so the SQL layer can check for a cancel.
        if i % CLUSTER_STEP == 0 {
            progress(i, total);
        }
        let (ra, rb) = (root[e.a as usize], root[e.b as usize]);
        if ra == rb {
            continue;
        }
        for r in [ra, rb] {
            if members[r as usize].is_empty() {
                members[r as usize].push(r);
            }
        }
        let (ma, mb) = (&members[ra as usize], &members[rb as usize]);
        if let Some(r) = join_refusal(ma, mb, opts, conflict, probability, rejected) {
            refused.push((e, r));
            continue;
        }
        // Union by size: move the smaller cluster's members.
        let (big, small) = if ma.len() >= mb.len() { (ra, rb) } else { (rb, ra) };
        let moved = std::mem::take(&mut members[small as usize]);
        for m in &moved {
            root[*m as usize] = big;
        }
        members[big as usize].extend(moved);
    }
    Clustering { root, refused }
}

/// [`cluster`], one connected component of the edges at a time: the same
/// clusters and the same refusals (in another order). Clustering only
/// ever looks at the two clusters an edge joins, and both lie in that
/// edge's component; within a component the edges keep their relative
/// order, and rows are numbered locally in their global order, so every
/// decision is the one the whole-table run makes. This is what lets batch
/// matching load only one batch of components' records at a time
/// (docs/dedupe_at_scale.md); `component(rows, edges)` is called with each
/// component's rows (ascending) and its edges (by global row), and returns
/// its clustering, whose `root` and edges are local.
pub fn by_component(
    n: usize,
    edges: Vec<Edge>,
    component: &mut dyn FnMut(&[u32], Vec<Edge>) -> Clustering,
) -> Clustering {
    let grouped = components(n, edges);
    let mut out = Clustering::singletons(n);
    for group in grouped.chunk_by(|x, y| x.0 == y.0) {
        cluster_component(group, component, &mut out);
    }
    out
}

/// Each edge with its connected component (named by its lowest row:
/// links always point to the lower row), grouped by component. A
/// union-find over the edges: one u32 per row while it runs.
pub fn components(n: usize, edges: Vec<Edge>) -> Vec<(u32, Edge)> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    for e in &edges {
        let (a, b) = (find(&mut parent, e.a), find(&mut parent, e.b));
        if a != b {
            parent[a.max(b) as usize] = a.min(b);
        }
    }
    // `cluster` sorts a component's edges itself, so their order within
    // a group is free.
    let mut grouped: Vec<(u32, Edge)> = edges.into_iter().map(|e| (find(&mut parent, e.a), e)).collect();
    grouped.sort_unstable_by_key(|(c, _)| *c);
    grouped
}

/// The rows of one component's edges (as [`components`] groups them),
/// ascending.
pub fn component_rows(group: &[(u32, Edge)]) -> Vec<u32> {
    let mut rows: Vec<u32> = group.iter().flat_map(|(_, e)| [e.a, e.b]).collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// Clusters one component (`group`, as [`components`] groups it): calls
/// `component` with its rows and its edges numbered locally, and writes
/// the outcome, in global rows, into `out`.
pub fn cluster_component(
    group: &[(u32, Edge)],
    component: &mut dyn FnMut(&[u32], Vec<Edge>) -> Clustering,
    out: &mut Clustering,
) {
    let rows = component_rows(group);
    let local = |g: u32| rows.binary_search(&g).expect("a row of the component") as u32;
    let part: Vec<Edge> = group.iter().map(|(_, e)| Edge { a: local(e.a), b: local(e.b), ..*e }).collect();
    let result = component(&rows, part);
    for (i, r) in result.root.iter().enumerate() {
        out.root[rows[i] as usize] = rows[*r as usize];
    }
    out.refused.extend(
        result.refused.into_iter().map(|(e, why)| (Edge { a: rows[e.a as usize], b: rows[e.b as usize], ..e }, why)),
    );
}

/// Why clusters `ma` and `mb` (their members) may not become one, if
/// they may not: rules 1–4 above. The one rule of joining clusters, in
/// batch ([`cluster`]) and for a new row on insert
/// ([`super::join::join_steps`], where `ma` is the new row alone).
pub fn join_refusal(
    ma: &[u32],
    mb: &[u32],
    opts: &ClusterOptions,
    conflict: &dyn Fn(u32, u32) -> Option<&'static str>,
    probability: &dyn Fn(u32, u32) -> f64,
    rejected: &dyn Fn(u32, u32) -> bool,
) -> Option<Refusal> {
    if ma.len() + mb.len() > opts.max_cluster_size {
        return Some(Refusal::TooLarge);
    }
    for a in ma {
        for b in mb {
            if let Some(field) = conflict(*a, *b) {
                return Some(Refusal::Conflict(field));
            }
            if rejected(*a, *b) {
                return Some(Refusal::Rejected);
            }
        }
    }
    if ma.len() > 1 && mb.len() > 1 {
        let sum: f64 = ma.iter().flat_map(|a| mb.iter().map(|b| probability(*a, *b))).sum();
        if sum / ((ma.len() * mb.len()) as f64) < opts.min_cross_probability {
            return Some(Refusal::WeakAcross);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(a: u32, b: u32, p: f64) -> Edge {
        Edge { a, b, probability: p }
    }

    #[test]
    fn a_weak_link_does_not_chain_two_strong_clusters() {
        // {0,1} and {2,3} are strong; 1–2 is just above the threshold but
        // the other cross pairs are hopeless.
        let edges = vec![e(0, 1, 0.99), e(2, 3, 0.99), e(1, 2, 0.91)];
        let prob = |a: u32, b: u32| if (a.min(b), a.max(b)) == (1, 2) { 0.91 } else { 0.01 };
        let c = cluster(4, edges, &ClusterOptions::default(), &|_, _| None, &prob, &|_, _| false, &mut |_, _| {});
        assert_eq!(c.members(), vec![(0, 0), (1, 0), (2, 2), (3, 2)]);
        assert_eq!(c.refused, vec![(e(1, 2, 0.91), Refusal::WeakAcross)]);
    }

    #[test]
    fn conflicts_and_rejections_keep_rows_apart() {
        let edges = vec![e(0, 1, 0.99), e(1, 2, 0.95), e(3, 4, 0.97)];
        let conflict = |a: u32, b: u32| ((a.min(b), a.max(b)) == (0, 2)).then_some("national_id");
        let rejected = |a: u32, b: u32| (a.min(b), a.max(b)) == (3, 4);
        let c = cluster(5, edges, &ClusterOptions::default(), &conflict, &|_, _| 1.0, &rejected, &mut |_, _| {});
        assert_eq!(c.members(), vec![(0, 0), (1, 0)]);
        assert_eq!(
            c.refused,
            vec![(e(3, 4, 0.97), Refusal::Rejected), (e(1, 2, 0.95), Refusal::Conflict("national_id"))]
        );
    }

    /// Refusals in a fixed order, to compare runs that list them apart.
    fn sorted(mut c: Clustering) -> Clustering {
        c.refused.sort_by_key(|x| (x.0.a, x.0.b));
        c
    }

    proptest::proptest! {
        #[test]
        fn by_component_is_the_same_clustering(
            raw in proptest::collection::vec((0u32..30, 0u32..30, 1u32..100), 0..80),
            conflicts in proptest::collection::btree_set((0u32..30, 0u32..30), 0..10),
            max_cluster_size in 2usize..8,
        ) {
            let mut seen = std::collections::HashSet::new();
            let edges: Vec<Edge> = raw
                .into_iter()
                .filter(|(a, b, _)| a != b && seen.insert((*a.min(b), *a.max(b))))
                .map(|(a, b, p)| e(a.min(b), a.max(b), 0.9 + f64::from(p) / 1000.0))
                .collect();
            let opts = ClusterOptions { max_cluster_size, ..ClusterOptions::default() };
            // rows are global in the whole run, local in a component's
            let conflict = |a: u32, b: u32| conflicts.contains(&(a.min(b), a.max(b))).then_some("national_id");
            let prob = |a: u32, b: u32| if (a + b).is_multiple_of(3) { 0.2 } else { 0.95 };
            let whole = cluster(30, edges.clone(), &opts, &conflict, &prob, &|_, _| false, &mut |_, _| {});
            let parts = by_component(30, edges, &mut |rows, part| {
                let g = |l: u32| rows[l as usize];
                cluster(rows.len(), part, &opts, &|a, b| conflict(g(a), g(b)), &|a, b| prob(g(a), g(b)), &|_, _| false, &mut |_, _| {})
            });
            proptest::prop_assert_eq!(sorted(parts), sorted(whole));
        }
    }

    #[test]
    fn size_limit() {
        let edges = vec![e(0, 1, 0.99), e(1, 2, 0.98)];
        let opts = ClusterOptions { max_cluster_size: 2, ..ClusterOptions::default() };
        let c = cluster(3, edges, &opts, &|_, _| None, &|_, _| 1.0, &|_, _| false, &mut |_, _| {});
        assert_eq!(c.members(), vec![(0, 0), (1, 0)]);
        assert_eq!(c.refused[0].1, Refusal::TooLarge);
    }
}
