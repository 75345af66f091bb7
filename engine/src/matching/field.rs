//! The fields a pair of records is compared on: what each is called. How
//! two records compare on one ([`Field::levels`], the comparison itself)
//! is [`super::comparison`]'s; which fields a table's records have is
//! [`super::record`]'s. Kept apart so that neither imports the other.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    /// Given and family name compared apart, for tables that keep them in
    /// two columns (in place of `Name`): a family name can then agree
    /// while the given name was left out or replaced, and the reverse.
    GivenName,
    FamilyName,
    Phone,
    Email,
    BirthDate,
    NationalId,
    Location,
    Gender,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Name,
        Field::GivenName,
        Field::FamilyName,
        Field::Phone,
        Field::Email,
        Field::BirthDate,
        Field::NationalId,
        Field::Location,
        Field::Gender,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::GivenName => "given_name",
            Field::FamilyName => "family_name",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::BirthDate => "birth_date",
            Field::NationalId => "national_id",
            Field::Location => "location",
            Field::Gender => "gender",
        }
    }

    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }
}
