//! What of a customer row takes part in matching.
//!
//! A [`Record`] is prepared once per row from the values of the profiled
//! columns and then compared with many others, so everything that costs
//! (parsing a phone number, romanizing a Chinese name, reading a date) is
//! done here, once. Values are usually already clean — the cleaning trigger
//! or `clean_table` normalized them — so each reader first tries the cheap
//! path for a clean value and only then parses.

use crate::codec::{DecodeError, Reader, Writer};
use crate::compare::PreparedName;
use crate::date::{normalize_date, Date, DateOrder};
use crate::phone::Region;
use crate::profile::{Profile, Role};
use crate::text;

use super::field::Field;

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

    /// What, besides a row's values, its record depends on (the roles read
    /// and how values are interpreted), as text: an incremental `dedupe`
    /// reuses stored state only while it is the same. `today` is not in it:
    /// see [`RecordSchema::recheck_on`].
    pub fn basis(&self) -> String {
        format!("{:?} {:?} {:?}", self.roles, self.default_region, self.date_order)
    }

    /// The day from which a row with these values reads differently: its
    /// birth date lies after `today`, so it is read as a century earlier
    /// (see [`read_birth_date`]) until then. `values` as for
    /// [`RecordSchema::record`].
    pub fn recheck_on(&self, values: &[Option<&str>]) -> Option<Date> {
        let i = self.roles.iter().position(|r| *r == Role::BirthDate)?;
        let d = normalize_date(values.get(i).copied().flatten()?, self.date_order)?;
        (d > self.today).then_some(d)
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
        !self.roles.contains(&Role::Name)
            && self.roles.contains(&Role::GivenName)
            && self.roles.contains(&Role::FamilyName)
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
                (given, family) => PreparedName::new(&format!("{} {}", given.unwrap_or(""), family.unwrap_or(""))),
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
#[derive(Debug, Clone, Default, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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

// Which optional parts an encoded record has (the bits of its first
// varint).
const HAS_NAME: u64 = 1;
const HAS_GIVEN: u64 = 1 << 1;
const HAS_FAMILY: u64 = 1 << 2;
const HAS_EMAIL: u64 = 1 << 3;
const HAS_BIRTH: u64 = 1 << 4;
const HAS_ID: u64 = 1 << 5;
const HAS_ADDRESS: u64 = 1 << 6;
const HAS_POSTCODE: u64 = 1 << 7;
const HAS_CITY: u64 = 1 << 8;
const GENDER_M: u64 = 1 << 9;
const GENDER_F: u64 = 1 << 10;

impl Record {
    /// Appends the record's compact form (about a fifth of its size in
    /// memory): what batch matching spills to temporary files (see
    /// [`crate::codec`]). [`Record::decode`] gives back an equal record.
    pub fn encode(&self, out: &mut Vec<u8>) {
        let mut w = Writer(out);
        let bit = |present: bool, b: u64| if present { b } else { 0 };
        w.varint(
            bit(self.name.is_some(), HAS_NAME)
                | bit(self.given.is_some(), HAS_GIVEN)
                | bit(self.family.is_some(), HAS_FAMILY)
                | bit(self.email_key.is_some(), HAS_EMAIL)
                | bit(self.birth.is_some(), HAS_BIRTH)
                | bit(self.national_id.is_some(), HAS_ID)
                | bit(self.address.is_some(), HAS_ADDRESS)
                | bit(self.postcode.is_some(), HAS_POSTCODE)
                | bit(self.city.is_some(), HAS_CITY)
                | bit(self.gender == Some("M"), GENDER_M)
                | bit(self.gender == Some("F"), GENDER_F),
        );
        if let Some(name) = &self.name {
            name.encode(&mut w);
        }
        w.str(&self.name_key);
        w.str(&self.name_sound);
        for part in [&self.given, &self.family].into_iter().flatten() {
            part.name.encode(&mut w);
            w.str(&part.key);
            w.str(&part.sound);
            w.str(&part.frequency_key);
        }
        w.varint(self.phones.len() as u64);
        self.phones.iter().for_each(|p| w.str(p));
        if let Some(birth) = self.birth {
            // zigzag: years before 1 AD stay short
            w.varint(((birth.year << 1) ^ (birth.year >> 31)) as u32 as u64);
            w.u8(birth.month);
            w.u8(birth.day);
        }
        for value in
            [&self.email_key, &self.national_id, &self.address, &self.postcode, &self.city].into_iter().flatten()
        {
            w.str(value);
        }
    }

    /// The record [`Record::encode`] wrote in `bytes` (all of them).
    pub fn decode(bytes: &[u8]) -> Result<Record, DecodeError> {
        let mut r = Reader::new(bytes);
        let has = r.varint()?;
        let name = if has & HAS_NAME != 0 { Some(PreparedName::decode(&mut r)?) } else { None };
        let name_key = r.str()?.to_string();
        let name_sound = r.str()?.to_string();
        let mut part = |present: bool| -> Result<Option<Box<NamePart>>, DecodeError> {
            if !present {
                return Ok(None);
            }
            let name = PreparedName::decode(&mut r)?;
            let (key, sound, frequency_key) = (r.str()?.to_string(), r.str()?.to_string(), r.str()?.to_string());
            Ok(Some(Box::new(NamePart { name, key, sound, frequency_key })))
        };
        let given = part(has & HAS_GIVEN != 0)?;
        let family = part(has & HAS_FAMILY != 0)?;
        let phones = (0..r.read_len()?).map(|_| r.str().map(str::to_string)).collect::<Result<Vec<_>, _>>()?;
        let birth = if has & HAS_BIRTH != 0 {
            let z = u32::try_from(r.varint()?).map_err(|_| DecodeError("birth year out of range"))?;
            let year = (z >> 1) as i32 ^ -((z & 1) as i32);
            let (month, day) = (r.u8()?, r.u8()?);
            Some(Date::new(year, u32::from(month), u32::from(day)).ok_or(DecodeError("not a date"))?)
        } else {
            None
        };
        let mut text = |bit: u64| -> Result<Option<String>, DecodeError> {
            Ok(if has & bit != 0 { Some(r.str()?.to_string()) } else { None })
        };
        let email_key = text(HAS_EMAIL)?;
        let national_id = text(HAS_ID)?;
        let address = text(HAS_ADDRESS)?;
        let postcode = text(HAS_POSTCODE)?;
        let city = text(HAS_CITY)?;
        let gender = match (has & GENDER_M != 0, has & GENDER_F != 0) {
            (false, false) => None,
            (true, false) => Some("M"),
            (false, true) => Some("F"),
            (true, true) => return Err(DecodeError("two genders")),
        };
        if !r.is_done() {
            return Err(DecodeError("bytes after the record"));
        }
        Ok(Record {
            name,
            name_key,
            name_sound,
            given,
            family,
            phones,
            email_key,
            birth,
            national_id,
            address,
            postcode,
            city,
            gender,
        })
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
    let key: String =
        text::fold_width_cow(value).chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect();
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
        let names: Vec<String> =
            columns.as_object().unwrap().values().map(|v| v.as_str().unwrap().to_string()).collect();
        let table: Vec<TableColumn> = names.iter().map(|n| TableColumn { name: n.clone(), is_text: true }).collect();
        RecordSchema::from_profile(
            &Profile::parse(&columns, &options, &table).unwrap(),
            Date::new(2026, 11, 23).unwrap(),
        )
    }

    #[test]
    fn reads_roles_in_profile_order() {
        let s = schema(
            json!({"id": "id", "name": "n", "phone": "p", "country": "c", "birth_date": "b", "national_id": "i"}),
            json!({"default_region": "CN"}),
        );
        assert_eq!(s.roles, vec![Role::Name, Role::Phone, Role::Country, Role::BirthDate, Role::NationalId]);
        assert_eq!(s.fields(), vec![Field::Name, Field::Phone, Field::BirthDate, Field::NationalId]);
        let r =
            s.record(&[Some("张伟"), Some("138 0013 8000"), None, Some("1985年3月12日"), Some("'11010519491231002x")]);
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

    /// Every kind of value a record holds, through every table shape.
    fn varied_records() -> Vec<Record> {
        let full = schema(
            json!({"id": "id", "name": "n", "phone": "p", "mobile": "m", "email": "e", "address": "a", "city": "c",
                   "postcode": "pc", "country": "co", "birth_date": "b", "gender": "g", "national_id": "i"}),
            json!({"default_region": "CN"}),
        );
        let split = schema(json!({"id": "id", "given_name": "g", "family_name": "f", "birth_date": "b"}), json!({}));
        let mut out = Vec::new();
        for name in [
            "张伟",
            "欧阳娜娜",
            "司马光",
            "单雄信",
            "曾国藩",
            "Bill Smith",
            "Dr. J. R. R. Tolkien",
            "Zhang Wei",
            "李 Lee",
            "José Ñúñez",
            "Mary-Jane O'Brien",
            "ＪＯＨＮ",
            "Nguyễn Văn A",
            "山田太郎",
            "x",
            "",
        ] {
            out.push(full.record(&[
                Some(name),
                Some("138 0013 8000"),
                Some("+1 (212) 731-1968"),
                Some("Zhang.Wei+tag@Gmail.com"),
                Some("北京市朝阳区人民路238号"),
                Some("Beijing"),
                Some("100 005"),
                Some("中国"),
                Some("1985年3月12日"),
                Some("男"),
                Some("11010519491231002x"),
            ]));
            out.push(full.record(&[
                Some(name),
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some("0001-01-01"),
                Some("F"),
                None,
            ]));
            out.push(split.record(&[Some(name), Some("欧阳"), Some("4/13/42")]));
        }
        out.push(Record::default());
        out
    }

    #[test]
    fn records_round_trip_through_their_bytes() {
        let records = varied_records();
        assert!(records.iter().any(|r| r.given.is_some() && r.family.is_some()));
        assert!(records.iter().any(|r| r.phones.len() == 2 && r.birth.is_some() && r.gender == Some("M")));
        for r in records {
            let mut bytes = Vec::new();
            r.encode(&mut bytes);
            assert_eq!(Record::decode(&bytes).as_ref(), Ok(&r), "{r:?}");
            // one record per buffer: trailing bytes are an error
            bytes.push(0);
            assert_eq!(Record::decode(&bytes), Err(DecodeError("bytes after the record")));
        }
    }

    #[test]
    fn chinese_readings_come_back_by_their_rule() {
        // 单 reads shan as a surname and dan otherwise; 欧阳 is one
        // compound surname with its own readings.
        let s = schema(json!({"id": "id", "name": "n"}), json!({}));
        for name in ["单单", "欧阳欧阳", "曾曾"] {
            let r = s.record(&[Some(name)]);
            let mut bytes = Vec::new();
            r.encode(&mut bytes);
            let back = Record::decode(&bytes).unwrap();
            assert_eq!(back.name.as_ref().map(|n| n.key()), r.name.as_ref().map(|n| n.key()));
            assert_eq!(back, r);
        }
    }

    #[test]
    fn a_record_is_a_few_hundred_bytes_encoded() {
        let r = &varied_records()[0];
        let mut bytes = Vec::new();
        r.encode(&mut bytes);
        assert!(bytes.len() < 200, "{} bytes", bytes.len());
    }

    proptest::proptest! {
        #[test]
        fn any_values_round_trip(values in proptest::collection::vec(proptest::option::of("\\PC{0,24}|[张王欧阳单 a-z0-9+@.-]{0,12}"), 11)) {
            let s = schema(
                json!({"id": "id", "name": "n", "phone": "p", "mobile": "m", "email": "e", "address": "a", "city": "c",
                       "postcode": "pc", "country": "co", "birth_date": "b", "gender": "g", "national_id": "i"}),
                json!({}),
            );
            let refs: Vec<Option<&str>> = values.iter().map(|v| v.as_deref()).collect();
            let r = s.record(&refs);
            let mut bytes = Vec::new();
            r.encode(&mut bytes);
            proptest::prop_assert_eq!(Record::decode(&bytes), Ok(r));
        }

        #[test]
        fn any_bytes_decode_or_fail_without_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            let _ = Record::decode(&bytes);
        }
    }
}
