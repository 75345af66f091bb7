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
    Report::new(sqlstate(error.class()), function, error.to_string()).hint(error.hint()).raise()
}

/// An ERROR of the SQL layer being put together, then raised:
///
/// ```ignore
/// Report::new(PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE, "enable_cleaning", format!("unknown mode \"{m}\""))
///     .hint("use 'reject', 'flag' or 'quarantine'")
///     .raise()
/// ```
///
/// Every report has a SQLSTATE, names the function that raises it (the
/// caller passed down, never invented) and keeps its message within
/// [`MESSAGE_CHARS`]; a DETAIL and a HINT are optional.
#[must_use = "a report does nothing until it is raised"]
pub struct Report {
    code: PgSqlErrorCode,
    function: &'static str,
    message: String,
    detail: Option<String>,
    hint: Option<String>,
}

impl Report {
    pub fn new(code: PgSqlErrorCode, function: &'static str, message: impl Into<String>) -> Report {
        Report { code, function, message: message.into(), detail: None, hint: None }
    }

    /// More about what happened (one line per item).
    pub fn detail(mut self, detail: impl Into<String>) -> Report {
        self.detail = Some(detail.into());
        self
    }

    /// What the caller can do about it.
    pub fn hint(mut self, hint: impl Into<String>) -> Report {
        self.hint = Some(hint.into());
        self
    }

    /// Raises it as an ERROR; does not return.
    pub fn raise(self) -> ! {
        let mut report = ErrorReport::new(self.code, bounded(self.message), self.function);
        if let Some(detail) = self.detail {
            report = report.set_detail(detail);
        }
        if let Some(hint) = self.hint {
            report = report.set_hint(hint);
        }
        report.report(PgLogLevel::ERROR);
        unreachable!("ereport(ERROR) returned")
    }
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
    Report::new(
        PgSqlErrorCode::ERRCODE_EXTERNAL_ROUTINE_EXCEPTION,
        function,
        format!("{function}: reading or writing the customer_clean catalog failed: {error}"),
    )
    .hint("check that the customer_clean tables exist and that you may read and write them")
    .raise()
}

/// Raises 22004 for a NULL in argument `index` (0-based) of a function
/// whose argument type refuses NULL (`Table`, `Json`).
pub fn null_argument(index: usize, what: &str, hint: &str) -> ! {
    Report::new(
        PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED,
        "customer_clean",
        format!("argument {}{what} must not be NULL", index + 1),
    )
    .hint(hint)
    .raise()
}

/// `value`, or 22004 (null_value_not_allowed) naming the argument, for
/// the arguments of functions that are not STRICT because another
/// argument may be NULL.
pub fn not_null<T>(value: Option<T>, argument: &str, function: &'static str) -> T {
    value.unwrap_or_else(|| {
        Report::new(
            PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED,
            function,
            format!("{function}: {argument} must not be NULL"),
        )
        .hint(format!("pass a value for {argument}"))
        .raise()
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
        Report::new(self.code, function, self.message).hint(self.hint).raise()
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
