//! Validated input: each type can only be built by `parse`, which returns a
//! translation key when the input is not acceptable.

use serde::Serialize;

/// Why an input was refused: a translation key (see `server/locales/*/errors.ftl`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{key}")]
pub struct ValidationError {
    pub key: &'static str,
}

impl ValidationError {
    pub const fn new(key: &'static str) -> Self {
        Self { key }
    }
}

/// An e-mail address, trimmed and lower-cased (addresses are compared that way).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(ValidationError::new("error-email-missing"));
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(ValidationError::new("error-email-too-long"));
        }
        let (local, domain) = s
            .split_once('@')
            .ok_or(ValidationError::new("error-email-invalid"))?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.chars().any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"@".contains(c));
        if !domain_ok || !local_ok {
            return Err(ValidationError::new("error-email-invalid"));
        }
        Ok(Self(s))
    }

    pub fn from_db(s: String) -> Self {
        Self(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether text may be taken in at all, before any field's own rule: no
/// NUL and no other invisible control character but tab and line breaks.
/// Checked once for every posted form field and every live command, since
/// nobody types them, PostgreSQL refuses NUL in text (a 500 there, and on
/// SQLite a stored row that no backup restores into PostgreSQL).
pub fn storable(raw: &str) -> Result<(), ValidationError> {
    if raw.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        return Err(ValidationError::new("error-text-control-chars"));
    }
    Ok(())
}

/// Posted bytes as text: bytes that are not UTF-8 are refused rather than
/// read with replacement characters, which would store something nobody
/// typed and answer as if all went well.
pub fn utf8(raw: &[u8]) -> Result<&str, ValidationError> {
    std::str::from_utf8(raw).map_err(|_| ValidationError::new("input-error-not-utf8"))
}

/// Single-line text with a length limit in characters, trimmed, no control characters.
fn line(raw: &str, max: usize, missing: &'static str, too_long: &'static str) -> Result<String, ValidationError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(ValidationError::new(missing));
    }
    if s.chars().count() > max {
        return Err(ValidationError::new(too_long));
    }
    if s.chars().any(char::is_control) {
        return Err(ValidationError::new("error-text-control-chars"));
    }
    Ok(s.to_string())
}

macro_rules! line_type {
    ($name:ident, $max:expr, $missing:literal, $too_long:literal) => {
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub const MAX_LEN: usize = $max;

            pub fn parse(raw: &str) -> Result<Self, ValidationError> {
                line(raw, Self::MAX_LEN, $missing, $too_long).map(Self)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_inner(self) -> String {
                self.0
            }
        }
    };
}

line_type!(PersonName, 120, "error-name-missing", "error-name-too-long");
line_type!(OrgName, 160, "error-org-name-missing", "error-org-name-too-long");
line_type!(UnitName, 160, "error-unit-name-missing", "error-unit-name-too-long");
line_type!(GroupName, 160, "error-group-name-missing", "error-group-name-too-long");
line_type!(CampaignTitle, 120, "apv-error-campaign-title-missing", "apv-error-campaign-title-too-long");
line_type!(DeckTitle, 120, "cards-error-deck-title-missing", "cards-error-deck-title-too-long");

/// Free text such as a comment or a catalogue item's wording: may span lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongText(String);

impl LongText {
    pub const MAX_LEN: usize = 4000;

    /// Empty input is allowed (an unanswered comment) and gives `None`.
    pub fn parse_optional(raw: &str) -> Result<Option<Self>, ValidationError> {
        let s = raw.trim();
        if s.is_empty() {
            return Ok(None);
        }
        Self::parse(s).map(Some)
    }

    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(ValidationError::new("error-text-missing"));
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(ValidationError::new("error-text-too-long"));
        }
        if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
            return Err(ValidationError::new("error-text-control-chars"));
        }
        Ok(Self(s.replace("\r\n", "\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password as typed; never stored, only hashed.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_LEN: usize = 10;
    pub const MAX_LEN: usize = 512;

    pub fn parse(raw: &str, repeated: &str) -> Result<Self, ValidationError> {
        let n = raw.chars().count();
        if n < Self::MIN_LEN {
            return Err(ValidationError::new("error-password-too-short"));
        }
        if n > Self::MAX_LEN {
            return Err(ValidationError::new("error-password-too-long"));
        }
        if raw != repeated {
            return Err(ValidationError::new("error-password-mismatch"));
        }
        Ok(Self(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A calendar date typed as `YYYY-MM-DD` (the value of `<input type="date">`).
pub fn parse_date(raw: &str) -> Result<time::Date, ValidationError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(raw.trim(), format).map_err(|_| ValidationError::new("error-date-invalid"))
}

/// A time of day typed as `HH:MM` (the value of `<input type="time">`).
pub fn parse_time(raw: &str) -> Result<time::Time, ValidationError> {
    let format = time::macros::format_description!("[hour]:[minute]");
    time::Time::parse(raw.trim(), format).map_err(|_| ValidationError::new("error-time-invalid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised() {
        assert_eq!(Email::parse("  Mette@Kommune.DK ").unwrap().as_str(), "mette@kommune.dk");
    }

    #[test]
    fn bad_emails_are_refused_with_a_reason() {
        assert_eq!(Email::parse("").unwrap_err().key, "error-email-missing");
        for bad in ["mette", "mette@", "@kommune.dk", "mette@kommune", "a b@c.dk", "m@.dk", "m@k.dk."] {
            assert_eq!(Email::parse(bad).unwrap_err().key, "error-email-invalid", "{bad}");
        }
        let long = format!("{}@k.dk", "a".repeat(300));
        assert_eq!(Email::parse(&long).unwrap_err().key, "error-email-too-long");
    }

    #[test]
    fn names_have_limits() {
        assert_eq!(PersonName::parse(" Søren Ærø ").unwrap().as_str(), "Søren Ærø");
        assert_eq!(PersonName::parse("  ").unwrap_err().key, "error-name-missing");
        assert_eq!(PersonName::parse(&"æ".repeat(121)).unwrap_err().key, "error-name-too-long");
        assert!(PersonName::parse(&"æ".repeat(120)).is_ok());
        assert_eq!(PersonName::parse("a\u{0}b").unwrap_err().key, "error-text-control-chars");
    }

    #[test]
    fn hidden_characters_are_refused_everywhere() {
        assert!(storable("Linje 1\r\nLinje 2\tmed tab, æøå").is_ok());
        for bad in ["Gæst\u{0}", "\u{0}", "a\u{1b}[31m", "b\u{7f}", "c\u{85}"] {
            assert_eq!(storable(bad).unwrap_err().key, "error-text-control-chars", "{bad:?}");
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        assert_eq!(utf8("Søren".as_bytes()).unwrap(), "Søren");
        for bad in [&b"S\xf8ren"[..], b"\xff", b"\xc3", b"\xed\xa0\x80"] {
            assert_eq!(utf8(bad).unwrap_err().key, "input-error-not-utf8", "{bad:?}");
        }
    }

    #[test]
    fn passwords_need_length_and_repeat() {
        assert!(NewPassword::parse("langt-kodeord", "langt-kodeord").is_ok());
        assert_eq!(NewPassword::parse("kort", "kort").err().unwrap().key, "error-password-too-short");
        assert_eq!(
            NewPassword::parse("langt-kodeord", "langt-kodeorD").err().unwrap().key,
            "error-password-mismatch"
        );
    }

    #[test]
    fn dates_parse_iso_only() {
        assert!(parse_date("2026-12-01").is_ok());
        assert_eq!(parse_date("01-12-2026").unwrap_err().key, "error-date-invalid");
        assert_eq!(parse_date("2026-02-30").unwrap_err().key, "error-date-invalid");
    }

    #[test]
    fn times_parse_as_hours_and_minutes() {
        assert_eq!(parse_time(" 09:30 ").unwrap(), time::macros::time!(9:30));
        for bad in ["9.30", "24:00", "09:60", "", "kl. 9"] {
            assert_eq!(parse_time(bad).unwrap_err().key, "error-time-invalid", "{bad}");
        }
    }
}
