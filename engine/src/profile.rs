//! Table profiles: which column of a customer table plays which role.
//!
//! A profile is what `customer_clean.register(tbl, columns, options)` stores:
//! `columns` maps a role (`"phone"`) to a column name (`"mobile"`),
//! `options` holds table-wide settings (`"default_region": "CN"`). Parsing
//! checks everything against the table's real columns, so a profile that
//! parses can be used without further checks; identifiers are kept as plain
//! names and quoted by the SQL layer whenever it builds a statement.

use serde_json::Value;
use std::fmt;

use crate::date::DateOrder;
use crate::error::{ErrorClass, SqlError};
use crate::quality_options::QualityOptions;

/// The most values `source_priority` may list.
pub const MAX_SOURCES: usize = 1_000;

/// What a column holds, as far as cleaning and matching are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Id,
    Name,
    GivenName,
    FamilyName,
    Phone,
    Mobile,
    Email,
    Address,
    City,
    Province,
    Postcode,
    Country,
    BirthDate,
    Gender,
    NationalId,
    UpdatedAt,
    Source,
}

impl Role {
    pub const ALL: [Role; 17] = [
        Role::Id,
        Role::Name,
        Role::GivenName,
        Role::FamilyName,
        Role::Phone,
        Role::Mobile,
        Role::Email,
        Role::Address,
        Role::City,
        Role::Province,
        Role::Postcode,
        Role::Country,
        Role::BirthDate,
        Role::Gender,
        Role::NationalId,
        Role::UpdatedAt,
        Role::Source,
    ];

    /// The role's name in profiles (`"national_id"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::Name => "name",
            Role::GivenName => "given_name",
            Role::FamilyName => "family_name",
            Role::Phone => "phone",
            Role::Mobile => "mobile",
            Role::Email => "email",
            Role::Address => "address",
            Role::City => "city",
            Role::Province => "province",
            Role::Postcode => "postcode",
            Role::Country => "country",
            Role::BirthDate => "birth_date",
            Role::Gender => "gender",
            Role::NationalId => "national_id",
            Role::UpdatedAt => "updated_at",
            Role::Source => "source",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    fn all_names() -> String {
        Role::ALL.map(Role::as_str).join(", ")
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A column of the customer table as the catalog describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableColumn {
    pub name: String,
    /// `text` or `varchar`: the cleaner may write a normalized string back.
    /// Other types (date, timestamptz, integer, …) are validated only.
    pub is_text: bool,
}

/// One role played by one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub role: Role,
    pub column: String,
    pub is_text: bool,
}

/// Table-wide settings of a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileOptions {
    /// Region for phone numbers without a country code and country for
    /// addresses and postcodes when the row has none (`None`: only
    /// `+country code` numbers are read).
    pub default_region: Option<&'static str>,
    /// How ambiguous dates such as `03/04/2005` are read.
    pub date_order: DateOrder,
    /// Survivorship rule per column, where it differs from the role's
    /// default (`"survivorship": {"email": "most_recent"}`).
    pub survivorship: Vec<(String, SurvivorRule)>,
    /// Values of the `source` column, most trusted first, for the
    /// `source_priority` rule (`"source_priority": ["crm", "web"]`).
    pub source_priority: Vec<String>,
    /// Targets, weights and the timeliness window of quality reports
    /// (`"quality": {"targets": {"validity": 0.99}}`).
    pub quality: QualityOptions,
    /// Tables that refer to customers without a foreign key, which merge
    /// re-points as it does those of foreign keys.
    pub references: Vec<DeclaredReference>,
    /// A jsonb column of the table where the cleaning trigger keeps the
    /// original of each value it changed (`"originals_column":
    /// "cleaning_originals"`) instead of `customer_clean.changes`: no
    /// journal row per write, the latest originals only (see
    /// [`crate::originals`]).
    pub originals_column: Option<String>,
}

/// A table referring to customer rows without a foreign key
/// (`"references": [{"table": "crm.invoices", "columns": ["customer_id"]}]`,
/// optionally with `"to": ["id"]`, the customer columns referred to, the
/// id column by default). Citus allows no foreign key from a reference
/// table, or from a distributed table not co-located with the customer
/// table, to a distributed table; a declared reference lets merge and
/// unmerge re-point such rows all the same. Whether the table and columns
/// exist is checked by `register` (the engine knows no catalog).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredReference {
    /// The referencing table, as SQL names it (`schema.table`).
    pub table: String,
    /// Its columns holding the reference, in the order of `to`.
    pub columns: Vec<String>,
    /// The customer table's columns they refer to.
    pub to: Vec<String>,
}

impl Default for ProfileOptions {
    fn default() -> Self {
        ProfileOptions {
            default_region: None,
            date_order: DateOrder::Dmy,
            survivorship: Vec::new(),
            source_priority: Vec::new(),
            quality: QualityOptions::default(),
            references: Vec::new(),
            originals_column: None,
        }
    }
}

/// A parsed, checked profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub bindings: Vec<Binding>,
    pub options: ProfileOptions,
}

impl Profile {
    /// The column playing `role`, if any.
    pub fn column(&self, role: Role) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.role == role)
    }

    /// The id column (every profile has one).
    pub fn id_column(&self) -> &str {
        self.column(Role::Id).map(|b| b.column.as_str()).unwrap_or_default()
    }

    /// Reads `columns` and `options` (the jsonb arguments of `register`)
    /// against the table's `table_columns`.
    pub fn parse(columns: &Value, options: &Value, table_columns: &[TableColumn]) -> Result<Profile, ProfileError> {
        let map = columns.as_object().ok_or(ProfileError::NotAnObject("columns"))?;
        let mut bindings: Vec<Binding> = Vec::with_capacity(map.len());
        for (role_name, column) in map {
            let role = Role::parse(role_name).ok_or_else(|| ProfileError::UnknownRole(role_name.clone()))?;
            let column =
                column.as_str().ok_or_else(|| ProfileError::ColumnNotAString { role, value: column.to_string() })?;
            let found = table_columns.iter().find(|c| c.name == column).ok_or_else(|| ProfileError::UnknownColumn {
                role,
                column: column.to_string(),
                table_columns: table_columns.iter().map(|c| c.name.clone()).collect(),
            })?;
            bindings.push(Binding { role, column: found.name.clone(), is_text: found.is_text });
        }
        if !bindings.iter().any(|b| b.role == Role::Id) {
            return Err(ProfileError::MissingId);
        }
        // A column cleaned twice under two roles would be normalized by two
        // rules; the one exception that makes sense is none, so refuse it.
        bindings.sort_by_key(|b| b.role);
        for (i, b) in bindings.iter().enumerate() {
            if let Some(other) = bindings[..i].iter().find(|o| o.column == b.column) {
                return Err(ProfileError::ColumnTwice { column: b.column.clone(), first: other.role, second: b.role });
            }
        }
        let mut profile = Profile { bindings, options: ProfileOptions::parse(options)? };
        profile.check_survivorship(table_columns)?;
        profile.check_references(table_columns)?;
        profile.check_originals_column(table_columns)?;
        Ok(profile)
    }

    /// The originals column exists and plays no role: the trigger writes
    /// it, so it cannot also be a value the trigger cleans.
    fn check_originals_column(&self, table_columns: &[TableColumn]) -> Result<(), ProfileError> {
        let Some(column) = &self.options.originals_column else { return Ok(()) };
        if !table_columns.iter().any(|c| &c.name == column) {
            return Err(ProfileError::UnknownOriginalsColumn {
                column: column.clone(),
                table_columns: table_columns.iter().map(|c| c.name.clone()).collect(),
            });
        }
        if let Some(b) = self.bindings.iter().find(|b| &b.column == column) {
            return Err(ProfileError::OriginalsColumnHasRole { column: column.clone(), role: b.role });
        }
        Ok(())
    }

    /// Every declared reference refers to columns of the table (the id
    /// column when it names none), as many as it has.
    fn check_references(&mut self, table_columns: &[TableColumn]) -> Result<(), ProfileError> {
        let id = self.id_column().to_string();
        for (i, r) in self.options.references.iter_mut().enumerate() {
            let bad = |why: String| ProfileError::BadReference { index: i + 1, why };
            if r.to.is_empty() {
                r.to.push(id.clone());
            }
            if let Some(c) = r.to.iter().find(|c| !table_columns.iter().any(|t| &t.name == *c)) {
                return Err(bad(format!("\"to\" names column \"{c}\", which the table does not have")));
            }
            if r.columns.len() != r.to.len() {
                return Err(bad(format!("{} columns refer to {} columns", r.columns.len(), r.to.len())));
            }
        }
        Ok(())
    }

    /// Every column named in `survivorship` exists, and every rule has the
    /// role it reads.
    fn check_survivorship(&self, table_columns: &[TableColumn]) -> Result<(), ProfileError> {
        for (column, rule) in &self.options.survivorship {
            if !table_columns.iter().any(|c| &c.name == column) {
                return Err(ProfileError::UnknownSurvivorshipColumn {
                    column: column.clone(),
                    table_columns: table_columns.iter().map(|c| c.name.clone()).collect(),
                });
            }
            if let Some(role) = rule.needs_role().filter(|r| self.column(*r).is_none()) {
                return Err(ProfileError::RuleNeedsRole { column: column.clone(), rule: *rule, role });
            }
        }
        Ok(())
    }
}

impl ProfileOptions {
    fn parse(options: &Value) -> Result<ProfileOptions, ProfileError> {
        let map = options.as_object().ok_or(ProfileError::NotAnObject("options"))?;
        let mut out = ProfileOptions::default();
        for (key, value) in map {
            let text = || {
                value.as_str().ok_or_else(|| ProfileError::BadOption { option: key.clone(), value: value.to_string() })
            };
            match key.as_str() {
                "default_region" => {
                    let v = text()?;
                    let region = crate::country::country_code_arg(v)
                        .map_err(|_| ProfileError::BadOption { option: key.clone(), value: v.to_string() })?;
                    crate::phone::Region::parse(region)
                        .map_err(|_| ProfileError::BadOption { option: key.clone(), value: v.to_string() })?;
                    out.default_region = Some(region);
                }
                "date_order" => {
                    let v = text()?;
                    out.date_order = DateOrder::parse(v)
                        .map_err(|_| ProfileError::BadOption { option: key.clone(), value: v.to_string() })?;
                }
                "survivorship" => {
                    let bad = || ProfileError::BadOption { option: key.clone(), value: value.to_string() };
                    for (column, rule) in value.as_object().ok_or_else(bad)? {
                        let rule = rule.as_str().and_then(SurvivorRule::parse).ok_or_else(|| {
                            ProfileError::UnknownSurvivorRule { column: column.clone(), rule: rule.to_string() }
                        })?;
                        out.survivorship.push((column.clone(), rule));
                    }
                }
                "quality" => {
                    out.quality = QualityOptions::parse(value)?;
                }
                "references" => out.references = parse_references(value)?,
                "originals_column" => {
                    let column = text()?;
                    // A column name: PostgreSQL's identifiers have at most 63 bytes.
                    if column.is_empty() || column.len() > 63 {
                        return Err(ProfileError::BadOption { option: key.clone(), value: value.to_string() });
                    }
                    out.originals_column = Some(column.to_string());
                }
                "source_priority" => {
                    let bad = || ProfileError::BadOption { option: key.clone(), value: value.to_string() };
                    let sources = value.as_array().ok_or_else(bad)?;
                    // Each merge compares every value against this list: a
                    // bound keeps that cheap whatever the caller stored.
                    if sources.len() > MAX_SOURCES {
                        return Err(ProfileError::TooManySources(sources.len()));
                    }
                    for source in sources {
                        let source = source.as_str().ok_or_else(bad)?.trim();
                        if source.len() > crate::MAX_FIELD_BYTES {
                            return Err(ProfileError::SourceTooLong(source.len()));
                        }
                        out.source_priority.push(source.to_string());
                    }
                }
                _ => return Err(ProfileError::UnknownOption(key.clone())),
            }
        }
        Ok(out)
    }
}

/// At most this many declared references per profile (each is one more
/// statement in every merge).
pub const MAX_REFERENCES: usize = 100;

/// The `references` option: a bounded array of objects with a `table`, its
/// `columns` and optionally the `to` columns, each a non-empty name of at
/// most 63 bytes (PostgreSQL's identifier length) and the table at most
/// two (`schema.table`, each quoted if need be).
fn parse_references(value: &Value) -> Result<Vec<DeclaredReference>, ProfileError> {
    let list =
        value.as_array().ok_or_else(|| ProfileError::BadReference { index: 0, why: "it must be an array".into() })?;
    if list.len() > MAX_REFERENCES {
        return Err(ProfileError::BadReference {
            index: 0,
            why: format!("{} references, more than the {MAX_REFERENCES} allowed", list.len()),
        });
    }
    let names = |r: &Value, key: &str, index: usize, required: bool| -> Result<Vec<String>, ProfileError> {
        let bad = |why: String| ProfileError::BadReference { index, why };
        let Some(v) = r.get(key) else {
            return if required { Err(bad(format!("\"{key}\" is missing"))) } else { Ok(vec![]) };
        };
        let items = v
            .as_array()
            .filter(|a| !a.is_empty() && a.len() <= 32)
            .ok_or_else(|| bad(format!("\"{key}\" must be an array of 1 to 32 column names, not {v}")))?;
        items
            .iter()
            .map(|c| match c.as_str() {
                Some(c) if !c.is_empty() && c.len() <= 63 => Ok(c.to_string()),
                _ => Err(bad(format!("\"{key}\" holds {c}, not a column name of 1 to 63 bytes"))),
            })
            .collect()
    };
    list.iter()
        .enumerate()
        .map(|(i, r)| {
            let index = i + 1;
            let bad = |why: String| ProfileError::BadReference { index, why };
            let fields = r.as_object().ok_or_else(|| bad(format!("it must be an object, not {r}")))?;
            if let Some(k) = fields.keys().find(|k| !["table", "columns", "to"].contains(&k.as_str())) {
                return Err(bad(format!("unknown key \"{k}\"")));
            }
            let table = match r.get("table").and_then(Value::as_str) {
                Some(t) if !t.trim().is_empty() && t.len() <= 2 * 63 + 5 => t.trim().to_string(),
                _ => return Err(bad("\"table\" must name a table, e.g. \"crm.invoices\"".into())),
            };
            Ok(DeclaredReference {
                table,
                columns: names(r, "columns", index, true)?,
                to: names(r, "to", index, false)?,
            })
        })
        .collect()
}

/// Why a profile cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("{0} must be a JSON object")]
    NotAnObject(&'static str),
    #[error("unknown column role \"{0}\"")]
    UnknownRole(String),
    #[error("the column for role \"{role}\" must be a JSON string, not {value}")]
    ColumnNotAString { role: Role, value: String },
    #[error("column \"{column}\" (role \"{role}\") does not exist in the table")]
    UnknownColumn { role: Role, column: String, table_columns: Vec<String> },
    #[error("the profile has no \"id\" column")]
    MissingId,
    #[error("column \"{column}\" is given two roles, \"{first}\" and \"{second}\"")]
    ColumnTwice { column: String, first: Role, second: Role },
    #[error("unknown profile option \"{0}\"")]
    UnknownOption(String),
    #[error("invalid value {value} for profile option \"{option}\"")]
    BadOption { option: String, value: String },
    #[error("source_priority lists {0} sources, more than the {max} allowed", max = MAX_SOURCES)]
    TooManySources(usize),
    #[error("a source of source_priority has {0} bytes, more than the {max} allowed", max = crate::MAX_FIELD_BYTES)]
    SourceTooLong(usize),
    /// A key of `quality` (or another checked option) out of its range.
    #[error(transparent)]
    Option(#[from] crate::options::OptionError),
    /// Reference `index` (from 1; 0: the option as a whole) of the
    /// `references` option is malformed.
    #[error("references: {}{why}", if *index == 0 { String::new() } else { format!("reference {index}: ") })]
    BadReference { index: usize, why: String },
    #[error("originals_column names column \"{column}\", which does not exist in the table")]
    UnknownOriginalsColumn { column: String, table_columns: Vec<String> },
    #[error("originals_column \"{column}\" has the role \"{role}\"; the trigger writes that column, so it cannot also be cleaned")]
    OriginalsColumnHasRole { column: String, role: Role },
    #[error("unknown survivorship rule {rule} for column \"{column}\"")]
    UnknownSurvivorRule { column: String, rule: String },
    #[error("survivorship names column \"{column}\", which does not exist in the table")]
    UnknownSurvivorshipColumn { column: String, table_columns: Vec<String> },
    #[error("survivorship rule \"{rule}\" of column \"{column}\" needs a column with role \"{role}\" in the profile")]
    RuleNeedsRole { column: String, rule: SurvivorRule, role: Role },
}

impl SqlError for ProfileError {
    fn class(&self) -> ErrorClass {
        match self {
            ProfileError::UnknownColumn { .. }
            | ProfileError::UnknownSurvivorshipColumn { .. }
            | ProfileError::UnknownOriginalsColumn { .. } => ErrorClass::UndefinedColumn,
            _ => ErrorClass::InvalidParameterValue,
        }
    }
    fn hint(&self) -> String {
        match self {
            ProfileError::NotAnObject("columns") => {
                "pass an object mapping roles to columns, e.g. '{\"id\": \"id\", \"phone\": \"mobile\"}'".into()
            }
            ProfileError::NotAnObject(_) => "pass an object, e.g. '{\"default_region\": \"CN\"}'".into(),
            ProfileError::UnknownRole(_) => format!("known roles: {}", Role::all_names()),
            ProfileError::ColumnNotAString { .. } => "write the column name as a JSON string".into(),
            ProfileError::UnknownColumn { table_columns, .. }
            | ProfileError::UnknownSurvivorshipColumn { table_columns, .. }
            | ProfileError::UnknownOriginalsColumn { table_columns, .. } => {
                format!("the table's columns are: {}", table_columns.join(", "))
            }
            ProfileError::UnknownSurvivorRule { .. } => format!("known rules: {}", SurvivorRule::all_names()),
            ProfileError::RuleNeedsRole { role, .. } => {
                format!("add the \"{role}\" role to the profile's columns, or choose another rule")
            }
            ProfileError::MissingId => {
                "name the column that identifies a customer row, e.g. '{\"id\": \"customer_id\", …}'".into()
            }
            ProfileError::ColumnTwice { .. } => "give each column one role".into(),
            ProfileError::UnknownOption(_) => {
                "known options: default_region, date_order, survivorship, source_priority, quality, references, \
                 originals_column"
                    .into()
            }
            ProfileError::BadReference { .. } => "declare tables that refer to customers without a foreign key as \
                 [{\"table\": \"crm.invoices\", \"columns\": [\"customer_id\"]}]"
                .into(),
            ProfileError::BadOption { option, .. } if option == "default_region" => {
                "use an ISO 3166-1 country code that has phone numbering, e.g. \"CN\" or \"US\"".into()
            }
            ProfileError::BadOption { option, .. } if option == "date_order" => {
                "use \"DMY\", \"MDY\" or \"YMD\"".into()
            }
            ProfileError::BadOption { option, .. } if option == "survivorship" => {
                "map columns to rules, e.g. {\"email\": \"most_recent\"}".into()
            }
            ProfileError::OriginalsColumnHasRole { .. } => {
                "add a jsonb column of its own, e.g. ALTER TABLE … ADD COLUMN cleaning_originals jsonb".into()
            }
            ProfileError::BadOption { option, .. } if option == "originals_column" => {
                "name a jsonb column of the table (1 to 63 bytes), e.g. \"cleaning_originals\"".into()
            }
            ProfileError::BadOption { option, .. } if option == "source_priority" => {
                "list source values, most trusted first, e.g. [\"crm\", \"web\"]".into()
            }
            ProfileError::Option(e) => e.hint(),
            ProfileError::TooManySources(_) | ProfileError::SourceTooLong(_) => format!(
                "list at most {MAX_SOURCES} values of the source column, each at most {} bytes, most trusted first",
                crate::MAX_FIELD_BYTES
            ),
            ProfileError::BadOption { .. } => "see the documentation of register()".into(),
        }
    }
}

/// How one column's surviving value is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SurvivorRule {
    /// The survivor's value, even when it is empty.
    Survivor,
    /// The value of the most recently updated row (`updated_at` role).
    MostRecent,
    /// The longest value, in characters after trimming.
    MostComplete,
    /// The value most rows hold (compared case- and space-insensitively).
    MostFrequent,
    /// The value of the row whose `source` ranks first in the profile's
    /// `source_priority`; sources not in the list rank last.
    SourcePriority,
    /// A value that passes validation (the column's rules and checks),
    /// else any value.
    ValidFirst,
}

impl SurvivorRule {
    pub const ALL: [SurvivorRule; 6] = [
        SurvivorRule::Survivor,
        SurvivorRule::MostRecent,
        SurvivorRule::MostComplete,
        SurvivorRule::MostFrequent,
        SurvivorRule::SourcePriority,
        SurvivorRule::ValidFirst,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SurvivorRule::Survivor => "survivor",
            SurvivorRule::MostRecent => "most_recent",
            SurvivorRule::MostComplete => "most_complete",
            SurvivorRule::MostFrequent => "most_frequent",
            SurvivorRule::SourcePriority => "source_priority",
            SurvivorRule::ValidFirst => "valid_first",
        }
    }

    pub fn parse(name: &str) -> Option<SurvivorRule> {
        SurvivorRule::ALL.into_iter().find(|r| r.as_str() == name)
    }

    pub fn all_names() -> String {
        SurvivorRule::ALL.map(SurvivorRule::as_str).join(", ")
    }

    /// The rule of a column playing `role` (None: a column without a role)
    /// when the profile names none. Contact data and identifiers prefer
    /// valid values; addresses follow the customer's latest move; names
    /// take the spelling most rows agree on.
    pub fn default_for(role: Option<Role>) -> SurvivorRule {
        match role {
            Some(Role::Name | Role::GivenName | Role::FamilyName) => SurvivorRule::MostFrequent,
            Some(Role::Phone | Role::Mobile | Role::Email | Role::BirthDate | Role::Gender | Role::NationalId) => {
                SurvivorRule::ValidFirst
            }
            Some(Role::Address | Role::City | Role::Province | Role::Postcode | Role::Country | Role::UpdatedAt) => {
                SurvivorRule::MostRecent
            }
            Some(Role::Id | Role::Source) | None => SurvivorRule::Survivor,
        }
    }

    /// The role this rule cannot work without.
    pub fn needs_role(self) -> Option<Role> {
        match self {
            SurvivorRule::MostRecent => Some(Role::UpdatedAt),
            SurvivorRule::SourcePriority => Some(Role::Source),
            _ => None,
        }
    }
}

impl std::fmt::Display for SurvivorRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table() -> Vec<TableColumn> {
        [("id", false), ("full_name", true), ("mobile", true), ("email", true), ("dob", false), ("country", true)]
            .iter()
            .map(|(n, t)| TableColumn { name: n.to_string(), is_text: *t })
            .collect()
    }

    #[test]
    fn the_originals_column_exists_and_plays_no_role() {
        let mut t = table();
        t.push(TableColumn { name: "originals".into(), is_text: false });
        let parse = |o: Value| Profile::parse(&json!({"id": "id", "email": "email"}), &o, &t);
        let p = parse(json!({"originals_column": "originals"})).unwrap();
        assert_eq!(p.options.originals_column.as_deref(), Some("originals"));
        assert_eq!(parse(json!({})).unwrap().options.originals_column, None);
        let err = |o: Value| parse(o).unwrap_err();
        let e = err(json!({"originals_column": "nope"}));
        assert_eq!(e.to_string(), "originals_column names column \"nope\", which does not exist in the table");
        assert_eq!(e.class(), ErrorClass::UndefinedColumn);
        assert_eq!(
            err(json!({"originals_column": "email"})).to_string(),
            "originals_column \"email\" has the role \"email\"; the trigger writes that column, so it cannot also be cleaned"
        );
        assert_eq!(
            err(json!({"originals_column": ""})).to_string(),
            "invalid value \"\" for profile option \"originals_column\""
        );
        assert_eq!(
            err(json!({"originals_column": 3})).to_string(),
            "invalid value 3 for profile option \"originals_column\""
        );
        let long = "x".repeat(64);
        assert_eq!(
            err(json!({"originals_column": long})).hint(),
            "name a jsonb column of the table (1 to 63 bytes), e.g. \"cleaning_originals\""
        );
    }

    #[test]
    fn declared_references_refer_to_the_id_unless_told_and_are_checked() {
        let t = table();
        let parse = |o: Value| Profile::parse(&json!({"id": "id", "email": "email"}), &o, &t);
        let p = parse(json!({"references": [
            {"table": "crm.invoices", "columns": ["customer_id"]},
            {"table": " crm.notes ", "columns": ["by_mail"], "to": ["email"]}]}))
        .unwrap();
        assert_eq!(
            p.options.references,
            vec![
                DeclaredReference {
                    table: "crm.invoices".into(),
                    columns: vec!["customer_id".into()],
                    to: vec!["id".into()]
                },
                DeclaredReference {
                    table: "crm.notes".into(),
                    columns: vec!["by_mail".into()],
                    to: vec!["email".into()]
                },
            ]
        );
        let err = |o: Value| parse(o).unwrap_err().to_string();
        assert_eq!(err(json!({"references": {}})), "references: it must be an array");
        assert_eq!(
            err(json!({"references": ["crm.x"]})),
            "references: reference 1: it must be an object, not \"crm.x\""
        );
        assert_eq!(err(json!({"references": [{"table": "crm.x"}]})), "references: reference 1: \"columns\" is missing");
        assert_eq!(
            err(json!({"references": [{"table": "crm.x", "columns": []}]})),
            "references: reference 1: \"columns\" must be an array of 1 to 32 column names, not []"
        );
        assert_eq!(
            err(json!({"references": [{"table": "crm.x", "columns": [7]}]})),
            "references: reference 1: \"columns\" holds 7, not a column name of 1 to 63 bytes"
        );
        assert_eq!(
            err(json!({"references": [{"table": "", "columns": ["a"]}]})),
            "references: reference 1: \"table\" must name a table, e.g. \"crm.invoices\""
        );
        assert_eq!(
            err(json!({"references": [{"table": "crm.x", "columns": ["a"], "on": "id"}]})),
            "references: reference 1: unknown key \"on\""
        );
        assert_eq!(
            err(
                json!({"references": [{"table": "crm.x", "columns": ["a"]}, {"table": "crm.y", "columns": ["a"], "to": ["nope"]}]})
            ),
            "references: reference 2: \"to\" names column \"nope\", which the table does not have"
        );
        assert_eq!(
            err(json!({"references": [{"table": "crm.x", "columns": ["a", "b"]}]})),
            "references: reference 1: 2 columns refer to 1 columns"
        );
        let many: Vec<Value> = (0..=MAX_REFERENCES).map(|_| json!({"table": "crm.x", "columns": ["a"]})).collect();
        assert_eq!(err(json!({ "references": many })), "references: 101 references, more than the 100 allowed");
        assert_eq!(parse(json!({"references": 1})).unwrap_err().class(), ErrorClass::InvalidParameterValue);
    }

    #[test]
    fn parses_a_profile() {
        let p = Profile::parse(
            &json!({"id": "id", "name": "full_name", "phone": "mobile", "birth_date": "dob"}),
            &json!({"default_region": "cn", "date_order": "ymd"}),
            &table(),
        )
        .unwrap();
        assert_eq!(p.id_column(), "id");
        assert_eq!(p.column(Role::Phone), Some(&Binding { role: Role::Phone, column: "mobile".into(), is_text: true }));
        assert_eq!(p.column(Role::BirthDate).map(|b| b.is_text), Some(false));
        assert_eq!(
            p.options,
            ProfileOptions { default_region: Some("CN"), date_order: DateOrder::Ymd, ..ProfileOptions::default() }
        );
        // bindings come in role order whatever the JSON order
        let roles: Vec<Role> = p.bindings.iter().map(|b| b.role).collect();
        assert_eq!(roles, vec![Role::Id, Role::Name, Role::Phone, Role::BirthDate]);
    }

    #[test]
    fn rejects_bad_profiles_with_the_right_error() {
        let t = table();
        let parse = |c: Value, o: Value| Profile::parse(&c, &o, &t).unwrap_err();
        assert_eq!(parse(json!([]), json!({})), ProfileError::NotAnObject("columns"));
        assert_eq!(parse(json!({"id": "id"}), json!("x")), ProfileError::NotAnObject("options"));
        assert_eq!(parse(json!({"id": "id", "fone": "mobile"}), json!({})), ProfileError::UnknownRole("fone".into()));
        let e = parse(json!({"id": "id", "phone": "tel"}), json!({}));
        assert_eq!(e.to_string(), "column \"tel\" (role \"phone\") does not exist in the table");
        assert_eq!(e.class(), ErrorClass::UndefinedColumn);
        assert_eq!(e.hint(), "the table's columns are: id, full_name, mobile, email, dob, country");
        assert_eq!(parse(json!({"name": "full_name"}), json!({})), ProfileError::MissingId);
        assert_eq!(
            parse(json!({"id": "id", "phone": "mobile", "mobile": "mobile"}), json!({})),
            ProfileError::ColumnTwice { column: "mobile".into(), first: Role::Phone, second: Role::Mobile }
        );
        assert_eq!(
            parse(json!({"id": 1}), json!({})),
            ProfileError::ColumnNotAString { role: Role::Id, value: "1".into() }
        );
        assert_eq!(parse(json!({"id": "id"}), json!({"region": "CN"})), ProfileError::UnknownOption("region".into()));
        assert_eq!(
            parse(json!({"id": "id"}), json!({"default_region": "Narnia"})),
            ProfileError::BadOption { option: "default_region".into(), value: "Narnia".into() }
        );
        assert_eq!(
            parse(json!({"id": "id"}), json!({"date_order": "DDMM"})),
            ProfileError::BadOption { option: "date_order".into(), value: "DDMM".into() }
        );
    }

    #[test]
    fn survivorship_options_are_checked_against_the_table_and_the_roles() {
        let t = table();
        let p = Profile::parse(
            &json!({"id": "id", "email": "email", "phone": "mobile"}),
            &json!({"survivorship": {"email": "most_complete", "dob": "survivor"}, "source_priority": [" crm ", "web"]}),
            &t,
        )
        .unwrap();
        assert_eq!(
            p.options.survivorship,
            vec![("dob".to_string(), SurvivorRule::Survivor), ("email".to_string(), SurvivorRule::MostComplete)]
        );
        assert_eq!(p.options.source_priority, vec!["crm".to_string(), "web".to_string()]);
        let parse = |o: Value| Profile::parse(&json!({"id": "id"}), &o, &t).unwrap_err();
        let e = parse(json!({"survivorship": {"email": "newest"}}));
        assert_eq!(e.to_string(), "unknown survivorship rule \"newest\" for column \"email\"");
        assert_eq!(
            e.hint(),
            "known rules: survivor, most_recent, most_complete, most_frequent, source_priority, valid_first"
        );
        let e = parse(json!({"survivorship": {"mail": "survivor"}}));
        assert_eq!(e.class(), ErrorClass::UndefinedColumn);
        assert_eq!(e.to_string(), "survivorship names column \"mail\", which does not exist in the table");
        let e = parse(json!({"survivorship": {"email": "most_recent"}}));
        assert_eq!(
            e.to_string(),
            "survivorship rule \"most_recent\" of column \"email\" needs a column with role \"updated_at\" in the profile"
        );
        assert_eq!(
            parse(json!({"survivorship": ["email"]})),
            ProfileError::BadOption { option: "survivorship".into(), value: "[\"email\"]".into() }
        );
        assert_eq!(
            parse(json!({"source_priority": ["crm", 1]})),
            ProfileError::BadOption { option: "source_priority".into(), value: "[\"crm\",1]".into() }
        );
    }

    #[test]
    fn source_priority_is_bounded() {
        let t = table();
        let parse = |o: Value| Profile::parse(&json!({"id": "id"}), &o, &t);
        let at_max: Vec<String> = (0..1000).map(|i| i.to_string()).collect();
        assert!(parse(json!({ "source_priority": at_max })).is_ok());
        let over: Vec<String> = (0..1001).map(|i| i.to_string()).collect();
        let e = parse(json!({ "source_priority": over })).unwrap_err();
        assert_eq!(e.to_string(), "source_priority lists 1001 sources, more than the 1000 allowed");
        assert_eq!(e.class(), ErrorClass::InvalidParameterValue);
        assert!(parse(json!({"source_priority": ["x".repeat(4096)]})).is_ok());
        assert_eq!(
            parse(json!({"source_priority": ["x".repeat(4097)]})).unwrap_err().to_string(),
            "a source of source_priority has 4097 bytes, more than the 4096 allowed"
        );
        // quality keys come through with their own messages
        assert_eq!(
            parse(json!({"quality": {"timeliness_days": 1e30}})).unwrap_err().to_string(),
            "register: option \"timeliness_days\" must be an integer between 0 and 36525, not 1e+30"
        );
    }

    #[test]
    fn hostile_column_names_are_only_compared_never_interpreted() {
        let mut t = table();
        t.push(TableColumn { name: "a\"; drop table x; --".into(), is_text: true });
        let p = Profile::parse(&json!({"id": "id", "name": "a\"; drop table x; --"}), &json!({}), &t).unwrap();
        assert_eq!(p.column(Role::Name).unwrap().column, "a\"; drop table x; --");
        // a look-alike (Cyrillic а) is a different column
        let e = Profile::parse(&json!({"id": "іd"}), &json!({}), &t).unwrap_err();
        assert!(matches!(e, ProfileError::UnknownColumn { .. }));
    }
}
