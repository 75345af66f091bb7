//! What of a customer row takes part in matching.
//!
//! A [`Record`] is prepared once per row from the values of the profiled
//! columns and then compared with many others, so everything that costs
//! (parsing a phone number, romanizing a Chinese name, reading a date) is
//! done here, once. Values are usually already clean — the cleaning trigger
//! or `clean_table` normalized them — so each reader first tries the cheap
//! path for a clean value and only then parses.

use crate::compare::PreparedName;
use crate::date::{normalize_date, Date, DateOrder};
use crate::phone::Region;
use crate::profile::{Profile, Role};
use crate::text;

use super::comparison::Field;

/// Which roles a table offers for matching, in the order the SQL layer
/// reads their columns, and how to read ambiguous values.
#[derive(Debug, Clone)]
pub struct RecordSchema {
    /// The roles read for each row, after the id.
    pub roles: Vec<Role>,
    default_region: Option<&'static str>,
    date_order: DateOrder,
    today: Date,
}

/// Roles that matching reads (the id is read separately).
const MATCH_ROLES: [Role; 13] = [
    Role::Name,
    Role::GivenName,
    Role::FamilyName,
    Role::Phone,
    Role::Mobile,
    Role::Email,
    Role::Address,
    Role::City,
    Role::Postcode,
    Role::Country,
    Role::BirthDate,
    Role::Gender,
    Role::NationalId,
];

impl RecordSchema {
    /// `today` bounds birth dates (see [`read_birth_date`]).
    pub fn from_profile(profile: &Profile, today: Date) -> RecordSchema {
        let roles = MATCH_ROLES.into_iter().filter(|r| profile.column(*r).is_some()).collect();
        RecordSchema {
            roles,
            default_region: profile.options.default_region,
            date_order: profile.options.date_order,
            today,
        }
    }

    /// The comparisons this table can make, in model order.
    pub fn fields(&self) -> Vec<Field> {
        let has = |r: Role| self.roles.contains(&r);
        Field::ALL
            .into_iter()
            .filter(|f| match f {
                Field::Name => has(Role::Name) || has(Role::GivenName) != has(Role::FamilyName),
                Field::GivenName | Field::FamilyName => self.split_names(),
                Field::Phone => has(Role::Phone) || has(Role::Mobile),
                Field::Email => has(Role::Email),
                Field::BirthDate => has(Role::BirthDate),
                Field::NationalId => has(Role::NationalId),
                Field::Location => has(Role::Address) || has(Role::Postcode) || has(Role::City),
                Field::Gender => has(Role::Gender),
            })
            .collect()
    }

    /// Whether names are compared as given and family name apart: the
    /// table has both columns and no full-name column.
    fn split_names(&self) -> bool {
        !self.roles.contains(&Role::Name) && self.roles.contains(&Role::GivenName) && self.roles.contains(&Role::FamilyName)
    }

    /// Prepares one row; `values[i]` is the value of `self.roles[i]`.
    pub fn record(&self, values: &[Option<&str>]) -> Record {
        let get = |role: Role| -> Option<&str> {
            let i = self.roles.iter().position(|r| *r == role)?;
            values.get(i).copied().flatten().filter(|v| !text::is_blank(v))
        };
        let name = match get(Role::Name) {
            Some(full) => PreparedName::new(full),
            None => match (get(Role::GivenName), get(Role::FamilyName)) {
                (None, None) => None,
                (given, family) => {
                    PreparedName::new(&format!("{} {}", given.unwrap_or(""), family.unwrap_or("")))
                }
            },
        };
        let country = get(Role::Country).and_then(crate::country::normalize_country).or(self.default_region);
        let mut phones = Vec::new();
        for role in [Role::Phone, Role::Mobile] {
            if let Some(e164) = get(role).and_then(|p| read_phone(p, country)) {
                if !phones.contains(&e164) {
                    phones.push(e164);
                }
            }
        }
        let (name_key, name_sound) = name.as_ref().map(|n| (n.key(), n.phonetic_key())).unwrap_or_default();
        let (given, family) = if self.split_names() {
            (
                get(Role::GivenName).and_then(|v| NamePart::new(v, Field::GivenName)).map(Box::new),
                get(Role::FamilyName).and_then(|v| NamePart::new(v, Field::FamilyName)).map(Box::new),
            )
        } else {
            (None, None)
        };
        Record {
            name,
            name_key,
            name_sound,
            given,
            family,
            phones,
            email_key: get(Role::Email).and_then(crate::email::email_match_key),
            birth: get(Role::BirthDate).and_then(|d| read_birth_date(d, self.date_order, self.today)),
            national_id: get(Role::NationalId).and_then(identifier_key),
            address: get(Role::Address).and_then(free_text_key),
            postcode: get(Role::Postcode).and_then(identifier_key),
            city: get(Role::City).and_then(free_text_key),
            gender: get(Role::Gender).and_then(crate::cn_id::read_gender),
        }
    }
}

/// One row, prepared for comparison.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub name: Option<PreparedName>,
    /// `name.key()` and `name.phonetic_key()`, computed once (empty
    /// without a name): compared for every pair.
    pub name_key: String,
    pub name_sound: String,
    /// The given and the family name apart, when the table keeps them in
    /// two columns (see [`Field::GivenName`]). Boxed: most tables have one
    /// name column, and an unboxed pair would add 240 bytes to every row
    /// a batch job holds.
    pub given: Option<Box<NamePart>>,
    pub family: Option<Box<NamePart>>,
    /// Distinct E.164 numbers of the phone and mobile columns.
    pub phones: Vec<String>,
    /// [`crate::email::email_match_key`] of the address.
    pub email_key: Option<String>,
    pub birth: Option<Date>,
    /// Letters and digits only, upper case (`110105 19491231 002x` and
    /// `11010519491231002X` are one ID; `154-14-2471` is `154142471`).
    pub national_id: Option<String>,
    /// Cleaned, lower-cased address line.
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    /// `M` or `F`.
    pub gender: Option<&'static str>,
}

/// A given or family name prepared for comparison, with its key and sound.
#[derive(Debug, Clone)]
pub struct NamePart {
    pub name: PreparedName,
    pub key: String,
    pub sound: String,
    /// The key prefixed with the field (`family_name:smith`), under which
    /// the part is counted for term frequencies: a given name and a family
    /// name written alike are counted apart.
    pub frequency_key: String,
}

impl NamePart {
    pub(crate) fn new(value: &str, field: Field) -> Option<NamePart> {
        let name = PreparedName::new(value)?;
        let key = name.key();
        Some(NamePart { frequency_key: format!("{}:{key}", field.as_str()), key, sound: name.phonetic_key(), name })
    }
}

/// E.164 of a phone value: taken as is when it already is E.164 (the
/// cleaner wrote it), else parsed in the row's country.
fn read_phone(value: &str, country: Option<&'static str>) -> Option<String> {
    let v = value.trim();
    if let Some(digits) = v.strip_prefix('+') {
        if (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some(v.to_string());
        }
    }
    let region = country.and_then(|c| Region::parse(c).ok()).unwrap_or_else(|| Region::parse("ZZ").expect("ZZ"));
    crate::phone::normalize_phone_in(v, region)
}

/// A birth date; one in the future is a two-digit year read in the wrong
/// century (`4/13/42` is 1942, not 2042), so it moves back 100 years.
fn read_birth_date(value: &str, order: DateOrder, today: Date) -> Option<Date> {
    let d = normalize_date(value, order)?;
    if d <= today {
        return Some(d);
    }
    // 29 February of a leap year 100 years back may not exist (1900).
    Date::new(d.year - 100, u32::from(d.month), u32::from(d.day)).or(Date::new(d.year - 100, u32::from(d.month), 28))
}

/// Letters and digits of an identifier, width-folded and upper-cased;
/// `None` when nothing is left.
fn identifier_key(value: &str) -> Option<String> {
    if value.len() > crate::MAX_FIELD_BYTES {
        return None;
    }
    let key: String = text::fold_width_cow(value)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    (!key.is_empty()).then_some(key)
}

/// Free text (addresses, cities) cleaned and lower-cased, so that case,
/// width and spacing never make two spellings differ.
fn free_text_key(value: &str) -> Option<String> {
    if value.len() > crate::MAX_FIELD_BYTES {
        return None;
    }
    text::normalize_text(value).map(|s| s.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::TableColumn;
    use serde_json::json;

    fn schema(columns: serde_json::Value, options: serde_json::Value) -> RecordSchema {
        let names: Vec<String> = columns.as_object().unwrap().values().map(|v| v.as_str().unwrap().to_string()).collect();
        let table: Vec<TableColumn> = names.iter().map(|n| TableColumn { name: n.clone(), is_text: true }).collect();
        RecordSchema::from_profile(&Profile::parse(&columns, &options, &table).unwrap(), Date::new(2026, 11, 23).unwrap())
    }

    #[test]
    fn reads_roles_in_profile_order() {
        let s = schema(
            json!({"id": "id", "name": "n", "phone": "p", "country": "c", "birth_date": "b", "national_id": "i"}),
            json!({"default_region": "CN"}),
        );
        assert_eq!(s.roles, vec![Role::Name, Role::Phone, Role::Country, Role::BirthDate, Role::NationalId]);
        assert_eq!(s.fields(), vec![Field::Name, Field::Phone, Field::BirthDate, Field::NationalId]);
        let r = s.record(&[Some("张伟"), Some("138 0013 8000"), None, Some("1985年3月12日"), Some("'11010519491231002x")]);
        assert_eq!(r.name_key, "wei zhang");
        assert_eq!(r.phones, vec!["+8613800138000".to_string()]);
        assert_eq!(r.birth, Date::new(1985, 3, 12));
        assert_eq!(r.national_id.as_deref(), Some("11010519491231002X"));
        // A US number needs the row's country.
        let r = s.record(&[Some("John Smith"), Some("(212) 731-1968"), Some("U.S."), Some(""), None]);
        assert_eq!(r.phones, vec!["+12127311968".to_string()]);
        assert_eq!(r.birth, None);
        // 2042 is in the future: a two-digit year in the wrong century.
        let r = s.record(&[None, None, None, Some("2042-04-13"), None]);
        assert_eq!(r.birth, Date::new(1942, 4, 13));
        let r = s.record(&[None, None, None, Some("2026-11-23"), None]);
        assert_eq!(r.birth, Date::new(2026, 11, 23));
    }

    #[test]
    fn given_and_family_make_the_name() {
        let s = schema(json!({"id": "id", "given_name": "g", "family_name": "f", "postcode": "pc"}), json!({}));
        let r = s.record(&[Some("john"), Some("SMITH"), Some(" 2000 ")]);
        assert_eq!(r.name_key, "john smith");
        assert_eq!(r.postcode.as_deref(), Some("2000"));
        let r = s.record(&[None, None, None]);
        assert!(r.name.is_none());
        // Both columns: compared apart, each counted under its field.
        assert_eq!(s.fields(), vec![Field::GivenName, Field::FamilyName, Field::Location]);
        let r = s.record(&[Some("john"), Some("SMITH"), None]);
        assert_eq!(r.family.as_ref().map(|f| f.frequency_key.as_str()), Some("family_name:smith"));
        assert_eq!(r.given.as_ref().map(|g| g.frequency_key.as_str()), Some("given_name:john"));
        // A full name wins over the parts; one part alone is the name.
        let s = schema(json!({"id": "id", "name": "n", "given_name": "g", "family_name": "f"}), json!({}));
        assert_eq!(s.fields(), vec![Field::Name]);
        assert!(s.record(&[Some("John Smith"), Some("john"), Some("smith")]).given.is_none());
        let s = schema(json!({"id": "id", "family_name": "f"}), json!({}));
        assert_eq!(s.fields(), vec![Field::Name]);
    }
}
