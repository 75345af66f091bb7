//! Finding the same customer written many ways: the record linkage engine.
//!
//! The pieces, in the order a `dedupe` uses them:
//! - [`record`]: what of a row takes part in matching ([`Record`]), read
//!   from the role values of the profile and prepared once per row;
//! - [`comparison`]: the comparisons (name, phone, e-mail, …) and their
//!   ordered agreement levels, from "exact" down to "different";
//! - [`blocking`]: match keys per row, so only rows sharing a key are ever
//!   compared; the keys are also stored and indexed for `match_row`;
//! - [`model`]: the Fellegi–Sunter model — u-probabilities from random
//!   pairs, m-probabilities by EM over blocked pairs, term-frequency
//!   adjusted names — with scoring and explanations;
//! - [`cluster`]: pairs to clusters without chaining strong clusters
//!   together through one weak link;
//! - [`incremental`]: what a run leaves for the next, and how changed
//!   rows change the candidate pairs;
//! - [`distributed`]: the same pairs scored block by block where a
//!   cluster's nodes hold them (Citus);
//! - [`join`]: how a new row joins the clusters of the rows it matches
//!   (`match_on_insert`, `match_new_rows`).
//!
//! Nothing here calls PostgreSQL; long loops report progress through a
//! callback on the calling thread, so the SQL layer can check for a cancel
//! request there. Worker threads only compute.

pub mod blocking;
pub mod cluster;
pub mod comparison;
pub mod dedupe;
pub mod distributed;
pub mod external;
pub mod field;
pub mod incremental;
pub mod join;
pub mod model;
pub mod parallel;
pub mod record;
pub mod rng;
pub mod spill;
pub mod store;

pub use comparison::Field;
pub use model::{Model, TrainOptions};
pub use record::{Record, RecordSchema};
