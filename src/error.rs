//! The SQL edge of the error model: engine errors become PostgreSQL errors
//! with a real SQLSTATE and a HINT (never the bare XX000 of a panic).

use customer_clean_engine::{ErrorClass, SqlError};
use pgrx::pg_sys::panic::ErrorReport;
use pgrx::{PgLogLevel, PgSqlErrorCode};

fn sqlstate(class: ErrorClass) -> PgSqlErrorCode {
    match class {
        ErrorClass::InvalidParameterValue => PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
        ErrorClass::InvalidTextRepresentation => PgSqlErrorCode::ERRCODE_INVALID_TEXT_REPRESENTATION,
        ErrorClass::UndefinedColumn => PgSqlErrorCode::ERRCODE_UNDEFINED_COLUMN,
        ErrorClass::CheckViolation => PgSqlErrorCode::ERRCODE_CHECK_VIOLATION,
        ErrorClass::ObjectNotInPrerequisiteState => PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
        ErrorClass::OutOfMemory => PgSqlErrorCode::ERRCODE_OUT_OF_MEMORY,
        ErrorClass::DataCorrupted => PgSqlErrorCode::ERRCODE_DATA_CORRUPTED,
    }
}

/// Raises `error` as an ERROR; does not return.
pub fn raise<E: SqlError>(error: E, function: &'static str) -> ! {
    ErrorReport::new(sqlstate(error.class()), bounded(error.to_string()), function)
        .set_hint(error.hint())
        .report(PgLogLevel::ERROR);
    unreachable!("ereport(ERROR) returned")
}

/// Raises an ERROR with an explicit SQLSTATE, message and hint; for errors
/// that arise in the SQL layer itself (unknown table, wrong mode, …).
pub fn raise_with(code: PgSqlErrorCode, message: String, hint: String, function: &'static str) -> ! {
    ErrorReport::new(code, bounded(message), function).set_hint(hint).report(PgLogLevel::ERROR);
    unreachable!("ereport(ERROR) returned")
}

/// Longest message raised, in characters.
const MESSAGE_CHARS: usize = 1_000;

/// `message`, cut after [`MESSAGE_CHARS`] characters. Messages quote what
/// the caller passed (an option's value, a mode, a column name); a 100 MB
/// argument must not become a 100 MB error in the client and the server log.
fn bounded(message: String) -> String {
    match message.char_indices().nth(MESSAGE_CHARS) {
        None => message,
        Some((cut, _)) => {
            format!("{}… (message cut at {MESSAGE_CHARS} of {} characters)", &message[..cut], message.chars().count())
        }
    }
}

/// Raises a failure of an internal catalog query (SPI) as SQLSTATE 38000
/// (external_routine_exception) naming the function, never a bare XX000.
pub fn spi_failed(function: &'static str, error: impl std::fmt::Display) -> ! {
    raise_with(
        PgSqlErrorCode::ERRCODE_EXTERNAL_ROUTINE_EXCEPTION,
        format!("{function}: reading or writing the customer_clean catalog failed: {error}"),
        "check that the customer_clean tables exist and that you may read and write them".into(),
        function,
    )
}

/// Raises 22004 for a NULL in argument `index` (0-based) of a function
/// whose argument type refuses NULL (`Table`, `Json`).
pub fn null_argument(index: usize, what: &str, hint: &str) -> ! {
    raise_with(
        PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED,
        format!("argument {}{what} must not be NULL", index + 1),
        hint.into(),
        "customer_clean",
    )
}

/// `value`, or 22004 (null_value_not_allowed) naming the argument, for
/// the arguments of functions that are not STRICT because another
/// argument may be NULL.
pub fn not_null<T>(value: Option<T>, argument: &str, function: &'static str) -> T {
    value.unwrap_or_else(|| {
        raise_with(
            PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED,
            format!("{function}: {argument} must not be NULL"),
            format!("pass a value for {argument}"),
            function,
        )
    })
}

/// `result.or_raise("fn")`: the value, or the error raised as an ERROR.
pub trait OrRaise<T> {
    fn or_raise(self, function: &'static str) -> T;
}

impl<T, E: SqlError> OrRaise<T> for Result<T, E> {
    fn or_raise(self, function: &'static str) -> T {
        self.unwrap_or_else(|e| raise(e, function))
    }
}

/// `spi_result.or_spi_failed("fn")`: the value, or the failure of an
/// internal query raised as [`spi_failed`] naming the caller.
pub trait OrSpiFailed<T> {
    fn or_spi_failed(self, function: &'static str) -> T;
}

impl<T, E: std::fmt::Display> OrSpiFailed<T> for Result<T, E> {
    fn or_spi_failed(self, function: &'static str) -> T {
        self.unwrap_or_else(|e| spi_failed(function, e))
    }
}

/// What [`json_row`] raises when the query finds nothing.
pub struct Missing {
    pub code: PgSqlErrorCode,
    pub message: String,
    pub hint: String,
}

impl Missing {
    /// Raises it; does not return.
    pub fn raise(self, function: &'static str) -> ! {
        raise_with(self.code, self.message, self.hint, function)
    }
}

/// The jsonb that `sql` (a query returning one jsonb value, NULL when there
/// is nothing, e.g. `SELECT (SELECT to_jsonb(r) FROM … WHERE id = $1)`)
/// gives for `args`; raises `missing` on NULL and 38000 if the query fails.
pub fn json_row(
    sql: &str,
    args: &[pgrx::datum::DatumWithOid],
    function: &'static str,
    missing: impl FnOnce() -> Missing,
) -> serde_json::Value {
    match pgrx::Spi::get_one_with_args::<pgrx::JsonB>(sql, args) {
        Ok(Some(json)) => json.0,
        Ok(None) => missing().raise(function),
        Err(e) => spi_failed(function, e),
    }
}
