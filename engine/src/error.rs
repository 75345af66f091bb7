//! The contract between engine errors and SQLSTATEs.
//!
//! Each module has its own `thiserror` enum; all of them implement
//! [`SqlError`], which tells the SQL layer which class of SQLSTATE to raise
//! and what hint to give. The engine knows nothing about PostgreSQL codes
//! themselves; the mapping from [`ErrorClass`] to a SQLSTATE is in the
//! extension crate (`src/error.rs`).

/// Classes of errors the engine can report, each mapping to one SQLSTATE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// An argument has a value outside its domain (SQLSTATE 22023).
    InvalidParameterValue,
    /// A text argument cannot be read as the type it stands for (22P02).
    InvalidTextRepresentation,
    /// A column named in an argument does not exist (42703).
    UndefinedColumn,
    /// A row breaks the table's cleaning rules (23514).
    CheckViolation,
    /// Something must be done first, e.g. train a model (55000).
    ObjectNotInPrerequisiteState,
    /// The work would need more memory than it may take (53200).
    OutOfMemory,
    /// Bytes a job wrote to its temporary files did not read back as
    /// written (XX001).
    DataCorrupted,
}

/// Implemented by every engine error so the SQL layer can report it.
pub trait SqlError: std::error::Error {
    /// Which SQLSTATE class this error belongs to.
    fn class(&self) -> ErrorClass;
    /// A hint telling the user how to fix the call.
    fn hint(&self) -> String;
}
